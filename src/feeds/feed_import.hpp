// Internal: importing an RSS or Atom feed, from memory or streamed from a
// file, with the same options, report and all-or-nothing guarantee as the
// JSON importer (json.hpp). Called by the entry points in json/import.cpp.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string_view>

#include "digest/json.hpp"

namespace digest::feed_detail {

Result<ImportReport> import_feed_memory(Collection& target, std::string_view bytes,
                                        const ImportOptions& options);

// `head` holds the first bytes already read from `file`; the rest is read
// in chunks. `total` is the file's size when known, else 0.
Result<ImportReport> import_feed_stream(Collection& target, std::string_view head,
                                        std::FILE* file, std::uint64_t total,
                                        const ImportOptions& options);

// What XML input that is not a feed looks like, for the error that says
// so: "an HTML page", "an XML document whose root is <svg>".
std::string describe_foreign_root(std::string_view root);

}  // namespace digest::feed_detail
