// C API over PostStream and ExportStream (include/digest/c/stream.h): files
// of any size read and written post by post.
#include "digest/c/stream.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/arrow.hpp"
#include "digest/io.hpp"
#include "digest/json.hpp"

struct dg_post_stream {
  std::unique_ptr<digest::PostStream> stream;
  std::optional<digest::Post> current;  // the post handed out last
  bool ended = false;                   // next() gave the end, without error
  bool failed = false;
};

struct dg_export_stream {
  std::optional<digest::AtomicFile> file;
  std::optional<digest::ExportStream> writer;
  bool committed = false;
};

DG_API int dg_post_stream_open(const char* path, const dg_import_options* opts,
                               dg_post_stream** out) {
  return dg::guard([&]() -> int {
    if (!path) return dg::null_argument("path");
    if (!out) return dg::null_argument("out");
    digest::ImportOptions options;
    if (int st = dg::read_import_options(opts, options); st != DG_OK) return st;
    if (options.on_duplicate != digest::OnDuplicate::error &&
        options.on_duplicate != digest::OnDuplicate::keep_first)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "a post stream keeps no earlier posts: on_duplicate must be "
                           "DG_ON_DUPLICATE_ERROR or DG_ON_DUPLICATE_KEEP_FIRST",
                           "on_duplicate");
    if (options.validate_only)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "a post stream hands posts over: validate_only "
                           "must be 0", "validate_only");
    auto s = std::make_unique<dg_post_stream>();
    s->stream = std::make_unique<digest::PostStream>(path, std::move(options));
    *out = s.release();
    return DG_OK;
  });
}

DG_API int dg_post_stream_next(dg_post_stream* stream, const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!stream) return dg::null_argument("stream");
    if (!out) return dg::null_argument("out");
    *out = nullptr;
    stream->current.reset();
    if (stream->ended || stream->failed) return DG_OK;
    stream->failed = true;  // until the call succeeds (an exception leaves it set)
    auto next = stream->stream->next();
    if (!next.ok()) return dg::set_error(next.error());
    stream->failed = false;
    if (!*next) {
      stream->ended = true;
      return DG_OK;
    }
    stream->current = std::move(**next);
    *out = dg::to_handle(&*stream->current);
    return DG_OK;
  });
}

DG_API int dg_post_stream_finish(dg_post_stream* stream, dg_import_report** out_report,
                                 dg_collection** out_sources) {
  return dg::guard([&]() -> int {
    if (!stream) return dg::null_argument("stream");
    const digest::ImportReport* report = stream->ended ? stream->stream->report() : nullptr;
    if (!report)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "the stream has not been read to its end without error");
    std::unique_ptr<dg_collection> sources;
    if (out_sources) {
      sources = std::make_unique<dg_collection>();
      for (const digest::Source& s : stream->stream->sources()->sources())
        if (int st = dg::finish(sources->collection.add_source(s)); st != DG_OK) return st;
    }
    if (out_report)
      if (int st = dg::finish_import(digest::Result<digest::ImportReport>(*report), out_report);
          st != DG_OK)
        return st;
    if (out_sources) *out_sources = sources.release();
    return DG_OK;
  });
}

DG_API int dg_post_stream_to_arrow(dg_post_stream* stream, size_t rows,
                                   struct ArrowArrayStream* out) {
  return dg::guard([&]() -> int {
    if (!stream) return dg::null_argument("stream");
    if (!out) return dg::null_argument("out");
    out->release = nullptr;
    stream->current.reset();
    // The flags follow the posts pulled, so that dg_post_stream_finish
    // answers as after dg_post_stream_next.
    auto pull = [stream](std::vector<digest::Post>& posts,
                         std::size_t max) -> digest::Result<std::size_t> {
      if (stream->ended) return std::size_t(0);
      if (stream->failed)
        return digest::Error(digest::ErrorCode::invalid_argument, "the post stream failed");
      stream->failed = true;  // until the call succeeds
      auto got = stream->stream->next_batch(posts, max);
      if (!got.ok()) return got;
      stream->failed = false;
      if (*got == 0) stream->ended = true;
      return got;
    };
    return dg::finish(digest::export_posts_arrow_stream(pull, out, rows == 0 ? 16384 : rows));
  });
}

DG_API void dg_post_stream_free(dg_post_stream* stream) {
  delete stream;  // stops and joins the reading thread; keeps the last error
}

DG_API int dg_export_stream_open(const char* path, dg_format format,
                                 const dg_output_options* opts, dg_export_stream** out) {
  return dg::guard([&]() -> int {
    if (!path) return dg::null_argument("path");
    if (!out) return dg::null_argument("out");
    digest::JsonFormat f;
    if (int st = dg::read_format(format, f); st != DG_OK) return st;
    if (f != digest::JsonFormat::own && f != digest::JsonFormat::json_lines &&
        f != digest::JsonFormat::json_feed)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "an export stream writes DG_FORMAT_OWN, DG_FORMAT_JSON_LINES or "
                           "DG_FORMAT_JSON_FEED",
                           "format");
    bool pretty = true;
    if (int st = dg::read_output_options(opts, pretty); st != DG_OK) return st;
    auto file = digest::AtomicFile::open(path);
    if (!file.ok()) return dg::set_error(file.error());
    auto s = std::make_unique<dg_export_stream>();
    s->file.emplace(std::move(file).value());
    digest::ExportOptions options;
    options.pretty = pretty;
    digest::FeedOptions feed;
    feed.pretty = pretty;
    digest::AtomicFile* target = &*s->file;
    s->writer.emplace(
        f, [target](std::string_view text) { return target->write(text); }, options, feed);
    *out = s.release();
    return DG_OK;
  });
}

DG_API int dg_export_stream_add(dg_export_stream* stream, const dg_post* post) {
  return dg::guard([&]() -> int {
    if (!stream) return dg::null_argument("stream");
    if (!post) return dg::null_argument("post");
    if (stream->committed)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "the export stream is committed");
    return dg::finish(stream->writer->add_post(*dg::from_handle(post)));
  });
}

DG_API int dg_export_stream_commit(dg_export_stream* stream, const dg_collection* sources) {
  return dg::guard([&]() -> int {
    if (!stream) return dg::null_argument("stream");
    if (stream->committed)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "the export stream is committed");
    std::span<const digest::Source> list;
    if (sources) list = sources->collection.sources();
    if (int st = dg::finish(stream->writer->finish(list)); st != DG_OK) return st;
    if (int st = dg::finish(stream->file->commit()); st != DG_OK) return st;
    stream->committed = true;
    return DG_OK;
  });
}

DG_API void dg_export_stream_free(dg_export_stream* stream) {
  delete stream;  // an uncommitted file removes its temporary; keeps the last error
}
