/* The C API of near duplicates: MinHash signatures, LSH parameters,
 * clusters (from texts, from a collection, from signatures) with their
 * explanations, the incremental index (add, query, save, load, bytes), and
 * bad arguments. Texts are made-up words. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest/digestcore.h"

static int failures = 0;
#define CHECK(cond)                                                                      \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #cond, dg_last_error());                                                   \
      ++failures;                                                                        \
    }                                                                                    \
  } while (0)

#define S(lit) lit, sizeof(lit) - 1

static char dir[64];

/* A text of `words` words drawn from our own syllables; the same seed gives
 * the same text. Written into buf (cap bytes). */
static void made_up_text(unsigned seed, size_t words, char *buf, size_t cap) {
  static const char *syll[] = {"ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi",
                               "zel", "mo", "qa", "ne", "sho", "bri", "an", "dur", "fel", "gi"};
  unsigned long state = seed * 2654435761u + 1u;
  size_t len = 0, i;
  buf[0] = '\0';
  for (i = 0; i < words && len + 16 < cap; ++i) {
    int k, n;
    if (i) buf[len++] = ' ';
    state = state * 1103515245u + 12345u;
    n = 2 + (int)((state >> 16) % 2);
    for (k = 0; k < n; ++k) {
      const char *s;
      state = state * 1103515245u + 12345u;
      s = syll[(state >> 16) % 20];
      memcpy(buf + len, s, strlen(s));
      len += strlen(s);
    }
  }
  buf[len] = '\0';
}

/* `text` with every `every`-th word replaced by a new one, into out. */
static void substituted(const char *text, size_t every, char *out, size_t cap) {
  size_t word = 0, len = 0;
  const char *p = text;
  out[0] = '\0';
  while (*p && len + 32 < cap) {
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (word % every == 3) {
      len += (size_t)sprintf(out + len, "novaword%lu", (unsigned long)word);
    } else {
      memcpy(out + len, p, n);
      len += n;
    }
    p += n;
    if (*p == ' ') {
      out[len++] = ' ';
      ++p;
    }
    ++word;
  }
  out[len] = '\0';
}

static int str_is(const char *s, size_t len, const char *want) {
  return s && len == strlen(want) && memcmp(s, want, len) == 0 && s[len] == '\0';
}

#define N_TEXTS 9
static char texts_buf[N_TEXTS][4096];
static const char *texts[N_TEXTS];
static size_t lengths[N_TEXTS];

/* Three groups of three: an original and two variants (5% and 8% of the
 * words replaced). */
static void make_texts(void) {
  size_t g, i;
  for (g = 0; g < 3; ++g) {
    made_up_text(100 + (unsigned)g, 150, texts_buf[3 * g], sizeof texts_buf[0]);
    substituted(texts_buf[3 * g], 20, texts_buf[3 * g + 1], sizeof texts_buf[0]);
    substituted(texts_buf[3 * g], 12, texts_buf[3 * g + 2], sizeof texts_buf[0]);
  }
  for (i = 0; i < N_TEXTS; ++i) {
    texts[i] = texts_buf[i];
    lengths[i] = strlen(texts_buf[i]);
  }
}

/* x to the power n, without libm. */
static double power(double x, size_t n) {
  double r = 1;
  while (n--) r *= x;
  return r;
}

/* The chance that banded LSH makes a pair at `similarity` a candidate. */
static double candidate_chance(double similarity, size_t bands, size_t rows) {
  const double jaccard = similarity / (2 - similarity);
  return 1 - power(1 - power(jaccard, rows), bands);
}

