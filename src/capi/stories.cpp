// C API over near duplicates and the incremental index (include/digest/c/stories.h).
#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/stories.hpp"

struct dg_clusters {
  digest::DuplicateResult result;
  std::size_t inputs = 0;
};

struct dg_near_duplicate_index {
  explicit dg_near_duplicate_index(digest::NearDuplicateIndex i) : index(std::move(i)) {}
  digest::NearDuplicateIndex index;
  // The ids handed out in matches, kept so that their pointers live as long
  // as the index. Node-based, so a new id never moves an old one; the mutex
  // lets queries (const) run from many threads at once.
  mutable std::mutex names_mutex;
  mutable std::unordered_set<std::string> names;

  const std::string& name(const std::string& s) const {
    std::lock_guard<std::mutex> lock(names_mutex);
    return *names.insert(s).first;
  }
};

namespace {

int bad(const char* field, const std::string& message) {
  return dg::set_error(DG_E_INVALID_ARGUMENT, message, field);
}

int check_threshold(double threshold) {
  if (!(threshold > 0 && threshold <= 1))  // NaN fails too
    return bad("threshold", "threshold must be in (0, 1], got " + std::to_string(threshold));
  return DG_OK;
}

int check_permutations(std::size_t permutations) {
  if (permutations < 1 || permutations > 1024)
    return bad("permutations",
               "permutations must be in 1..1024, got " + std::to_string(permutations));
  return DG_OK;
}

int check_shingle_size(std::size_t v, const char* field) {
  if (v < 1 || v > 64)
    return bad(field, std::string(field) + " must be in 1..64, got " + std::to_string(v));
  return DG_OK;
}

// The library's own check (digest::validate), for what the C side did not
// name a field for.
int check_options(const digest::DuplicateOptions& options) {
  const digest::Status st = digest::validate(options);
  return st.ok() ? DG_OK : dg::set_error(st.error());
}

// Reads the fields all versions have; `threads` goes to the caller. The C
// side checks each field itself so that the error names it.
int read_minhash(const dg_minhash_options* opts, digest::MinHashOptions& out, std::size_t* threads) {
  if (!opts) return DG_OK;
  if (opts->version != DG_MINHASH_OPTIONS_VERSION)
    return dg::bad_version("dg_minhash_options", opts->version);
  if (int st = check_permutations(opts->permutations); st != DG_OK) return st;
  if (int st = check_shingle_size(opts->shingle_words, "shingle_words"); st != DG_OK) return st;
  if (int st = check_shingle_size(opts->shingle_chars, "shingle_chars"); st != DG_OK) return st;
  out.permutations = opts->permutations;
  out.seed = opts->seed;
  out.shingles.words = opts->shingle_words;
  out.shingles.min_words = opts->shingle_min_words;
  out.shingles.chars = opts->shingle_chars;
  if (threads) *threads = opts->threads;
  return DG_OK;
}

int read_duplicate_options(const dg_duplicate_options* opts, digest::DuplicateOptions& out) {
  if (opts) {
    if (opts->version != DG_DUPLICATE_OPTIONS_VERSION)
      return dg::bad_version("dg_duplicate_options", opts->version);
    if (int st = check_threshold(opts->threshold); st != DG_OK) return st;
    out.threshold = opts->threshold;
    if (int st = read_minhash(opts->minhash, out.minhash, nullptr); st != DG_OK) return st;
    if (opts->lsh_bands || opts->lsh_rows) {
      const std::size_t b = opts->lsh_bands, r = opts->lsh_rows;
      // Written as a division so that a huge product cannot wrap around.
      if (b < 1 || r < 1 || b > out.minhash.permutations / r)
        return bad("lsh_bands", "LSH bands (" + std::to_string(b) + ") times rows (" +
                                    std::to_string(r) + ") must be at least 1 and at most the " +
                                    std::to_string(out.minhash.permutations) + " permutations");
      out.lsh = digest::LshParams{b, r};
    }
    if (opts->window_days < -1)
      return bad("window_days", "window_days must be -1 (no window) or at least 0, got " +
                                    std::to_string(opts->window_days));
    if (opts->window_days >= 0) out.window_days = opts->window_days;
    out.boilerplate_min_texts = opts->boilerplate_min_texts;
    out.threads = opts->threads;
  }
  return check_options(out);
}

// texts[i] of lengths[i] bytes, as views (no copy).
int read_texts(const char* const* texts, const std::size_t* lengths, std::size_t n,
               std::vector<std::string_view>& out) {
  if (n == 0) return DG_OK;
  if (!texts) return dg::null_argument("texts");
  if (!lengths) return dg::null_argument("lengths");
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!texts[i] && lengths[i] != 0)
      return bad("texts", "texts[" + std::to_string(i) + "] is NULL but its length is not 0");
    out[i] = texts[i] ? std::string_view(texts[i], lengths[i]) : std::string_view();
  }
  return DG_OK;
}

