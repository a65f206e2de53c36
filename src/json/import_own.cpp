// The own format: one document {"digestcore": 1, "sources": [...],
// "posts": [...]} (docs/schema.md). Its post and source records are also
// what a JSON Lines line holds and what JSON Feed's "_digestcore" member
// carries, so the other formats call the readers here.
#include "json/fields.hpp"
#include "json/importer.hpp"

#include <optional>

namespace digest::json_detail {

namespace {

// A length switch first: this runs for every member of every post.
int post_field(std::string_view k) {
  switch (k.size()) {
    case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 12:
      return post_field_index(k);
    default: return -1;
  }
}

}  // namespace

// --- records --------------------------------------------------------------
// Reads the members of an own-format post object at nesting `level`;
// returns the mask of the known fields seen.
unsigned Importer::read_post_fields(od::object& obj, Post& p, std::size_t level) {
  unsigned seen = 0;
  each_field(obj, [&](std::string_view key, od::value& v) {
    int k = post_field(key);
    if (k < 0) {
      p.extra.push_back({std::string(key), take_raw(v, level, true)});
      return;
    }
    if (seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(v));
    seen |= 1u << k;
    switch (k) {
      case kId: get_id(v, p.id, level, false); break;
      case kTitle: get_string(v, p.title, level); break;
      case kUrl: get_string(v, p.url, level); break;
      case kPostedOn: get_date(v, p.posted_on, level); break;
      case kPublishedOn: get_date(v, p.published_on, level); break;
      case kAuthors: get_string_array(v, p.authors, level); break;
      case kSource: get_string(v, p.source, level); break;
      case kPlace: get_string(v, p.place, level); break;
      case kExcerpt: get_string(v, p.excerpt, level); break;
      case kBody: get_string(v, p.body, level); break;
      case kLanguage: get_string(v, p.language, level); break;
      case kTags: get_string_array(v, p.tags, level, true); break;
      case kCluster: get_string(v, p.cluster, level); break;
      case kStory: get_string(v, p.story, level); break;
      default: break;
    }
  });
  return seen;
}

void Importer::read_source_fields(od::object& obj, Source& s, std::size_t level) {
  unsigned seen = 0;
  std::optional<std::string> domain;
  each_field(obj, [&](std::string_view key, od::value& v) {
    int k = source_field_index(key);
    if (k < 0) {
      if (key == kSourceDomain) {
        std::string d;
        if (domain) fail(ErrorCode::parse_error, "duplicate member", loc(v));
        if (get_string(v, d, level)) domain = std::move(d);
        else domain = std::string();
        return;
      }
      s.extra.push_back({std::string(key), take_raw(v, level, true)});
      return;
    }
    if (seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(v));
    seen |= 1u << k;
    switch (k) {
      case kSrcId: get_id(v, s.id, level, false); break;
      case kSrcName: get_string(v, s.name, level); break;
      case kSrcAliases: get_string_array(v, s.aliases, level); break;
      case kSrcUrl: get_string(v, s.url, level); break;
      case kSrcLanguage: get_string(v, s.language, level); break;
      case kSrcCountry: get_string(v, s.country, level); break;
      default: break;
    }
  });
  if (domain && !domain->empty()) {
    if (s.url.empty()) {
      s.url = std::move(*domain);
    } else {
      std::string raw;
      append_json_string(raw, *domain);
      s.extra.push_back({std::string(kSourceDomain), std::move(raw)});
    }
  }
}

void Importer::read_own_post(od::value& v, std::size_t level) {
  const char* at = loc(v);
  od::object o = get_object(v, level);
  Post p;
  read_post_fields(o, p, level + 1);
  add_post(std::move(p), at);
}

void Importer::read_own_source(od::value& v, std::size_t level) {
  const char* at = loc(v);
  od::object o = get_object(v, level);
  Source s;
  read_source_fields(o, s, level + 1);
  add_source(std::move(s), at);
}

void Importer::read_sources_array(od::value& v, std::size_t level) {
  od::array a = get_array(v, level);
  each_element(a, [&](std::size_t, od::value& el) {
    record([&] { read_own_source(el, level + 1); });
  });
}

// --- a source registry ------------------------------------------------------
// {"sources": [...]} (other members, such as a collection's "posts", are
// checked as JSON and ignored) or a bare array of sources: the same source
// records as the own format, read by the same code.
void Importer::run_sources_document() {
  run_list_document("sources", [&](od::value& v, std::size_t level) { read_own_source(v, level); });
}

// --- the document ---------------------------------------------------------
void Importer::run_own() {
  od::object root = root_object("an object {\"digestcore\": 1, \"sources\": [...], \"posts\": [...]}");
  unsigned top_seen = 0;
  each_field(root, [&](std::string_view key, od::value& v) {
    unsigned bit = key == "digestcore" ? 1 : key == "posts" ? 2 : key == "sources" ? 4 : 0;
    if (bit & top_seen) fail(ErrorCode::parse_error, "duplicate member", loc(v), true);
    top_seen |= bit;
    if (key == "digestcore") {
      const char* at = loc(v);
      if (type_of(v) != od::json_type::number) wrong_type(v, "the number 1", 1);
      std::string_view tok = trim_ws(v.raw_json_token());
      if (tok != "1")
        fail(ErrorCode::parse_error,
             "unsupported digestcore format version " + std::string(tok) + " (this reads 1)", at,
             true);
    } else if (key == "posts") {
      od::array a = get_array(v, 1);
      each_element(a, [&](std::size_t, od::value& el) { record([&] { read_own_post(el, 2); }); });
    } else if (key == "sources") {
      read_sources_array(v, 1);
    } else {
      take_raw(v, 1, false);  // checked, then ignored
    }
  });
  check_trailing();
}

}  // namespace digest::json_detail
