// The one table of the schema's member names (docs/schema.md): what the
// importer reads as model fields and what the exporter must not write twice
// (an extra member with a model field's name would read back as the field).
#pragma once

#include <array>
#include <string_view>

namespace digest::json_detail {

// Posts, in the order of the PostField bits (importer.hpp).
inline constexpr std::array<std::string_view, 14> kPostFieldNames = {
    "id",      "title",  "url",     "posted_on", "published_on", "authors", "source",
    "place",   "excerpt", "body",   "language",  "tags",         "cluster", "story"};

// Sources, in the order of the SourceField bits.
enum SourceField : int { kSrcId, kSrcName, kSrcAliases, kSrcUrl, kSrcLanguage, kSrcCountry };
inline constexpr std::array<std::string_view, 6> kSourceFieldNames = {
    "id", "name", "aliases", "url", "language", "country"};

// A source's "domain": read as its url when it has none, else kept as an
// extra member (so both resolve). Every reader of a source applies this.
inline constexpr std::string_view kSourceDomain = "domain";

// Index of `k` in `names`, or -1.
template <std::size_t N>
constexpr int field_index(const std::array<std::string_view, N>& names, std::string_view k) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == k) return static_cast<int>(i);
  return -1;
}

inline int post_field_index(std::string_view k) { return field_index(kPostFieldNames, k); }
inline int source_field_index(std::string_view k) { return field_index(kSourceFieldNames, k); }

}  // namespace digest::json_detail
