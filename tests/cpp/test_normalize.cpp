// Tests of digest::Normalizer: table-driven rules per script, pairs that must
// meet and pairs that must stay apart, UTF-8 handling, and properties
// (idempotence, offsets, canonical equivalence) over random strings.
#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "digest/normalize.hpp"
#include "text/utf8.hpp"

using digest::NormalForm;
using digest::Normalizer;
using digest::NormalizerOptions;
using digest::Token;
using digest::Utf8Mode;

namespace {

const Normalizer& N() { return Normalizer::shared(); }

// Seeds of the property tests; DIGEST_TEST_SEED shifts them to explore.
unsigned seed(unsigned base) {
  const char* env = std::getenv("DIGEST_TEST_SEED");
  return base + (env ? static_cast<unsigned>(std::strtoul(env, nullptr, 10)) : 0u);
}

std::string key(std::string_view s) {
  auto r = N().search_key(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : std::string("<error>");
}

std::string form(std::string_view s, NormalForm f) {
  auto r = N().normalize(s, f);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : std::string("<error>");
}

std::vector<std::string> token_keys(std::string_view s) {
  std::vector<std::string> out;
  auto r = N().tokens(s);
  EXPECT_TRUE(r.ok());
  if (r.ok())
    for (auto& t : *r) out.push_back(t.key);
  return out;
}

struct KeyCase {
  const char* script;
  const char* input;
  const char* expected;
};

// ---- search key: one row per rule --------------------------------------------
const KeyCase kKeyCases[] = {
    // Latin: case folding, accents, ß, ligatures, fullwidth, apostrophes.
    {"Latn", "People’s Mojahedin", "peoples mojahedin"},
    {"Latn", "PEOPLE'S MOJAHEDIN", "peoples mojahedin"},
    {"Latn", "Mojāhedin", "mojahedin"},
    {"Latn", "Straße", "strasse"},
    {"Latn", "STRASSE", "strasse"},
    {"Latn", "ﬁnal ﬂow", "final flow"},
    {"Latn", "ＦＵＬＬ ｗｉｄｔｈ", "full width"},
    {"Latn", "Crème brûlée à la française", "creme brulee a la francaise"},
    {"Latn", "Œuvre Æsir", "oeuvre aesir"},
    {"Latn", "Łódź Ørsted đak", "lodz orsted dak"},
    {"Latn", "İstanbul ıstanbul ISTANBUL", "istanbul istanbul istanbul"},
    {"Latn", "Shi’a Shīʿa Shi`a", "shia shia shia"},
    {"Latn", "e\xCC\x81t\xC3\xA9", "ete"},  // decomposed and precomposed é
    {"Latn", "soft\xC2\xADhyphen", "softhyphen"},
    // Punctuation, hyphens, quotes, whitespace as separators.
    {"Latn", "  well-known , “quoted”  «text»\t\n(x) ", "well known quoted text x"},
    {"Latn", "a\xC2\xA0" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d", "a b c d"},
    {"Latn", "zero\xE2\x80\x8Bwidth", "zerowidth"},  // ZWSP is default-ignorable
    {"Latn", "rock–n–roll — more…", "rock n roll more"},
    {"Latn", "$5 + 3% = x; a/b", "5 3 x a b"},
    {"Latn", "", ""},
    {"Latn", " \t\n ", ""},
    {"Latn", "...", ""},
    // Digits of every script to ASCII.
    {"Zyyy", "۱۴۰۰", "1400"},
    {"Zyyy", "١٤٠١", "1401"},
    {"Zyyy", "１２３", "123"},
    {"Zyyy", "१२३ ১২৩", "123 123"},
    // Persian and Arabic.
    {"Arab", "علي", "علی"},          // Arabic yeh -> Farsi yeh
    {"Arab", "مصطفى", "مصطفی"},      // alef maksura -> Farsi yeh
    {"Arab", "كتاب", "کتاب"},        // kaf -> keheh
    {"Arab", "مدرسة", "مدرسه"},      // teh marbuta -> heh
    {"Arab", "أحمد إسلام آب", "احمد اسلام اب"},  // hamza above/below, madda
    {"Arab", "مؤمن سائل", "مومن سایل"},         // hamza on waw and yeh
    {"Arab", "مُحَمَّد", "محمد"},         // harakat
    {"Arab", "كـــتاب", "کتاب"},     // tatweel
    {"Arab", "ٱلله", "الله"},        // alef wasla
    {"Arab", "ﻻ ﻷ", "لا لا"},        // presentation-form ligatures
    {"Arab", "ﺑﻴﺖ", "بیت"},          // presentation forms
    {"Arab", "خانۀ", "خانه"},        // heh with yeh above
    {"Arab", "خانهٔ", "خانه"},        // heh + hamza above
    {"Arab", "می‌خواهم", "می خواهم"},  // ZWNJ separates
    {"Arab", "سلام، دنیا؛ چطوری؟", "سلام دنیا چطوری"},
    {"Arab", "۱۴۰۰/۰۱/۰۵", "1400 01 05"},
    // Cyrillic: accents go, letters with their own place in the alphabet stay.
    {"Cyrl", "ЁЛКА ёлка", "елка елка"},
    {"Cyrl", "Москва́", "москва"},
    {"Cyrl", "Йошкар-Ола", "йошкар ола"},
    {"Cyrl", "и\xCC\x86", "й"},  // decomposed й composes
    {"Cyrl", "Ї ї ў", "ї ї ў"},
    // Greek.
    {"Grek", "ΣΟΦΊΑ σοφία", "σοφια σοφια"},
    {"Grek", "Ἀθῆναι", "αθηναι"},
    {"Grek", "λόγος ΛΟΓΟΣ", "λογοσ λογοσ"},  // final sigma folds
    // Hebrew points.
    {"Hebr", "שָׁלוֹם", "שלום"},
    // CJK passes through.
    {"Hani", "中华人民共和国", "中华人民共和国"},
    {"Jpan", "日本語のテキスト", "日本語のテキスト"},
    {"Jpan", "か\xE3\x82\x99", "が"},  // kana voicing mark is kept (composed)
    {"Jpan", "が", "が"},
    {"Kore", "한국어", "한국어"},
    {"Kore", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "한"},  // conjoining jamo compose
    // Indic marks are spelling, not accents.
    {"Deva", "हिन्दी", "हिन्दी"},
};

class KeyRules : public ::testing::TestWithParam<KeyCase> {};

TEST_P(KeyRules, Key) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(key(c.input), c.expected) << c.script << ": " << c.input;
  EXPECT_EQ(key(c.expected), c.expected) << "expected value is not a fixed point";
}

INSTANTIATE_TEST_SUITE_P(Normalize, KeyRules, ::testing::ValuesIn(kKeyCases));

// ---- pairs -----------------------------------------------------------------
struct Pair {
  const char* a;
  const char* b;
};

const Pair kSame[] = {
    {"People’s Mojahedin", "PEOPLE'S MOJAHEDIN"},
    {"Mojāhedin", "Mojahedin"},
    {"Straße", "STRASSE"},
    {"ﬁsh", "fish"},
    {"Ａｂｃ", "abc"},
    {"علي", "علی"},
    {"كيك", "کیک"},
    {"فاطمة", "فاطمه"},
    {"أيران", "ایران"},
    {"۱۴۰۰", "1400"},
    {"١٤٠٠", "۱۴۰۰"},
    {"مُحَمَّد", "محمد"},
    {"کـتـاب", "کتاب"},
    {"Ελλάδα", "ΕΛΛΑΔΑ"},
    {"Ёж", "еж"},
    {"well-known", "well known"},
    {"“quoted”", "\"quoted\""},
    {"a  b", "a\tb"},
    {"e\xCC\x81", "\xC3\xA9"},
};

const Pair kDifferent[] = {
    {"Iran", "Iraq"},
    {"1400", "1401"},
    {"۱۴۰۰", "۱۴۰۱"},
    {"کتاب", "کباب"},    // book / kebab
    {"شیر", "سیر"},      // two distinct Persian words
    {"دست", "دوست"},
    {"мой", "мои"},      // й stays distinct from и
    {"中国", "中图"},
    {"か", "が"},
    {"Paris", "Parish"},
};

TEST(NormalizePairs, EqualKeys) {
  for (const Pair& p : kSame) EXPECT_EQ(key(p.a), key(p.b)) << p.a << " vs " << p.b;
}

TEST(NormalizePairs, DifferentKeys) {
  for (const Pair& p : kDifferent) EXPECT_NE(key(p.a), key(p.b)) << p.a << " vs " << p.b;
}

// ---- forms -----------------------------------------------------------------
TEST(NormalizeForms, NfcNfkc) {
  EXPECT_EQ(form("e\xCC\x81", NormalForm::nfc), "\xC3\xA9");
  EXPECT_EQ(form("ﬁ", NormalForm::nfc), "ﬁ");
  EXPECT_EQ(form("ﬁ", NormalForm::nfkc), "fi");
  EXPECT_EQ(form("ＡＢ", NormalForm::nfkc), "AB");
  EXPECT_EQ(form("ﻻ", NormalForm::nfkc), "لا");
  EXPECT_EQ(form("plain ascii", NormalForm::nfc), "plain ascii");
  EXPECT_EQ(form("", NormalForm::nfkc), "");
}

struct FormCase {
  const char* input;
  const char* expected;
};

const FormCase kDisplay[] = {
    {"  Hello   world  ", "Hello world"},
    {"a\xC2\xA0\xC2\xA0" "b", "a b"},                 // no-break spaces
    {"a\xE2\x80\xAF" "b", "a b"},                      // narrow no-break space
    {"zero\xE2\x80\x8Bwidth", "zerowidth"},            // ZWSP removed
    {"a \xE2\x80\x8B b", "a b"},
    {"line one\nline two", "line one\nline two"},
    {"para one\n\n\n\npara two", "para one\n\npara two"},
    {"crlf\r\nnext", "crlf\nnext"},
    {"wait...", "wait…"},
    {"wait....", "wait…"},
    {"wait…", "wait…"},
    {"wait:..", "wait…"},
    {"wait. . .", "wait…"},
    {"one. two.", "one. two."},
    {"12:30", "12:30"},
    {"pages 10—20", "pages 10–20"},
    {"1990-1995", "1990-1995"},
    {"a -- b", "a — b"},
    {"a - b", "a — b"},
    {"a – b", "a — b"},
    {"well‐known", "well-known"},  // U+2010 hyphen
    {"non‑breaking", "non-breaking"},
    {"Mojāhedin", "Mojāhedin"},  // no accent folding
    {"PEOPLE’S", "PEOPLE’S"},    // no case folding
    {"e\xCC\x81", "\xC3\xA9"},  // NFC
    {"ﬁ", "ﬁ"},                  // not NFKC
    {"می‌خواهم", "می‌خواهم"},       // orthographic ZWNJ kept
    {"می‌‌خواهم", "می‌خواهم"},      // doubled ZWNJ -> one
    {"می ‌خواهم", "می خواهم"},    // ZWNJ next to a space goes
    {"word‌ ", "word"},           // ZWNJ in Latin goes
    {"ab\x01" "cd", "abcd"},      // control characters
    {"", ""},
};

TEST(NormalizeForms, Display) {
  for (const FormCase& c : kDisplay) {
    std::string d = form(c.input, NormalForm::display);
    EXPECT_EQ(d, c.expected) << c.input;
    EXPECT_EQ(form(d, NormalForm::display), d) << "display not idempotent: " << c.input;
  }
}

// ---- tokens ----------------------------------------------------------------
TEST(NormalizeTokens, OffsetsIntoOriginal) {
  std::string text = "  People’s MOJĀHEDIN, «۱۴۰۰»  كتاب‌ها";
  auto r = N().tokens(text);
  ASSERT_TRUE(r.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const Token& t : *r) got.emplace_back(t.key, text.substr(t.begin, t.end - t.begin));
  std::vector<std::pair<std::string, std::string>> want = {
      {"peoples", "People’s"}, {"mojahedin", "MOJĀHEDIN"}, {"1400", "۱۴۰۰"},
      {"کتاب", "كتاب"},        {"ها", "ها"}};
  EXPECT_EQ(got, want);
}

TEST(NormalizeTokens, TrailingMarkBelongsToToken) {
  std::string text = "cafe\xCC\x81 ok";
  auto r = N().tokens(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].key, "cafe");
  EXPECT_EQ((*r)[0].begin, 0u);
  EXPECT_EQ((*r)[0].end, 6u);  // includes the combining acute
}

TEST(NormalizeTokens, CjkWordBreak) {
  auto t = token_keys("日本語のテキストです");
  EXPECT_GE(t.size(), 3u);
  std::string joined;
  for (auto& s : t) joined += s;
  EXPECT_EQ(joined, "日本語のテキストです");
}

TEST(NormalizeTokens, Expansions) {
  auto r = N().tokens("ﬁle ½");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].key, "file");
  EXPECT_EQ((*r)[0].begin, 0u);
  EXPECT_EQ((*r)[0].end, 5u);
  EXPECT_EQ((*r)[1].key, "1");
  EXPECT_EQ((*r)[2].key, "2");
  EXPECT_EQ((*r)[1].begin, (*r)[2].begin);  // both from ½
}

