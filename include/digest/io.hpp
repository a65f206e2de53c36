// Files (the text floor): reading with a size limit checked before any
// allocation, and atomic writing (a uniquely named temporary file in the
// target's folder, written, flushed, fsynced and renamed over the target,
// then the folder fsynced), so a target is always the old or the new content.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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

}  // namespace digest
