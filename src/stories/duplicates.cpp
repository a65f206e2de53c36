// Near-duplicate clusters: search keys with per-source boilerplate left out,
// shingles, MinHash signatures, banded LSH candidates, verification by exact
// Jaccard, union–find.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include <xxhash.h>

#include "digest/normalize.hpp"
#include "digest/stories.hpp"
#include "stories/clusters.hpp"
#include "stories/lsh.hpp"
#include "stories/parallel.hpp"

namespace digest {
namespace stories_detail {
namespace {

constexpr std::size_t kEdgeSegments = 2;  // boilerplate sits in the first or last two sentences
constexpr std::size_t kFingerprintValues = 4;

// A sentence's place in the joined key, and its hash.
struct EdgeSegment {
  std::uint64_t hash = 0;
  std::uint32_t begin = 0, end = 0;  // bytes of the key
};

struct Prepared {
  std::string key;
  std::vector<EdgeSegment> edges;  // at most 2 * kEdgeSegments
};

// Length of the sentence break at s[i] (0 if none): line breaks, sentence
// punctuation of Latin, Arabic-script and CJK text, and dashes that set off
// credit lines ("Fictional Wire — The council ...").
std::size_t break_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  switch (c) {
    case '\n': case '.': case '!': case '?': case ';': case '|': return 1;
    default: break;
  }
  auto seq = [&](std::string_view b) { return s.substr(i, b.size()) == b ? b.size() : 0; };
  if (c == 0xD8) return std::max(seq("\xD8\x9F"), seq("\xD8\x9B"));  // ؟ ؛
  if (c == 0xDB) return seq("\xDB\x94");                              // ۔
  if (c == 0xE2) return std::max(seq("\xE2\x80\x94"), seq("\xE2\x80\x93"));  // — –
  if (c == 0xE3) return seq("\xE3\x80\x82");                          // 。
  if (c == 0xEF) return std::max(seq("\xEF\xBC\x81"), seq("\xEF\xBC\x9F"));  // ！ ？
  return 0;
}

// The key of `text` sentence by sentence (so that a sentence's key can be cut
// out later) and the hashes of its edge sentences.
Prepared prepare_by_sentence(std::string_view text, const Normalizer& norm) {
  Prepared p;
  std::vector<EdgeSegment> all;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    if (end <= start) return;
    Result<std::string> k = norm.search_key(text.substr(start, end - start));
    if (k.ok() && !k->empty()) {
      if (!p.key.empty()) p.key.push_back(' ');
      const auto b = static_cast<std::uint32_t>(p.key.size());
      p.key += *k;
      all.push_back({XXH3_64bits(k->data(), k->size()), b, static_cast<std::uint32_t>(p.key.size())});
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = break_length(text, i);
    if (len) {
      flush(i);
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  flush(text.size());
  if (all.size() <= 2 * kEdgeSegments) {
    p.edges = std::move(all);
  } else {
    p.edges.assign(all.begin(), all.begin() + kEdgeSegments);
    p.edges.insert(p.edges.end(), all.end() - kEdgeSegments, all.end());
  }
  return p;
}

// Which of a text's edge sentences are its source's boilerplate (empty:
// none). `sets` maps source ids to sorted boilerplate hashes.
using BoilerplateSets = std::unordered_map<std::string_view, const std::vector<std::uint64_t>*>;
std::vector<bool> boilerplate_drops(const Prepared& p, std::string_view source, const BoilerplateSets& sets) {
  std::vector<bool> drop;
  const auto it = sets.find(source);
  if (it == sets.end()) return drop;
  for (std::size_t j = 0; j < p.edges.size(); ++j) {
    if (!std::binary_search(it->second->begin(), it->second->end(), p.edges[j].hash)) continue;
    drop.resize(p.edges.size());
    drop[j] = true;
  }
  return drop;
}

BoilerplateSets boilerplate_sets(const Boilerplate& b) {
  BoilerplateSets sets;
  for (const auto& [source, hashes] : b) sets.emplace(source, &hashes);
  return sets;
}

// The fingerprint of a signature: its first few values hashed.
std::uint64_t fingerprint_of(std::span<const std::uint32_t> signature) {
  const std::size_t values = std::min<std::size_t>(kFingerprintValues, signature.size());
  return XXH3_64bits(signature.data(), values * sizeof(std::uint32_t));
}

// The key without the dropped sentences; the whole key if nothing would be left.
std::string cut_boilerplate(const Prepared& p, const std::vector<bool>& drop) {
  if (drop.empty()) return p.key;
  std::string out;
  std::size_t at = 0;
  for (std::size_t j = 0; j < p.edges.size(); ++j) {
    if (!drop[j]) continue;
    out.append(p.key, at, p.edges[j].begin - at);
    at = p.edges[j].end;
  }
  out.append(p.key, at, std::string::npos);
  // Re-join with single spaces.
  std::string joined;
  joined.reserve(out.size());
  for (char c : out)
    if (c != ' ' || (!joined.empty() && joined.back() != ' ')) joined.push_back(c);
  while (!joined.empty() && joined.back() == ' ') joined.pop_back();
  return joined.empty() ? p.key : joined;
}

}  // namespace

// The shingle sets, signatures and key hashes of `inputs`.
Sketches sketch_inputs(std::span<const DuplicateInput> inputs, const DuplicateOptions& options,
                       std::size_t& boilerplate_found) {
  const std::size_t n = inputs.size();
  const MinHasher hasher(options.minhash);
  const Normalizer& norm = Normalizer::shared();
  const std::size_t threads = thread_count(options.threads, n, 256);
  Sketches sk;
  sk.shingles.resize(n);
  sk.key_hash.resize(n);
  sk.signatures.permutations = options.minhash.permutations;
  sk.signatures.values.resize(n * options.minhash.permutations);

  // Pass 1: each text's key and shingles, and the hashes of its edge
  // sentences (the key itself is not kept: at a million posts it would
  // double the memory).
  std::vector<Prepared> prepared(n);
  const bool boilerplate = boilerplate_enabled(options, n);
  auto finish = [&](std::size_t i, std::string_view key) {
    sk.key_hash[i] = XXH3_64bits(key.data(), key.size());
    sk.shingles[i] = hasher.shingles(key);
    hasher.signature(sk.shingles[i], {sk.signatures.values.data() + i * sk.signatures.permutations,
                                      sk.signatures.permutations});
  };
  parallel_chunks(n, threads, 256, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      if (boilerplate) {
        prepared[i] = prepare_by_sentence(inputs[i].text, norm);
        finish(i, prepared[i].key);
        std::string().swap(prepared[i].key);
      } else {
        Result<std::string> k = norm.search_key(inputs[i].text);
        finish(i, k.ok() ? std::string_view(*k) : std::string_view());
      }
    }
  });
  // Pass 2: the texts that carry boilerplate are keyed again without it.
  if (!boilerplate) return sk;
  std::vector<EdgeSentences> edges(n);
  for (std::size_t i = 0; i < n; ++i) {
    edges[i].fingerprint = fingerprint_of(sk.signatures.row(i));
    for (const EdgeSegment& e : prepared[i].edges) edges[i].hashes.push_back(e.hash);
  }
  const Boilerplate found = find_boilerplate(inputs, edges, options.boilerplate_min_texts);
  for (const auto& [source, hashes] : found) boilerplate_found += hashes.size();
  const BoilerplateSets sets = boilerplate_sets(found);
  parallel_chunks(n, threads, 256, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const std::vector<bool> drop = boilerplate_drops(prepared[i], inputs[i].source, sets);
      if (drop.empty()) continue;
      finish(i, cut_boilerplate(prepare_by_sentence(inputs[i].text, norm), drop));
    }
  });
  return sk;
}

}  // namespace stories_detail

