// C API over the model (include/digest/c/model.h): collections, posts and
// sources read field by field, and built field by field.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/json.hpp"

namespace dg {

int read_ymd(const dg_ymd& in, digest::Date& out, const char* what) {
  const int y = in.year, m = in.month, d = in.day;
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 ||
      d > boost::gregorian::gregorian_calendar::end_of_month_day(
              static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
    return set_error(DG_E_INVALID_ARGUMENT,
                     std::string(what) + " is not a Gregorian date from 1400 to 9999 (" +
                         std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                         ")",
                     what);
  out = digest::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                     static_cast<unsigned short>(d));
  return DG_OK;
}

int read_datetime(const dg_datetime& in, digest::DateTime& out, const char* what) {
  digest::Date date;
  if (int st = read_ymd(dg_ymd{in.year, in.month, in.day}, date, what); st != DG_OK) return st;
  digest::DateTime dt(date);
  if (in.has_time) {
    if (in.seconds < 0 || in.seconds >= 86400)
      return set_error(DG_E_INVALID_ARGUMENT,
                       std::string(what) + ": seconds must be in 0..86399, not " +
                           std::to_string(in.seconds),
                       what);
    dt.seconds = in.seconds;
  }
  if (in.has_offset) {
    // The ISO 8601 form the schema stores has an offset only after a time.
    if (!in.has_time)
      return set_error(DG_E_INVALID_ARGUMENT,
                       std::string(what) + ": a UTC offset needs a time of day", what);
    if (in.utc_offset_minutes < -18 * 60 || in.utc_offset_minutes > 18 * 60)
      return set_error(DG_E_INVALID_ARGUMENT,
                       std::string(what) + ": the UTC offset must be in -1080..1080 minutes, not " +
                           std::to_string(in.utc_offset_minutes),
                       what);
    dt.utc_offset_minutes = in.utc_offset_minutes;
  }
  out = dt;
  return DG_OK;
}

dg_ymd to_c(const digest::Date& d) {
  return dg_ymd{static_cast<int>(d.year()), static_cast<int>(d.month()),
                static_cast<int>(d.day())};
}

dg_datetime to_c(const digest::DateTime& dt) {
  dg_datetime out{};
  out.year = dt.date.year();
  out.month = dt.date.month();
  out.day = dt.date.day();
  out.has_time = dt.seconds.has_value();
  out.seconds = dt.seconds.value_or(0);
  out.has_offset = dt.utc_offset_minutes.has_value();
  out.utc_offset_minutes = dt.utc_offset_minutes.value_or(0);
  return out;
}

}  // namespace dg

