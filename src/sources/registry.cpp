// The source registry: exact lookups by search key (names, aliases,
// domains) and a fuzzy fallback on optimal-string-alignment distance.
#include "digest/sources.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "digest/normalize.hpp"
#include "text/safe.hpp"
#include "text/utf8.hpp"

namespace digest {

namespace {

using Index = std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::string>>,
                                 StringHash, std::equal_to<>>;


// Optimal string alignment distance (Levenshtein plus adjacent
// transpositions), giving up (returning limit + 1) once it exceeds `limit`.
std::size_t osa_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// "www example org" → "example org": the key of a host without a leading www.
std::string host_key(std::string_view host) {
  auto key = Normalizer::shared().search_key(host);
  if (!key.ok()) return {};
  std::string k = std::move(key).value();
  if (k.starts_with("www ")) k.erase(0, 4);
  return k;
}

}  // namespace

const char* resolve_method_name(ResolveMethod method) noexcept {
  switch (method) {
    case ResolveMethod::name: return "name";
    case ResolveMethod::alias: return "alias";
    case ResolveMethod::domain: return "domain";
    case ResolveMethod::fuzzy: return "fuzzy";
  }
  return "unknown";
}

std::string_view url_host(std::string_view text) {
  // Trim surrounding ASCII whitespace.
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty()) return {};
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return {};
  }
  std::string_view rest = text;
  if (auto p = rest.find("://"); p != std::string_view::npos) {
    // The scheme must be letters, digits, + - . (RFC 3986).
    for (char c : rest.substr(0, p)) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '+' || c == '-' || c == '.';
      if (!ok) return {};
    }
    rest.remove_prefix(p + 3);
  } else if (rest.starts_with("//")) {
    rest.remove_prefix(2);
  }
  std::size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (auto colon = authority.find(':'); colon != std::string_view::npos)
    authority = authority.substr(0, colon);
  if (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);  // FQDN dot
  // Labels: non-empty, at least two, the last (TLD) of two or more letters.
  if (authority.find('.') == std::string_view::npos) return {};
  std::size_t start = 0;
  std::string_view last;
  for (;;) {
    std::size_t dot = authority.find('.', start);
    std::string_view label = authority.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty()) return {};
    for (char c : label) {
      if (c == '_' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == ',')
        return {};
    }
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (last.size() < 2) return {};
  for (char c : last) {
    const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool non_ascii = static_cast<unsigned char>(c) >= 0x80;  // IDN TLDs
    if (!ascii_letter && !non_ascii && c != '-') return {};
  }
  return authority;
}

struct SourceRegistry::Impl {
  std::vector<Source> sources;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> by_id;
  Index by_name, by_alias, by_domain;  // key → (source, as written)
  struct FuzzyKey {
    std::u32string key;
    std::uint32_t source;
    std::string text;
  };
  std::vector<FuzzyKey> fuzzy;
  ResolveOptions outlet_options;

  static void put(Index& index, std::string key, std::uint32_t source, std::string text) {
    if (key.empty()) return;
    auto& v = index[std::move(key)];
    for (const auto& e : v) {
      if (e.first == source) return;
    }
    v.emplace_back(source, std::move(text));
  }

  void index_source(std::uint32_t i) {
    const Source& s = sources[i];
    const Normalizer& norm = Normalizer::shared();
    auto add_name = [&](Index& idx, const std::string& text) {
      auto key = norm.search_key(text);
      if (!key.ok() || key->empty()) return;
      fuzzy.push_back({detail::code_points(*key), i, text});
      put(idx, std::move(key).value(), i, text);
    };
    add_name(by_name, s.name);
    for (const std::string& a : s.aliases) add_name(by_alias, a);
    auto add_domain = [&](std::string_view url) {
      std::string_view host = url_host(url);
      if (host.empty()) return;
      put(by_domain, host_key(host), i, std::string(host));
    };
    add_domain(s.url);
    for (const ExtraField& e : s.extra) {
      // A "domain" kept beside "url": a plain JSON string.
      if (e.name == "domain" && e.raw_json.size() >= 2 && e.raw_json.front() == '"' &&
          e.raw_json.back() == '"' && e.raw_json.find('\\') == std::string::npos)
        add_domain(std::string_view(e.raw_json).substr(1, e.raw_json.size() - 2));
    }
  }

  static Status check_utf8(std::string_view text, std::string field) {
    if (auto bad = detail::first_invalid_utf8(text)) {
      Error e(ErrorCode::invalid_utf8, "ill-formed UTF-8 at byte " + std::to_string(*bad) +
                                           " of the " + field);
      e.field = std::move(field);
      return e;
    }
    return {};
  }

  Status validate(const Source& s) const {
    if (s.id.empty()) {
      Error e(ErrorCode::invalid_argument, "source without id");
      e.field = "id";
      return e;
    }
    if (Status st = check_utf8(s.id, "id"); !st) return st;
    if (Status st = check_utf8(s.name, "name"); !st) return st;
    if (Status st = check_utf8(s.url, "url"); !st) return st;
    for (std::size_t i = 0; i < s.aliases.size(); ++i) {
      if (Status st = check_utf8(s.aliases[i], "aliases[" + std::to_string(i) + "]"); !st)
        return st;
    }
    if (by_id.count(s.id)) {
      Error e(ErrorCode::duplicate_id, "duplicate source id " + detail::quote_for_message(s.id));
      e.field = "id";
      return e;
    }
    return {};
  }

