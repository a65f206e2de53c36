// libFuzzer target for the C API (digest/digestcore.h), called as a C
// program calls it: import with options, read every post and source field,
// rebuild the collection with the builders, export and re-import in every
// format, build and render a digest, curate, and the text functions
// (normalise, tokens, dates, attribution, registry, gazetteer) on the
// fuzzed text. Only the C header is used.
//
// Input: byte 0 picks the options (bits 0-2 the import format, including
// values that are no format; bit 3 skip bad records; bit 4 pretty output;
// bits 5-7 the curation steps: attribution, registry, gazetteer). The rest
// is the JSON (and, for the text functions, the text). In the seed corpus,
// '0'..'4' (0x30-0x34) are DG_FORMAT_DETECT..DG_FORMAT_WORDPRESS with pretty
// output and the attribution step, '5' a value that is no format, '8'
// (0x38) detection with skipping, '@' (0x40) the registry step alone.
//
// Contracts: every status is DG_OK or a dg_status value and equals
// dg_last_error_code(); a failure leaves a one-line, control-free
// dg_last_error() and untouched outputs, a success clears it; invalid enum
// values are DG_E_INVALID_ARGUMENT; strings handed out are NUL-terminated
// UTF-8; a failed import or curation leaves the collection as it was; the
// builders reproduce the collection; each export reads back to the same
// export; spans lie in the text; nothing leaks (LeakSanitizer).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "digest/digestcore.h"
#include "fuzz_common.hpp"