int put_clusters(digest::Result<digest::DuplicateResult> r, std::size_t inputs, dg_clusters** out) {
  if (!r.ok()) return dg::set_error(r.error());
  auto c = std::make_unique<dg_clusters>();
  c->result = std::move(r).value();
  c->inputs = inputs;
  *out = c.release();
  return DG_OK;
}

const digest::Cluster* cluster_at(const dg_clusters* c, std::size_t i, int& status) {
  const auto& list = c->result.clusters;
  if (i >= list.size()) {
    status = dg::index_error("cluster", i, list.size());
    return nullptr;
  }
  status = DG_OK;
  return &list[i];
}

int read_date(const dg_ymd* date, std::optional<digest::Date>& out) {
  if (!date) return DG_OK;
  digest::Date d;
  if (int st = dg::read_ymd(*date, d, "date"); st != DG_OK) return st;
  out = d;
  return DG_OK;
}

void put_match(const dg_near_duplicate_index& index,
               const std::optional<digest::NearDuplicateIndex::Match>& m, dg_index_match* out) {
  if (!out) return;
  *out = dg_index_match{};
  if (!m) {
    dg::put_static("", &out->id, &out->id_len);
    dg::put_static("", &out->cluster, &out->cluster_len);
    return;
  }
  out->found = 1;
  dg::put(index.name(m->id), &out->id, &out->id_len);
  dg::put(index.name(m->cluster), &out->cluster, &out->cluster_len);
  out->similarity = m->similarity;
}

int put_index(digest::Result<digest::NearDuplicateIndex> r, dg_near_duplicate_index** out) {
  if (!r.ok()) return dg::set_error(r.error());
  *out = new dg_near_duplicate_index(std::move(r).value());
  return DG_OK;
}

}  // namespace

extern "C" {

DG_API int dg_minhash_options_init(dg_minhash_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_MINHASH_OPTIONS_VERSION) return dg::bad_version("dg_minhash_options", version);
    const digest::MinHashOptions d;
    *opts = dg_minhash_options{};
    opts->version = DG_MINHASH_OPTIONS_VERSION;
    opts->permutations = d.permutations;
    opts->seed = d.seed;
    opts->shingle_words = d.shingles.words;
    opts->shingle_min_words = d.shingles.min_words;
    opts->shingle_chars = d.shingles.chars;
    opts->threads = 0;
    return DG_OK;
  });
}

DG_API int dg_minhash(const char* const* texts, const size_t* lengths, size_t n,
                      const dg_minhash_options* opts, uint32_t* out, size_t out_len) {
  return dg::guard([&]() -> int {
    digest::DuplicateOptions checked;
    digest::MinHashOptions& options = checked.minhash;
    std::size_t threads = 0;
    if (int st = read_minhash(opts, options, &threads); st != DG_OK) return st;
    if (int st = check_options(checked); st != DG_OK) return st;
    std::vector<std::string_view> views;
    if (int st = read_texts(texts, lengths, n, views); st != DG_OK) return st;
    if (n > SIZE_MAX / options.permutations)
      return bad("n", "n times permutations does not fit in size_t");
    const std::size_t need = n * options.permutations;
    if (need == 0) return DG_OK;
    if (!out) return dg::null_argument("out");
    if (out_len < need)
      return bad("out_len", "out holds " + std::to_string(out_len) + " values, " +
                                std::to_string(need) + " needed");
    const digest::SignatureMatrix m = digest::MinHasher(options).signatures(views, threads);
    std::copy(m.values.begin(), m.values.end(), out);
    return DG_OK;
  });
}

DG_API int dg_lsh_params(double threshold, size_t permutations, size_t* out_bands,
                         size_t* out_rows) {
  return dg::guard([&]() -> int {
    if (!out_bands) return dg::null_argument("out_bands");
    if (!out_rows) return dg::null_argument("out_rows");
    if (int st = check_threshold(threshold); st != DG_OK) return st;
    if (int st = check_permutations(permutations); st != DG_OK) return st;
    // As find_near_duplicates chooses them: LSH works on Jaccard.
    const digest::LshParams p =
        digest::lsh_params(digest::jaccard_from_similarity(threshold), permutations);
    *out_bands = p.bands;
    *out_rows = p.rows;
    return DG_OK;
  });
}