namespace {

using digest::ExtraField;

// The text fields of a post or a source, by C enum; nullptr for an unknown
// value.
template <class PostLike>
auto* post_field(PostLike& p, dg_post_field field) {
  using S = decltype(&p.id);
  switch (field) {
    case DG_POST_ID: return &p.id;
    case DG_POST_TITLE: return &p.title;
    case DG_POST_URL: return &p.url;
    case DG_POST_SOURCE: return &p.source;
    case DG_POST_PLACE: return &p.place;
    case DG_POST_EXCERPT: return &p.excerpt;
    case DG_POST_BODY: return &p.body;
    case DG_POST_LANGUAGE: return &p.language;
    case DG_POST_CLUSTER: return &p.cluster;
    case DG_POST_STORY: return &p.story;
    default: return S(nullptr);
  }
}

template <class SourceLike>
auto* source_field(SourceLike& s, dg_source_field field) {
  using S = decltype(&s.id);
  switch (field) {
    case DG_SOURCE_ID: return &s.id;
    case DG_SOURCE_NAME: return &s.name;
    case DG_SOURCE_URL: return &s.url;
    case DG_SOURCE_LANGUAGE: return &s.language;
    case DG_SOURCE_COUNTRY: return &s.country;
    default: return S(nullptr);
  }
}

const char* post_field_name(dg_post_field field) {
  switch (field) {
    case DG_POST_ID: return "id";
    case DG_POST_TITLE: return "title";
    case DG_POST_URL: return "url";
    case DG_POST_SOURCE: return "source";
    case DG_POST_PLACE: return "place";
    case DG_POST_EXCERPT: return "excerpt";
    case DG_POST_BODY: return "body";
    case DG_POST_LANGUAGE: return "language";
    case DG_POST_CLUSTER: return "cluster";
    case DG_POST_STORY: return "story";
    default: return "?";
  }
}

const char* source_field_name(dg_source_field field) {
  switch (field) {
    case DG_SOURCE_ID: return "id";
    case DG_SOURCE_NAME: return "name";
    case DG_SOURCE_URL: return "url";
    case DG_SOURCE_LANGUAGE: return "language";
    case DG_SOURCE_COUNTRY: return "country";
    default: return "?";
  }
}

int extra_at(const std::vector<ExtraField>& extra, std::size_t index, const char** out_name,
             size_t* out_name_len, const char** out_json, size_t* out_json_len) {
  if (index >= extra.size()) return dg::index_error("extra", index, extra.size());
  if (out_name) dg::put(extra[index].name, out_name, out_name_len);
  if (out_json) dg::put(extra[index].raw_json, out_json, out_json_len);
  return DG_OK;
}

int find_extra(const std::vector<ExtraField>& extra, const char* name, size_t name_len,
               const char** out_json, size_t* out_json_len) {
  if (!out_json) return dg::null_argument("out_json");
  std::string_view n;
  if (!dg::view(name, name_len, n, "name")) return DG_E_INVALID_ARGUMENT;
  for (const ExtraField& x : extra) {
    if (x.name == n) {
      dg::put(x.raw_json, out_json, out_json_len);
      return DG_OK;
    }
  }
  return dg::set_error(DG_E_NOT_FOUND, "no extra named '" + std::string(n) + "'", "name");
}

// `json` without the whitespace JSON allows between tokens (strings are
// copied as they are): what the importer stores for an extra's value.
std::string strip_json_whitespace(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false, escaped = false;
  for (char c : json) {
    if (in_string) {
      out += c;
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '"') in_string = true;
    out += c;
  }
  return out;
}

// Imports a one-record own-format document whose record (a post, or a
// source) has id "x" and the member `name`: `value_json` spliced in as its
// value. *value_at is the byte offset of the value in the document.
digest::Result<digest::ImportReport> import_probe(digest::Collection& scratch, bool source,
                                                  std::string_view name,
                                                  std::string_view value_json,
                                                  std::size_t* value_at = nullptr) {
  std::string doc = source ? "{\"digestcore\":1,\"sources\":[{\"id\":\"x\","
                           : "{\"digestcore\":1,\"posts\":[{\"id\":\"x\",";
  digest::append_json_string(doc, name);
  doc += ':';
  if (value_at) *value_at = doc.size();
  doc.append(value_json);
  doc += "}]}";
  digest::ImportOptions options;
  options.format = digest::JsonFormat::own;
  return digest::import_json(scratch, doc, options);
}

const std::vector<ExtraField>* probe_extras(const digest::Collection& c, bool source) {
  if (source) {
    if (c.sources().size() != 1 || !c.posts().empty()) return nullptr;
    return &c.sources()[0].extra;
  }
  if (c.posts().size() != 1 || !c.sources().empty()) return nullptr;
  return &c.posts()[0].extra;
}

// Checks an extra through the one JSON reader, the own format's importer:
// `name` must not be a member the schema defines, and `json` must be
// exactly one JSON value, which *out receives minified as an import would
// store it. Returns the status.
int check_extra(bool source, std::string_view name, std::string_view json, std::string& out) {
  const char* kind = source ? "source" : "post";
  if (name.empty()) return dg::set_error(DG_E_INVALID_ARGUMENT, "an extra needs a name", "name");
  {
    // A member the schema defines is read as that field (or rejected), never
    // kept as an extra.
    digest::Collection scratch;
    auto r = import_probe(scratch, source, name, "null");
    const std::vector<ExtraField>* extra = r.ok() ? probe_extras(scratch, source) : nullptr;
    if (!extra || extra->size() != 1 || (*extra)[0].name != name)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "'" + std::string(name) + "' is a field of the " + kind +
                               " schema, not an extra",
                           "name");
  }
  digest::Collection scratch;
  std::size_t at = 0;
  auto r = import_probe(scratch, source, name, json, &at);
  if (!r.ok()) {
    const digest::Error& e = r.error();
    int status = e.code == digest::ErrorCode::invalid_utf8 ||
                         e.code == digest::ErrorCode::limit_exceeded
                     ? dg::status_of(e.code)
                     : DG_E_PARSE;
    std::int64_t offset = -1;
    if (e.offset && *e.offset >= at && *e.offset <= at + json.size())
      offset = static_cast<std::int64_t>(*e.offset - at);
    return dg::set_error(status, "extra '" + std::string(name) + "': " + e.message, "json",
                         offset);
  }
  const std::vector<ExtraField>* extra = probe_extras(scratch, source);
  if (!extra || extra->size() != 1 || (*extra)[0].name != name ||
      (*extra)[0].raw_json != strip_json_whitespace(json))
    return dg::set_error(DG_E_PARSE,
                         "extra '" + std::string(name) + "': the value is not exactly one JSON value",
                         "json");
  out = (*extra)[0].raw_json;
  return DG_OK;
}

