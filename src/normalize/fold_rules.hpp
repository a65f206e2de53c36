// Internal to the fold: the rules that say what one code point becomes in
// a search key (fold_rules.cpp), and the pieces of them that the cached
// table (fold_table.cpp) and the key builder (fold.cpp) use again: the ICU
// normalisers, the marks that may be composed, the canonical composition
// of a run of characters with their source spans. Not installed.
#pragma once

#include <unicode/normalizer2.h>

#include <cstdint>
#include <string>
#include <vector>

namespace digest::detail {

struct Icu {
  const icu::Normalizer2* nfkc_cf;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
  const icu::Normalizer2* nfkd;
};

// Built once per process; throws when ICU's normalisation data is missing.
const Icu& icu_norms();

// Combining marks that stay only as part of a protected letter (see
// fold_rules.cpp).
bool is_conditional_mark(char32_t c);

// The canonical combining class of `c`.
int ccc(char32_t c);

// Whether `c` is a space or a letter or digit whose word breaks are plain.
bool wb_plain(char32_t c);

// A character and the input bytes [b, e) it came from.
struct U {
  char32_t c;
  std::uint32_t b, e;
};

// Canonical reordering and composition of `s`, the conditional marks only
// into protected letters (see fold_rules.cpp).
void compose(std::vector<U>& s);

// What one code point becomes in a key, as characters (' ' = separator).
std::u32string fold_code_point(char32_t c);

}  // namespace digest::detail
