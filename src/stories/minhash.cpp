// Shingles of a search key and their MinHash signatures.
//
// A shingle is hashed once with xxHash3 (64 bits, seeded) and kept as its
// low 32 bits. Permutation i maps a shingle x to the high half of
// mul[i] * x + add[i] (64-bit multiply-add-shift, a strongly universal family
// for 32-bit keys), so a signature costs one multiply, add and minimum per
// shingle and permutation; the inner loop over permutations vectorises.
#include <algorithm>
#include <cstring>
#include <limits>

#include <xxhash.h>

#include "digest/normalize.hpp"
#include "digest/stories.hpp"
#include "stories/parallel.hpp"
#include "text/utf8.hpp"

namespace digest {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Scripts written without spaces between words: their texts are shingled
// into character n-grams.
bool unspaced_script(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||   // Thai, Lao
         (c >= 0x0F00 && c <= 0x0FFF) ||   // Tibetan
         (c >= 0x1000 && c <= 0x109F) ||   // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||   // Khmer
         (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
         (c >= 0x20000 && c <= 0x3FFFF);   // CJK extensions B and later
}

std::uint32_t low32(std::uint64_t h) { return static_cast<std::uint32_t>(h); }

// The signature kernel: out[i] = min over shingles x of hi32(mul[i]*x + add[i]).
// GCC builds it twice on x86-64 and picks the AVX2 copy at load time where
// the CPU has it (twice as fast as SSE2 here: bench/RESULTS.md). Not under
// ThreadSanitizer: the load-time resolver runs before its runtime is set up
// and crashes the program.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
__attribute__((target_clones("avx2", "default")))
#endif
void min_hashes(const std::uint32_t* shingles, std::size_t count, const std::uint64_t* mul,
                const std::uint64_t* add, std::uint32_t* sig, std::size_t n) {
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint64_t x = shingles[k];
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = static_cast<std::uint32_t>((mul[i] * x + add[i]) >> 32);
      sig[i] = v < sig[i] ? v : sig[i];
    }
  }
}

}  // namespace

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  std::uint64_t state = options_.seed;
  mul_.resize(options_.permutations);
  add_.resize(options_.permutations);
  for (std::size_t i = 0; i < options_.permutations; ++i) {
    mul_[i] = splitmix64(state) | 1u;
    add_[i] = splitmix64(state);
  }
}

std::vector<std::uint32_t> MinHasher::shingles(std::string_view key) const {
  const ShingleOptions& o = options_.shingles;
  const std::uint64_t seed = options_.seed;
  std::vector<std::string_view> words;
  std::size_t unspaced = 0, letters = 0;
  for (std::size_t i = 0; i < key.size();) {
    const std::size_t j = std::min(key.find(' ', i), key.size());
    if (j > i) words.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  std::vector<std::uint32_t> out;
  if (words.empty()) return out;
  // Letters, and those of scripts written without spaces; ASCII needs no
  // decoding (a search key is well-formed UTF-8).
  const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
  for (std::size_t i = 0; i < key.size();) {
    if (bytes[i] < 0x80) {
      letters += bytes[i] != ' ';
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(bytes + i, key.size() - i);
    ++letters;
    if (unspaced_script(d.cp)) ++unspaced;
    i += d.len;
  }
  const bool by_chars = words.size() < std::max<std::size_t>(1, o.min_words) || unspaced * 3 > letters;
  if (by_chars) {
    const std::size_t n = std::max<std::size_t>(1, o.chars);
    std::vector<std::size_t> starts;  // of each code point
    starts.reserve(key.size() + 1);
    for (std::size_t i = 0; i < key.size(); i += detail::decode_utf8(bytes + i, key.size() - i).len)
      starts.push_back(i);
    const std::size_t cps = starts.size();
    starts.push_back(key.size());
    if (cps <= n) {
      out.push_back(low32(XXH3_64bits_withSeed(key.data(), key.size(), seed)));
    } else {
      out.reserve(cps - n + 1);
      for (std::size_t i = 0; i + n <= cps; ++i)
        out.push_back(low32(XXH3_64bits_withSeed(key.data() + starts[i], starts[i + n] - starts[i], seed)));
    }
  } else {
    const std::size_t k = std::max<std::size_t>(1, o.words);
    out.reserve(words.size());
    if (words.size() <= k) {
      out.push_back(low32(XXH3_64bits_withSeed(key.data(), key.size(), seed)));
    } else {
      for (std::size_t i = 0; i + k <= words.size(); ++i) {
        // The k words as they stand in the key, single spaces between.
        const char* b = words[i].data();
        const char* e = words[i + k - 1].data() + words[i + k - 1].size();
        out.push_back(low32(XXH3_64bits_withSeed(b, static_cast<std::size_t>(e - b), seed)));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void MinHasher::signature(std::span<const std::uint32_t> shingles,
                          std::span<std::uint32_t> out) const {
  const std::size_t n = std::min(out.size(), mul_.size());
  std::fill(out.begin(), out.end(), std::numeric_limits<std::uint32_t>::max());
  min_hashes(shingles.data(), shingles.size(), mul_.data(), add_.data(), out.data(), n);
}

SignatureMatrix MinHasher::signatures(std::span<const std::string_view> texts,
                                      std::size_t threads) const {
  SignatureMatrix m;
  m.permutations = options_.permutations;
  m.values.resize(texts.size() * m.permutations);
  const Normalizer& norm = Normalizer::shared();
  stories_detail::parallel_chunks(
      texts.size(), stories_detail::thread_count(threads, texts.size(), 256), 256,
      [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) {
          Result<std::string> key = norm.search_key(texts[i]);
          const std::vector<std::uint32_t> sh = key.ok() ? shingles(*key) : std::vector<std::uint32_t>{};
          signature(sh, {m.values.data() + i * m.permutations, m.permutations});
        }
      });
  return m;
}

double estimated_similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return similarity_from_jaccard(estimated_jaccard(a, b));
}

double similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return similarity_from_jaccard(jaccard(a, b));
}

double estimated_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < n; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(n);
}

double jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++common; ++i; ++j; }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace digest
