// A digest read back from the library's JSON (render_json): the same reader,
// paths, offsets and limits as a collection; posts and sources are read by
// the own format's record readers.
#include "digest/render.hpp"
#include "json/importer.hpp"
#include "text/safe.hpp"

namespace digest {

namespace json_detail {

void Importer::read_digest_posts(od::value& v, std::vector<Post>& out, std::size_t level) {
  od::array a = get_array(v, level);
  each_element(a, [&](std::size_t, od::value& el) {
    const char* at = loc(el);
    od::object o = get_object(el, level + 1);
    Post p;
    read_post_fields(o, p, level + 2);
    require_id(p.id, at);
    out.push_back(std::move(p));
  });
}

void Importer::read_digest_period(od::value& v, Period& p) {
  const char* at = loc(v);
  od::object o = get_object(v, 1);
  std::string label, kind = "range", calendar = "gregorian";
  std::optional<DateTime> first, last;
  each_field(o, [&](std::string_view key, od::value& f) {
    if (key == "label") get_string(f, label, 2);
    else if (key == "first") get_date(f, first, 2);
    else if (key == "last") get_date(f, last, 2);
    else if (key == "kind") get_string(f, kind, 2);
    else if (key == "calendar") get_string(f, calendar, 2);
    else take_raw(f, 2, false);
  });
  if (!first || !last) fail(ErrorCode::missing_field, "a period needs \"first\" and \"last\"", at);
  if (last->date < first->date) fail(ErrorCode::invalid_argument, "period ends before it starts", at);
  p.first = first->date;
  p.last = last->date;
  p.label = label;
  static constexpr std::pair<std::string_view, PeriodKind> kinds[] = {
      {"iso_week", PeriodKind::iso_week}, {"week", PeriodKind::week}, {"month", PeriodKind::month},
      {"range", PeriodKind::range}, {"days", PeriodKind::days}};
  bool known = false;
  for (auto [name, k] : kinds)
    if (kind == name) p.kind = k, known = true;
  if (!known) fail(ErrorCode::parse_error, "unknown period kind " + ::digest::detail::quote_for_message(kind), at);
  if (calendar != "gregorian" && calendar != "persian")
    fail(ErrorCode::parse_error, "unknown calendar " + ::digest::detail::quote_for_message(calendar), at);
  p.calendar = calendar == "persian" ? PeriodCalendar::persian : PeriodCalendar::gregorian;
}

void Importer::read_digest_item(od::value& v, DigestItem& item) {
  od::object o = get_object(v, 3);
  each_field(o, [&](std::string_view key, od::value& f) {
    if (key == "story") {
      get_string(f, item.story, 4);
    } else if (key == "outlets") {
      const char* at = loc(f);
      std::uint64_t n = 0;
      if (type_of(f) != od::json_type::number || f.get_uint64().get(n) || n == 0 || n > (1u << 30))
        fail(ErrorCode::parse_error, "\"outlets\" must be a positive integer", at);
      item.outlets = static_cast<std::size_t>(n);
    } else if (key == "entities") {
      get_string_array(f, item.entities, 4);
    } else if (key == "also") {
      read_digest_posts(f, item.also, 4);
    } else {
      take_raw(f, 4, false);
    }
  });
}

void Importer::read_digest_section(od::value& v, DigestSection& s) {
  const char* at = loc(v);
  od::object o = get_object(v, 2);
  bool has_items = false;
  each_field(o, [&](std::string_view key, od::value& f) {
    if (key == "source") {
      get_string(f, s.source_id, 3);
    } else if (key == "heading") {
      get_string(f, s.heading, 3);
    } else if (key == "posts") {
      read_digest_posts(f, s.posts, 2);
    } else if (key == "items") {
      has_items = true;
      od::array a = get_array(f, 3);
      each_element(a, [&](std::size_t, od::value& el) {
        s.items.emplace_back();
        read_digest_item(el, s.items.back());
      });
    } else {
      take_raw(f, 3, false);
    }
  });
  if (!has_items) {
    // A digest written before items existed: each post its own story.
    for (const Post& p : s.posts) s.items.push_back(DigestItem{p.id, 1, {}, {}});
  } else if (s.items.size() != s.posts.size()) {
    fail(ErrorCode::invalid_argument, "a section needs one item per post", at);
  }
}

void Importer::run_digest() {
  Digest& d = *digest_;
  od::object root = root_object("a digest object {\"title\": ..., \"period\": {...}, \"sections\": [...]}");
  bool has_period = false;
  each_field(root, [&](std::string_view key, od::value& v) {
    const char* at = loc(v);
    if (key == "digestcore_digest") {
      if (type_of(v) != od::json_type::number || trim_ws(v.raw_json_token()) != "1")
        fail(ErrorCode::parse_error, "unsupported digest format version (this reads 1)", at, true);
    } else if (key == "title") {
      get_string(v, d.title, 1);
    } else if (key == "period") {
      read_digest_period(v, d.period);
      has_period = true;
    } else if (key == "locale") {
      get_string(v, d.locale, 1);
    } else if (key == "group_by" || key == "rank") {
      std::string name;
      get_string(v, name, 1);
      if (key == "group_by") {
        auto g = group_by_from_name(name);
        if (!g) fail(ErrorCode::parse_error, "unknown group_by " + ::digest::detail::quote_for_message(name), at);
        d.group_by = *g;
      } else {
        auto r = rank_from_name(name);
        if (!r) fail(ErrorCode::parse_error, "unknown rank " + ::digest::detail::quote_for_message(name), at);
        d.rank = *r;
      }
    } else if (key == "sources") {
      od::array a = get_array(v, 1);
      each_element(a, [&](std::size_t, od::value& el) {
        const char* at = loc(el);
        od::object o = get_object(el, 2);
        Source s;
        read_source_fields(o, s, 3);
        require_id(s.id, at);
        d.sources.push_back(std::move(s));
      });
    } else if (key == "sections") {
      od::array a = get_array(v, 1);
      each_element(a, [&](std::size_t, od::value& el) {
        d.sections.emplace_back();
        read_digest_section(el, d.sections.back());
      });
    } else {
      take_raw(v, 1, false);  // post_count and what later versions add
    }
  });
  if (!has_period) fail(ErrorCode::missing_field, "no \"period\"", buf_.data(), true);
  // The section's source record, as make_digest sets it for source sections.
  if (d.group_by == GroupBy::source)
    for (DigestSection& s : d.sections)
      for (const Source& src : d.sources)
        if (src.id == s.source_id) s.source = src;
  check_trailing();
}

}  // namespace json_detail

Result<Digest> load_digest_json(std::string_view json) {
  Collection scratch;
  ImportOptions options;
  options.format = JsonFormat::own;
  options.strict = true;
  Digest d;
  json_detail::Importer importer(scratch, options);
  if (Status st = importer.import_digest_document(json, d); !st.ok()) return std::move(st).error();
  return d;
}

}  // namespace digest