static void test_options_and_params(void) {
  dg_minhash_options m = DG_MINHASH_OPTIONS_INIT;
  dg_duplicate_options d = DG_DUPLICATE_OPTIONS_INIT;
  size_t bands = 0, rows = 0;

  CHECK(dg_minhash_options_init(&m, DG_MINHASH_OPTIONS_VERSION) == DG_OK);
  CHECK(m.permutations == 128 && m.seed == 1 && m.shingle_words == 1 &&
        m.shingle_min_words == 8 && m.shingle_chars == 3 && m.threads == 0);
  CHECK(dg_minhash_options_init(&m, 99) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_minhash_options_init(NULL, DG_MINHASH_OPTIONS_VERSION) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_duplicate_options_init(&d, DG_DUPLICATE_OPTIONS_VERSION) == DG_OK);
  CHECK(d.threshold == 0.8 && d.minhash == NULL && d.lsh_bands == 0 && d.lsh_rows == 0 &&
        d.window_days == -1 && d.boilerplate_min_texts == 3 && d.threads == 0);
  CHECK(dg_duplicate_options_init(&d, 0) == DG_E_INVALID_ARGUMENT);

  /* Recall first: a pair at the threshold is almost always a candidate, one
     far below it rarely. */
  CHECK(dg_lsh_params(0.8, 128, &bands, &rows) == DG_OK);
  CHECK(bands >= 1 && rows >= 1 && bands * rows <= 128);
  CHECK(candidate_chance(0.8, bands, rows) > 0.97);
  CHECK(candidate_chance(0.25, bands, rows) < 0.2);
  CHECK(dg_lsh_params(0.5, 64, &bands, &rows) == DG_OK && bands * rows <= 64 && bands >= 1);
  CHECK(candidate_chance(0.5, bands, rows) > 0.97);
  bands = rows = 77;
  CHECK(dg_lsh_params(0.0, 128, &bands, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "threshold") == 0);
  CHECK(bands == 77 && rows == 77); /* outputs untouched on failure */
  CHECK(dg_lsh_params(1.5, 128, &bands, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_params(NAN, 128, &bands, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_params(0.8, 0, &bands, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "permutations") == 0);
  CHECK(dg_lsh_params(0.8, 1025, &bands, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_params(0.8, 128, NULL, &rows) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_params(1.0, 1024, &bands, &rows) == DG_OK);
  CHECK(dg_last_error_code() == DG_OK && dg_last_error()[0] == '\0');
}

static void test_minhash(void) {
  dg_minhash_options m = DG_MINHASH_OPTIONS_INIT;
  uint32_t *sig;
  uint32_t small[4] = {0};
  const char *two[3];
  size_t two_len[3];
  size_t i, same = 0;

  m.permutations = 64;
  sig = (uint32_t *)calloc(3 * 64, sizeof *sig);
  two[0] = "Le Café du Matin a rouvert ses portes après douze mois de travaux";
  two[1] = "le cafe du matin a rouvert ses portes apres douze mois de travaux";
  two[2] = "";
  for (i = 0; i < 3; ++i) two_len[i] = strlen(two[i]);
  CHECK(dg_minhash(two, two_len, 3, &m, sig, 3 * 64) == DG_OK);
  for (i = 0; i < 64; ++i) same += sig[i] == sig[64 + i];
  CHECK(same == 64); /* case and accents do not matter */
  for (i = 0; i < 64; ++i) CHECK(sig[128 + i] == 0xFFFFFFFFu);

  /* Another seed, other values; threads do not change them. */
  {
    uint32_t *a = (uint32_t *)calloc(N_TEXTS * 64, sizeof *a);
    uint32_t *b = (uint32_t *)calloc(N_TEXTS * 64, sizeof *b);
    m.threads = 1;
    CHECK(dg_minhash(texts, lengths, N_TEXTS, &m, a, N_TEXTS * 64) == DG_OK);
    m.threads = 2;
    CHECK(dg_minhash(texts, lengths, N_TEXTS, &m, b, N_TEXTS * 64) == DG_OK);
    CHECK(memcmp(a, b, N_TEXTS * 64 * sizeof *a) == 0);
    m.seed = 7;
    CHECK(dg_minhash(texts, lengths, N_TEXTS, &m, b, N_TEXTS * 64) == DG_OK);
    CHECK(memcmp(a, b, N_TEXTS * 64 * sizeof *a) != 0);
    free(a);
    free(b);
    m.seed = 1;
  }

  /* Ill-formed UTF-8 in a text is replaced, not an error. */
  two[0] = "\xff\xfe abc";
  two_len[0] = 6;
  CHECK(dg_minhash(two, two_len, 1, &m, sig, 64) == DG_OK);

  /* Bad arguments: the error names the field; out is untouched. */
  CHECK(dg_minhash(two, two_len, 2, &m, small, 4) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "out_len") == 0);
  CHECK(small[0] == 0);
  CHECK(dg_minhash(two, two_len, 2, &m, NULL, 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_minhash(NULL, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_minhash(two, NULL, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  two[1] = NULL;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "texts") == 0);
  two_len[1] = 0; /* NULL with length 0 is the empty text */
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_OK);
  CHECK(sig[64] == 0xFFFFFFFFu);
  m.permutations = 0;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "permutations") == 0);
  m.permutations = 1025;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  m.permutations = 64;
  m.shingle_words = 0;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "shingle_words") == 0);
  m.shingle_words = 65;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  m.shingle_words = 1;
  m.shingle_chars = 0;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "shingle_chars") == 0);
  m.shingle_chars = 3;
  m.version = 42;
  CHECK(dg_minhash(two, two_len, 2, &m, sig, 3 * 64) == DG_E_INVALID_ARGUMENT);
  /* Nothing to sign: fine, whatever out is. */
  CHECK(dg_minhash(NULL, NULL, 0, NULL, NULL, 0) == DG_OK);
  free(sig);
}