// ---- other services ----------------------------------------------------------
TEST(NormalizeOther, Transliterate) {
  EXPECT_EQ(*N().transliterate("Москва"), "Moskva");
  EXPECT_EQ(*N().transliterate("Ελλάδα"), "Ellada");
  EXPECT_EQ(*N().transliterate("ascii stays"), "ascii stays");
  auto fa = N().transliterate("تهران");
  ASSERT_TRUE(fa.ok());
  for (char c : *fa) EXPECT_LT(static_cast<unsigned char>(c), 0x80u);
}

// transliterate() answers what ICU's "Any-Latin; Latin-ASCII" answers for
// each word, though it replaces the second step by a table where it can:
// checked on every character below U+3000 alone and beside a letter, a
// combining mark and a character of another script, and on random words.
TEST(NormalizeOther, TransliterateIsIcusAnyLatinLatinAscii) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, st));
  ASSERT_TRUE(U_SUCCESS(st));
  auto reference = [&](const std::string& word) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    icu_t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  };
  auto check = [&](const std::string& word) {
    auto ours = N().transliterate(word);
    ASSERT_TRUE(ours.ok());
    ASSERT_EQ(*ours, reference(word)) << ::testing::PrintToString(word);
  };
  const char32_t neighbours[] = {U'a', 0x0301, 0x0434, 0x00E9};
  for (char32_t c = 0x80; c < 0x3000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string one;
    digest::detail::append_utf8(one, c);
    check(one);
    for (char32_t n : neighbours) {
      std::string before = one, after;
      digest::detail::append_utf8(before, n);
      digest::detail::append_utf8(after, n);
      after += one;
      check(before);
      check(after);
    }
  }
  static const std::pair<char32_t, char32_t> ranges[] = {
      {'a', 'z'},       {0x00C0, 0x024F}, {0x0250, 0x02FF}, {0x0300, 0x036F}, {0x0370, 0x03FF},
      {0x0400, 0x04FF}, {0x0590, 0x05FF}, {0x0600, 0x06FF}, {0x0900, 0x097F}, {0x0E00, 0x0E7F},
      {0x1100, 0x11FF}, {0x1E00, 0x1FFF}, {0x2000, 0x206F}, {0x2100, 0x214F}, {0x3040, 0x30FF},
      {0x4E00, 0x4E80}, {0xAC00, 0xAC40}, {0xFB50, 0xFDFF}, {0xFF00, 0xFFEF}};
  std::mt19937 rng(seed(41));
  for (int i = 0; i < 6000; ++i) {
    std::string w;
    // Mostly one script a word, as in text; sometimes mixed.
    auto [lo, hi] = ranges[rng() % std::size(ranges)];
    const std::size_t len = 1 + rng() % 10;
    for (std::size_t k = 0; k < len; ++k) {
      if (rng() % 5 == 0) std::tie(lo, hi) = ranges[rng() % std::size(ranges)];
      char32_t c = lo + static_cast<char32_t>(rng() % (hi - lo + 1));
      if (c < 0x80 && !std::isalnum(static_cast<int>(c))) c = 'q';  // keep it one word
      digest::detail::append_utf8(w, c);
    }
    check(w);
  }
}