int set_extra(std::vector<ExtraField>& extra, bool source, const char* name, size_t name_len,
              const char* json, size_t json_len) {
  std::string_view n, j;
  if (int st = dg::utf8_view(name, name_len, n, "name"); st != DG_OK) return st;
  if (!dg::view(json, json_len, j, "json")) return DG_E_INVALID_ARGUMENT;
  std::string raw;
  if (int st = check_extra(source, n, j, raw); st != DG_OK) return st;
  auto it = std::find_if(extra.begin(), extra.end(), [&](const ExtraField& x) { return x.name == n; });
  if (it != extra.end()) it->raw_json = std::move(raw);
  else extra.push_back(ExtraField{std::string(n), std::move(raw)});
  return DG_OK;
}

int append_string(std::vector<std::string>& list, const char* s, size_t len, const char* what) {
  std::string_view v;
  if (int st = dg::utf8_view(s, len, v, what); st != DG_OK) return st;
  list.emplace_back(v);
  return DG_OK;
}

int set_date(std::optional<digest::DateTime>& slot, const dg_datetime* value, const char* what) {
  if (!value) {
    slot.reset();
    return DG_OK;
  }
  digest::DateTime dt;
  if (int st = dg::read_datetime(*value, dt, what); st != DG_OK) return st;
  slot = dt;
  return DG_OK;
}

int get_date(const std::optional<digest::DateTime>& slot, dg_datetime* out, const char* what) {
  if (!out) return dg::null_argument("out");
  if (!slot) return dg::set_error(DG_E_NOT_FOUND, std::string("the post has no ") + what, what);
  *out = dg::to_c(*slot);
  return DG_OK;
}

}  // namespace

extern "C" {

// ---- collections ------------------------------------------------------------

DG_API int dg_collection_new(dg_collection** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_collection();
    return DG_OK;
  });
}

DG_API void dg_collection_free(dg_collection* collection) { delete collection; }

DG_API int dg_collection_post_count(const dg_collection* collection, size_t* out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    *out = collection->collection.size();
    return DG_OK;
  });
}

DG_API int dg_collection_post_at(const dg_collection* collection, size_t index,
                                 const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    auto posts = collection->collection.posts();
    if (index >= posts.size()) return dg::index_error("post", index, posts.size());
    *out = dg::to_handle(&posts[index]);
    return DG_OK;
  });
}

DG_API int dg_collection_find_post(const dg_collection* collection, const char* id,
                                   size_t id_len, const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    std::string_view key;
    if (!dg::view(id, id_len, key, "id")) return DG_E_INVALID_ARGUMENT;
    const digest::Post* p = collection->collection.find_post(key);
    if (!p) return dg::set_error(DG_E_NOT_FOUND, "no post with id '" + std::string(key) + "'", "id");
    *out = dg::to_handle(p);
    return DG_OK;
  });
}

DG_API int dg_collection_source_count(const dg_collection* collection, size_t* out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    *out = collection->collection.sources().size();
    return DG_OK;
  });
}

DG_API int dg_collection_source_at(const dg_collection* collection, size_t index,
                                   const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    auto sources = collection->collection.sources();
    if (index >= sources.size()) return dg::index_error("source", index, sources.size());
    *out = dg::to_handle(&sources[index]);
    return DG_OK;
  });
}

DG_API int dg_collection_find_source(const dg_collection* collection, const char* id,
                                     size_t id_len, const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    std::string_view key;
    if (!dg::view(id, id_len, key, "id")) return DG_E_INVALID_ARGUMENT;
    const digest::Source* s = collection->collection.find_source(key);
    if (!s)
      return dg::set_error(DG_E_NOT_FOUND, "no source with id '" + std::string(key) + "'", "id");
    *out = dg::to_handle(s);
    return DG_OK;
  });
}

// ---- posts --------------------------------------------------------------------

DG_API int dg_post_get(const dg_post* post, dg_post_field field, const char** out,
                       size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const std::string* s = post_field(*dg::from_handle(post), field);
    if (!s) return dg::bad_enum("dg_post_field", static_cast<int>(field));
    dg::put(*s, out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_author_count(const dg_post* post, size_t* out) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    *out = dg::from_handle(post)->authors.size();
    return DG_OK;
  });
}