/* Every input in exactly one cluster, members ascending, pairs = members - 1,
 * the representative a member, cluster_of consistent. */
static void check_partition(const dg_clusters *c, size_t n) {
  size_t count = 0, k, i, seen_total = 0, inputs = 0;
  char *seen = (char *)calloc(n ? n : 1, 1);
  CHECK(dg_clusters_input_count(c, &inputs) == DG_OK && inputs == n);
  CHECK(dg_clusters_count(c, &count) == DG_OK);
  for (k = 0; k < count; ++k) {
    const size_t *members = NULL;
    size_t m = 0, rep = 0, pairs = 0, of = 0;
    int rep_found = 0;
    CHECK(dg_clusters_members(c, k, &members, &m) == DG_OK && m >= 1);
    CHECK(dg_clusters_representative(c, k, &rep) == DG_OK);
    CHECK(dg_clusters_pair_count(c, k, &pairs) == DG_OK && pairs == m - 1);
    for (i = 0; i < m; ++i) {
      if (i) CHECK(members[i - 1] < members[i]);
      CHECK(members[i] < n);
      if (members[i] >= n) continue;
      CHECK(!seen[members[i]]);
      seen[members[i]] = 1;
      ++seen_total;
      CHECK(dg_clusters_cluster_of(c, members[i], &of) == DG_OK && of == k);
      rep_found |= members[i] == rep;
    }
    CHECK(rep_found);
  }
  CHECK(seen_total == n);
  free(seen);
}