// Words of one alphabet, the letter table's ground (LetterTable in
// transliterate.cpp): 20,000 random words of each, from one to twelve
// letters, capitals among them, answer what ICU answers. Each thread of
// four starts with the letters in another order, as the table is built
// from what is met first.
TEST(NormalizeOther, TransliterateWordsOfOneAlphabetAsIcuDoes) {
  static const std::pair<char32_t, char32_t> alphabets[] = {
      {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0531, 0x0587}, {0x05D0, 0x05EA},
      {0x0620, 0x06FF}, {0x0750, 0x077F}, {0x10A0, 0x10FF}};
  std::vector<std::string> failures;
  std::mutex failures_mu;
  auto run = [&](unsigned thread) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> icu_t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, st));
    if (U_FAILURE(st)) return;
    std::mt19937 rng(seed(97 + thread));
    for (const auto& [lo, hi] : alphabets) {
      for (int i = 0; i < 5000; ++i) {
        std::string w;
        const std::size_t len = 1 + rng() % 12;
        for (std::size_t k = 0; k < len; ++k)
          digest::detail::append_utf8(w, lo + static_cast<char32_t>(rng() % (hi - lo + 1)));
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
        icu_t->transliterate(u);
        std::string want;
        u.toUTF8String(want);
        auto ours = N().transliterate(w);
        if (!ours.ok() || *ours != want) {
          std::lock_guard lock(failures_mu);
          failures.push_back(w + " -> " + (ours.ok() ? *ours : "error") + ", ICU " + want);
        }
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < 4; ++t) threads.emplace_back(run, t);
  for (auto& t : threads) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " words differ, e.g. " << failures.front();
}

