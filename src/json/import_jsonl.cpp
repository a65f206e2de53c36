// JSON Lines: one own-format post, or {"source": {...}}, per line. Each
// line is its own document (and, in skip mode, its own record), so a bad
// line is reported with its line number and the others still import.
// Lines come from memory here and from the file streamer (import_file.cpp).
#include <algorithm>
#include <cstring>

#include "json/importer.hpp"

namespace digest::json_detail {

// One JSON Lines record, already in a padded buffer.
void Importer::run_line() {
  std::string_view s = buf_;
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  bool source_line = false;
  if (i < s.size() && s[i] == '{') {
    std::size_t j = i + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
    if (s.substr(j, 8) == "\"source\"") {
      j += 8;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == ':')) ++j;
      source_line = j < s.size() && s[j] == '{';
    }
  }
  od::object root = root_object("an object (a post, or {\"source\": {...}})");
  if (source_line) {
    bool first = true;
    each_field(root, [&](std::string_view key, od::value& v) {
      if (!first || key != "source")
        fail(ErrorCode::parse_error, "a source line holds only the \"source\" member", loc(v));
      first = false;
      read_own_source(v, 1);
    });
  } else {
    Post p;
    read_post_fields(root, p, 1);
    add_post(std::move(p), buf_.data());
  }
  check_trailing();
}

// After the first lines, room for the posts the input will hold at their
// average length: the collection then never moves its posts to grow.
void Importer::size_from_input(std::size_t line_bytes) {
  lines_bytes_ += line_bytes + 1;
  if (++lines_seen_ != kLinesToEstimate || input_bytes_ == 0 || opt_.validate_only || opt_.on_post)
    return;
  std::uint64_t estimate = input_bytes_ / (lines_bytes_ / kLinesToEstimate) + kLinesToEstimate;
  estimate += estimate / 8;
  // Never more than four times the input's size in Post records, however
  // short the first lines are.
  estimate = std::min<std::uint64_t>(estimate, 4 * input_bytes_ / sizeof(Post));
  temp_.reserve(static_cast<std::size_t>(
      std::min<std::uint64_t>(estimate, std::min<std::uint64_t>(opt_.max_posts, kMaxReserve))));
}

void Importer::line(std::string_view text, std::uint64_t number) {
  size_from_input(text.size());
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (blank(text)) return;
  line_ = number;
  buf_ = text;
  shift_ = 0;
  record(
      [&] {
        if (text.size() > opt_.max_line_bytes) too_long(number);
        std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
        if (line_cap_ < need) {
          line_cap_ = std::max(need, line_cap_ * 2);
          line_buf_.reset(new char[line_cap_]);
        }
        std::memcpy(line_buf_.get(), text.data(), text.size());
        buf_ = std::string_view(line_buf_.get(), text.size());
        parse_document(JsonFormat::json_lines, line_cap_);
      },
      true);
}

[[noreturn]] void Importer::too_long(std::uint64_t number) {
  line_ = number;
  buf_ = {};
  Error e = make_error(ErrorCode::limit_exceeded,
                       "line longer than max_line_bytes (" + std::to_string(opt_.max_line_bytes) +
                           " bytes)",
                       nullptr);
  e.line = number;
  throw Failure{std::move(e), false};
}

void Importer::lines_in_memory(std::string_view text) {
  input_bytes_ = text.size();
  std::uint64_t number = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data())
                         : text.size();
    line(text.substr(start, end - start), number++);
    start = end + 1;
  }
}

}  // namespace digest::json_detail