namespace {

// The status contract, for a call that returned `rc`.
int st(int rc) {
  // DG_OK or a status this header names.
  FUZZ_CHECK(rc <= 0 && std::strcmp(dg_status_name(rc), "DG_E_UNKNOWN") != 0);
  FUZZ_CHECK(dg_last_error_code() == rc);
  const char* line = dg_last_error();
  const char* message = dg_last_error_message();
  FUZZ_CHECK(line != nullptr && message != nullptr && dg_last_error_file() != nullptr &&
             dg_last_error_field() != nullptr);
  if (rc == DG_OK) {
    FUZZ_CHECK(*line == '\0' && *message == '\0');
  } else {
    FUZZ_CHECK(rc != DG_E_INTERNAL && rc != DG_E_NO_MEMORY);
    fuzz::check_error_line(line);
    fuzz::check_error_line(message);
    FUZZ_CHECK(std::strncmp(dg_status_name(rc), "DG_E_", 5) == 0);
    uint64_t at_line = 0;
    int64_t offset = 0;
    FUZZ_CHECK(dg_last_error_position(&at_line, &offset) == DG_OK);
    FUZZ_CHECK(offset >= -1);
    FUZZ_CHECK(dg_last_error_code() == rc);  // reading the position keeps the error
  }
  return rc;
}

// A string handed out: NUL-terminated, and UTF-8 unless it is part of a
// text the caller gave that was not.
void check_string(const char* s, std::size_t len, bool utf8 = true) {
  FUZZ_CHECK(s != nullptr && s[len] == '\0');
  if (utf8) FUZZ_CHECK(fuzz::valid_utf8(std::string_view(s, len)));
}

std::string exported(const dg_collection* c, dg_format format, int pretty) {
  dg_output_options o = DG_OUTPUT_OPTIONS_INIT;
  o.pretty = pretty;
  dg_buffer* buf = nullptr;
  FUZZ_CHECK(st(dg_collection_export_opts(c, format, &o, &buf)) == DG_OK);
  const char* data = dg_buffer_data(buf);
  std::size_t size = dg_buffer_size(buf);
  FUZZ_CHECK(data[size] == '\0');
  std::string out(data, size);
  dg_buffer_free(buf);
  return out;
}

void check_post(const dg_collection* c, const dg_post* p) {
  const char* s = nullptr;
  std::size_t len = 0, n = 0;
  for (int f = DG_POST_ID; f <= DG_POST_STORY; ++f) {
    FUZZ_CHECK(st(dg_post_get(p, static_cast<dg_post_field>(f), &s, &len)) == DG_OK);
    check_string(s, len);
  }
  for (int bad : {-1, 10, 0x7fffffff, -0x7fffffff - 1})
    FUZZ_CHECK(st(dg_post_get(p, static_cast<dg_post_field>(bad), &s, &len)) ==
               DG_E_INVALID_ARGUMENT);
  FUZZ_CHECK(st(dg_post_get(p, DG_POST_ID, &s, &len)) == DG_OK);
  const dg_post* found = nullptr;
  FUZZ_CHECK(st(dg_collection_find_post(c, s, len, &found)) == DG_OK && found == p);

  FUZZ_CHECK(st(dg_post_author_count(p, &n)) == DG_OK);
  for (std::size_t i = 0; i < n; ++i) {
    FUZZ_CHECK(st(dg_post_author_at(p, i, &s, &len)) == DG_OK);
    check_string(s, len);
  }
  FUZZ_CHECK(st(dg_post_author_at(p, n, &s, &len)) == DG_E_INVALID_ARGUMENT);
  FUZZ_CHECK(st(dg_post_tag_count(p, &n)) == DG_OK);
  for (std::size_t i = 0; i < n; ++i) {
    FUZZ_CHECK(st(dg_post_tag_at(p, i, &s, &len)) == DG_OK);
    check_string(s, len);
  }
  FUZZ_CHECK(st(dg_post_tag_at(p, n, &s, &len)) == DG_E_INVALID_ARGUMENT);
  FUZZ_CHECK(st(dg_post_extra_count(p, &n)) == DG_OK);
  for (std::size_t i = 0; i < n; ++i) {
    const char *name = nullptr, *json = nullptr;
    std::size_t name_len = 0, json_len = 0;
    FUZZ_CHECK(st(dg_post_extra_at(p, i, &name, &name_len, &json, &json_len)) == DG_OK);
    check_string(name, name_len);
    check_string(json, json_len);
    const char* again = nullptr;
    std::size_t again_len = 0;
    FUZZ_CHECK(st(dg_post_find_extra(p, name, name_len, &again, &again_len)) == DG_OK);
  }
  dg_datetime dt;
  for (auto get : {&dg_post_posted_on, &dg_post_published_on}) {
    int rc = st(get(p, &dt));
    FUZZ_CHECK(rc == DG_OK || rc == DG_E_NOT_FOUND);
    if (rc == DG_OK) {
      FUZZ_CHECK(dt.year >= 1400 && dt.year <= 9999 && dt.month >= 1 && dt.month <= 12);
      if (dt.has_time) FUZZ_CHECK(dt.seconds >= 0 && dt.seconds < 86400);
      if (dt.has_offset) FUZZ_CHECK(dt.has_time);
    }
  }
}

void check_source(const dg_source* src) {
  const char* s = nullptr;
  std::size_t len = 0, n = 0;
  for (int f = DG_SOURCE_ID; f <= DG_SOURCE_COUNTRY; ++f) {
    FUZZ_CHECK(st(dg_source_get(src, static_cast<dg_source_field>(f), &s, &len)) == DG_OK);
    check_string(s, len);
  }
  FUZZ_CHECK(st(dg_source_get(src, static_cast<dg_source_field>(-1), &s, &len)) ==
             DG_E_INVALID_ARGUMENT);
  FUZZ_CHECK(st(dg_source_alias_count(src, &n)) == DG_OK);
  for (std::size_t i = 0; i < n; ++i) {
    FUZZ_CHECK(st(dg_source_alias_at(src, i, &s, &len)) == DG_OK);
    check_string(s, len);
  }
}

// The builders give back the collection: every source and post copied
// through dg_*_builder_from_* into a new collection exports the same.
void check_builders(const dg_collection* c, std::size_t posts, std::size_t sources) {
  dg_collection* copy = nullptr;
  FUZZ_CHECK(st(dg_collection_new(&copy)) == DG_OK);
  for (std::size_t i = 0; i < sources; ++i) {
    const dg_source* src = nullptr;
    FUZZ_CHECK(st(dg_collection_source_at(c, i, &src)) == DG_OK);
    check_source(src);
    dg_source_builder* b = nullptr;
    FUZZ_CHECK(st(dg_source_builder_from_source(&b, src)) == DG_OK);
    FUZZ_CHECK(st(dg_collection_add_source(copy, b)) == DG_OK);
    FUZZ_CHECK(st(dg_collection_add_source(copy, b)) == DG_E_DUPLICATE_ID);
    dg_source_builder_free(b);
  }
  for (std::size_t i = 0; i < posts; ++i) {
    const dg_post* p = nullptr;
    FUZZ_CHECK(st(dg_collection_post_at(c, i, &p)) == DG_OK);
    check_post(c, p);
    dg_post_builder* b = nullptr;
    FUZZ_CHECK(st(dg_post_builder_from_post(&b, p)) == DG_OK);
    FUZZ_CHECK(st(dg_collection_add_post(copy, b)) == DG_OK);
    FUZZ_CHECK(st(dg_collection_add_post(copy, b)) == DG_E_DUPLICATE_ID);
    FUZZ_CHECK(st(dg_collection_replace_post(copy, b)) == DG_OK);
    dg_post_builder_free(b);
  }
  const dg_post* none = nullptr;
  FUZZ_CHECK(st(dg_collection_post_at(c, posts, &none)) == DG_E_INVALID_ARGUMENT &&
             none == nullptr);
  FUZZ_CHECK(exported(copy, DG_FORMAT_OWN, 0) == exported(c, DG_FORMAT_OWN, 0));
  dg_collection_free(copy);
}

// Each export reads back in its format to a collection that exports the
// same; formats that cannot be written are refused.
void check_exports(const dg_collection* c, int pretty) {
  for (dg_format f : {DG_FORMAT_OWN, DG_FORMAT_JSON_LINES, DG_FORMAT_JSON_FEED}) {
    std::string text = exported(c, f, pretty);
    if (f == DG_FORMAT_JSON_LINES) fuzz::check_json_lines_output(text);
    else fuzz::check_json_output(text);
    dg_collection* back = nullptr;
    FUZZ_CHECK(st(dg_collection_new(&back)) == DG_OK);
    std::size_t added = 0;
    FUZZ_CHECK(st(dg_collection_import_json(back, text.data(), text.size(), f, &added)) == DG_OK);
    FUZZ_CHECK(exported(back, f, pretty) == text);
    dg_collection_free(back);
  }
  for (int bad : {static_cast<int>(DG_FORMAT_DETECT), static_cast<int>(DG_FORMAT_WORDPRESS), -1, 5}) {
    dg_buffer* buf = nullptr;
    FUZZ_CHECK(st(dg_collection_export(c, static_cast<dg_format>(bad), &buf)) ==
               DG_E_INVALID_ARGUMENT);
    FUZZ_CHECK(buf == nullptr);
  }
}

void check_render(const dg_digest* d, int pretty) {
  dg_output_options o = DG_OUTPUT_OPTIONS_INIT;
  o.pretty = pretty;
  for (dg_render_format f :
       {DG_RENDER_MARKDOWN, DG_RENDER_JSON, DG_RENDER_JSON_FEED, DG_RENDER_HTML}) {
    dg_buffer* buf = nullptr;
    FUZZ_CHECK(st(dg_digest_render_opts(d, f, &o, &buf)) == DG_OK);
    std::string_view text(dg_buffer_data(buf), dg_buffer_size(buf));
    if (f == DG_RENDER_MARKDOWN) {
      FUZZ_CHECK(fuzz::display_safe(text, true));
    } else if (f == DG_RENDER_HTML) {
      // Whatever the posts held: no script, no handler, no script link.
      FUZZ_CHECK(text.find("<script") == std::string_view::npos);
      FUZZ_CHECK(text.find("href=\"javascript") == std::string_view::npos);
      FUZZ_CHECK(fuzz::display_safe(text, true));
    } else {
      fuzz::check_json_output(text);
    }
    dg_buffer_free(buf);
  }
  for (int bad : {-1, 4}) {
    dg_buffer* buf = nullptr;
    FUZZ_CHECK(st(dg_digest_render(d, static_cast<dg_render_format>(bad), &buf)) ==
               DG_E_INVALID_ARGUMENT);
    FUZZ_CHECK(buf == nullptr);
  }
}

void check_digest(const dg_collection* c, std::size_t posts, int pretty) {
  for (std::size_t i = 0; i < posts; ++i) {
    const dg_post* p = nullptr;
    FUZZ_CHECK(st(dg_collection_post_at(c, i, &p)) == DG_OK);
    int y = 0, m = 0, day = 0;
    if (st(dg_post_digest_date(p, &y, &m, &day)) != DG_OK) continue;
    dg_ymd first{y, m, day}, last{y, m, day};
    dg_digest* d = nullptr;
    int rc = DG_OK;
    FUZZ_CHECK(st(dg_digest_build_range(c, &first, &last, nullptr, &d)) == DG_OK);
    std::size_t n = 0, sections = 0;
    FUZZ_CHECK(st(dg_digest_post_count(d, &n)) == DG_OK && n >= 1);
    FUZZ_CHECK(st(dg_digest_section_count(d, &sections)) == DG_OK && sections >= 1);
    std::size_t total = 0;
    for (std::size_t k = 0; k < sections; ++k) {
      const dg_digest_section* s = nullptr;
      FUZZ_CHECK(st(dg_digest_section_at(d, k, &s)) == DG_OK);
      const char* text = nullptr;
      std::size_t len = 0, count = 0;
      FUZZ_CHECK(st(dg_digest_section_get(s, DG_SECTION_HEADING, &text, &len)) == DG_OK);
      check_string(text, len);
      FUZZ_CHECK(st(dg_digest_section_post_count(s, &count)) == DG_OK);
      total += count;
    }
    FUZZ_CHECK(total == n);
    check_render(d, pretty);
    dg_digest_free(d);
    // The same day as an impossible range, and a week named by the title.
    if (day > 1) {
      dg_ymd before{y, m, day - 1};
      d = nullptr;
      FUZZ_CHECK(st(dg_digest_build_range(c, &first, &before, nullptr, &d)) ==
                 DG_E_INVALID_ARGUMENT);
      FUZZ_CHECK(d == nullptr);
    }
    d = nullptr;
    rc = st(dg_digest_build_week_of(c, &first, nullptr, &d));
    // Only a week that reaches outside the years 1400 to 9999 is refused.
    FUZZ_CHECK(rc == DG_OK || (rc == DG_E_INVALID_ARGUMENT && (y == 9999 || y == 1400)));
    if (rc == DG_OK) {
      std::size_t in_week = 0;
      FUZZ_CHECK(st(dg_digest_post_count(d, &in_week)) == DG_OK && in_week >= n);
    }
    dg_digest_free(d);
    const char* title = nullptr;
    std::size_t title_len = 0;
    FUZZ_CHECK(st(dg_post_get(p, DG_POST_TITLE, &title, &title_len)) == DG_OK);
    d = nullptr;
    rc = st(dg_digest_build_week(c, title, title_len, &d));
    FUZZ_CHECK(rc == DG_OK || rc == DG_E_PARSE);
    dg_digest_free(d);
    return;
  }
}

struct Dictionaries {
  dg_source_registry* registry = nullptr;
  dg_gazetteer* gazetteer = nullptr;
  dg_outlet_list* outlets = nullptr;
  dg_normalizer* lenient = nullptr;
  dg_normalizer* strict = nullptr;
};

const Dictionaries& dictionaries() {
  static const Dictionaries d = [] {
    Dictionaries x;
    static const char registry[] =
        R"({"sources": [{"id": "lantern", "name": "The Daily Lantern", "aliases": ["Lantern"],
            "url": "https://lantern.example"},
           {"id": "kavir", "name": "Kavir Daily", "aliases": ["کویر"]},
           {"id": "echo", "name": "Echo du Lac", "url": "https://echo-du-lac.example"}]})";
    static const char gazetteer[] =
        R"({"entities": [{"id": "basin", "name": "Sarvan Basin Authority",
            "aliases": [{"text": "SBA", "case_sensitive": true}, "سازمان حوضه سروان"]},
           {"id": "ferry", "aliases": ["ferry board", "harbour board"]}]})";
    FUZZ_CHECK(dg_source_registry_load_json(&x.registry, registry, sizeof registry - 1) == DG_OK);
    FUZZ_CHECK(dg_gazetteer_load_json(&x.gazetteer, gazetteer, sizeof gazetteer - 1) == DG_OK);
    FUZZ_CHECK(dg_outlet_list_new(&x.outlets) == DG_OK);
    FUZZ_CHECK(dg_outlet_list_add(x.outlets, "lantern", 7, "The Daily Lantern", 17) == DG_OK);
    dg_normalizer_options o = DG_NORMALIZER_OPTIONS_INIT;
    FUZZ_CHECK(dg_normalizer_new(&o, &x.lenient) == DG_OK);
    o.utf8 = DG_UTF8_STRICT;
    FUZZ_CHECK(dg_normalizer_new(&o, &x.strict) == DG_OK);
    return x;
  }();
  return d;
}

