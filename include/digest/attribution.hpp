// Attribution lines: the header most clippings open with before the excerpt,
// "Author, Outlet, Date:… text", "Outlet, Place, Date: text",
// "By A and B, Outlet, Date — text", and the same in Persian or Arabic with
// "،". parse_attribution() reads authors, outlet, place, date and excerpt,
// with the span of each in the line. Rules: docs/dates.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digest/dates.hpp"
#include "digest/model.hpp"
#include "digest/outlet_lookup.hpp"

namespace digest {

// Outlets by the search key (Normalizer::search_key) of their names and
// aliases. Not thread-safe while being filled; find_outlet is const and safe
// from many threads once filling is done.
class DG_API SimpleOutletList final : public OutletLookup {
 public:
  SimpleOutletList() = default;
  // Every source's name and aliases.
  explicit SimpleOutletList(std::span<const Source> sources);

  // Adds `name` as a name of outlet `id`. A name already taken by another id
  // keeps its first owner; returns false then (and for an empty key).
  bool add(std::string_view id, std::string_view name);
  void add(const Source& source);

  std::optional<std::string> find_outlet(std::string_view text) const override;
  std::size_t size() const noexcept { return by_key_.size(); }

 private:
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> by_key_;
};

// A byte span [begin, end) in the parsed line.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const noexcept { return begin == end; }
  bool operator==(const TextSpan&) const = default;
};

struct DG_API Attribution {
  std::vector<std::string> authors;  // as written, without "By"
  std::vector<TextSpan> author_spans;
  std::string outlet;  // as written
  TextSpan outlet_span;
  std::string source;  // the registry's source id for the outlet, "" if unknown
  std::string place;
  TextSpan place_span;
  std::optional<DateTime> date;  // absent when the date is ambiguous
  TextSpan date_span;
  bool date_ambiguous = false;
  CalendarDate written_date;  // the date in the calendar it was written in
  std::string excerpt;  // the text after the separator
  TextSpan excerpt_span;
  TextSpan header_span;     // from the line's start to the end of the separator
  // How the roles were told apart: "registry" when the registry named the
  // outlet, "heuristic" otherwise.
  std::string method;
};

struct AttributionOptions {
  DateParseOptions dates;  // languages, order and reference for the date
  // Only the first max_header_bytes of the line are searched for a header.
  std::size_t max_header_bytes = 400;
};

// The attribution header of `line`, or nullopt when the line does not open
// with one (no date followed by a separator in its first bytes). Without a
// registry (or when it knows none of the parts) the roles come from the
// heuristics documented in docs/dates.md.
DG_API std::optional<Attribution> parse_attribution(std::string_view line,
                                                    const OutletLookup* registry = nullptr,
                                                    const AttributionOptions& options = {});

// Fills the post's missing authors, source (the registry id, else the outlet
// as written), place and published_on from an attribution line opening its
// excerpt, or else its body. The text itself is kept. Returns true when a
// field was filled.
DG_API bool apply_attribution(Post& post, const OutletLookup* registry = nullptr,
                              const AttributionOptions& options = {});

}  // namespace digest
