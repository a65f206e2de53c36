// The source registry: the outlets curators track, each with a name, aliases
// in any script, a URL or domain, language and country, and resolve(), which
// finds the outlet a piece of text names (exact name, alias, domain, then a
// fuzzy match on search keys). Rules: docs/entities.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/outlet_lookup.hpp"
#include "digest/result.hpp"

namespace digest {

enum class ResolveMethod {
  name,    // the search key of a source's name
  alias,   // the search key of one of its aliases
  domain,  // the host of a URL (or a bare domain) is the source's domain or under it
  fuzzy,   // edit distance on search keys
};

DG_API const char* resolve_method_name(ResolveMethod method) noexcept;

struct ResolveOptions {
  bool fuzzy = true;
  // Fuzzy score: 1 - d / max(|a|, |b|), where d is the optimal-string-
  // alignment (Damerau–Levenshtein) distance between the search keys in code
  // points. A candidate needs at least this score: with 0.85, one edit needs
  // keys of 7 code points or more, two edits 14 or more.
  double min_fuzzy_score = 0.85;
};

struct SourceResolution {
  const Source* source = nullptr;  // owned by the registry; valid until it changes
  double score = 0;                // 1 for name, alias and domain matches
  ResolveMethod method = ResolveMethod::name;
  std::string matched;             // the name, alias or domain that matched, as written
};

// Reading and writing it as JSON: json.hpp (source_registry_from_json, …).
// Not thread-safe while being filled (add, source_registry_from_json); resolve() and the
// other const methods are safe from many threads once filling is done.
class DG_API SourceRegistry final : public OutletLookup {
 public:
  SourceRegistry();
  ~SourceRegistry() override;
  SourceRegistry(SourceRegistry&&) noexcept;
  SourceRegistry& operator=(SourceRegistry&&) noexcept;
  SourceRegistry(const SourceRegistry&) = delete;
  SourceRegistry& operator=(const SourceRegistry&) = delete;

  // The sources of a collection. ErrorCode::invalid_argument for a source
  // without id.
  static Result<SourceRegistry> from_sources(std::span<const Source> sources);

  // ErrorCode::duplicate_id, invalid_argument (empty id), invalid_utf8.
  Status add(Source source);

  std::span<const Source> sources() const noexcept;
  std::size_t size() const noexcept;
  const Source* find(std::string_view id) const;

  // The source `text` names: tried in order (1) the search key of a name,
  // (2) of an alias, (3) the domain of a URL or bare domain, (4) the fuzzy
  // match. The first step that finds something decides; nullopt when it
  // finds two sources (or, in the fuzzy step, two sources share the best
  // score) or when no step finds any.
  std::optional<SourceResolution> resolve(std::string_view text,
                                          const ResolveOptions& options = {}) const;

  // OutletLookup, for attribution parsing: resolve(text)'s source id.
  std::optional<std::string> find_outlet(std::string_view text) const override;
  // Options find_outlet passes to resolve().
  void set_outlet_options(const ResolveOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The host of a URL ("https://news.example.org:8080/a" → "news.example.org")
// or a bare domain ("example.org/x" → "example.org"); empty when `text` is
// neither (it has spaces, or no dot in the host).
DG_API std::string_view url_host(std::string_view text);

// Sets each post's `source` to a registry id when it is not one already and
// the registry resolves it (the outlet as written), or else the post's URL.
// Returns the number of posts changed.
DG_API std::size_t resolve_post_sources(Collection& collection, const SourceRegistry& registry,
                                        const ResolveOptions& options = {});

}  // namespace digest
