// Posts pulled in chunks (from a PostStream, usually) handed out as an
// ArrowArrayStream: each chunk goes into the batch's column builders at
// once, so only a chunk of Post objects is alive here, and the thread that
// reads the file keeps reading while the columns grow. The callbacks are C:
// no exception leaves them.
#include <algorithm>
#include <cerrno>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arrow/columns.hpp"
#include "digest/arrow.hpp"

namespace digest {

namespace {

using arrow_detail::Column;
using arrow_detail::PostColumns;

// Posts taken from `pull` at a time. Measured on 100k posts from Python
// (bench/python/bench_arrow_load.py): 512, the PostStream's own batch,
// was 45% slower than 4096, as the two threads took turns post by post
// (this one frees the posts the other allocates); a whole batch of 16384
// was 8% slower, as the reader waited while the columns were finished.
constexpr std::size_t kChunk = 4096;

struct StreamState {
  PostPull pull;
  std::size_t rows = 0;
  std::vector<Post> chunk;
  bool ended = false;
  int error_code = 0;  // once set, every later get_next returns it
  std::string error;
  // An error met while filling a batch: the posts before it go out first.
  std::optional<Error> pending;
};

StreamState* state_of(ArrowArrayStream* s) { return static_cast<StreamState*>(s->private_data); }

int fail(StreamState& st, int code, std::string message) {
  st.error_code = code;
  st.error = std::move(message);
  st.chunk.clear();
  return code;
}

int errno_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::io_error:
    case ErrorCode::file_not_found:
      return EIO;
    case ErrorCode::limit_exceeded:
      return ENOMEM;
    default:
      return EINVAL;
  }
}

int get_schema(ArrowArrayStream* s, ArrowSchema* out) {
  StreamState& st = *state_of(s);
  try {
    ArrowArray empty;
    empty.release = nullptr;
    Status made = export_posts_arrow({}, out, &empty);
    if (empty.release) empty.release(&empty);
    if (!made) return fail(st, errno_for(made.error().code), made.error().to_string());
    return 0;
  } catch (const std::bad_alloc&) {
    return fail(st, ENOMEM, "out of memory while exporting to Arrow");
  } catch (const std::exception& e) {
    return fail(st, EINVAL, std::string("internal error: ") + e.what());
  }
}

int get_next(ArrowArrayStream* s, ArrowArray* out) {
  StreamState& st = *state_of(s);
  out->release = nullptr;  // the end, unless a batch is filled below
  if (st.error_code != 0) return st.error_code;
  if (st.pending) return fail(st, errno_for(st.pending->code), st.pending->to_string());
  if (st.ended) return 0;
  ArrowSchema schema;  // export_column fills one too: dropped at once
  schema.release = nullptr;
  try {
    PostColumns columns;
    std::size_t taken = 0;
    while (taken < st.rows) {
      st.chunk.clear();
      Result<std::size_t> got = st.pull(st.chunk, std::min(kChunk, st.rows - taken));
      if (!got.ok()) {
        if (taken == 0) return fail(st, errno_for(got.error().code), got.error().to_string());
        st.pending = std::move(got).error();
        break;
      }
      if (*got == 0 || st.chunk.empty()) {
        st.ended = true;
        break;
      }
      for (const Post& p : st.chunk) columns.append(p);
      taken += st.chunk.size();
    }
    st.chunk.clear();
    if (taken == 0) return 0;
    std::vector<Column> children;
    columns.finish(children);
    arrow_detail::export_column(
        arrow_detail::struct_column("", static_cast<std::int64_t>(taken), std::move(children)),
        &schema, out);
    schema.release(&schema);
    return 0;
  } catch (const std::bad_alloc&) {
    if (schema.release) schema.release(&schema);
    if (out->release) out->release(out);
    return fail(st, ENOMEM, "out of memory while reading posts into Arrow");
  } catch (const std::exception& e) {
    if (schema.release) schema.release(&schema);
    if (out->release) out->release(out);
    return fail(st, EINVAL, std::string("internal error: ") + e.what());
  }
}

const char* get_last_error(ArrowArrayStream* s) {
  StreamState& st = *state_of(s);
  return st.error_code != 0 ? st.error.c_str() : nullptr;
}

void release(ArrowArrayStream* s) {
  if (!s || !s->release) return;
  delete state_of(s);
  s->release = nullptr;
  s->private_data = nullptr;
}

}  // namespace

Status export_posts_arrow_stream(PostPull pull, ArrowArrayStream* out, std::size_t rows) {
  if (!out) return Error(ErrorCode::invalid_argument, "the Arrow stream must not be null");
  if (rows == 0) return Error(ErrorCode::invalid_argument, "rows must be at least 1");
  if (!pull) return Error(ErrorCode::invalid_argument, "the post source must not be empty");
  auto st = std::make_unique<StreamState>();
  st->pull = std::move(pull);
  st->rows = rows;
  out->get_schema = get_schema;
  out->get_next = get_next;
  out->get_last_error = get_last_error;
  out->release = release;
  out->private_data = st.release();
  return {};
}

}  // namespace digest
