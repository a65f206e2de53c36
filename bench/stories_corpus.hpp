// Synthetic posts for the stories benchmarks: texts of made-up words (a
// skewed vocabulary, so common words repeat as in real text), a share of
// them near-duplicate variants (some words replaced) of earlier texts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace digest::bench {

class StoriesCorpus {
 public:
  // `n` texts of about `words` words; `variant_share` of them copy an
  // earlier text with `edit_share` of its words replaced.
  static std::vector<std::string> make(std::size_t n, std::size_t words = 150,
                                       double variant_share = 0.2, double edit_share = 0.05,
                                       std::uint64_t seed = 1) {
    StoriesCorpus c(seed);
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0 && c.unit() < variant_share) {
        out.push_back(c.variant(out[c.next() % i], edit_share));
      } else {
        out.push_back(c.text(words));
      }
    }
    return out;
  }

 private:
  explicit StoriesCorpus(std::uint64_t seed) : state_(seed) {
    static const char* syll[] = {"ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi",
                                 "zel", "mo", "qa", "ne", "sho", "bri", "an", "dur", "fel", "gi",
                                 "pra", "vin", "el", "ur", "tam", "os", "reh", "na", "bo", "lis"};
    vocab_.reserve(kVocabulary);
    for (std::size_t i = 0; i < kVocabulary; ++i) {
      std::string w;
      std::size_t x = i + 1;
      while (x) {
        w += syll[x % 30];
        x /= 30;
      }
      vocab_.push_back(std::move(w));
    }
  }
  static constexpr std::size_t kVocabulary = 40000;

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  const std::string& word() {
    const double u = unit();
    return vocab_[static_cast<std::size_t>(u * u * u * kVocabulary)];  // skewed to the first words
  }
  std::string text(std::size_t words) {
    std::string t;
    t.reserve(words * 8);
    for (std::size_t i = 0; i < words; ++i) {
      if (i) t += (i % 15 == 0) ? ". " : " ";
      t += word();
    }
    t += '.';
    return t;
  }
  std::string variant(const std::string& base, double edit_share) {
    std::string out;
    out.reserve(base.size() + 16);
    std::size_t i = 0;
    while (i < base.size()) {
      std::size_t j = base.find(' ', i);
      if (j == std::string::npos) j = base.size();
      if (unit() < edit_share) out += word();
      else out.append(base, i, j - i);
      if (j < base.size()) out += ' ';
      i = j + 1;
    }
    return out;
  }

  std::uint64_t state_;
  std::vector<std::string> vocab_;
};

}  // namespace digest::bench