DG_API int dg_duplicate_options_init(dg_duplicate_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_DUPLICATE_OPTIONS_VERSION)
      return dg::bad_version("dg_duplicate_options", version);
    const digest::DuplicateOptions d;
    *opts = dg_duplicate_options{};
    opts->version = DG_DUPLICATE_OPTIONS_VERSION;
    opts->threshold = d.threshold;
    opts->minhash = nullptr;
    opts->lsh_bands = 0;
    opts->lsh_rows = 0;
    opts->window_days = -1;
    opts->boilerplate_min_texts = d.boilerplate_min_texts;
    opts->threads = d.threads;
    return DG_OK;
  });
}

DG_API int dg_near_duplicates(const char* const* texts, const size_t* lengths, size_t n,
                              const dg_duplicate_options* opts, dg_clusters** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    digest::DuplicateOptions options;
    if (int st = read_duplicate_options(opts, options); st != DG_OK) return st;
    std::vector<std::string_view> views;
    if (int st = read_texts(texts, lengths, n, views); st != DG_OK) return st;
    std::vector<digest::DuplicateInput> inputs(n);
    for (std::size_t i = 0; i < n; ++i) inputs[i].text = views[i];
    return put_clusters(digest::find_near_duplicates(inputs, options), n, out);
  });
}

DG_API int dg_collection_find_duplicates(const dg_collection* collection,
                                         const dg_duplicate_options* opts, dg_clusters** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    digest::DuplicateOptions options;
    if (int st = read_duplicate_options(opts, options); st != DG_OK) return st;
    return put_clusters(digest::find_duplicates(collection->collection, options),
                        collection->collection.size(), out);
  });
}

DG_API int dg_lsh_clusters(const uint32_t* signatures, size_t rows, size_t permutations,
                           double threshold, dg_clusters** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (int st = check_threshold(threshold); st != DG_OK) return st;
    if (int st = check_permutations(permutations); st != DG_OK) return st;
    if (rows > SIZE_MAX / permutations)
      return bad("rows", "rows times permutations does not fit in size_t");
    if (rows && !signatures) return dg::null_argument("signatures");
    digest::SignatureMatrix m;
    m.permutations = permutations;
    if (rows) m.values.assign(signatures, signatures + rows * permutations);
    return put_clusters(digest::lsh_clusters(m, threshold), rows, out);
  });
}

DG_API void dg_clusters_free(dg_clusters* clusters) { delete clusters; }

DG_API int dg_clusters_count(const dg_clusters* clusters, size_t* out) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out) return dg::null_argument("out");
    *out = clusters->result.clusters.size();
    return DG_OK;
  });
}

DG_API int dg_clusters_input_count(const dg_clusters* clusters, size_t* out) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out) return dg::null_argument("out");
    *out = clusters->inputs;
    return DG_OK;
  });
}

DG_API int dg_clusters_members(const dg_clusters* clusters, size_t cluster,
                               const size_t** out_members, size_t* out_count) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out_members) return dg::null_argument("out_members");
    if (!out_count) return dg::null_argument("out_count");
    int st;
    const digest::Cluster* c = cluster_at(clusters, cluster, st);
    if (!c) return st;
    *out_members = c->members.data();
    *out_count = c->members.size();
    return DG_OK;
  });
}

DG_API int dg_clusters_representative(const dg_clusters* clusters, size_t cluster, size_t* out) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out) return dg::null_argument("out");
    int st;
    const digest::Cluster* c = cluster_at(clusters, cluster, st);
    if (!c) return st;
    *out = c->representative;
    return DG_OK;
  });
}

DG_API int dg_clusters_cluster_of(const dg_clusters* clusters, size_t input, size_t* out) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out) return dg::null_argument("out");
    const auto& of = clusters->result.cluster_of;
    if (input >= of.size()) return dg::index_error("input", input, of.size());
    *out = of[input];
    return DG_OK;
  });
}

DG_API int dg_clusters_pair_count(const dg_clusters* clusters, size_t cluster, size_t* out) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    if (!out) return dg::null_argument("out");
    int st;
    const digest::Cluster* c = cluster_at(clusters, cluster, st);
    if (!c) return st;
    *out = c->pairs.size();
    return DG_OK;
  });
}

