// Stories: near-duplicate clusters (MinHash + banded LSH over search-key
// shingles, verified by exact Jaccard) and stories across languages (clusters
// linked by what survives translation: entities, name keys, numbers, dates).
// Knows nothing of JSON, Python or C.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

class Gazetteer;
class Normalizer;

// ---- shingles and signatures -------------------------------------------------

struct ShingleOptions {
  // Words per shingle. One (a set of words) keeps a variant with 10% of its
  // words substituted above 0.8 Jaccard; longer shingles punish every
  // substitution several times (bench/RESULTS.md, "stories").
  std::size_t words = 1;
  // Texts with fewer words than this, and texts mostly in scripts written
  // without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar, Tibetan), are
  // shingled into character n-grams of the search key instead.
  std::size_t min_words = 8;
  std::size_t chars = 3;
};

struct MinHashOptions {
  std::size_t permutations = 128;  // 1..1024
  std::uint64_t seed = 1;          // same seed, same signatures, on every machine
  ShingleOptions shingles;
};

// Signatures of n texts, row-major: row i is values[i*permutations, ...).
// A text without shingles (empty) gets a row of 0xFFFFFFFF and never matches.
struct SignatureMatrix {
  std::size_t permutations = 0;
  std::vector<std::uint32_t> values;
  std::size_t rows() const { return permutations ? values.size() / permutations : 0; }
  std::span<const std::uint32_t> row(std::size_t i) const {
    return {values.data() + i * permutations, permutations};
  }
};

// Thread-safe after construction (all methods const).
class DG_API MinHasher {
 public:
  explicit MinHasher(MinHashOptions options = {});
  const MinHashOptions& options() const noexcept { return options_; }

  // The sorted, distinct 32-bit shingle hashes of a search key (xxHash3).
  std::vector<std::uint32_t> shingles(std::string_view search_key) const;
  // The signature of a shingle set into `out` (options().permutations values).
  void signature(std::span<const std::uint32_t> shingles, std::span<std::uint32_t> out) const;

  // Search key, shingles and signature of each text, over `threads` threads
  // (0: all cores). Ill-formed UTF-8 is replaced, never an error.
  SignatureMatrix signatures(std::span<const std::string_view> texts,
                             std::size_t threads = 0) const;

 private:
  MinHashOptions options_;
  std::vector<std::uint64_t> mul_, add_;  // one multiply-add-shift hash per permutation
};

// Similarity, as thresholds and explanations give it, is the share of
// shingles two texts have in common: Sørensen–Dice, 2|A∩B| / (|A| + |B|).
// A variant with 10% of its words replaced keeps about 0.85 of it, where its
// Jaccard |A∩B| / |A∪B| falls to about 0.73 (a text's distinct words are
// fewer than its words, so 10% of the words is more of the set). The two
// measures map one to one; MinHash and LSH work on Jaccard underneath.
inline double similarity_from_jaccard(double j) { return 2 * j / (1 + j); }
inline double jaccard_from_similarity(double s) { return s / (2 - s); }

// Exact Jaccard and exact similarity of two sorted, distinct sets (1 for
// two empty sets).
DG_API double jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
DG_API double similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
// From two signatures: the fraction of equal values estimates Jaccard;
// estimated_similarity is that estimate as a similarity.
DG_API double estimated_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
DG_API double estimated_similarity(std::span<const std::uint32_t> a,
                                   std::span<const std::uint32_t> b);

// ---- banded LSH ----------------------------------------------------------------

struct LshParams {
  std::size_t bands = 0;
  std::size_t rows = 0;  // bands * rows <= permutations
};

// The bands and rows for a Jaccard threshold (find_near_duplicates passes
// jaccard_from_similarity of its threshold): those that minimise
// false_negative_weight * P(missed pair above the threshold) +
// (1 - false_negative_weight) * P(candidate pair below it). Candidates are
// verified afterwards, so a false candidate costs only time and the default
// weighs misses 99 to 1: for similarity 0.8 (Jaccard 2/3) and 128
// permutations, the bands and rows make a pair at the threshold a candidate
// over 98% of the time.
DG_API LshParams lsh_params(double threshold, std::size_t permutations,
                            double false_negative_weight = 0.99);

// ---- clusters -------------------------------------------------------------------

enum class JoinRule : std::uint8_t {
  exact,           // same search key
  near_duplicate,  // verified similarity of the shingle sets >= threshold
  estimated,       // signatures only (lsh_clusters): estimate >= threshold
};
DG_API std::string_view join_rule_name(JoinRule rule);  // "exact", ...

// One pair that joined two clusters: indices into the input, the MinHash
// estimate of their similarity and the exact one from the shingle sets (the
// estimate again for `estimated`).
struct JoinedPair {
  std::size_t a = 0, b = 0;
  double estimated = 0;
  double verified = 0;
  JoinRule rule = JoinRule::near_duplicate;
  bool operator==(const JoinedPair&) const = default;
};

