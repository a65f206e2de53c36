// libFuzzer target for digests and every renderer: a collection read from
// the fuzzed JSON (any format, bad records skipped), a digest of one ISO
// week, and that digest as Markdown, JSON and JSON Feed.
//
// Input: an optional first line naming the week ("2021-W33"; a line of at
// most 24 bytes with no '{' or '['), then the collection. Without a week
// line the week is that of the first dated post.
//
// Contracts:
// - the week: parse_iso_week fails with a one-line error or gives Monday to
//   Sunday; iso_week_of(day) is the Monday-to-Sunday week holding the day,
//   and its label parses back to it (in parse_iso_week's years);
// - the digest holds exactly the collection's posts of that week, in
//   sections under the posts' sources;
// - Markdown: well-formed UTF-8 with no control or bidi-override character,
//   one "## " line per section and one "### " line per post, and every link
//   an http(s) URL;
// - JSON: valid, no lone surrogate escapes, pretty and compact the same
//   value;
// - JSON Feed: valid, and it reads back as the digest's posts in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"
#include "fuzz_common.hpp"

namespace {

using namespace digest;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

void check_markdown(std::string_view md, const Digest& d) {
  FUZZ_CHECK(fuzz::display_safe(md, true));
  FUZZ_CHECK(md.substr(0, 2) == "# ");
  std::size_t sections = 0, posts = 0;
  std::size_t start = 0;
  while (start < md.size()) {
    std::size_t nl = md.find('\n', start);
    if (nl == std::string_view::npos) nl = md.size();
    std::string_view line = md.substr(start, nl - start);
    if (line.substr(0, 3) == "## ") ++sections;
    if (line.substr(0, 4) == "### ") ++posts;
    start = nl + 1;
  }
  FUZZ_CHECK(sections == d.sections.size());
  FUZZ_CHECK(posts == d.post_count());
  // A link is "](" after a ']' that is not escaped (an even run of
  // backslashes before it).
  for (std::size_t at = md.find("]("); at != std::string_view::npos; at = md.find("](", at + 1)) {
    std::size_t slashes = 0;
    while (slashes < at && md[at - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2) continue;
    std::string_view target = md.substr(at + 2);
    FUZZ_CHECK(starts_with_ci(target, "http://") || starts_with_ci(target, "https://"));
  }
}

std::string minified(std::string_view json) {
  std::string out;
  auto r = json_detail::check_raw_json(json, 1u << 20, &out);
  FUZZ_CHECK(r.ok);
  return out;
}

Period week_for(std::string_view week_line, const Collection& c, bool& have) {
  have = false;
  if (!week_line.empty()) {
    auto p = parse_iso_week(week_line);
    if (!p.ok()) {
      fuzz::check_error(p.error(), week_line.size());
      return {};
    }
    FUZZ_CHECK(p->first.day_of_week() == boost::gregorian::Monday);
    FUZZ_CHECK((p->last - p->first).days() == 6);
    auto again = iso_week_of(p->first);
    FUZZ_CHECK(again.ok() && *again == *p);
    have = true;
    return *p;
  }
  for (const Post& post : c.posts()) {
    auto day = post.digest_date();
    if (!day) continue;
    // A week reaching outside 1400..9999 is an error, never a throw.
    auto week = iso_week_of(*day);
    if (!week.ok()) {
      FUZZ_CHECK(day->year() == 1400 || day->year() == 9999);
      continue;
    }
    const Period& p = *week;
    FUZZ_CHECK(p.first <= *day && *day <= p.last);
    FUZZ_CHECK((p.last - p.first).days() == 6);
    FUZZ_CHECK(p.first.day_of_week() == boost::gregorian::Monday);
    // Labels read back within parse_iso_week's years, 1401 to 9998.
    auto again = parse_iso_week(p.label);
    int label_year = std::stoi(p.label.substr(0, 4));
    if (label_year >= 1401 && label_year <= 9998) FUZZ_CHECK(again.ok() && *again == p);
    else FUZZ_CHECK(!again.ok());
    have = true;
    return p;
  }
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = fuzz::as_text(data, size);
  std::string_view week_line;
  std::size_t nl = input.find('\n');
  if (nl != std::string_view::npos && nl <= 24 &&
      input.substr(0, nl).find_first_of("{[") == std::string_view::npos) {
    week_line = input.substr(0, nl);
    input.remove_prefix(nl + 1);
  }

  Collection c;
  ImportOptions o;
  o.skip_bad_records = true;
  o.max_depth = 16;
  if (!import_json(c, input, o).ok()) return 0;
  bool have = false;
  Period period = week_for(week_line, c, have);
  if (!have) return 0;

  DigestOptions options;
  if (size % 2 && !c.posts().empty()) options.title = c.posts()[0].title;
  Digest d = build_digest(c, period, options);
  FUZZ_CHECK(d.period == period);
  FUZZ_CHECK(d.post_count() == c.select(period.first, period.last).size());
  std::vector<Post> in_order;
  for (const DigestSection& s : d.sections) {
    FUZZ_CHECK(!s.posts.empty());
    if (s.source) FUZZ_CHECK(s.source->id == s.source_id);
    for (const Post& p : s.posts) {
      if (s.source) FUZZ_CHECK(p.source == s.source_id);
      auto day = p.digest_date();
      FUZZ_CHECK(day && period.first <= *day && *day <= period.last);
      in_order.push_back(p);
    }
  }

  check_markdown(render_markdown(d), d);

  std::string pretty = render_json(d, true), compact = render_json(d, false);
  fuzz::check_json_output(pretty);
  fuzz::check_json_output(compact);
  FUZZ_CHECK(minified(pretty) == minified(compact));

  FeedOptions feed_options;
  if (size % 3 == 0 && !c.posts().empty()) feed_options.title = c.posts()[0].title;
  std::string feed = render_json_feed(d, feed_options);
  fuzz::check_json_output(feed);
  Collection back;
  auto r = import_json(back, feed, fuzz::format_only(JsonFormat::json_feed));
  FUZZ_CHECK(r.ok());
  FUZZ_CHECK(back.posts().size() == in_order.size());
  for (std::size_t i = 0; i < in_order.size(); ++i) FUZZ_CHECK(back.posts()[i] == in_order[i]);
  return 0;
}
