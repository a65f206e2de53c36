/* digestcore C API: near duplicates (the C side of stories.hpp). MinHash
 * signatures over the shingles of a text's search key, banded LSH, clusters
 * of near-duplicate texts verified on their shingle sets, with the pairs
 * that joined them, and an incremental index that takes texts one at a
 * time. Rules and defaults: docs/stories.md.
 *
 * Similarity, in thresholds and answers, is the share of shingles two texts
 * have in common (Sorensen-Dice: twice the shared shingles over the sum of
 * the two set sizes), in [0, 1]. Stories across languages reach C
 * through curation (Post cluster and story ids, c/model.h).
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. Texts are compared, never stored: ill-formed
 * UTF-8 in a text is replaced (U+FFFD), never an error; ids must be UTF-8.
 * Every function here since 0.3. */
#ifndef DIGEST_C_STORIES_H
#define DIGEST_C_STORIES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_clusters dg_clusters;
typedef struct dg_near_duplicate_index dg_near_duplicate_index;

/* ---- signatures ------------------------------------------------------------------ */

#define DG_MINHASH_OPTIONS_VERSION 1
/* How texts are shingled and signed. Initialise with DG_MINHASH_OPTIONS_INIT
 * or dg_minhash_options_init, then set fields. Read during the call only. */
typedef struct dg_minhash_options {
  unsigned version;         /* DG_MINHASH_OPTIONS_VERSION */
  size_t permutations;      /* values per signature, 1..1024; default 128 */
  uint64_t seed;            /* default 1; the same seed gives the same
                               signatures on every machine */
  size_t shingle_words;     /* words per shingle, 1..64; default 1 */
  size_t shingle_min_words; /* texts of fewer words (and texts in scripts
                               written without spaces) are shingled into
                               character n-grams; default 8 */
  size_t shingle_chars;     /* characters per n-gram, 1..64; default 3 */
  size_t threads;           /* dg_minhash only: 0 (default) for all cores */
} dg_minhash_options;
#define DG_MINHASH_OPTIONS_INIT {DG_MINHASH_OPTIONS_VERSION, 128, 1, 1, 8, 3, 0}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. */
DG_API int dg_minhash_options_init(dg_minhash_options *opts, unsigned version);

/* The signatures of `n` texts (texts[i] of lengths[i] bytes), row-major into
 * the caller's `out`: row i is out[i * permutations .. (i + 1) * permutations).
 * `out_len` is the number of uint32_t values `out` holds; it must be at least
 * n * permutations (DG_E_INVALID_ARGUMENT otherwise, field "out_len"). A text
 * without shingles (empty, or only punctuation) gets a row of 0xFFFFFFFF.
 * opts may be NULL for the defaults. Rows made with the same options (seed,
 * permutations, shingles) may be stacked and clustered with
 * dg_lsh_clusters, in this process or another. */
DG_API int dg_minhash(const char *const *texts, const size_t *lengths, size_t n,
                      const dg_minhash_options *opts, uint32_t *out, size_t out_len);

/* The LSH bands and rows per band that the near-duplicate calls choose for
 * a similarity threshold in (0, 1] and 1..1024 permutations (misses weighed
 * 99 to 1 against false candidates: a pair at the threshold becomes a
 * candidate almost always). */
DG_API int dg_lsh_params(double threshold, size_t permutations, size_t *out_bands,
                         size_t *out_rows);

/* ---- clusters --------------------------------------------------------------------- */

#define DG_DUPLICATE_OPTIONS_VERSION 1
/* Options of the near-duplicate calls and the index. Initialise with
 * DG_DUPLICATE_OPTIONS_INIT or dg_duplicate_options_init, then set fields.
 * Read during the call only (the index keeps a copy). */
typedef struct dg_duplicate_options {
  unsigned version;                  /* DG_DUPLICATE_OPTIONS_VERSION */
  double threshold;                  /* similarity, in (0, 1]; default 0.8 */
  const dg_minhash_options *minhash; /* NULL (default) for the defaults; its
                                        `threads` is not read here */
  size_t lsh_bands;                  /* both 0 (default): dg_lsh_params; else */
  size_t lsh_rows;                   /* bands * rows <= permutations */
  int window_days;                   /* only texts dated at most this many days
                                        apart are compared; -1 (default): no
                                        window. Undated texts meet every text */
  size_t boilerplate_min_texts;      /* a sentence at the start or end of at
                                        least this many texts of one source is
                                        left out; 0 turns it off; default 3 */
  size_t threads;                    /* 0 (default) for all cores */
} dg_duplicate_options;
#define DG_DUPLICATE_OPTIONS_INIT {DG_DUPLICATE_OPTIONS_VERSION, 0.8, NULL, 0, 0, -1, 3, 0}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. */
DG_API int dg_duplicate_options_init(dg_duplicate_options *opts, unsigned version);

/* Near duplicates among `n` texts (undated, one source). Every text is in
 * exactly one cluster, alone or not; clusters are ordered by their smallest
 * member. opts may be NULL for the defaults. The caller owns the result and
 * frees it with dg_clusters_free. DG_E_INVALID_ARGUMENT (naming the field)
 * for a threshold outside (0, 1], permutations outside 1..1024, LSH bands
 * times rows over the permutations, or a window below -1. */
DG_API int dg_near_duplicates(const char *const *texts, const size_t *lengths, size_t n,
                              const dg_duplicate_options *opts, dg_clusters **out);
/* The same over a collection's posts: title, excerpt and body, each post's
 * digest date (posted, else published) for the window and the
 * representative, and its source for boilerplate. Members are post indices
 * (dg_collection_post_at). The result does not refer to the collection. */