  void commit(Source s) {
    const auto i = static_cast<std::uint32_t>(sources.size());
    by_id.emplace(s.id, i);
    sources.push_back(std::move(s));
    index_source(i);
  }

  // The single source of an exact step, or nullopt (none, or ambiguous).
  std::optional<SourceResolution> exact(const Index& index, std::string_view key,
                                        ResolveMethod method, bool& ambiguous) const {
    auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    if (it->second.size() > 1) {
      ambiguous = true;
      return std::nullopt;
    }
    return SourceResolution{&sources[it->second[0].first], 1.0, method, it->second[0].second};
  }
};

SourceRegistry::SourceRegistry() : impl_(std::make_unique<Impl>()) {}
SourceRegistry::~SourceRegistry() = default;
SourceRegistry::SourceRegistry(SourceRegistry&&) noexcept = default;
SourceRegistry& SourceRegistry::operator=(SourceRegistry&&) noexcept = default;

Result<SourceRegistry> SourceRegistry::from_sources(std::span<const Source> sources) {
  SourceRegistry r;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (Status s = r.add(sources[i]); !s) {
      Error e = std::move(s).error();
      e.field = "sources[" + std::to_string(i) + "]" + (e.field.empty() ? "" : "." + e.field);
      return e;
    }
  }
  return r;
}

Status SourceRegistry::add(Source source) {
  if (Status s = impl_->validate(source); !s) return s;
  impl_->commit(std::move(source));
  return {};
}

std::span<const Source> SourceRegistry::sources() const noexcept { return impl_->sources; }
std::size_t SourceRegistry::size() const noexcept { return impl_->sources.size(); }

const Source* SourceRegistry::find(std::string_view id) const {
  auto it = impl_->by_id.find(id);
  return it == impl_->by_id.end() ? nullptr : &impl_->sources[it->second];
}

std::optional<SourceResolution> SourceRegistry::resolve(std::string_view text,
                                                        const ResolveOptions& options) const {
  const Impl& im = *impl_;
  if (im.sources.empty()) return std::nullopt;
  auto key_r = Normalizer::shared().search_key(text);
  if (!key_r.ok()) return std::nullopt;
  const std::string& key = *key_r;
  bool ambiguous = false;
  if (!key.empty()) {
    if (auto r = im.exact(im.by_name, key, ResolveMethod::name, ambiguous)) return r;
    if (ambiguous) return std::nullopt;
    if (auto r = im.exact(im.by_alias, key, ResolveMethod::alias, ambiguous)) return r;
    if (ambiguous) return std::nullopt;
  }
  // A URL or a bare domain: its host, then each parent domain of two or more labels.
  if (std::string_view host = url_host(text); !host.empty()) {
    std::string hk = host_key(host);
    std::string_view k = hk;
    while (!k.empty() && k.find(' ') != std::string_view::npos) {
      if (auto r = im.exact(im.by_domain, k, ResolveMethod::domain, ambiguous)) return r;
      if (ambiguous) return std::nullopt;
      k.remove_prefix(k.find(' ') + 1);
    }
  }
  if (!options.fuzzy || key.empty()) return std::nullopt;
  const std::u32string cps = detail::code_points(key);
  double best = -1;
  const Impl::FuzzyKey* best_key = nullptr;
  bool tie = false;
  const double min_score = std::clamp(options.min_fuzzy_score, 0.0, 1.0);
  for (const Impl::FuzzyKey& fk : im.fuzzy) {
    const std::size_t longest = std::max(cps.size(), fk.key.size());
    if (longest == 0) continue;
    // The largest distance that can still reach min_score.
    const auto limit = static_cast<std::size_t>(std::floor((1.0 - min_score) * longest + 1e-9));
    const std::size_t d = osa_distance(cps, fk.key, limit);
    if (d > limit) continue;
    const double score = 1.0 - static_cast<double>(d) / static_cast<double>(longest);
    if (score < min_score) continue;
    if (score > best + 1e-12) {
      best = score;
      best_key = &fk;
      tie = false;
    } else if (std::fabs(score - best) <= 1e-12 && best_key && fk.source != best_key->source) {
      tie = true;
    }
  }
  if (!best_key || tie) return std::nullopt;
  return SourceResolution{&im.sources[best_key->source], best, ResolveMethod::fuzzy,
                          best_key->text};
}

std::optional<std::string> SourceRegistry::find_outlet(std::string_view text) const {
  auto r = resolve(text, impl_->outlet_options);
  if (!r) return std::nullopt;
  return r->source->id;
}

void SourceRegistry::set_outlet_options(const ResolveOptions& options) {
  impl_->outlet_options = options;
}

std::size_t resolve_post_sources(Collection& collection, const SourceRegistry& registry,
                                 const ResolveOptions& options) {
  std::vector<std::string> ids;
  for (const Post& p : collection.posts()) {
    if (!registry.find(p.source)) ids.push_back(p.id);
  }
  std::size_t changed = 0;
  for (const std::string& id : ids) {
    Post* p = collection.find_post(id);
    if (!p) continue;
    std::optional<SourceResolution> r;
    if (!p->source.empty()) r = registry.resolve(p->source, options);
    if (!r && !p->url.empty()) {
      ResolveOptions by_url = options;
      by_url.fuzzy = false;  // a URL says which site, not which name
      r = registry.resolve(p->url, by_url);
    }
    if (r && r->source->id != p->source) {
      p->source = r->source->id;
      ++changed;
    }
  }
  return changed;
}

}  // namespace digest
