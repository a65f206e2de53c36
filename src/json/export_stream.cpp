// ExportStream (json.hpp): the exports of export.cpp written post by post,
// the text handed to a sink in pieces, for convert over files of any size.
#include "digest/json.hpp"
#include "json/writer.hpp"

namespace digest {

namespace {

constexpr std::size_t kFlushAt = 1u << 20;

}  // namespace

// Hidden: a class nested in an exported class is exported by default.
struct __attribute__((visibility("hidden"))) ExportStream::State {
  JsonFormat format;
  Sink sink;
  bool pretty;
  std::string out;
  json_detail::Writer writer;  // own and JSON Feed: one document
  Status failed;
  bool finished = false;

  State(JsonFormat f, Sink s, bool p) : format(f), sink(std::move(s)), pretty(p), writer(out, p) {}

  Status flush(bool always) {
    if (!failed.ok()) return failed;
    if (out.empty() || (!always && out.size() < kFlushAt)) return {};
    failed = sink(out);
    out.clear();
    return failed;
  }
};

ExportStream::ExportStream(JsonFormat format, Sink sink, const ExportOptions& options,
                           const FeedOptions& feed) {
  const bool pretty = format == JsonFormat::json_feed ? feed.pretty : options.pretty;
  state_ = std::make_unique<State>(format, std::move(sink), pretty);
  json_detail::Writer& w = state_->writer;
  if (format == JsonFormat::own) {
    w.open('{');
    w.key("digestcore");
    w.raw("1");
    w.key("posts");
    w.open('[');
  } else if (format == JsonFormat::json_feed) {
    json_detail::open_feed_items(w, feed);
  } else if (format != JsonFormat::json_lines) {
    state_->failed = Error(ErrorCode::invalid_argument,
                           "ExportStream writes the own format, JSON Lines or JSON Feed");
  }
}

ExportStream::ExportStream(ExportStream&&) noexcept = default;
ExportStream& ExportStream::operator=(ExportStream&&) noexcept = default;
ExportStream::~ExportStream() = default;

Status ExportStream::add_post(const Post& post) {
  State& s = *state_;
  if (!s.failed.ok()) return s.failed;
  if (s.finished) return Error(ErrorCode::invalid_argument, "the export is finished");
  if (s.format == JsonFormat::json_lines) {
    json_detail::Writer line(s.out, false);
    json_detail::write_post(line, post);
    s.out += '\n';
  } else if (s.format == JsonFormat::own) {
    json_detail::write_post(s.writer, post);
  } else {
    json_detail::write_feed_item(s.writer, post);
  }
  return s.flush(false);
}

Status ExportStream::finish(std::span<const Source> sources) {
  State& s = *state_;
  if (!s.failed.ok()) return s.failed;
  if (s.finished) return Error(ErrorCode::invalid_argument, "the export is finished");
  s.finished = true;
  json_detail::Writer& w = s.writer;
  if (s.format == JsonFormat::json_lines) {
    for (const Source& src : sources) {
      json_detail::Writer line(s.out, false);
      line.open('{');
      line.key("source");
      json_detail::write_source(line, src);
      line.close('}');
      s.out += '\n';
    }
  } else if (s.format == JsonFormat::own) {
    w.close(']');
    w.key("sources");
    w.open('[');
    for (const Source& src : sources) json_detail::write_source(w, src);
    w.close(']');
    w.close('}');
    s.out += '\n';
  } else {
    json_detail::close_feed(w, sources, {});
    s.out += '\n';
  }
  return s.flush(true);
}

}  // namespace digest