TEST(NormalizeOther, LatinKey) {
  EXPECT_EQ(*N().latin_key("Москва́"), "moskva");
  EXPECT_EQ(*N().latin_key("MOSKVA"), "moskva");
  EXPECT_EQ(*N().latin_key("Straße"), "strasse");
  auto k = N().latin_key("علي");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(*N().latin_key(*k), *k);
  EXPECT_EQ(*N().latin_key("علي"), *N().latin_key("علی"));
}

TEST(NormalizeOther, DominantScript) {
  EXPECT_EQ(N().dominant_script("Hello world"), "Latn");
  EXPECT_EQ(N().dominant_script("سلام دنیا and a bit"), "Arab");
  EXPECT_EQ(N().dominant_script("Привет, мир"), "Cyrl");
  EXPECT_EQ(N().dominant_script("Καλημέρα"), "Grek");
  EXPECT_EQ(N().dominant_script("中华人民共和国"), "Hani");
  EXPECT_EQ(N().dominant_script("12345 !!"), "Zyyy");
  EXPECT_EQ(N().dominant_script(""), "Zyyy");
  EXPECT_EQ(N().dominant_script("\xFF\xFE"), "Zyyy");
}

// ---- UTF-8 -------------------------------------------------------------------
TEST(NormalizeUtf8, StrictReportsOffset) {
  const Normalizer& s = Normalizer::shared_strict();
  std::string bad = std::string("ab\xC3\xA9") + "\xE2\x82" + "x";  // truncated 3-byte sequence
  auto k = s.search_key(bad);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().code, digest::ErrorCode::invalid_utf8);
  ASSERT_TRUE(k.error().offset.has_value());
  EXPECT_EQ(*k.error().offset, 4u);
  auto t = s.tokens(bad);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(*t.error().offset, 4u);
  for (NormalForm f : {NormalForm::nfc, NormalForm::nfkc, NormalForm::display}) {
    auto r = s.normalize(bad, f);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(*r.error().offset, 4u);
  }
  auto tr = s.transliterate(bad);
  ASSERT_FALSE(tr.ok());
  EXPECT_EQ(*tr.error().offset, 4u);
  EXPECT_TRUE(s.search_key("fine é").ok());
}