struct Cluster {
  std::size_t representative = 0;     // earliest dated, then longest text, then first
  std::vector<std::size_t> members;   // ascending, representative included
  std::vector<JoinedPair> pairs;      // members.size() - 1 pairs: a spanning tree
};

struct DuplicateOptions {
  double threshold = 0.8;  // similarity (see above), (0, 1]
  MinHashOptions minhash;
  // Default lsh_params(jaccard_from_similarity(threshold), permutations).
  std::optional<LshParams> lsh;
  // Only texts dated at most this many days apart are compared (a story
  // re-posted within N days). Undated texts are compared with every text.
  std::optional<int> window_days;
  // Sentences (split at . ! ? ؟ 。 ; line breaks and dashes) found in at least
  // this many texts of one source are boilerplate (bylines, credit lines,
  // footers) and left out of the shingles, unless nothing would be left.
  // 0 turns it off.
  std::size_t boilerplate_min_texts = 3;
  std::size_t threads = 0;  // 0: all cores
};

struct DuplicateStats {
  LshParams lsh;
  std::size_t candidate_pairs = 0;  // pairs that shared a band and were examined
  std::size_t verified_pairs = 0;   // of them, pairs at or above the threshold
  std::size_t boilerplate_sentences = 0;
};

// Every input index is in exactly one cluster, singletons included. Clusters
// are ordered by their smallest member.
struct DuplicateResult {
  std::vector<Cluster> clusters;
  std::vector<std::uint32_t> cluster_of;  // input index -> index into clusters
  DuplicateStats stats;
};

// One text to compare, with what the options use beside it.
struct DuplicateInput {
  std::string_view text;
  std::optional<Date> date;      // for window_days and the representative
  std::string_view source;       // boilerplate is learned per source ("" = one shared source)
};

// invalid_argument, saying which, for a threshold outside (0, 1],
// permutations outside 1..1024, LSH bands*rows over the permutations, a
// negative window, or shingle sizes outside 1..64. MinHasher and
// NearDuplicateIndex take options unchecked: check them here first.
DG_API Status validate(const DuplicateOptions& options);

// Near duplicates among `inputs`; invalid_argument as validate() says.
DG_API Result<DuplicateResult> find_near_duplicates(std::span<const DuplicateInput> inputs,
                                                    const DuplicateOptions& options = {});
// Over a collection's posts (title, excerpt and body; digest_date; source).
DG_API Result<DuplicateResult> find_duplicates(const Collection& collection,
                                               const DuplicateOptions& options = {});
// Clusters from signatures computed elsewhere (merged from several processes
// or machines): candidates from banded LSH, joined when their estimated
// similarity reaches the threshold. Representatives: the first member.
DG_API Result<DuplicateResult> lsh_clusters(const SignatureMatrix& signatures, double threshold,
                                            std::optional<LshParams> lsh = std::nullopt);

// ---- near duplicates in stages ------------------------------------------------
// find_near_duplicates, taken apart for engines that split the texts over
// processes or machines (digestcore.dask): each step runs on a part and only
// its small outputs move. Run over the same texts with the same options, the
// steps join exactly the pairs find_near_duplicates joins, so the clusters
// (the connected components of the joined pairs) are the same.
//
//  1. boilerplate_enabled(options, total number of texts); if so, for each
//     text its edge_sentences.
//  2. Over all texts: per (source, hash) of an edge sentence, the number of
//     distinct fingerprints of the texts that have it; those with at least
//     boilerplate_min_texts are the source's boilerplate (find_boilerplate
//     does it in one process).
//  3. sketch_texts, with the boilerplate when enabled (else nullptr).
//  4. band_keys of the texts that have shingles; the texts sharing a band key
//     form a bucket, and bucket_pairs gives its candidate pairs.
//  5. A candidate pair joins when, under window_days, its dates are at most
//     that far apart (undated: always) and similarity() of its shingle sets
//     is at least the threshold (pair_joins).
//  6. component_roots of the joined pairs.

// A text's edge sentences (its first and last two, hashed) and its
// fingerprint (a few MinHash values of the whole text: near copies share it).
struct EdgeSentences {
  std::vector<std::uint64_t> hashes;
  std::uint64_t fingerprint = 0;
};

// Per source id, the sorted hashes of its boilerplate sentences.
using Boilerplate = std::vector<std::pair<std::string, std::vector<std::uint64_t>>>;

// Whether step 1 and 2 run: boilerplate_min_texts > 0 and at least that many texts.
DG_API bool boilerplate_enabled(const DuplicateOptions& options, std::size_t total_texts);
DG_API std::vector<EdgeSentences> edge_sentences(std::span<const std::string_view> texts,
                                                 const DuplicateOptions& options);