// ---- the staged steps ---------------------------------------------------------

bool boilerplate_enabled(const DuplicateOptions& options, std::size_t total_texts) {
  return options.boilerplate_min_texts > 0 && total_texts >= options.boilerplate_min_texts;
}

std::vector<EdgeSentences> edge_sentences(std::span<const std::string_view> texts,
                                          const DuplicateOptions& options) {
  using namespace stories_detail;
  const MinHasher hasher(options.minhash);
  const Normalizer& norm = Normalizer::shared();
  std::vector<EdgeSentences> out(texts.size());
  parallel_chunks(texts.size(), thread_count(options.threads, texts.size(), 256), 256,
                  [&](std::size_t b, std::size_t e) {
    std::uint32_t sig[kFingerprintValues];
    const std::size_t values = std::min(kFingerprintValues, options.minhash.permutations);
    for (std::size_t i = b; i < e; ++i) {
      const Prepared p = prepare_by_sentence(texts[i], norm);
      for (const EdgeSegment& seg : p.edges) out[i].hashes.push_back(seg.hash);
      // The first values of the full signature (a signature's values are
      // independent of how many follow).
      hasher.signature(hasher.shingles(p.key), {sig, values});
      out[i].fingerprint = fingerprint_of({sig, values});
    }
  });
  return out;
}