TEST(NormalizeUtf8, StrictOffsets) {
  struct C {
    std::string s;
    std::size_t off;
  } cases[] = {
      {"\x80", 0},           {"a\xC0\xAF", 1},           {"ab\xED\xA0\x80", 2},  // surrogate
      {"\xF4\x90\x80\x80", 0}, {"abc\xF0\x9F\x98", 3},   {"\xE0\x80\x80", 0},    // overlong
      {"ok\xFF", 2},         {"\xC3\xA9\xC3", 2},
  };
  for (auto& c : cases) {
    EXPECT_EQ(digest::detail::find_invalid_utf8(c.s), c.off);
    auto r = Normalizer::shared_strict().search_key(c.s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(*r.error().offset, c.off);
  }
  EXPECT_EQ(digest::detail::find_invalid_utf8("\xF0\x9F\x98\x80 ok"), std::string_view::npos);
}

TEST(NormalizeUtf8, LenientReplaces) {
  // One U+FFFD per maximal subpart.
  EXPECT_EQ(form("a\xE2\x82" "b", NormalForm::nfc), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(form("a\xF0\x80\x80" "b", NormalForm::nfc),
            "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_EQ(form("\xFF", NormalForm::display), "\xEF\xBF\xBD");
  // In a key, a replacement character separates.
  EXPECT_EQ(key("abc\xFF" "def"), "abc def");
  auto r = N().tokens("abc\xFF" "def");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].begin, 4u);
}

// ---- properties over random strings -------------------------------------------
// Random text drawn from ranges that exercise the rules: ASCII, Latin-1 and
// combining marks, Greek, Cyrillic, Arabic and its presentation forms,
// Hebrew, Devanagari, kana, Hangul syllables and jamo, CJK, compatibility
// characters, general punctuation, emoji, and raw ill-formed bytes.
std::string random_text(std::mt19937& rng, std::size_t max_len, bool allow_invalid) {
  static const std::pair<char32_t, char32_t> ranges[] = {
      {0x20, 0x7E},     {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF},
      {0x0590, 0x05FF}, {0x0600, 0x06FF}, {0x0900, 0x097F}, {0x1100, 0x11FF}, {0x1E00, 0x1FFF},
      {0x2000, 0x206F}, {0x2100, 0x218F}, {0x2460, 0x24FF}, {0x3000, 0x30FF}, {0x4E00, 0x4E80},
      {0xAC00, 0xAC40}, {0xFB00, 0xFB4F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0xFF00, 0xFFEF},
      {0x1F300, 0x1F64F}, {0x0E00, 0x0E7F}, {0x1D400, 0x1D7FF}, {0x10000, 0x10FFFF},
  };
  std::uniform_int_distribution<std::size_t> len_d(0, max_len);
  std::uniform_int_distribution<std::size_t> range_d(0, std::size(ranges) - 1);
  std::string out;
  std::size_t len = len_d(rng);
  for (std::size_t i = 0; i < len; ++i) {
    if (allow_invalid && rng() % 23 == 0) {
      out.push_back(static_cast<char>(0x80 + rng() % 0x80));
      continue;
    }
    auto [lo, hi] = ranges[range_d(rng)];
    char32_t c = lo + static_cast<char32_t>(rng() % (hi - lo + 1));
    if (c >= 0xD800 && c <= 0xDFFF) c = 'x';
    digest::detail::append_utf8(out, c);
  }
  return out;
}

TEST(NormalizeProperties, KeyIdempotent) {
  std::mt19937 rng(seed(20261128));
  for (int i = 0; i < 3000; ++i) {
    std::string s = random_text(rng, 40, true);
    std::string k = key(s);
    ASSERT_EQ(digest::detail::find_invalid_utf8(k), std::string_view::npos);
    ASSERT_EQ(key(k), k) << "input bytes: " << ::testing::PrintToString(s);
    ASSERT_TRUE(k.empty() || (k.front() != ' ' && k.back() != ' '));
    ASSERT_EQ(k.find("  "), std::string::npos);
  }
}

TEST(NormalizeProperties, DisplayAndLatinKeyIdempotent) {
  std::mt19937 rng(seed(7));
  for (int i = 0; i < 1000; ++i) {
    std::string s = random_text(rng, 30, true);
    std::string d = form(s, NormalForm::display);
    ASSERT_EQ(form(d, NormalForm::display), d) << ::testing::PrintToString(s);
    if (i % 10 == 0) {
      std::string l = *N().latin_key(s);
      ASSERT_EQ(*N().latin_key(l), l) << ::testing::PrintToString(s);
    }
  }
}

TEST(NormalizeProperties, CanonicalEquivalentsMeet) {
  std::mt19937 rng(seed(99));
  for (int i = 0; i < 2000; ++i) {
    std::string s = random_text(rng, 30, false);
    std::string nfc = form(s, NormalForm::nfc);
    std::string k = key(s);
    ASSERT_EQ(key(nfc), k) << ::testing::PrintToString(s);
    ASSERT_EQ(key(form(s, NormalForm::nfkc)), k) << ::testing::PrintToString(s);
  }
}

// Sequences of code-point boundaries of `s` as the lenient decoder sees them.
std::vector<bool> boundaries(std::string_view s) {
  std::vector<bool> b(s.size() + 1, false);
  std::size_t i = 0;
  b[0] = true;
  while (i < s.size()) {
    auto d = digest::detail::decode_utf8(reinterpret_cast<const unsigned char*>(s.data()) + i,
                                         s.size() - i);
    i += d.len;
    b[i] = true;
  }
  return b;
}

TEST(NormalizeProperties, TokenOffsetsRoundTrip) {
  std::mt19937 rng(seed(4242));
  for (int i = 0; i < 3000; ++i) {
    std::string s = random_text(rng, 40, true);
    auto r = N().tokens(s);
    ASSERT_TRUE(r.ok());
    std::string k = key(s);
    auto b = boundaries(s);
    std::size_t last_begin = 0, key_pos = 0;
    for (const Token& t : *r) {
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, s.size());
      ASSERT_TRUE(b[t.begin] && b[t.end]) << ::testing::PrintToString(s);
      ASSERT_GE(t.begin, last_begin);
      last_begin = t.begin;
      ASSERT_FALSE(t.key.empty());
      // Token keys come from the key, in order.
      std::size_t at = k.find(t.key, key_pos);
      ASSERT_NE(at, std::string::npos) << ::testing::PrintToString(s);
      key_pos = at + t.key.size();
      // The surface of a token keys to something that contains the token.
      std::string surface_key = key(std::string_view(s).substr(t.begin, t.end - t.begin));
      ASSERT_NE(surface_key.find(t.key), std::string::npos)
          << ::testing::PrintToString(s) << " token " << t.key;
    }
  }
}

