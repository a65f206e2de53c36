// Small helpers shared by the JSON readers and writers of the gazetteer and
// the source registry (internal). Nothing here includes simdjson.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "digest/result.hpp"

namespace digest::detail {

// Appends `text` as a JSON string literal (quotes included). Control
// characters are escaped; other UTF-8 is copied as is.
void json_append_string(std::string& out, std::string_view text);

// Byte offset of the first ill-formed UTF-8 sequence, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Reads a whole file (ErrorCode::io_error with the path on failure).
Result<std::string> read_whole_file(const std::string& path);
// Writes a whole file, through a temporary renamed into place, so that a
// failed write leaves any previous file intact.
Status write_whole_file(const std::string& path, std::string_view bytes);

}  // namespace digest::detail