DG_API int dg_post_author_at(const dg_post* post, size_t index, const char** out,
                             size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const auto& authors = dg::from_handle(post)->authors;
    if (index >= authors.size()) return dg::index_error("author", index, authors.size());
    dg::put(authors[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_tag_count(const dg_post* post, size_t* out) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    *out = dg::from_handle(post)->tags.size();
    return DG_OK;
  });
}

DG_API int dg_post_tag_at(const dg_post* post, size_t index, const char** out,
                          size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const auto& tags = dg::from_handle(post)->tags;
    if (index >= tags.size()) return dg::index_error("tag", index, tags.size());
    dg::put(tags[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_posted_on(const dg_post* post, dg_datetime* out) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    return get_date(dg::from_handle(post)->posted_on, out, "posted_on");
  });
}

DG_API int dg_post_published_on(const dg_post* post, dg_datetime* out) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    return get_date(dg::from_handle(post)->published_on, out, "published_on");
  });
}

DG_API int dg_post_digest_date(const dg_post* post, int* out_year, int* out_month,
                               int* out_day) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out_year || !out_month || !out_day) return dg::null_argument("out_year/out_month/out_day");
    auto d = dg::from_handle(post)->digest_date();
    if (!d) return dg::set_error(DG_E_NOT_FOUND, "post has neither posted_on nor published_on");
    *out_year = d->year();
    *out_month = d->month();
    *out_day = d->day();
    return DG_OK;
  });
}

DG_API int dg_post_extra_count(const dg_post* post, size_t* out) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    *out = dg::from_handle(post)->extra.size();
    return DG_OK;
  });
}

DG_API int dg_post_extra_at(const dg_post* post, size_t index, const char** out_name,
                            size_t* out_name_len, const char** out_json, size_t* out_json_len) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    return extra_at(dg::from_handle(post)->extra, index, out_name, out_name_len, out_json,
                    out_json_len);
  });
}

DG_API int dg_post_find_extra(const dg_post* post, const char* name, size_t name_len,
                              const char** out_json, size_t* out_json_len) {
  return dg::guard([&]() -> int {
    if (!post) return dg::null_argument("post");
    return find_extra(dg::from_handle(post)->extra, name, name_len, out_json, out_json_len);
  });
}

// ---- sources ------------------------------------------------------------------

DG_API int dg_source_get(const dg_source* source, dg_source_field field, const char** out,
                         size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    if (!out) return dg::null_argument("out");
    const std::string* s = source_field(*dg::from_handle(source), field);
    if (!s) return dg::bad_enum("dg_source_field", static_cast<int>(field));
    dg::put(*s, out, out_len);
    return DG_OK;
  });
}

DG_API int dg_source_alias_count(const dg_source* source, size_t* out) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    if (!out) return dg::null_argument("out");
    *out = dg::from_handle(source)->aliases.size();
    return DG_OK;
  });
}

DG_API int dg_source_alias_at(const dg_source* source, size_t index, const char** out,
                              size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    if (!out) return dg::null_argument("out");
    const auto& aliases = dg::from_handle(source)->aliases;
    if (index >= aliases.size()) return dg::index_error("alias", index, aliases.size());
    dg::put(aliases[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_source_extra_count(const dg_source* source, size_t* out) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    if (!out) return dg::null_argument("out");
    *out = dg::from_handle(source)->extra.size();
    return DG_OK;
  });
}

DG_API int dg_source_extra_at(const dg_source* source, size_t index, const char** out_name,
                              size_t* out_name_len, const char** out_json,
                              size_t* out_json_len) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    return extra_at(dg::from_handle(source)->extra, index, out_name, out_name_len, out_json,
                    out_json_len);
  });
}

DG_API int dg_source_find_extra(const dg_source* source, const char* name, size_t name_len,
                                const char** out_json, size_t* out_json_len) {
  return dg::guard([&]() -> int {
    if (!source) return dg::null_argument("source");
    return find_extra(dg::from_handle(source)->extra, name, name_len, out_json, out_json_len);
  });
}

// ---- post builders ------------------------------------------------------------

DG_API int dg_post_builder_new(dg_post_builder** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_post_builder();
    return DG_OK;
  });
}

DG_API int dg_post_builder_from_post(dg_post_builder** out, const dg_post* post) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!post) return dg::null_argument("post");
    *out = new dg_post_builder{*dg::from_handle(post)};
    return DG_OK;
  });
}

DG_API void dg_post_builder_free(dg_post_builder* builder) { delete builder; }