TEST(NormalizeProperties, WordBreakFastPathMatchesIcu) {
  NormalizerOptions o;
  o.always_icu_word_break = true;
  Normalizer icu(o);
  std::mt19937 rng(seed(5));
  const char* samples[] = {"Hello, World 123abc x9", "سلام دنیا ۱۴۰۰ كتاب‌ها", "Привет мир",
                           "Ελλάδα 2024", "שלום עולם", "mixed سلام hello мир"};
  for (const char* s : samples) {
    auto a = N().tokens(s);
    auto c = icu.tokens(s);
    ASSERT_TRUE(a.ok() && c.ok());
    EXPECT_EQ(*a, *c) << s;
  }
  for (int i = 0; i < 2000; ++i) {
    std::string s = random_text(rng, 40, true);
    auto a = N().tokens(s);
    auto c = icu.tokens(s);
    ASSERT_TRUE(a.ok() && c.ok());
    ASSERT_EQ(*a, *c) << ::testing::PrintToString(s);
  }
}

TEST(NormalizeProperties, AsciiTokenFastPathMatchesGeneralPath) {
  NormalizerOptions o;
  o.always_icu_word_break = true;
  Normalizer icu(o);
  std::mt19937 rng(seed(17));
  const char alphabet[] = "aZ09 '`-.,;:!?\"()[]\t\n_x'y";
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    std::size_t len = rng() % 30;
    for (std::size_t k = 0; k < len; ++k) s.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
    auto a = N().tokens(s);
    auto c = icu.tokens(s);
    ASSERT_TRUE(a.ok() && c.ok());
    ASSERT_EQ(*a, *c) << ::testing::PrintToString(s);
  }
}