DG_API int dg_clusters_pair_at(const dg_clusters* clusters, size_t cluster, size_t pair,
                               size_t* out_a, size_t* out_b, double* out_estimated,
                               double* out_verified, const char** out_rule) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    int st;
    const digest::Cluster* c = cluster_at(clusters, cluster, st);
    if (!c) return st;
    if (pair >= c->pairs.size()) return dg::index_error("pair", pair, c->pairs.size());
    const digest::JoinedPair& p = c->pairs[pair];
    if (out_a) *out_a = p.a;
    if (out_b) *out_b = p.b;
    if (out_estimated) *out_estimated = p.estimated;
    if (out_verified) *out_verified = p.verified;
    // join_rule_name's views are of string literals: NUL-terminated.
    if (out_rule) *out_rule = digest::join_rule_name(p.rule).data();
    return DG_OK;
  });
}

DG_API int dg_clusters_stats(const dg_clusters* clusters, size_t* out_lsh_bands,
                             size_t* out_lsh_rows, size_t* out_candidate_pairs,
                             size_t* out_verified_pairs, size_t* out_boilerplate_sentences) {
  return dg::guard([&]() -> int {
    if (!clusters) return dg::null_argument("clusters");
    const digest::DuplicateStats& s = clusters->result.stats;
    if (out_lsh_bands) *out_lsh_bands = s.lsh.bands;
    if (out_lsh_rows) *out_lsh_rows = s.lsh.rows;
    if (out_candidate_pairs) *out_candidate_pairs = s.candidate_pairs;
    if (out_verified_pairs) *out_verified_pairs = s.verified_pairs;
    if (out_boilerplate_sentences) *out_boilerplate_sentences = s.boilerplate_sentences;
    return DG_OK;
  });
}

DG_API int dg_near_duplicate_index_new(const dg_duplicate_options* opts,
                                       dg_near_duplicate_index** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    digest::DuplicateOptions options;
    if (int st = read_duplicate_options(opts, options); st != DG_OK) return st;
    *out = new dg_near_duplicate_index(digest::NearDuplicateIndex(std::move(options)));
    return DG_OK;
  });
}

DG_API void dg_near_duplicate_index_free(dg_near_duplicate_index* index) { delete index; }

DG_API int dg_near_duplicate_index_add(dg_near_duplicate_index* index, const char* id,
                                       size_t id_len, const char* text, size_t text_len,
                                       const dg_ymd* date, dg_index_match* out_match) {
  return dg::guard([&]() -> int {
    if (!index) return dg::null_argument("index");
    std::string_view i, t;
    if (int st = dg::utf8_view(id, id_len, i, "id"); st != DG_OK) return st;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    std::optional<digest::Date> d;
    if (int st = read_date(date, d); st != DG_OK) return st;
    auto r = index->index.add(i, t, d);
    if (!r.ok()) return dg::set_error(r.error());
    put_match(*index, *r, out_match);
    return DG_OK;
  });
}

DG_API int dg_near_duplicate_index_query(const dg_near_duplicate_index* index,
                                         const char* text, size_t text_len, const dg_ymd* date,
                                         dg_index_match* out_match) {
  return dg::guard([&]() -> int {
    if (!index) return dg::null_argument("index");
    if (!out_match) return dg::null_argument("out_match");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    std::optional<digest::Date> d;
    if (int st = read_date(date, d); st != DG_OK) return st;
    put_match(*index, index->index.query(t, d), out_match);
    return DG_OK;
  });
}

DG_API int dg_near_duplicate_index_size(const dg_near_duplicate_index* index, size_t* out) {
  return dg::guard([&]() -> int {
    if (!index) return dg::null_argument("index");
    if (!out) return dg::null_argument("out");
    *out = index->index.size();
    return DG_OK;
  });
}

DG_API int dg_near_duplicate_index_save(const dg_near_duplicate_index* index, const char* path) {
  return dg::guard([&]() -> int {
    if (!index) return dg::null_argument("index");
    if (!path) return dg::null_argument("path");
    return dg::finish(index->index.save(path));
  });
}

DG_API int dg_near_duplicate_index_load(dg_near_duplicate_index** out, const char* path) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!path) return dg::null_argument("path");
    return put_index(digest::NearDuplicateIndex::load(path), out);
  });
}

DG_API int dg_near_duplicate_index_to_buffer(const dg_near_duplicate_index* index,
                                             dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!index) return dg::null_argument("index");
    if (!out) return dg::null_argument("out");
    return dg::put_buffer(index->index.to_bytes(), out);
  });
}

DG_API int dg_near_duplicate_index_from_bytes(dg_near_duplicate_index** out, const char* bytes,
                                              size_t len) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view b;
    if (!dg::view(bytes, len, b, "bytes")) return DG_E_INVALID_ARGUMENT;
    return put_index(digest::NearDuplicateIndex::from_bytes(b), out);
  });
}

}  // extern "C"