DG_API int dg_post_builder_set(dg_post_builder* builder, dg_post_field field, const char* value,
                               size_t value_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    std::string* slot = post_field(builder->post, field);
    if (!slot) return dg::bad_enum("dg_post_field", static_cast<int>(field));
    std::string_view v;
    if (int st = dg::utf8_view(value, value_len, v, post_field_name(field)); st != DG_OK)
      return st;
    slot->assign(v);
    return DG_OK;
  });
}

DG_API int dg_post_builder_set_posted_on(dg_post_builder* builder, const dg_datetime* value) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return set_date(builder->post.posted_on, value, "posted_on");
  });
}

DG_API int dg_post_builder_set_published_on(dg_post_builder* builder, const dg_datetime* value) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return set_date(builder->post.published_on, value, "published_on");
  });
}

DG_API int dg_post_builder_add_author(dg_post_builder* builder, const char* author,
                                      size_t author_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return append_string(builder->post.authors, author, author_len, "author");
  });
}

DG_API int dg_post_builder_clear_authors(dg_post_builder* builder) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    builder->post.authors.clear();
    return DG_OK;
  });
}

DG_API int dg_post_builder_add_tag(dg_post_builder* builder, const char* tag, size_t tag_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return append_string(builder->post.tags, tag, tag_len, "tag");
  });
}

DG_API int dg_post_builder_clear_tags(dg_post_builder* builder) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    builder->post.tags.clear();
    return DG_OK;
  });
}

DG_API int dg_post_builder_set_extra(dg_post_builder* builder, const char* name, size_t name_len,
                                     const char* json, size_t json_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return set_extra(builder->post.extra, false, name, name_len, json, json_len);
  });
}

DG_API int dg_post_builder_clear_extras(dg_post_builder* builder) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    builder->post.extra.clear();
    return DG_OK;
  });
}

DG_API int dg_post_builder_view(const dg_post_builder* builder, const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    if (!out) return dg::null_argument("out");
    *out = dg::to_handle(&builder->post);
    return DG_OK;
  });
}

DG_API int dg_collection_add_post(dg_collection* collection, const dg_post_builder* builder) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!builder) return dg::null_argument("builder");
    return dg::finish(collection->collection.add_post(builder->post));
  });
}

DG_API int dg_collection_replace_post(dg_collection* collection, const dg_post_builder* builder) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!builder) return dg::null_argument("builder");
    digest::Post* p = collection->collection.find_post(builder->post.id);
    if (!p)
      return dg::set_error(DG_E_NOT_FOUND, "no post with id '" + builder->post.id + "'", "id");
    digest::Post copy = builder->post;  // may throw: copy first, then swap in
    *p = std::move(copy);
    return DG_OK;
  });
}

// ---- source builders ----------------------------------------------------------

DG_API int dg_source_builder_new(dg_source_builder** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_source_builder();
    return DG_OK;
  });
}

DG_API int dg_source_builder_from_source(dg_source_builder** out, const dg_source* source) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!source) return dg::null_argument("source");
    *out = new dg_source_builder{*dg::from_handle(source)};
    return DG_OK;
  });
}

DG_API void dg_source_builder_free(dg_source_builder* builder) { delete builder; }

DG_API int dg_source_builder_set(dg_source_builder* builder, dg_source_field field,
                                 const char* value, size_t value_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    std::string* slot = source_field(builder->source, field);
    if (!slot) return dg::bad_enum("dg_source_field", static_cast<int>(field));
    std::string_view v;
    if (int st = dg::utf8_view(value, value_len, v, source_field_name(field)); st != DG_OK)
      return st;
    slot->assign(v);
    return DG_OK;
  });
}

DG_API int dg_source_builder_add_alias(dg_source_builder* builder, const char* alias,
                                       size_t alias_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return append_string(builder->source.aliases, alias, alias_len, "alias");
  });
}

DG_API int dg_source_builder_clear_aliases(dg_source_builder* builder) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    builder->source.aliases.clear();
    return DG_OK;
  });
}

DG_API int dg_source_builder_set_extra(dg_source_builder* builder, const char* name,
                                       size_t name_len, const char* json, size_t json_len) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    return set_extra(builder->source.extra, true, name, name_len, json, json_len);
  });
}

DG_API int dg_source_builder_clear_extras(dg_source_builder* builder) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    builder->source.extra.clear();
    return DG_OK;
  });
}

DG_API int dg_source_builder_view(const dg_source_builder* builder, const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    if (!out) return dg::null_argument("out");
    *out = dg::to_handle(&builder->source);
    return DG_OK;
  });
}

DG_API int dg_collection_add_source(dg_collection* collection, const dg_source_builder* builder) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!builder) return dg::null_argument("builder");
    return dg::finish(collection->collection.add_source(builder->source));
  });
}

}  // extern "C"