// For text in scripts without dictionary word breaks, the tokens joined by
// spaces are the search key: checks the tracked build of the key (tokens)
// against the untracked one (search_key), whose hot loops differ.
TEST(NormalizeProperties, TokensJoinedAreTheKey) {
  std::mt19937 rng(seed(23));
  static const std::pair<char32_t, char32_t> ranges[] = {
      {0x20, 0x7E}, {0x00C0, 0x024F}, {0x0391, 0x03A1}, {0x03A3, 0x03C9}, {0x0410, 0x044F}, {0x0621, 0x064A},
      {0x064B, 0x0655}, {0x06A9, 0x06CC}, {0x06F0, 0x06F9}, {0x2010, 0x2027}, {0x200C, 0x200D}};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    std::size_t len = rng() % 40;
    for (std::size_t k = 0; k < len; ++k) {
      auto [lo, hi] = ranges[rng() % std::size(ranges)];
      digest::detail::append_utf8(s, lo + static_cast<char32_t>(rng() % (hi - lo + 1)));
    }
    auto toks = N().tokens(s);
    ASSERT_TRUE(toks.ok());
    std::string joined;
    for (const Token& t : *toks) joined += (joined.empty() ? "" : " ") + t.key;
    ASSERT_EQ(joined, key(s)) << ::testing::PrintToString(s);
  }
}