DG_API Boilerplate find_boilerplate(std::span<const DuplicateInput> inputs,
                                    std::span<const EdgeSentences> edges, std::size_t min_texts);

struct TextSketches {
  std::vector<std::vector<std::uint32_t>> shingles;  // sorted, distinct; empty: never joins
  SignatureMatrix signatures;
};
// `boilerplate` null: texts keyed whole (boilerplate not enabled); else keyed
// sentence by sentence with their source's boilerplate sentences cut.
DG_API TextSketches sketch_texts(std::span<const DuplicateInput> inputs,
                                 const DuplicateOptions& options, const Boilerplate* boilerplate);

// bands keys per row, row-major (row i: keys[i*bands, ...)).
DG_API std::vector<std::uint64_t> band_keys(const SignatureMatrix& signatures, const LshParams& lsh);

// The candidate pairs (a < b) of one bucket, whose members (text numbers)
// are given in ascending order: every pair in a small bucket; in a large one
// each member with the first and its few predecessors, which keeps k
// identical texts at O(k) pairs and still connects them.
DG_API std::vector<std::pair<std::uint64_t, std::uint64_t>> bucket_pairs(
    std::span<const std::uint64_t> members);
// The candidate pairs of rows (band key, text number), in any order: rows
// grouped into buckets by key, bucket_pairs of each, sorted and distinct.
DG_API std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed_candidate_pairs(
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed);

DG_API bool pair_joins(double similarity, double threshold);

// 6. The clusters: for each text named in a joined pair, the smallest text
//    number of its connected component, as (text, smallest) sorted by text.
//    Texts in no pair are clusters of their own. Results for parts of the
//    pairs can be merged by running this again over them all together.
DG_API std::vector<std::pair<std::uint64_t, std::uint64_t>> component_roots(
    std::span<const std::pair<std::uint64_t, std::uint64_t>> joined);

// ---- stories across languages -----------------------------------------------

// Why two clusters belong to one story.
struct StoryLink {
  std::size_t a = 0, b = 0;        // post indices (one in each cluster)
  double score = 0;                // [0, 1]
  std::vector<std::string> shared; // the anchors they share: "entity:ID", "name:KEY", "number:N", "date:YYYY-MM-DD"
};

struct Story {
  std::string id;                     // "story-" + the representative post's id
  std::size_t representative = 0;     // post index
  std::vector<std::size_t> posts;     // ascending
  std::vector<std::size_t> clusters;  // indices into StoryResult::duplicates.clusters
  std::vector<StoryLink> links;       // clusters.size() - 1 links
};

struct StoryOptions {
  DuplicateOptions duplicates;
  // Clusters are linked into stories by shared anchors: gazetteer entities
  // (when given; not owned), Latin keys of capitalised names, numbers and
  // dates in the text, within window_days of each other.
  const Gazetteer* entities = nullptr;
  int window_days = 3;
  double link_threshold = 0.35;  // anchor score to link two clusters
  bool across_languages_only = false;  // link only posts in different languages
};

struct StoryResult {
  DuplicateResult duplicates;
  std::vector<Story> stories;            // ordered by their first post
  std::vector<std::uint32_t> story_of;   // post index -> index into stories
};

DG_API Result<StoryResult> cluster_stories(const Collection& collection,
                                           const StoryOptions& options = {});

// ---- an incremental index -----------------------------------------------------

// Texts added one at a time (day by day); each add answers "is this a near
// duplicate of one already seen, and of which cluster?" without rebuilding.
// Not thread-safe for writing; const methods may run concurrently.
class DG_API NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(DuplicateOptions options = {});
  ~NearDuplicateIndex();
  NearDuplicateIndex(NearDuplicateIndex&&) noexcept;
  NearDuplicateIndex& operator=(NearDuplicateIndex&&) noexcept;

  struct Match {
    std::string id;          // the most similar earlier text
    std::string cluster;     // its cluster: the id of the cluster's first text
    double similarity = 0;   // verified similarity
  };

  // The best match among the texts added so far, if any reaches the threshold.
  std::optional<Match> query(std::string_view text, std::optional<Date> date = {}) const;
  // Adds `text` under `id` and returns what query() would have. duplicate_id
  // for an id already added (nothing changes).
  Result<std::optional<Match>> add(std::string_view id, std::string_view text,
                                   std::optional<Date> date = {});
  std::size_t size() const;
  const DuplicateOptions& options() const;

  // Written atomically (a temporary file renamed over `path`).
  Status save(const std::string& path) const;
  // parse_error (with its byte offset) for a file that is not a saved index.
  static Result<NearDuplicateIndex> load(const std::string& path);
  // The same format in memory (for pickling, sockets, databases).
  std::string to_bytes() const;
  static Result<NearDuplicateIndex> from_bytes(std::string_view bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace digest