Boilerplate find_boilerplate(std::span<const DuplicateInput> inputs, std::span<const EdgeSentences> edges,
                             std::size_t min_texts) {
  Boilerplate out;
  if (min_texts == 0) return out;
  std::unordered_map<std::string_view, std::uint32_t> source_ids;
  std::vector<std::string_view> sources;
  struct Seen {
    std::uint32_t source;
    std::uint64_t hash;
    std::uint64_t fingerprint;
    bool operator<(const Seen& o) const {
      return std::tie(source, hash, fingerprint) < std::tie(o.source, o.hash, o.fingerprint);
    }
  };
  std::vector<Seen> seen;
  for (std::size_t i = 0; i < std::min(inputs.size(), edges.size()); ++i) {
    const auto [it, added] = source_ids.try_emplace(inputs[i].source, static_cast<std::uint32_t>(sources.size()));
    if (added) sources.push_back(inputs[i].source);
    for (std::uint64_t h : edges[i].hashes) seen.push_back({it->second, h, edges[i].fingerprint});
  }
  std::sort(seen.begin(), seen.end());
  // A sentence of one source is boilerplate when texts with at least
  // min_texts distinct fingerprints have it: near copies (one story's
  // updates) share a fingerprint, so what they share counts once.
  std::vector<std::vector<std::uint64_t>> per_source(sources.size());
  for (std::size_t s = 0; s < seen.size();) {
    std::size_t e = s + 1, distinct = 1;
    for (; e < seen.size() && seen[e].source == seen[s].source && seen[e].hash == seen[s].hash; ++e)
      distinct += seen[e].fingerprint != seen[e - 1].fingerprint;
    if (distinct >= min_texts) per_source[seen[s].source].push_back(seen[s].hash);
    s = e;
  }
  for (std::size_t k = 0; k < sources.size(); ++k)
    if (!per_source[k].empty()) out.emplace_back(std::string(sources[k]), std::move(per_source[k]));
  std::sort(out.begin(), out.end());
  return out;
}

TextSketches sketch_texts(std::span<const DuplicateInput> inputs, const DuplicateOptions& options,
                          const Boilerplate* boilerplate) {
  using namespace stories_detail;
  const MinHasher hasher(options.minhash);
  const Normalizer& norm = Normalizer::shared();
  const std::size_t n = inputs.size(), perms = options.minhash.permutations;
  const BoilerplateSets sets = boilerplate ? boilerplate_sets(*boilerplate) : BoilerplateSets{};
  TextSketches sk;
  sk.shingles.resize(n);
  sk.signatures.permutations = perms;
  sk.signatures.values.resize(n * perms);
  parallel_chunks(n, thread_count(options.threads, n, 256), 256, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      std::string key;
      if (boilerplate) {
        Prepared p = prepare_by_sentence(inputs[i].text, norm);
        const std::vector<bool> drop = boilerplate_drops(p, inputs[i].source, sets);
        key = drop.empty() ? std::move(p.key) : cut_boilerplate(p, drop);
      } else if (Result<std::string> k = norm.search_key(inputs[i].text); k.ok()) {
        key = std::move(k).value();
      }
      sk.shingles[i] = hasher.shingles(key);
      hasher.signature(sk.shingles[i], {sk.signatures.values.data() + i * perms, perms});
    }
  });
  return sk;
}

Status validate(const DuplicateOptions& options) {
  using namespace stories_detail;
  if (Status st = check_threshold(options.threshold, options.minhash.permutations); !st.ok()) return st;
  Result<LshParams> lsh = resolve_lsh(options.lsh, jaccard_from_similarity(options.threshold),
                                      options.minhash.permutations);
  if (!lsh.ok()) return std::move(lsh).error();
  if (options.window_days && *options.window_days < 0)
    return Error(ErrorCode::invalid_argument,
                 "window_days must be 0 or more, got " + std::to_string(*options.window_days));
  const ShingleOptions& sh = options.minhash.shingles;
  if (sh.words < 1 || sh.words > 64 || sh.chars < 1 || sh.chars > 64)
    return Error(ErrorCode::invalid_argument, "shingle sizes (words, chars) must be in 1..64");
  return {};
}