void check_text_functions(std::string_view text, bool strict) {
  const Dictionaries& dict = dictionaries();
  const dg_normalizer* norm = strict ? dict.strict : dict.lenient;
  const bool valid = fuzz::valid_utf8(text);
  for (int form : {int(DG_NORMAL_NFC), int(DG_NORMAL_NFKC), int(DG_NORMAL_DISPLAY), -1}) {
    dg_buffer* buf = nullptr;
    int rc = st(dg_normalize(norm, text.data(), text.size(), static_cast<dg_normal_form>(form), &buf));
    if (form == -1) FUZZ_CHECK(rc == DG_E_INVALID_ARGUMENT);
    else if (strict && !valid) FUZZ_CHECK(rc == DG_E_INVALID_UTF8);
    else FUZZ_CHECK(rc == DG_OK);
    if (rc == DG_OK) check_string(dg_buffer_data(buf), dg_buffer_size(buf));
    else FUZZ_CHECK(buf == nullptr);
    dg_buffer_free(buf);
  }
  dg_token_list* tokens = nullptr;
  if (st(dg_tokens(norm, text.data(), text.size(), &tokens)) == DG_OK) {
    std::size_t n = 0;
    FUZZ_CHECK(st(dg_token_list_size(tokens, &n)) == DG_OK);
    for (std::size_t i = 0; i < n; ++i) {
      const char* key = nullptr;
      std::size_t key_len = 0, begin = 0, end = 0;
      FUZZ_CHECK(st(dg_token_list_at(tokens, i, &key, &key_len, &begin, &end)) == DG_OK);
      check_string(key, key_len);
      FUZZ_CHECK(begin < end && end <= text.size());
    }
    dg_token_list_free(tokens);
  } else {
    FUZZ_CHECK(strict && !valid);
  }

  dg_date_options dates = DG_DATE_OPTIONS_INIT;
  dates.languages = text.size() % 2 ? "en,fr,fa" : nullptr;
  dg_date date;
  int rc = st(dg_date_parse(text.data(), text.size(), &dates, &date));
  FUZZ_CHECK(rc == DG_OK || rc == DG_E_NOT_FOUND || rc == DG_E_INVALID_UTF8);
  if (rc == DG_OK) FUZZ_CHECK(date.begin <= date.end && date.end <= text.size());
  // Partial dates too, half of the time.
  dates.allow_partial = text.size() % 4 < 2;
  dg_date_detail detail = DG_DATE_DETAIL_INIT;
  rc = st(dg_date_parse_detailed(text.data(), text.size(), &dates, &date, &detail));
  FUZZ_CHECK(rc == DG_OK || rc == DG_E_NOT_FOUND || rc == DG_E_INVALID_UTF8);
  if (rc == DG_OK) {
    FUZZ_CHECK(date.begin <= date.end && date.end <= text.size());
    FUZZ_CHECK(detail.precision >= DG_DATE_PRECISION_DAY &&
               detail.precision <= DG_DATE_PRECISION_YEAR);
    FUZZ_CHECK(dates.allow_partial || detail.precision == DG_DATE_PRECISION_DAY);
  }
  dg_date_list* list = nullptr;
  if (st(dg_date_find(text.data(), text.size(), &dates, &list)) == DG_OK) {
    std::size_t n = 0;
    FUZZ_CHECK(st(dg_date_list_count(list, &n)) == DG_OK);
    for (std::size_t i = 0; i < n; ++i) {
      FUZZ_CHECK(st(dg_date_list_at(list, i, &date)) == DG_OK);
      FUZZ_CHECK(date.begin < date.end && date.end <= text.size());
      FUZZ_CHECK(st(dg_date_list_detail_at(list, i, &detail)) == DG_OK);
    }
    dg_date_list_free(list);
  }
  dg_date_options bad = DG_DATE_OPTIONS_INIT;
  bad.version = 99;
  FUZZ_CHECK(st(dg_date_parse(text.data(), text.size(), &bad, &date)) == DG_E_INVALID_ARGUMENT);

  dg_attribution* a = nullptr;
  rc = st(dg_attribution_parse(text.data(), text.size(), dg_outlet_list_lookup(dict.outlets),
                               nullptr, &a));
  FUZZ_CHECK(rc == DG_OK || rc == DG_E_NOT_FOUND || rc == DG_E_INVALID_UTF8);
  if (rc == DG_OK) {
    for (int f = DG_ATTRIBUTION_OUTLET; f <= DG_ATTRIBUTION_METHOD; ++f) {
      const char* s = nullptr;
      std::size_t len = 0, begin = 0, end = 0;
      FUZZ_CHECK(st(dg_attribution_get(a, static_cast<dg_attribution_field>(f), &s, &len)) == DG_OK);
      check_string(s, len, valid);
      int span = st(dg_attribution_span(a, static_cast<dg_attribution_field>(f), &begin, &end));
      if (span == DG_OK) FUZZ_CHECK(begin <= end && end <= text.size());
    }
    dg_attribution_free(a);
  }

  const char* id = nullptr;
  std::size_t id_len = 0;
  double score = 0;
  dg_resolve_method method;
  rc = st(dg_source_registry_resolve(dict.registry, text.data(), text.size(), nullptr, &id,
                                     &id_len, &score, &method));
  FUZZ_CHECK(rc == DG_OK || rc == DG_E_NOT_FOUND || rc == DG_E_INVALID_UTF8);
  if (rc == DG_OK) {
    check_string(id, id_len);
    FUZZ_CHECK(score > 0 && score <= 1.0);
  }

  dg_entity_matches* matches = nullptr;
  if (st(dg_gazetteer_find(dict.gazetteer, text.data(), text.size(), &matches)) == DG_OK) {
    std::size_t n = 0;
    FUZZ_CHECK(st(dg_entity_matches_count(matches, &n)) == DG_OK);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t begin = 0, end = 0, entity_len = 0, alias_len = 0;
      const char *entity = nullptr, *alias = nullptr;
      FUZZ_CHECK(st(dg_entity_matches_get(matches, i, &begin, &end, &entity, &entity_len, &alias,
                                          &alias_len)) == DG_OK);
      FUZZ_CHECK(begin < end && end <= text.size());
    }
    dg_entity_matches_free(matches);
  }
}

