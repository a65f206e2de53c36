// C API over Collection, Post, JSON import/export and digests.
#include <memory>
#include <new>

#include "capi/capi_internal.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"

struct dg_digest {
  digest::Digest digest;
};

namespace {

// dg_post handles are Post pointers in disguise; they are only ever cast back.
const digest::Post* as_post(const dg_post* p) { return reinterpret_cast<const digest::Post*>(p); }
const dg_post* as_handle(const digest::Post* p) { return reinterpret_cast<const dg_post*>(p); }

bool to_format(dg_format f, digest::JsonFormat& out) {
  switch (f) {
    case DG_FORMAT_DETECT: out = digest::JsonFormat::detect; return true;
    case DG_FORMAT_OWN: out = digest::JsonFormat::own; return true;
    case DG_FORMAT_JSON_LINES: out = digest::JsonFormat::json_lines; return true;
    case DG_FORMAT_JSON_FEED: out = digest::JsonFormat::json_feed; return true;
    case DG_FORMAT_WORDPRESS: out = digest::JsonFormat::wordpress; return true;
    default: break;
  }
  return false;
}

int bad_format() { return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_format value"); }

int finish_import(digest::Result<digest::ImportReport>&& r, size_t* out_added) {
  if (!r.ok()) return dg::set_error(r.error());
  if (out_added) *out_added = r->posts_added;
  return DG_OK;
}

}  // namespace

extern "C" {

DG_API int dg_collection_new(dg_collection** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    *out = new dg_collection();
    return DG_OK;
  });
}

DG_API void dg_collection_free(dg_collection* collection) { delete collection; }

DG_API int dg_collection_import_json(dg_collection* collection, const char* json,
                                     size_t json_len, dg_format format, size_t* out_added) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    digest::ImportOptions options;
    if (!to_format(format, options.format)) return bad_format();
    return finish_import(digest::import_json(collection->collection, text, options), out_added);
  });
}

DG_API int dg_collection_import_file(dg_collection* collection, const char* path,
                                     dg_format format, size_t* out_added) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!path) return dg::null_argument("path");
    digest::ImportOptions options;
    if (!to_format(format, options.format)) return bad_format();
    return finish_import(digest::import_file(collection->collection, path, options), out_added);
  });
}

DG_API int dg_collection_post_count(const dg_collection* collection, size_t* out) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    *out = collection->collection.size();
    return DG_OK;
  });
}

DG_API int dg_collection_post_at(const dg_collection* collection, size_t index,
                                 const dg_post** out) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    auto posts = collection->collection.posts();
    if (index >= posts.size())
      return dg::set_error(DG_E_INVALID_ARGUMENT, "post index " + std::to_string(index) +
                                                      " out of range (" +
                                                      std::to_string(posts.size()) + " posts)");
    *out = as_handle(&posts[index]);
    return DG_OK;
  });
}

DG_API int dg_collection_find_post(const dg_collection* collection, const char* id,
                                   size_t id_len, const dg_post** out) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    std::string_view key;
    if (!dg::view(id, id_len, key, "id")) return DG_E_INVALID_ARGUMENT;
    const digest::Post* p = collection->collection.find_post(key);
    if (!p) return dg::set_error(DG_E_NOT_FOUND, "no post with id '" + std::string(key) + "'");
    *out = as_handle(p);
    return DG_OK;
  });
}

DG_API int dg_collection_export(const dg_collection* collection, dg_format format,
                                dg_buffer** out) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    auto buffer = std::make_unique<dg_buffer>();
    switch (format) {
      case DG_FORMAT_OWN: buffer->bytes = digest::export_json(collection->collection); break;
      case DG_FORMAT_JSON_LINES:
        buffer->bytes = digest::export_json_lines(collection->collection);
        break;
      case DG_FORMAT_JSON_FEED:
        buffer->bytes = digest::export_json_feed(collection->collection);
        break;
      default:
        return dg::set_error(DG_E_INVALID_ARGUMENT,
                             "export supports DG_FORMAT_OWN, DG_FORMAT_JSON_LINES and "
                             "DG_FORMAT_JSON_FEED");
    }
    *out = buffer.release();
    return DG_OK;
  });
}

DG_API int dg_post_get(const dg_post* post, dg_post_field field, const char** out,
                       size_t* out_len) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const digest::Post& p = *as_post(post);
    const std::string* s = nullptr;
    switch (field) {
      case DG_POST_ID: s = &p.id; break;
      case DG_POST_TITLE: s = &p.title; break;
      case DG_POST_URL: s = &p.url; break;
      case DG_POST_SOURCE: s = &p.source; break;
      case DG_POST_PLACE: s = &p.place; break;
      case DG_POST_EXCERPT: s = &p.excerpt; break;
      case DG_POST_BODY: s = &p.body; break;
      case DG_POST_LANGUAGE: s = &p.language; break;
      default: break;
    }
    if (!s) return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_post_field value");
    dg::put(*s, out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_author_count(const dg_post* post, size_t* out) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    *out = as_post(post)->authors.size();
    return DG_OK;
  });
}

DG_API int dg_post_author_at(const dg_post* post, size_t index, const char** out,
                             size_t* out_len) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const auto& authors = as_post(post)->authors;
    if (index >= authors.size())
      return dg::set_error(DG_E_INVALID_ARGUMENT, "author index out of range");
    dg::put(authors[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_tag_count(const dg_post* post, size_t* out) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    *out = as_post(post)->tags.size();
    return DG_OK;
  });
}

DG_API int dg_post_tag_at(const dg_post* post, size_t index, const char** out,
                          size_t* out_len) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    const auto& tags = as_post(post)->tags;
    if (index >= tags.size()) return dg::set_error(DG_E_INVALID_ARGUMENT, "tag index out of range");
    dg::put(tags[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_post_digest_date(const dg_post* post, int* out_year, int* out_month,
                               int* out_day) {
  return dg::guard([&] {
    if (!post) return dg::null_argument("post");
    if (!out_year || !out_month || !out_day) return dg::null_argument("out_year/out_month/out_day");
    auto d = as_post(post)->digest_date();
    if (!d) return dg::set_error(DG_E_NOT_FOUND, "post has neither posted_on nor published_on");
    *out_year = d->year();
    *out_month = d->month();
    *out_day = d->day();
    return DG_OK;
  });
}

DG_API int dg_digest_build_week(const dg_collection* collection, const char* week,
                                size_t week_len, dg_digest** out) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(week, week_len, text, "week")) return DG_E_INVALID_ARGUMENT;
    auto period = digest::parse_iso_week(text);
    if (!period.ok()) return dg::set_error(period.error());
    auto d = std::make_unique<dg_digest>();
    d->digest = digest::build_digest(collection->collection, *period);
    *out = d.release();
    return DG_OK;
  });
}

DG_API void dg_digest_free(dg_digest* digest) { delete digest; }

DG_API int dg_digest_post_count(const dg_digest* digest, size_t* out) {
  return dg::guard([&] {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    *out = digest->digest.post_count();
    return DG_OK;
  });
}

DG_API int dg_digest_render(const dg_digest* digest, dg_render_format format, dg_buffer** out) {
  return dg::guard([&] {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    auto buffer = std::make_unique<dg_buffer>();
    if (format == DG_RENDER_MARKDOWN) buffer->bytes = digest::render_markdown(digest->digest);
    else if (format == DG_RENDER_JSON) buffer->bytes = digest::render_json(digest->digest);
    else return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_render_format value");
    *out = buffer.release();
    return DG_OK;
  });
}

}  // extern "C"