// ---- threads -----------------------------------------------------------------
TEST(NormalizeThreads, SharedByManyThreads) {
  const Normalizer& n = N();
  std::vector<std::string> texts;
  std::mt19937 rng(seed(11));
  for (int i = 0; i < 200; ++i) texts.push_back(random_text(rng, 30, true));
  texts.push_back("Москва Ελλάδα تهران");
  // Expected answers, computed on this thread.
  std::vector<std::string> keys, latin;
  std::vector<std::vector<Token>> toks;
  for (auto& t : texts) {
    keys.push_back(*n.search_key(t));
    toks.push_back(*n.tokens(t));
    latin.push_back(*n.transliterate(t));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int th = 0; th < 8; ++th) {
    threads.emplace_back([&, th] {
      for (int round = 0; round < 3; ++round) {
        for (std::size_t i = (th * 7) % texts.size(), k = 0; k < texts.size();
             ++k, i = (i + 1) % texts.size()) {
          if (*n.search_key(texts[i]) != keys[i]) ++failures;
          if (*n.tokens(texts[i]) != toks[i]) ++failures;
          if (k % 8 == 0 && *n.transliterate(texts[i]) != latin[i]) ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(NormalizeThreads, FreshNormalizerPerThread) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int th = 0; th < 4; ++th) {
    threads.emplace_back([&] {
      Normalizer n;
      if (*n.search_key("Crème") != "creme") ++failures;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(NormalizeMisc, MovedNormalizerWorks) {
  Normalizer a;
  Normalizer b(std::move(a));
  EXPECT_EQ(*b.search_key("ABC"), "abc");
  EXPECT_EQ(b.options().utf8, Utf8Mode::lenient);
}

}  // namespace

namespace {

std::string from_code_points(std::initializer_list<char32_t> cps) {
  std::string s;
  for (char32_t c : cps) digest::detail::append_utf8(s, c);
  return s;
}

// display() is idempotent where ZWNJ meets marks: whether a ZWNJ stays is
// decided by the letters around it, not by the nearest mark, which NFC may
// move.
TEST(Display, IdempotentAroundZwnjAndMarks) {
  const Normalizer& n = Normalizer::shared();
  const std::vector<std::string> found = {
      from_code_points({0x0670, 0x0652, 0x200C, 0x064E}),
      from_code_points({0x0308, 0x0655, 0x200C, 0x0652, 0x0655, 0x0301}),
      from_code_points({0x064E, 0x200C, 0x0655, 0x064E, 0x094D}),
      from_code_points({0x06CC, 0x200C, 0x0655, 0x0670, 0x0644, 0x0644}),
      from_code_points({0x0645, 0x06CC, 0x200C, 0x0634, 0x0648, 0x062F}),  // می‌شود keeps it
  };
  for (const std::string& s : found) {
    auto once = n.normalize(s, NormalForm::display);
    ASSERT_TRUE(once.ok());
    EXPECT_EQ(*n.normalize(*once, NormalForm::display), *once);
  }
  EXPECT_NE(n.normalize(found.back(), NormalForm::display)->find("\xE2\x80\x8C"),
            std::string::npos);
  // A seeded sweep over letters, marks, joiners and spaces of several scripts.
  const char32_t pool[] = {U'a', U' ', 0x0301, 0x0327, 0x064B, 0x064E, 0x0651, 0x0652, 0x0654,
                           0x0655, 0x0670, 0x200C, 0x200D, 0x200B, 0x0627, 0x0644, 0x06CC,
                           0x0640, 0x05B0, 0x05D0, 0x093F, 0x0915, 0x094D, 0x00A0, 0x2009,
                           0x0F71, 0x0F72, 0x0E33, 0x2026, U'.', U'-', 0x2011, 0x201C, 0xFE0F};
  std::mt19937 rng(2021);
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < len; ++i) digest::detail::append_utf8(s, pool[rng() % std::size(pool)]);
    auto once = n.normalize(s, NormalForm::display);
    ASSERT_TRUE(once.ok());
    auto twice = n.normalize(*once, NormalForm::display);
    ASSERT_TRUE(twice.ok());
    ASSERT_EQ(*twice, *once) << "iteration " << it;
  }
}

}  // namespace