void check_curate(dg_collection* c, unsigned flags, int pretty) {
  const Dictionaries& dict = dictionaries();
  dg_curate_options o = DG_CURATE_OPTIONS_INIT;
  o.fill_from_attribution = (flags & 0x20) != 0;
  if (flags & 0x40) o.sources = dict.registry;
  if (flags & 0x80) o.entities = dict.gazetteer;
  dg_curate_report report = DG_CURATE_REPORT_INIT;
  std::string before = exported(c, DG_FORMAT_OWN, 0);
  int rc = st(dg_collection_curate(c, &o, &report));
  if (rc != DG_OK) {
    FUZZ_CHECK(exported(c, DG_FORMAT_OWN, 0) == before);
    return;
  }
  if (!(flags & 0xE0)) FUZZ_CHECK(exported(c, DG_FORMAT_OWN, 0) == before);
  check_exports(c, pretty);
  dg_curate_options bad = DG_CURATE_OPTIONS_INIT;
  bad.version = 0;
  std::string after = exported(c, DG_FORMAT_OWN, 0);
  FUZZ_CHECK(st(dg_collection_curate(c, &bad, nullptr)) == DG_E_INVALID_ARGUMENT);
  FUZZ_CHECK(exported(c, DG_FORMAT_OWN, 0) == after);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned flags = data[0];
  const std::string_view json = fuzz::as_text(data + 1, size - 1);
  static const int formats[] = {DG_FORMAT_DETECT, DG_FORMAT_OWN, DG_FORMAT_JSON_LINES,
                                DG_FORMAT_JSON_FEED, DG_FORMAT_WORDPRESS, DG_FORMAT_XML_FEED,
                                6, -0x7fffffff - 1};
  const int format = formats[flags & 7];
  const int pretty = (flags & 0x10) != 0;

  dg_collection* c = nullptr;
  FUZZ_CHECK(st(dg_collection_new(&c)) == DG_OK);
  dg_import_options o = DG_IMPORT_OPTIONS_INIT;
  FUZZ_CHECK(st(dg_import_options_init(&o, DG_IMPORT_OPTIONS_VERSION)) == DG_OK);
  o.format = static_cast<dg_format>(format);
  o.skip_bad_records = (flags & 8) != 0;
  o.source_name = "fuzz input";
  o.source_name_len = 10;
  o.max_depth = 16;
  o.max_line_bytes = 4096;
  dg_import_report* report = nullptr;
  int rc = st(dg_collection_import_json_opts(c, json.data(), json.size(), &o, &report));
  std::size_t posts = 0, sources = 0;
  FUZZ_CHECK(st(dg_collection_post_count(c, &posts)) == DG_OK);
  FUZZ_CHECK(st(dg_collection_source_count(c, &sources)) == DG_OK);
  if ((flags & 7) >= 6) FUZZ_CHECK(rc == DG_E_INVALID_ARGUMENT);
  if (rc != DG_OK) {
    FUZZ_CHECK(report == nullptr && posts == 0 && sources == 0);
  } else {
    std::size_t n = 0, skipped = 0;
    FUZZ_CHECK(st(dg_import_report_posts_added(report, &n)) == DG_OK && n == posts);
    FUZZ_CHECK(st(dg_import_report_sources_added(report, &n)) == DG_OK && n == sources);
    FUZZ_CHECK(st(dg_import_report_skipped_count(report, &skipped)) == DG_OK);
    if (!o.skip_bad_records) FUZZ_CHECK(skipped == 0);
    for (std::size_t i = 0; i < skipped; ++i) {
      int code = 0;
      uint64_t line = 0;
      int64_t offset = 0;
      FUZZ_CHECK(st(dg_import_report_skipped_at(report, i, &code, &line, &offset)) == DG_OK);
      FUZZ_CHECK(code < 0 && code != DG_E_INTERNAL);
      const char* text = nullptr;
      std::size_t len = 0;
      FUZZ_CHECK(st(dg_import_report_skipped_text(report, i, DG_ERROR_TEXT_FULL, &text, &len)) ==
                 DG_OK);
      fuzz::check_error_line(std::string_view(text, len));
      FUZZ_CHECK(st(dg_import_report_skipped_text(report, i, static_cast<dg_error_text>(-1),
                                                  &text, &len)) == DG_E_INVALID_ARGUMENT);
    }
    FUZZ_CHECK(st(dg_import_report_skipped_at(report, skipped, nullptr, nullptr, nullptr)) ==
               DG_E_INVALID_ARGUMENT);
    dg_import_report_free(report);

    check_builders(c, posts, sources);
    check_exports(c, pretty);
    check_digest(c, posts, pretty);
    check_curate(c, flags, pretty);
  }
  dg_collection_free(c);

  // The text functions on the input as text (bounded: they are the slow
  // part), strict or lenient by the skip bit.
  check_text_functions(json.substr(0, 512), (flags & 8) != 0);
  return 0;
}