DG_API int dg_collection_find_duplicates(const dg_collection *collection,
                                         const dg_duplicate_options *opts, dg_clusters **out);
/* Clusters from `rows` signatures of `permutations` values each (row-major,
 * as dg_minhash writes them), joined when their estimated similarity reaches
 * `threshold` (rule "estimated"); representatives are the first members.
 * `signatures` may be NULL when rows is 0. The caller owns the result and
 * frees it with dg_clusters_free. */
DG_API int dg_lsh_clusters(const uint32_t *signatures, size_t rows, size_t permutations,
                           double threshold, dg_clusters **out);

/* Frees a result; accepts NULL. */
DG_API void dg_clusters_free(dg_clusters *clusters);
/* Number of clusters, and of inputs (texts, posts or rows). */
DG_API int dg_clusters_count(const dg_clusters *clusters, size_t *out);
DG_API int dg_clusters_input_count(const dg_clusters *clusters, size_t *out);
/* The members of cluster `cluster`: input indices, ascending, the
 * representative included. The array is owned by the result and valid until
 * it is freed. */
DG_API int dg_clusters_members(const dg_clusters *clusters, size_t cluster,
                               const size_t **out_members, size_t *out_count);
/* The representative of cluster `cluster`: the earliest dated member, then
 * the longest text, then the first (dg_lsh_clusters: the first). */
DG_API int dg_clusters_representative(const dg_clusters *clusters, size_t cluster, size_t *out);
/* The cluster of input `input`. */
DG_API int dg_clusters_cluster_of(const dg_clusters *clusters, size_t input, size_t *out);
/* The pairs that joined cluster `cluster`: members - 1 of them (a spanning
 * tree), each with its two inputs, the MinHash estimate of their similarity,
 * the exact one from their shingle sets (the estimate again for rule
 * "estimated") and the rule: "exact"
 * (same search key), "near_duplicate" or "estimated" (a static string). Any
 * out pointer may be NULL. */
DG_API int dg_clusters_pair_count(const dg_clusters *clusters, size_t cluster, size_t *out);
DG_API int dg_clusters_pair_at(const dg_clusters *clusters, size_t cluster, size_t pair,
                               size_t *out_a, size_t *out_b, double *out_estimated,
                               double *out_verified, const char **out_rule);
/* What the search did: the LSH bands and rows used, the candidate pairs
 * examined, those that reached the threshold, and the boilerplate sentences
 * left out. Any out pointer may be NULL. */
DG_API int dg_clusters_stats(const dg_clusters *clusters, size_t *out_lsh_bands,
                             size_t *out_lsh_rows, size_t *out_candidate_pairs,
                             size_t *out_verified_pairs, size_t *out_boilerplate_sentences);

/* ---- the incremental index -------------------------------------------------------- */

/* What an index answers for a text. A plain value filled by the library.
 * When `found` is 0, id and cluster are "" and similarity is 0. The strings
 * are owned by the index and valid until the index is freed. */
typedef struct dg_index_match {
  int found;           /* non-zero when an earlier text reached the threshold */
  const char *id;      /* the most similar earlier text */
  size_t id_len;
  const char *cluster; /* its cluster: the id of the cluster's first text */
  size_t cluster_len;
  double similarity;   /* exact similarity of the shingle sets */
} dg_index_match;

/* A new empty index (opts may be NULL for the defaults; the index keeps a
 * copy). The caller owns it and frees it with dg_near_duplicate_index_free.
 * Errors as dg_near_duplicates. */
DG_API int dg_near_duplicate_index_new(const dg_duplicate_options *opts,
                                       dg_near_duplicate_index **out);
/* Frees an index; accepts NULL. */
DG_API void dg_near_duplicate_index_free(dg_near_duplicate_index *index);
/* Adds `text` under `id`, dated `date` (NULL: undated), and fills
 * *out_match (may be NULL) with what dg_near_duplicate_index_query would
 * have answered before the add. DG_E_INVALID_ARGUMENT for an empty id or an
 * invalid date, DG_E_INVALID_UTF8 for an id that is not UTF-8,
 * DG_E_DUPLICATE_ID for an id already added (nothing changes). */
DG_API int dg_near_duplicate_index_add(dg_near_duplicate_index *index, const char *id,
                                       size_t id_len, const char *text, size_t text_len,
                                       const dg_ymd *date, dg_index_match *out_match);
/* The best match for `text` among the texts added so far, without adding
 * it. Safe from many threads at once while nothing is added. */
DG_API int dg_near_duplicate_index_query(const dg_near_duplicate_index *index,
                                         const char *text, size_t text_len, const dg_ymd *date,
                                         dg_index_match *out_match);
/* Number of texts added. */
DG_API int dg_near_duplicate_index_size(const dg_near_duplicate_index *index, size_t *out);
/* Writes the index (options included) to `path` atomically. */
DG_API int dg_near_duplicate_index_save(const dg_near_duplicate_index *index, const char *path);
/* Reads an index written by dg_near_duplicate_index_save. The caller owns it
 * and frees it with dg_near_duplicate_index_free. DG_E_FILE_NOT_FOUND,
 * DG_E_IO, or DG_E_PARSE (with the byte offset) for a file that is not a
 * saved index. */
DG_API int dg_near_duplicate_index_load(dg_near_duplicate_index **out, const char *path);
/* The same bytes in memory: the caller owns the buffer and frees it with
 * dg_buffer_free; and an index read back from them (errors as _load). */
DG_API int dg_near_duplicate_index_to_buffer(const dg_near_duplicate_index *index,
                                             dg_buffer **out);
DG_API int dg_near_duplicate_index_from_bytes(dg_near_duplicate_index **out, const char *bytes,
                                              size_t len);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_STORIES_H */
