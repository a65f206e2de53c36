// libFuzzer target for periods: parse_period on arbitrary bytes, what it
// reads formatted in a locale, and the same bytes as a title template.
//
// Input: the first byte picks the locale (bits 0-2: en, fa, ar, fr, de, es,
// he, xx) and the reference day (bits 3-4: 1400-01-05, 9999-12-31,
// 2021-09-15, 2024-02-29); the rest is the text. In the seed corpus '0' to
// '7' are the eight locales with the reference 2021-09-15.
//
// Contracts:
// - an error is one display-safe line with an offset within the text;
// - a period has first <= last, its label reads back to the same days
//   (and, for a month, the same calendar), and its kind holds its shape: an
//   ISO week is Monday to Sunday, a week seven days, a month 28 to 31 days,
//   the last N days end before the reference;
// - format_day and format_period give non-empty, display-safe UTF-8, and
//   the default title is filled;
// - as a title template the text fills or fails with an offset within it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "digest/digest.hpp"
#include "fuzz_common.hpp"

namespace {

using namespace digest;

void check_period(const Period& p, const PeriodOptions& options, std::string_view locale) {
  FUZZ_CHECK(!p.first.is_special() && !p.last.is_special());
  FUZZ_CHECK(p.first <= p.last);
  const long days = (p.last - p.first).days() + 1;
  switch (p.kind) {
    case PeriodKind::iso_week:
      FUZZ_CHECK(days == 7 && p.first.day_of_week().as_number() == 1);
      break;
    case PeriodKind::week:
      FUZZ_CHECK(days == 7);
      break;
    case PeriodKind::month:
      FUZZ_CHECK(days >= 28 && days <= 31);
      break;
    case PeriodKind::days:
      FUZZ_CHECK(p.last < *options.reference);
      break;
    case PeriodKind::range:
      break;
  }
  FUZZ_CHECK(!p.label.empty() && fuzz::valid_utf8(p.label));
  auto again = parse_period(p.label, options);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->first == p.first && again->last == p.last);
  if (p.kind == PeriodKind::month) FUZZ_CHECK(again->calendar == p.calendar);

  const std::string said = format_period(p, locale);
  FUZZ_CHECK(!said.empty() && fuzz::display_safe(said, false));
  const std::string day = format_day(p.last, locale);
  FUZZ_CHECK(!day.empty() && fuzz::display_safe(day, false));
  auto title = fill_title("", p, locale, days);
  FUZZ_CHECK(title.ok() && fuzz::display_safe(*title, false));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const locales[] = {"en", "fa", "ar", "fr", "de", "es", "he", "xx"};
  static const Date references[] = {Date(1400, 1, 5), Date(9999, 12, 31), Date(2021, 9, 15),
                                    Date(2024, 2, 29)};
  const std::string_view locale = locales[data[0] & 7];
  PeriodOptions options;
  options.reference = references[(data[0] >> 3) & 3];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  auto p = parse_period(text, options);
  if (p.ok()) check_period(*p, options, locale);
  else fuzz::check_error(p.error(), text.size());

  const Period week{Date(2021, 9, 6), Date(2021, 9, 12), "2021-W36", PeriodKind::iso_week};
  auto title = fill_title(text, p.ok() ? *p : week, locale, text.size());
  if (!title.ok()) {
    fuzz::check_error(title.error(), text.size());
    FUZZ_CHECK(title.error().code == ErrorCode::invalid_argument);
  }
  return 0;
}