Result<DuplicateResult> find_near_duplicates(std::span<const DuplicateInput> inputs,
                                             const DuplicateOptions& options) {
  using namespace stories_detail;
  if (Status st = validate(options); !st.ok()) return std::move(st).error();
  Result<LshParams> lsh = resolve_lsh(options.lsh, jaccard_from_similarity(options.threshold),
                                      options.minhash.permutations);
  if (!lsh.ok()) return std::move(lsh).error();
  if (inputs.size() >= std::numeric_limits<std::uint32_t>::max())
    return Error(ErrorCode::limit_exceeded, "too many texts for one call (at most 2^32 - 2)");

  DuplicateResult result;
  result.stats.lsh = *lsh;
  const Sketches sk = sketch_inputs(inputs, options, result.stats.boilerplate_sentences);
  std::vector<bool> usable(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) usable[i] = !sk.shingles[i].empty();
  std::vector<std::uint64_t> pairs = candidate_pairs(sk.signatures, *lsh, usable, options.threads);
  result.stats.candidate_pairs = pairs.size();

  if (options.window_days) {
    const long window = *options.window_days;
    std::erase_if(pairs, [&](std::uint64_t v) {
      const auto [a, b] = unpack_pair(v);
      const auto& da = inputs[a].date;
      const auto& db = inputs[b].date;
      return da && db && std::labs((*da - *db).days()) > window;
    });
  }
  std::vector<JoinedPair> verified = verify_pairs(
      pairs, options.threshold, options.threads, [&](std::uint32_t a, std::uint32_t b) {
        JoinedPair p;
        p.a = a;
        p.b = b;
        p.estimated = estimated_similarity(sk.signatures.row(a), sk.signatures.row(b));
        p.verified = similarity(sk.shingles[a], sk.shingles[b]);
        p.rule = sk.key_hash[a] == sk.key_hash[b] && p.verified == 1.0 ? JoinRule::exact
                                                                       : JoinRule::near_duplicate;
        return p;
      });
  result.stats.verified_pairs = verified.size();
  build_clusters(result, inputs.size(), verified, [&](std::size_t a, std::size_t b) {
    // Earliest dated first (undated last), then the longest text, then the first.
    const auto& da = inputs[a].date;
    const auto& db = inputs[b].date;
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && *da != *db) return *da < *db;
    if (inputs[a].text.size() != inputs[b].text.size()) return inputs[a].text.size() > inputs[b].text.size();
    return a < b;
  });
  return result;
}

std::string stories_detail::post_text(const Post& p) {
  std::string t;
  for (const std::string* part : {&p.title, &p.excerpt, &p.body}) {
    if (part->empty()) continue;
    if (!t.empty()) t += '\n';
    t += *part;
  }
  return t;
}

Result<DuplicateResult> find_duplicates(const Collection& collection, const DuplicateOptions& options) {
  const auto posts = collection.posts();
  std::vector<std::string> texts(posts.size());
  std::vector<DuplicateInput> inputs(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    texts[i] = stories_detail::post_text(posts[i]);
    inputs[i].text = texts[i];
    inputs[i].date = posts[i].digest_date();
    inputs[i].source = posts[i].source;
  }
  return find_near_duplicates(inputs, options);
}

Result<DuplicateResult> lsh_clusters(const SignatureMatrix& signatures, double threshold,
                                     std::optional<LshParams> lsh_given) {
  using namespace stories_detail;
  if (Status st = check_threshold(threshold, signatures.permutations); !st.ok())
    return std::move(st).error();
  if (signatures.values.size() % signatures.permutations != 0)
    return Error(ErrorCode::invalid_argument, "the signature values are not a whole number of rows");
  Result<LshParams> lsh = resolve_lsh(lsh_given, jaccard_from_similarity(threshold), signatures.permutations);
  if (!lsh.ok()) return std::move(lsh).error();
  const std::size_t n = signatures.rows();
  if (n >= std::numeric_limits<std::uint32_t>::max())
    return Error(ErrorCode::limit_exceeded, "too many signatures for one call (at most 2^32 - 2)");
  DuplicateResult result;
  result.stats.lsh = *lsh;
  std::vector<bool> usable(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = signatures.row(i);
    usable[i] = std::any_of(row.begin(), row.end(),
                            [](std::uint32_t v) { return v != std::numeric_limits<std::uint32_t>::max(); });
  }
  const std::vector<std::uint64_t> pairs = candidate_pairs(signatures, *lsh, usable, 0);
  result.stats.candidate_pairs = pairs.size();
  std::vector<JoinedPair> verified =
      verify_pairs(pairs, threshold, 0, [&](std::uint32_t a, std::uint32_t b) {
        JoinedPair p;
        p.a = a;
        p.b = b;
        p.estimated = p.verified = estimated_similarity(signatures.row(a), signatures.row(b));
        p.rule = JoinRule::estimated;
        return p;
      });
  result.stats.verified_pairs = verified.size();
  build_clusters(result, n, verified, [](std::size_t a, std::size_t b) { return a < b; });
  return result;
}

std::string_view join_rule_name(JoinRule rule) {
  switch (rule) {
    case JoinRule::exact: return "exact";
    case JoinRule::near_duplicate: return "near_duplicate";
    case JoinRule::estimated: return "estimated";
  }
  return "unknown";
}

}  // namespace digest