static void test_near_duplicates(void) {
  dg_clusters *c = NULL, *untouched = (dg_clusters *)&failures;
  dg_duplicate_options d = DG_DUPLICATE_OPTIONS_INIT;
  size_t count = 0, k, bands = 0, rows = 0, cand = 0, ver = 0;

  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, NULL, &c) == DG_OK);
  check_partition(c, N_TEXTS);
  CHECK(dg_clusters_count(c, &count) == DG_OK && count == 3);
  for (k = 0; k < count && k < 3; ++k) {
    const size_t *members = NULL;
    size_t m = 0, p, rep = 0, longest = 3 * k, i;
    CHECK(dg_clusters_members(c, k, &members, &m) == DG_OK && m == 3);
    if (m == 3) CHECK(members[0] == 3 * k && members[1] == 3 * k + 1 && members[2] == 3 * k + 2);
    /* All undated: the longest text represents its cluster. */
    for (i = 3 * k; i < 3 * k + 3; ++i)
      if (lengths[i] > lengths[longest]) longest = i;
    CHECK(dg_clusters_representative(c, k, &rep) == DG_OK && rep == longest);
    for (p = 0; p < m - 1; ++p) {
      size_t a = 99, b = 99;
      double est = -1, verified = -1;
      const char *rule = NULL;
      CHECK(dg_clusters_pair_at(c, k, p, &a, &b, &est, &verified, &rule) == DG_OK);
      CHECK(a / 3 == k && b / 3 == k && a != b);
      CHECK(verified >= 0.8 && verified <= 1.0 && est - verified < 0.2 && verified - est < 0.2);
      CHECK(rule && strcmp(rule, "near_duplicate") == 0);
      CHECK(dg_clusters_pair_at(c, k, p, NULL, NULL, NULL, NULL, NULL) == DG_OK);
    }
    CHECK(dg_clusters_pair_at(c, k, m - 1, NULL, NULL, NULL, NULL, NULL) ==
          DG_E_INVALID_ARGUMENT);
  }
  CHECK(dg_clusters_stats(c, &bands, &rows, &cand, &ver, NULL) == DG_OK);
  {
    size_t want_bands = 0, want_rows = 0;
    CHECK(dg_lsh_params(0.8, 128, &want_bands, &want_rows) == DG_OK);
    CHECK(bands == want_bands && rows == want_rows);
  }
  CHECK(cand >= 6 && ver >= 6);
  CHECK(dg_clusters_stats(c, NULL, NULL, NULL, NULL, NULL) == DG_OK);

  /* Accessors out of range, or on NULL. */
  {
    const size_t *members = NULL;
    size_t m = 0, out = 0;
    CHECK(dg_clusters_members(c, 3, &members, &m) == DG_E_INVALID_ARGUMENT);
    CHECK(strcmp(dg_last_error_field(), "index") == 0);
    CHECK(dg_clusters_representative(c, 1000, &out) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_clusters_cluster_of(c, N_TEXTS, &out) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_clusters_pair_count(c, 3, &out) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_clusters_count(NULL, &out) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_clusters_count(c, NULL) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_clusters_members(c, 0, NULL, &m) == DG_E_INVALID_ARGUMENT);
  }
  dg_clusters_free(c);
  dg_clusters_free(NULL);

  /* A high threshold splits the variants off; exact copies stay "exact". */
  {
    const char *copies[3];
    size_t copy_len[3];
    const char *rule = NULL;
    copies[0] = texts[0];
    copies[1] = texts[3];
    copies[2] = texts[0];
    copy_len[0] = lengths[0];
    copy_len[1] = lengths[3];
    copy_len[2] = lengths[0];
    d.threshold = 1.0;
    c = NULL;
    CHECK(dg_near_duplicates(copies, copy_len, 3, &d, &c) == DG_OK);
    CHECK(dg_clusters_count(c, &count) == DG_OK && count == 2);
    CHECK(dg_clusters_pair_at(c, 0, 0, NULL, NULL, NULL, NULL, &rule) == DG_OK);
    CHECK(rule && strcmp(rule, "exact") == 0);
    dg_clusters_free(c);
    c = NULL;
    CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_OK);
    CHECK(dg_clusters_count(c, &count) == DG_OK && count == N_TEXTS);
    dg_clusters_free(c);
  }

  /* No texts: no clusters. */
  c = NULL;
  CHECK(dg_near_duplicates(NULL, NULL, 0, NULL, &c) == DG_OK);
  CHECK(dg_clusters_count(c, &count) == DG_OK && count == 0);
  dg_clusters_free(c);

  /* Bad options: the error names the field, *out is untouched. */
  c = untouched;
  dg_duplicate_options_init(&d, DG_DUPLICATE_OPTIONS_VERSION);
  d.threshold = 0;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "threshold") == 0);
  d.threshold = 1.0000001;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  d.threshold = NAN;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  d.threshold = 0.8;
  d.lsh_bands = 64;
  d.lsh_rows = 4;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "lsh_bands") == 0);
  d.lsh_bands = (size_t)-1;
  d.lsh_rows = (size_t)-1; /* a product that would wrap around */
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  d.lsh_bands = 16;
  d.lsh_rows = 0;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  d.lsh_rows = 8;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_OK);
  CHECK(c != untouched);
  dg_clusters_free(c);
  c = untouched;
  d.lsh_bands = d.lsh_rows = 0;
  d.window_days = -2;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "window_days") == 0);
  d.window_days = -1;
  {
    dg_minhash_options m = DG_MINHASH_OPTIONS_INIT;
    m.permutations = 2000;
    d.minhash = &m;
    CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
    CHECK(strcmp(dg_last_error_field(), "permutations") == 0);
    d.minhash = NULL;
  }
  d.version = 3;
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, &d, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_near_duplicates(texts, lengths, N_TEXTS, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_near_duplicates(NULL, lengths, 2, NULL, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(c == untouched);
}

/* Signatures made by dg_minhash (in two halves, as two machines would)
 * cluster like the texts. Variants with 4% of their words replaced keep the
 * estimate well above the threshold. */
static void test_lsh_clusters(void) {
  enum { N = 6 };
  const size_t perms = 128;
  static char buf[N][4096];
  const char *t[N];
  size_t len[N], g;
  uint32_t *sig = (uint32_t *)calloc(N * perms, sizeof *sig);
  dg_clusters *from_sig = NULL, *direct = NULL, *untouched = (dg_clusters *)&failures;
  size_t n1 = 0, n2 = 0, k;

  for (g = 0; g < 3; ++g) {
    strcpy(buf[2 * g], texts[3 * g]);
    substituted(texts[3 * g], 25, buf[2 * g + 1], sizeof buf[0]);
  }
  for (g = 0; g < N; ++g) {
    t[g] = buf[g];
    len[g] = strlen(buf[g]);
  }
  CHECK(dg_minhash(t, len, 3, NULL, sig, 3 * perms) == DG_OK);
  CHECK(dg_minhash(t + 3, len + 3, 3, NULL, sig + 3 * perms, 3 * perms) == DG_OK);
  CHECK(dg_lsh_clusters(sig, N, perms, 0.8, &from_sig) == DG_OK);
  CHECK(dg_near_duplicates(t, len, N, NULL, &direct) == DG_OK);
  check_partition(from_sig, N);
  CHECK(dg_clusters_count(from_sig, &n1) == DG_OK && n1 == 3);
  CHECK(dg_clusters_count(from_sig, &n1) == DG_OK && dg_clusters_count(direct, &n2) == DG_OK);
  CHECK(n1 == n2);
  for (k = 0; k < n1 && k < n2; ++k) {
    const size_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0, rep = 9;
    const char *rule = NULL;
    CHECK(dg_clusters_members(from_sig, k, &a, &na) == DG_OK);
    CHECK(dg_clusters_members(direct, k, &b, &nb) == DG_OK);
    CHECK(na == nb && memcmp(a, b, na * sizeof *a) == 0);
    CHECK(dg_clusters_representative(from_sig, k, &rep) == DG_OK && rep == a[0]);
    if (na > 1) {
      double est = 0, verified = 1;
      CHECK(dg_clusters_pair_at(from_sig, k, 0, NULL, NULL, &est, &verified, &rule) == DG_OK);
      CHECK(rule && strcmp(rule, "estimated") == 0 && est == verified);
    }
  }
  dg_clusters_free(from_sig);
  dg_clusters_free(direct);

  from_sig = untouched;
  CHECK(dg_lsh_clusters(NULL, 0, perms, 0.8, &from_sig) == DG_OK);
  CHECK(dg_clusters_count(from_sig, &n1) == DG_OK && n1 == 0);
  dg_clusters_free(from_sig);
  from_sig = untouched;
  CHECK(dg_lsh_clusters(NULL, 3, perms, 0.8, &from_sig) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_clusters(sig, N, 0, 0.8, &from_sig) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_clusters(sig, N, 2048, 0.8, &from_sig) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_clusters(sig, N, perms, -0.5, &from_sig) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_clusters(sig, (size_t)-1, perms, 0.8, &from_sig) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_lsh_clusters(sig, N, perms, 0.8, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(from_sig == untouched);
  free(sig);
}

/* The example collection: every post in one cluster; the two copies of the
 * 17 August signing report in the same one. */
static void test_collection(void) {
  dg_collection *coll = NULL;
  dg_clusters *c = NULL;
  const dg_post *post = NULL;
  size_t n = 0, i, a = (size_t)-1, b = (size_t)-1, ca = 0, cb = 1, count = 0;

  CHECK(dg_collection_new(&coll) == DG_OK);
  CHECK(dg_collection_import_file(coll, DIGEST_EXAMPLES_DATA "/collection.json", DG_FORMAT_DETECT,
                                  NULL) == DG_OK);
  CHECK(dg_collection_post_count(coll, &n) == DG_OK && n == 40);
  CHECK(dg_collection_find_duplicates(coll, NULL, &c) == DG_OK);
  check_partition(c, n);
  for (i = 0; i < n; ++i) {
    const char *id = NULL;
    size_t len = 0;
    CHECK(dg_collection_post_at(coll, i, &post) == DG_OK);
    CHECK(dg_post_get(post, DG_POST_ID, &id, &len) == DG_OK);
    if (str_is(id, len, "bws-2021-08-17-signing-set")) a = i;
    if (str_is(id, len, "hst-2021-08-17-signing-set")) b = i;
  }
  CHECK(a < n && b < n);
  CHECK(dg_clusters_cluster_of(c, a, &ca) == DG_OK && dg_clusters_cluster_of(c, b, &cb) == DG_OK);
  CHECK(ca == cb);
  CHECK(dg_clusters_count(c, &count) == DG_OK && count < n && count > n / 2);
  dg_clusters_free(c);
  c = NULL;
  CHECK(dg_collection_find_duplicates(NULL, NULL, &c) == DG_E_INVALID_ARGUMENT);
  CHECK(c == NULL);
  dg_collection_free(coll);
}

static void test_index(void) {
  dg_near_duplicate_index *index = NULL, *loaded = NULL, *from_bytes = NULL;
  dg_duplicate_options d = DG_DUPLICATE_OPTIONS_INIT;
  dg_index_match m;
  dg_ymd day1 = {2021, 8, 1}, day2 = {2021, 8, 2}, bad_day = {2021, 2, 30};
  char variant_a[4096], variant_b[4096], path[128];
  const char *first_id = NULL;
  size_t n = 0;
  dg_buffer *bytes = NULL, *again = NULL;

  substituted(texts[0], 25, variant_a, sizeof variant_a);
  substituted(texts[3], 30, variant_b, sizeof variant_b);
  d.window_days = 3;
  CHECK(dg_near_duplicate_index_new(&d, &index) == DG_OK);
  memset(&m, 0x55, sizeof m);
  CHECK(dg_near_duplicate_index_add(index, S("a1"), texts[0], lengths[0], &day1, &m) == DG_OK);
  CHECK(m.found == 0 && str_is(m.id, m.id_len, "") && str_is(m.cluster, m.cluster_len, "") &&
        m.similarity == 0);
  CHECK(dg_near_duplicate_index_add(index, S("b1"), texts[3], lengths[3], NULL, NULL) == DG_OK);
  CHECK(dg_near_duplicate_index_add(index, S("a2"), variant_a, strlen(variant_a), &day2, &m) ==
        DG_OK);
  CHECK(m.found && str_is(m.id, m.id_len, "a1") && str_is(m.cluster, m.cluster_len, "a1"));
  CHECK(m.similarity >= 0.8 && m.similarity <= 1.0);
  first_id = m.id;
  /* A copy of the copy names the first text's cluster. */
  CHECK(dg_near_duplicate_index_add(index, S("a3"), variant_a, strlen(variant_a), &day2, &m) ==
        DG_OK);
  CHECK(m.found && str_is(m.cluster, m.cluster_len, "a1"));
  CHECK(str_is(first_id, 2, "a1")); /* strings live as long as the index */

  /* The window: a month later nothing matches. */
  {
    dg_ymd later = {2021, 9, 1};
    CHECK(dg_near_duplicate_index_query(index, texts[0], lengths[0], &later, &m) == DG_OK);
    CHECK(m.found == 0);
  }

  /* Bad adds change nothing. */
  CHECK(dg_near_duplicate_index_add(index, S("a3"), texts[6], lengths[6], NULL, NULL) ==
        DG_E_DUPLICATE_ID);
  CHECK(dg_near_duplicate_index_add(index, NULL, 0, texts[6], lengths[6], NULL, NULL) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_near_duplicate_index_add(index, S("\xff" "bad"), texts[6], lengths[6], NULL, NULL) ==
        DG_E_INVALID_UTF8);
  CHECK(strcmp(dg_last_error_field(), "id") == 0);
  {
    int64_t offset = -1;
    CHECK(dg_last_error_position(NULL, &offset) == DG_OK && offset == 0);
  }
  CHECK(dg_near_duplicate_index_add(index, S("c1"), texts[6], lengths[6], &bad_day, NULL) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "date") == 0);
  CHECK(dg_near_duplicate_index_add(index, S("c1"), NULL, 5, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_near_duplicate_index_add(NULL, S("c1"), texts[6], lengths[6], NULL, NULL) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_near_duplicate_index_size(index, &n) == DG_OK && n == 4);
  CHECK(dg_near_duplicate_index_query(index, texts[0], lengths[0], NULL, NULL) ==
        DG_E_INVALID_ARGUMENT);

  /* Saved, loaded, the same answers; the bytes round-trip. */
  snprintf(path, sizeof path, "%s/index.bin", dir);
  CHECK(dg_near_duplicate_index_save(index, path) == DG_OK);
  CHECK(dg_near_duplicate_index_load(&loaded, path) == DG_OK);
  CHECK(dg_near_duplicate_index_size(loaded, &n) == DG_OK && n == 4);
  CHECK(dg_near_duplicate_index_query(loaded, variant_b, strlen(variant_b), NULL, &m) == DG_OK);
  CHECK(m.found && str_is(m.id, m.id_len, "b1"));
  CHECK(dg_near_duplicate_index_query(loaded, texts[6], lengths[6], NULL, &m) == DG_OK);
  CHECK(m.found == 0);
  CHECK(dg_near_duplicate_index_to_buffer(index, &bytes) == DG_OK);
  CHECK(dg_near_duplicate_index_from_bytes(&from_bytes, dg_buffer_data(bytes),
                                           dg_buffer_size(bytes)) == DG_OK);
  CHECK(dg_near_duplicate_index_to_buffer(from_bytes, &again) == DG_OK);
  CHECK(dg_buffer_size(bytes) == dg_buffer_size(again) &&
        memcmp(dg_buffer_data(bytes), dg_buffer_data(again), dg_buffer_size(bytes)) == 0);

  /* Not an index: a parse error with its offset; *out untouched. */
  {
    dg_near_duplicate_index *none = NULL;
    int64_t offset = -1;
    CHECK(dg_near_duplicate_index_from_bytes(&none, dg_buffer_data(bytes),
                                             dg_buffer_size(bytes) / 2) == DG_E_PARSE);
    CHECK(dg_last_error_position(NULL, &offset) == DG_OK && offset >= 0);
    CHECK(dg_near_duplicate_index_from_bytes(&none, S("not an index")) == DG_E_PARSE);
    CHECK(dg_near_duplicate_index_from_bytes(&none, NULL, 3) == DG_E_INVALID_ARGUMENT);
    snprintf(path, sizeof path, "%s/missing.bin", dir);
    CHECK(dg_near_duplicate_index_load(&none, path) == DG_E_FILE_NOT_FOUND);
    CHECK(dg_near_duplicate_index_load(&none, NULL) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_near_duplicate_index_save(index, "/nonexistent-dir/index.bin") ==
          DG_E_FILE_NOT_FOUND);
    CHECK(none == NULL);
  }

  /* Bad options for a new index. */
  {
    dg_near_duplicate_index *none = NULL;
    d.threshold = 2;
    CHECK(dg_near_duplicate_index_new(&d, &none) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_near_duplicate_index_new(NULL, NULL) == DG_E_INVALID_ARGUMENT);
    CHECK(none == NULL);
  }

  snprintf(path, sizeof path, "%s/index.bin", dir);
  remove(path);
  dg_buffer_free(bytes);
  dg_buffer_free(again);
  dg_near_duplicate_index_free(from_bytes);
  dg_near_duplicate_index_free(loaded);
  dg_near_duplicate_index_free(index);
  dg_near_duplicate_index_free(NULL);
}

int main(void) {
  strcpy(dir, "/tmp/dg_test_storiesXXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  make_texts();
  test_options_and_params();
  test_minhash();
  test_near_duplicates();
  test_lsh_clusters();
  test_collection();
  test_index();
  rmdir(dir);
  if (failures) {
    fprintf(stderr, "test_stories: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_stories: all checks passed\n");
  return 0;
}
