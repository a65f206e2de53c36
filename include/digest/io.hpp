// Files (the text floor): reading with a size limit checked before any
// allocation, and atomic writing (a uniquely named temporary file in the
// target's folder, written, flushed, fsynced and renamed over the target,
// then the folder fsynced), so a target is always the old or the new content.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "digest/result.hpp"

namespace digest {

// Files larger than this are refused by default (limit_exceeded), before
// anything is read.
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t(1) << 30;  // 1 GiB

// The whole file. Errors (io_error with the errno text, limit_exceeded) carry
// the path in Error::file. Reads non-regular files (pipes, /dev/stdin) in
// chunks, stopping with limit_exceeded once past `max_bytes`.
DG_API Result<std::string> read_file(const std::string& path,
                              std::size_t max_bytes = kDefaultMaxFileBytes);

// Replaces `path` with `bytes` atomically (see above). On failure `path` is
// untouched and the temporary file removed; the error says why.
DG_API Status write_file_atomic(const std::string& path, std::string_view bytes);

// The same, written in pieces (since 0.4: output streamed as it is made):
// open() creates the temporary file beside `path`, write() appends, commit()
// syncs and renames it over `path`. Until commit() succeeds `path` is
// untouched; destroying an uncommitted file removes the temporary. Move-only.
class DG_API AtomicFile {
 public:
  static Result<AtomicFile> open(const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  ~AtomicFile();
  Status write(std::string_view bytes);
  Status commit();
  const std::string& path() const { return path_; }

 private:
  AtomicFile(std::string path, std::string temporary, int fd)
      : path_(std::move(path)), temporary_(std::move(temporary)), fd_(fd) {}
  void discard() noexcept;
  std::string path_, temporary_;
  int fd_ = -1;
};

}  // namespace digest
