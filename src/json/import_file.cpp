// Importing a file: read in chunks, never more than one chunk plus one line
// in memory for JSON Lines (records are imported as their lines complete,
// an over-long line is skipped without being held); other formats are read
// whole and parsed in place. Apart from the in-memory path because of the
// buffer handling and the I/O errors it alone has.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "digest/encoding.hpp"
#include "feeds/feed_import.hpp"
#include "json/importer.hpp"

namespace digest::json_detail {

namespace {

constexpr std::size_t kReadChunk = 1u << 20;

}  // namespace

Result<ImportReport> Importer::import_file(const std::string& path) {
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  auto io_error = [&](const char* what) {
    Error e(errno == ENOENT ? ErrorCode::file_not_found : ErrorCode::io_error,
            std::string(what) + ": " + std::strerror(errno));
    e.file = opt_.source_name;
    return e;
  };
  errno = 0;
  // "-" is standard input (not closed here).
  const bool is_stdin = path == "-";
  std::unique_ptr<std::FILE, FileCloser> owned(is_stdin ? nullptr : std::fopen(path.c_str(), "rb"));
  std::FILE* in = is_stdin ? stdin : owned.get();
  if (!in) return io_error("cannot open the file");
  struct FileRef {
    std::FILE* f;
    std::FILE* get() const { return f; }
  } file{in};
  try {
    // Room for one chunk plus the longest line allowed, grown on demand.
    std::vector<char> buf(kReadChunk);
    std::size_t have = std::fread(buf.data(), 1, kReadChunk, file.get());
    if (std::ferror(file.get())) return io_error("cannot read the file");
    bool eof = have < kReadChunk;
    JsonFormat format = opt_.format;
    std::string_view head(buf.data(), have);
    if (mode_ == Mode::collection) {
      bool xml = format == JsonFormat::xml_feed;
      if (format == JsonFormat::detect) {
        CharsetSniff sniff = sniff_charset(head.substr(0, 1024));
        xml = sniff.from == CharsetSniff::From::xml_declaration ||
              json_detail::detect_format(head, eof, nullptr) == JsonFormat::xml_feed;
        if (!xml && sniff.from == CharsetSniff::From::bom && sniff.charset != "UTF-8") {
          auto decoded = decode_to_utf8(head.substr(0, 64), sniff.charset);
          xml = decoded && json_detail::detect_format(*decoded, true, nullptr) == JsonFormat::xml_feed;
        }
      }
      if (xml) {
        // Streamed whatever its size: memory holds one chunk and the posts.
        struct stat st {};
        std::uint64_t total = ::fstat(::fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode)
                                  ? static_cast<std::uint64_t>(st.st_size)
                                  : 0;
        return feed_detail::import_feed_stream(target_, head, file.get(), total, opt_);
      }
      if (needs_decoding(head, opt_)) format = JsonFormat::detect;  // whole, decoded, below
    }
    if (format == JsonFormat::detect && !needs_decoding(head, opt_)) {
      bool decided = true;
      format = json_detail::detect_format(head, eof, &decided);
      if (!decided) format = JsonFormat::detect;  // read whole, then decide
    }
    if (format != JsonFormat::json_lines) {
      // Read whole: refuse a file over the limit before reading it, and stop
      // reading a pipe or device once past it.
      auto too_big = [&] {
        Error e(ErrorCode::limit_exceeded,
                "input larger than the limit of " + std::to_string(opt_.max_input_bytes) +
                    " bytes (ImportOptions::max_input_bytes; JSON Lines is streamed instead)");
        e.file = opt_.source_name;
        return e;
      };
      struct stat st {};
      if (::fstat(::fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode) &&
          static_cast<std::uint64_t>(st.st_size) > opt_.max_input_bytes)
        return too_big();
      if (have > opt_.max_input_bytes) return too_big();
      std::string all(buf.data(), have);
      buf = {};
      while (!eof) {
        if (all.size() > opt_.max_input_bytes) return too_big();
        std::size_t old = all.size();
        all.resize(old + kReadChunk);
        std::size_t n = std::fread(all.data() + old, 1, kReadChunk, file.get());
        all.resize(old + n);
        if (std::ferror(file.get())) return io_error("cannot read the file");
        eof = n < kReadChunk;
      }
      if (all.size() > opt_.max_input_bytes) return too_big();
      if (format == JsonFormat::detect || needs_decoding(all, opt_)) {
        Importer again(target_, opt_);
        return again.import_memory(all);
      }
      std::string_view text = prepare(all);
      check_recognisable(text);
      std::size_t offset = static_cast<std::size_t>(text.data() - all.data());
      std::size_t len = text.size();
      all.append(simdjson::SIMDJSON_PADDING, ' ');
      report_.format = format;
      buf_ = std::string_view(all.data() + offset, len);
      parse_document(format, all.size() - offset);
      return finish();
    }
    // JSON Lines, streamed: at most one chunk plus one line in memory.
    report_.format = JsonFormat::json_lines;
    if (struct stat st {}; ::fstat(::fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode))
      input_bytes_ = static_cast<std::uint64_t>(st.st_size);
    std::uint64_t number = 1;
    std::size_t start = 0;
    bool discarding = false;  // skipping the rest of an over-long line
    bool any = false;
    while (true) {
      while (start < have) {
        const void* nl = std::memchr(buf.data() + start, '\n', have - start);
        if (!nl) break;
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
        if (discarding)
          discarding = false;
        else
          line(std::string_view(buf.data() + start, end - start), number);
        any = any || !blank(std::string_view(buf.data() + start, end - start));
        ++number;
        start = end + 1;
      }
      std::size_t partial = have - start;
      if (!discarding && partial > opt_.max_line_bytes + 1) {
        record([&] { too_long(number); }, true);
        discarding = true;
      }
      if (discarding) partial = 0;
      if (partial > 0 && start > 0) std::memmove(buf.data(), buf.data() + start, partial);
      have = partial;
      start = 0;
      if (eof) {
        if (have > 0) {
          line(std::string_view(buf.data(), have), number);
          any = any || !blank(std::string_view(buf.data(), have));
        }
        break;
      }
      if (buf.size() < have + kReadChunk) buf.resize(have + kReadChunk);
      std::size_t n = std::fread(buf.data() + have, 1, kReadChunk, file.get());
      if (std::ferror(file.get())) return io_error("cannot read the file");
      eof = n < kReadChunk;
      have += n;
    }
    if (!any && opt_.format != JsonFormat::json_lines) {  // JSON Lines by name may be empty
      buf_ = {};
      line_ = 0;
      fail(ErrorCode::parse_error, "the input is empty", nullptr, true);
    }
    return finish();
  } catch (Failure& f) {
    return std::move(f.error);
  }
}

}  // namespace digest::json_detail
