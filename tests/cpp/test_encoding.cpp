// Tests of digest/encoding.hpp: charset sniffing, ICU transcoding (whole and
// in 1-byte chunks), Windows-1252 repair of ill-formed UTF-8, and mojibake
// repair, with correct texts in many scripts that must come back untouched.
// Mojibake is made here the way CMSes made it: UTF-8 bytes decoded with a
// legacy charset (ICU's, through decode_to_utf8) and kept as UTF-8.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "digest/encoding.hpp"
#include "text/utf8.hpp"

using digest::CharsetSniff;
using digest::decode_to_utf8;
using digest::repair_invalid_utf8;
using digest::repair_mojibake;
using digest::sniff_charset;
using digest::Transcoder;

namespace {

using namespace std::string_literals;

// `utf8` as it reads after being decoded with `charset` (mojibake).
std::string mis(const std::string& utf8, const char* charset) {
  auto r = decode_to_utf8(utf8, charset);
  EXPECT_TRUE(r.ok()) << charset;
  return r.ok() ? *r : std::string();
}

// The ISO-8859-1 reading (C1 controls for 0x80-0x9F): decode_to_utf8 reads
// "latin1" as windows-1252, as browsers do, so this one is made by hand.
std::string mis_latin1(const std::string& utf8) {
  std::string out;
  for (unsigned char c : utf8) digest::detail::append_utf8(out, c);
  return out;
}

std::string chunked(const std::string& bytes, const char* charset, std::size_t* replaced = nullptr,
                    std::int64_t* first = nullptr) {
  auto t = Transcoder::open(charset);
  EXPECT_TRUE(t.ok());
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    EXPECT_TRUE(t->append(bytes.substr(i, 1), out, false).ok());
  EXPECT_TRUE(t->append({}, out, true).ok());
  if (replaced) *replaced = t->replaced();
  if (first) *first = t->first_replaced_offset();
  return out;
}

std::string utf16le(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += c, out += '\0';
  return out;
}

// Correct texts: none may be taken for mojibake.
const std::vector<std::string> kCorrect = {
    "The council of Brindleford approved a new bus route on Tuesday.",
    "Le conseil de Valbrune a voté mercredi un budget réduit pour l’été.",
    "«\u00A0Déjà vu\u00A0», a dit Élodie Marchand à la réunion ; où aller\u00A0?",
    "Il est allé…» puis il a crié « à\u00A0» et «\u00A0fête\u00A0»",
    "Die Bürgermeisterin von Kleinwassen öffnete die Brücke über die Straße.",
    "„Das ist schön“, sagte Jörg Übelacker. ÄRGER IN GROẞSTADT „NÄ“",
    "El señor Ibáñez explicó por qué terminó tarde. ¿Quién pagará? ¡Nadie!",
    "SÃO PAULO É GRANDE", "A IRMÃ” disse que sim", "«IRMÃ» é o título", "AMANHÃ… talvez",
    "Amanhã a comissão votará a reforma da educação em Ribeirão.",
    "Perché la città è così tranquilla? Perché è lunedì. COSÌ”",
    "Zażółć gęślą jaźń — powiedziała Bożena Wróblewska.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.", "Științele și țările învață împreună.",
    "İstanbul'da yağmur yağdı; öğrenciler şaşırdı.",
    "»PÅ« er et ord; Søren købte æbler i Århus. ÞJÓÐ» og BRAUÐ“ hjá Guðrúnu.",
    "naïve coöperation façade jalapeño CAFÉ” résumé",
    "Мэр города Старолесье открыл новый мост через реку.",
    "«ВСЁ», — сказал он. Её нет. Ещё раз. МЧС» и «РІ»",
    "Мрії дії та її позиції в Україні — «ПРІЗВИЩЕ».",
    "Ђорђе и Љиљана живе у Њујорку. СРЈ”",
    "Η Καλλιόπη Ανδρέου επισκέφθηκε την Αθήνα.",
    "شهردار تهران امروز از یک پل جدید بازدید کرد.",
    "می‌خواهم بروم، ولی نمی‌دانم کجا؟ سگ بزرگ در باغ است.",
    "افتتح رئيس البلدية جسراً جديداً يوم الثلاثاء.",
    "ماذا تستطيع؟ هذا الموقع، جديد. قالَ الرجلُ: «نعم».",
    "ראש העיר פתח גשר חדש ביום שלישי.",
    "Người dân Việt Nam đón Tết với nhiều niềm vui.",
    "市长周二为新桥剪彩。他说：“这是好消息……”",
    "東京で新しい橋が開通しました。「テスト」です。",
    "서울에서 새 다리가 개통되었습니다.", "नगर परिषद ने नई सड़क को मंज़ूरी दी।",
    "สภาเมืองอนุมัติถนนสายใหม่", "Great news 🎉👍 for the team! ❤️",
    "Café Zürich — Москва — سلام — 東京",
    "Price: 5 € · 10 £ · 20 ¥ · 30° · ½ · © 2024 ™ · № 7",
    // Pairs real text makes that read like mojibake in some charset.
    "Ціна «500 ДОЛАРІВ» і «100 МЕТРІВ»", "В\u00A01990 году, В\u00A0«Ромашке»", "ОАО «РЖД»",
    "ÚŠKLEBEK na tváři", "ÄÖÜ» und „MÄ“ sagte JÜRGEN’s Hund", "A IRMÃ’s casa, MAÇÔ",
    "Persian: عکس‌ها را دیدم، موقع‌ها", "فرهنگ، هنر؛ ورزش؟ ع»", "ёлка, Ёж, её, всё",
};

}  // namespace

// ------------------------------------------------------------------ sniffing

TEST(Sniff, Boms) {
  struct Case { std::string head; const char* charset; std::size_t bom; };
  for (const Case& c : {Case{"\xEF\xBB\xBF<rss>", "UTF-8", 3},
                        Case{"\xFF\xFE\0\0<\0\0\0"s, "UTF-32LE", 4},
                        Case{"\0\0\xFE\xFF\0\0\0<"s, "UTF-32BE", 4},
                        Case{"\xFF\xFE<\0"s, "UTF-16LE", 2}, Case{"\xFE\xFF\0<"s, "UTF-16BE", 2}}) {
    CharsetSniff s = sniff_charset(c.head);
    EXPECT_EQ(s.charset, c.charset);
    EXPECT_EQ(s.bom_bytes, c.bom);
    EXPECT_EQ(s.from, CharsetSniff::From::bom);
  }
  // The BOM wins over what follows it.
  EXPECT_EQ(sniff_charset("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"koi8-r\"?>").charset,
            "UTF-8");
}

TEST(Sniff, XmlDeclaration) {
  CharsetSniff s = sniff_charset("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss/>");
  EXPECT_EQ(s.charset, "windows-1251");
  EXPECT_EQ(s.bom_bytes, 0u);
  EXPECT_EQ(s.from, CharsetSniff::From::xml_declaration);
  EXPECT_EQ(sniff_charset("\n  <?xml version='1.0' encoding = 'ISO-8859-6' ?><a/>").charset,
            "ISO-8859-6");
  EXPECT_EQ(sniff_charset("<?xml version=\"1.0\"?><a/>").from, CharsetSniff::From::none);
  // UTF-16 without BOM: the byte order is the answer, whatever the label.
  s = sniff_charset(utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"));
  EXPECT_EQ(s.charset, "UTF-16LE");
  EXPECT_EQ(s.from, CharsetSniff::From::xml_declaration);
  std::string be = "\0"s + utf16le("<?xml version=\"1.0\"?>");
  be.pop_back();
  EXPECT_EQ(sniff_charset(be).charset, "UTF-16BE");
}

TEST(Sniff, HtmlMeta) {
  CharsetSniff s = sniff_charset("<!doctype html><html><head><META Charset=\"koi8-r\"><title>");
  EXPECT_EQ(s.charset, "koi8-r");
  EXPECT_EQ(s.from, CharsetSniff::From::html_meta);
  EXPECT_EQ(sniff_charset("<head><meta http-equiv=\"Content-Type\" "
                          "content=\"text/html; charset=Shift_JIS\"></head>")
                .charset,
            "Shift_JIS");
  EXPECT_EQ(sniff_charset("<!-- <meta charset=\"big5\"> --><meta charset=gb2312>").charset,
            "gb2312");
  EXPECT_EQ(sniff_charset("<meta charset=\"utf-16le\">").charset, "UTF-8");  // as browsers do
  EXPECT_EQ(sniff_charset(std::string(5000, ' ') + "<meta charset=\"koi8-r\">").from,
            CharsetSniff::From::none);
  EXPECT_EQ(sniff_charset("<metadata charset=x>").from, CharsetSniff::From::none);
}

TEST(Sniff, HostileHeads) {
  for (std::string h : {""s, "<"s, "<?xml "s, "<?xml encoding="s, "<?xml encoding=\""s,
                        "<meta"s, "<meta charset"s, "<meta charset="s, "<!--"s, "\xFF"s,
                        "<\0?\0"s, "\0<\0?"s, "<\0\0\0?\0\0\0"s})
    EXPECT_TRUE(sniff_charset(h).charset.empty()) << h;
}

// --------------------------------------------------------------- transcoding

TEST(Transcode, LegacyCharsetsWholeAndInOneBytePieces) {
  struct Case { const char* charset; std::string bytes; std::string utf8; const char* name; };
  const Case cases[] = {
      {"windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0!", "Привет, мир!", "windows-1251"},
      {"cp1256", "\xD3\xE1\xC7\xE3 \xC8\xD1", "سلام بر", "windows-1256"},
      {"latin1", "caf\xE9 \x93" "d\xE9j\xE0\x94", "café “déjà”", "windows-1252"},
      {"ISO-8859-1", "Stra\xDF" "e", "Straße", "windows-1252"},
      {"koi8-r", "\xD0\xD2\xC9\xD7\xC5\xD4", "привет", "KOI8-R"},
      {"utf-16le", "\xFF\xFEh\0i\0\xE9\0=\0\x3D\xD8\x00\xDE"s, "hié=😀", "UTF-16LE"},
      {"Shift_JIS", "\x93\xFA\x96\x7B \x83\x65\x83\x58\x83\x67", "日本 テスト", "Shift_JIS"},
      {"gb2312", "\xD6\xD0\xCE\xC4", "中文", "GB18030"},
      {"UTF-8", "\xEF\xBB\xBF" "caf\xC3\xA9 \xF0\x9F\x98\x80", "café 😀", "UTF-8"},
  };
  for (const Case& c : cases) {
    auto t = Transcoder::open(c.charset);
    ASSERT_TRUE(t.ok()) << c.charset;
    EXPECT_EQ(t->name(), c.name);
    EXPECT_EQ(t->is_utf8(), std::string(c.name) == "UTF-8");
    std::string whole;
    ASSERT_TRUE(t->append(c.bytes, whole, true).ok());
    EXPECT_EQ(whole, c.utf8) << c.charset;
    EXPECT_EQ(t->replaced(), 0u) << c.charset;
    std::size_t replaced = 9;
    EXPECT_EQ(chunked(c.bytes, c.charset, &replaced), c.utf8) << c.charset;
    EXPECT_EQ(replaced, 0u) << c.charset;
  }
}

TEST(Transcode, UnknownLabel) {
  for (std::string label : {"x-nonsense"s, ""s, "utf\0-8"s, std::string(100, 'a')}) {
    auto t = Transcoder::open(label);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, digest::ErrorCode::invalid_argument);
  }
  EXPECT_NE(Transcoder::open("x-nonsense").error().message.find("unknown encoding 'x-nonsense'"),
            std::string::npos);
  EXPECT_FALSE(decode_to_utf8("abc", "no-such-charset").ok());
}

TEST(Transcode, ReplacementsAreCountedWithStreamOffsets) {
  struct Case { const char* cs; std::string in, out; std::size_t n; std::int64_t first; };
  // ISO-8859-6 leaves 0xA1 undefined; 0x81 leads a pair in Shift_JIS, GB18030
  // and EUC-KR; the last two streams end inside a character.
  for (const Case& c : {Case{"ISO-8859-6", "ab\xA1" "c\xA1", "ab\uFFFDc\uFFFD", 2, 2},
                        Case{"UTF-8", "ab\xA1" "c\xA1", "ab\uFFFDc\uFFFD", 2, 2},
                        Case{"Shift_JIS", "ab\x81 cd", "ab\uFFFD cd", 1, 2},
                        Case{"gb18030", "ab\x81 cd", "ab\uFFFD cd", 1, 2},
                        Case{"EUC-KR", "ab\x81 cd", "ab\uFFFD cd", 1, 2},
                        Case{"Shift_JIS", "xyz\x93", "xyz\uFFFD", 1, 3},
                        Case{"UTF-8", "xyz\xE2\x82", "xyz\uFFFD", 1, 3}}) {
    std::size_t n = 0;
    std::int64_t first = 0;
    EXPECT_EQ(chunked(c.in, c.cs, &n, &first), c.out) << c.cs;
    EXPECT_EQ(n, c.n) << c.cs;
    EXPECT_EQ(first, c.first) << c.cs;
    auto t = Transcoder::open(c.cs);
    std::string out;
    ASSERT_TRUE(t->append(c.in, out, true).ok());
    EXPECT_EQ(out, c.out);
    EXPECT_EQ(t->replaced(), c.n);
    EXPECT_EQ(t->first_replaced_offset(), c.first);
  }
}

TEST(Transcode, StreamLifecycle) {
  auto t = Transcoder::open("windows-1251");
  ASSERT_TRUE(t.ok());
  std::string out;
  ASSERT_TRUE(t->append("\xE4\xE0", out, true).ok());
  EXPECT_EQ(out, "да");
  EXPECT_FALSE(t->append("x", out, false).ok());  // after the last chunk
  t->reset();
  out.clear();
  ASSERT_TRUE(t->append("\xED\xE5\xF2", out, true).ok());
  EXPECT_EQ(out, "нет");
  Transcoder moved = std::move(*t);
  EXPECT_EQ(moved.name(), "windows-1251");
  EXPECT_FALSE(t->append("x", out, true).ok());  // NOLINT: moved-from is safe, not useful
  EXPECT_EQ(t->replaced(), 0u);
}

TEST(Transcode, LargeInputMatchesChunks) {
  std::string in;
  for (int i = 0; i < 20000; ++i) in += "\x93\xFA\x96\x7B abc ";
  auto whole = decode_to_utf8(in, "Shift_JIS");
  ASSERT_TRUE(whole.ok());
  auto t = Transcoder::open("Shift_JIS");
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 4097)
    ASSERT_TRUE(t->append(in.substr(i, 4097), out, false).ok());
  ASSERT_TRUE(t->append({}, out, true).ok());
  EXPECT_EQ(out, *whole);
  EXPECT_EQ(t->replaced(), 0u);
}

// ---------------------------------------------------------- invalid UTF-8

TEST(RepairInvalidUtf8, ValidIsCopiedInvalidBytesReadAsWindows1252) {
  std::string out = "old";
  auto r = repair_invalid_utf8("café 😀 ok", out);
  EXPECT_EQ(out, "café 😀 ok");
  EXPECT_EQ(r.bytes_repaired, 0u);
  EXPECT_EQ(r.first_offset, -1);
  r = repair_invalid_utf8("", out);
  EXPECT_EQ(out, "");
  r = repair_invalid_utf8("caf\xE9", out);
  EXPECT_EQ(out, "café");
  EXPECT_EQ(r.bytes_repaired, 1u);
  EXPECT_EQ(r.first_offset, 3);
  r = repair_invalid_utf8("\x93Hi\x94 na\xC3\xAFve \x80 \x81", out);
  EXPECT_EQ(out, "“Hi” naïve € \u0081");
  EXPECT_EQ(r.bytes_repaired, 4u);
  EXPECT_EQ(r.first_offset, 0);
  std::string same = "d\xE9j\xE0 vu \xC3";
  r = repair_invalid_utf8(same, same);  // in place
  EXPECT_EQ(same, "déjà vu Ã");
  EXPECT_EQ(r.bytes_repaired, 3u);
}

// ------------------------------------------------------------------ mojibake

TEST(Mojibake, LiteralForms) {
  struct Case { const char* in; const char* out; const char* charset; };
  for (const Case& c : {Case{"cafÃ©", "café", "windows-1252"},
                        Case{"Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", "windows-1252"},
                        Case{"РїСЂРёРІРµС‚", "привет", "windows-1251"},
                        Case{"Ø³Ù„Ø§Ù…", "سلام", "windows-1252"},
                        Case{"ط³ظ„ط§ظ…", "سلام", "windows-1256"},
                        Case{"Itâ€™s Ã\u00A0 la carte Â»", "It’s à la carte »", "windows-1252"},
                        Case{"ðŸ˜€ fÃªte", "😀 fête", "windows-1252"},
                        Case{"ï»¿Title: cafÃ©", "Title: café", "windows-1252"},  // BOM dropped
                        Case{"VoilÃ  tout, crÃ¨me", "Voilà  tout, crème", "windows-1252"}}) {
    auto fix = repair_mojibake(c.in);
    ASSERT_TRUE(fix.has_value()) << c.in;
    EXPECT_EQ(fix->text, c.out);
    EXPECT_EQ(fix->charset, c.charset) << c.in;
    EXPECT_EQ(fix->passes, 1u);
  }
  EXPECT_EQ(mis("سلام", "windows-1252"), "Ø³Ù„Ø§Ù…");  // the literals are what ICU makes
  EXPECT_EQ(mis("سلام", "windows-1256"), "ط³ظ„ط§ظ…");
  EXPECT_EQ(mis("привет", "windows-1251"), "РїСЂРёРІРµС‚");
}

TEST(Mojibake, GeneratedFrenchGermanRussianPersianArabic) {
  struct Case { const char* text; const char* charset; };
  for (const Case& c : {Case{"Le café est déjà prêt à être servi, dit Noël.", "windows-1252"},
                        Case{"Über die Straße nach Köln fährt ein Bus.", "windows-1252"},
                        Case{"Il a dit “bonjour” — puis il est parti…", "windows-1252"},
                        Case{"Привет, как дела? «Всё хорошо»", "windows-1252"},
                        Case{"Привет, как дела? «Всё хорошо» — № 5", "windows-1251"},
                        Case{"سلام دنیا، این یک آزمایش است.", "windows-1252"},
                        Case{"می‌خواهم بروم؛ «کتاب» کجاست؟", "windows-1256"},
                        Case{"مرحبا بالعالم، كيف حالك؟", "windows-1252"},
                        Case{"مرحبا بالعالم، كيف حالك؟", "windows-1256"}}) {
    const std::string bad = mis(c.text, c.charset);
    auto fix = repair_mojibake(bad);
    ASSERT_TRUE(fix.has_value()) << bad;
    EXPECT_EQ(fix->text, c.text) << bad;
    EXPECT_EQ(fix->charset, c.charset);
    EXPECT_GE(fix->runs, 1u);
  }
  auto fix = repair_mojibake(mis_latin1("l’été à Zürich"));
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->text, "l’été à Zürich");
  EXPECT_EQ(fix->charset, "iso-8859-1");
}

TEST(Mojibake, MixedRunsKeepTheRest) {
  auto fix = repair_mojibake("Déjà vu: cafÃ© crÃ¨me, «\u00A0bien\u00A0»");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->text, "Déjà vu: café crème, «\u00A0bien\u00A0»");
  EXPECT_EQ(fix->runs, 2u);
  fix = repair_mojibake("Москва: " + mis("привет из Москвы", "windows-1252") + " 😀");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->text, "Москва: привет из Москвы 😀");
  fix = repair_mojibake("سلام " + mis("دنیا", "windows-1256") + " ok");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->text, "سلام دنیا ok");
  // A weak pair ("Ã”") is repaired when an unambiguous run vouches for the text.
  EXPECT_EQ(repair_mojibake("Ã‰TÃ‰ and SÃ”")->text, "ÉTÉ and SÔ");
}

TEST(Mojibake, DoubleEncoding) {
  for (const char* text : {"café déjà", "привет мир", "سلام دنیا", "“quoted” – ok"}) {
    auto fix = repair_mojibake(mis(mis(text, "windows-1252"), "windows-1252"));
    ASSERT_TRUE(fix.has_value()) << text;
    EXPECT_EQ(fix->text, text);
    EXPECT_EQ(fix->passes, 2u);
  }
  EXPECT_EQ(repair_mojibake("cafÃƒÂ©")->text, "café");
}

TEST(Mojibake, CorrectTextIsUntouched) {
  for (const std::string& t : kCorrect) {
    auto fix = repair_mojibake(t);
    EXPECT_FALSE(fix.has_value()) << t << " -> " << (fix ? fix->text : "");
  }
  EXPECT_FALSE(repair_mojibake("").has_value());
  EXPECT_FALSE(repair_mojibake("plain ASCII, nothing to see").has_value());
}

TEST(Mojibake, EveryCorrectTextSurvivesARoundTrip) {
  for (const std::string& t : kCorrect) {
    if (digest::detail::is_ascii(t)) continue;
    std::vector<const char*> charsets = {"windows-1252"};
    bool cyrillic = false, arabic = false, other = false;  // which charsets can carry `t`
    for (char32_t c : digest::detail::code_points(t)) {
      const bool cy = c >= 0x400 && c < 0x460, ar = c >= 0x600 && c < 0x700;
      cyrillic |= cy;
      arabic |= ar;
      other |= c >= 0x80 && !cy && !ar && !(c >= 0x2000 && c < 0x2070) && c != 0xAB &&
               c != 0xBB && c != 0xA0;
    }
    if (cyrillic && !arabic && !other) charsets.push_back("windows-1251");
    if (arabic && !cyrillic && !other) charsets.push_back("windows-1256");
    for (const char* cs : charsets) {
      auto fix = repair_mojibake(mis(t, cs));
      ASSERT_TRUE(fix.has_value()) << cs << ": " << t;
      EXPECT_EQ(fix->text, t) << cs;
      EXPECT_FALSE(repair_mojibake(fix->text).has_value()) << t;  // idempotent
    }
  }
}

TEST(Mojibake, AmbiguousPairsNeedCompany) {
  // Alone, "Ã" then a space or "Ã”" after an upper-case word may be real.
  EXPECT_FALSE(repair_mojibake("VoilÃ  tout").has_value());
  EXPECT_FALSE(repair_mojibake("IRMÃ”").has_value());
  EXPECT_EQ(repair_mojibake("IRMÃ” cafÃ©")->text, "IRMÔ café");
  EXPECT_EQ(repair_mojibake("Il a dÃ» partir")->text, "Il a dû partir");  // lower-case before
  // A lone Cyrillic letter from an ambiguous pair needs a Cyrillic run.
  EXPECT_FALSE(repair_mojibake("Рё").has_value());
  EXPECT_EQ(repair_mojibake("Рё РїСЂРёРІРµС‚")->text, "и привет");
}

TEST(Mojibake, ConcurrentFirstUse) {  // the first call builds the tables
  std::vector<std::thread> threads;
  std::vector<std::string> out(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&out, i] { out[i] = repair_mojibake("Ð¿Ñ€Ð¸Ð²ÐµÑ‚")->text; });
  for (auto& t : threads) t.join();
  for (const auto& o : out) EXPECT_EQ(o, "привет");
}

TEST(Mojibake, HostileInput) {
  for (std::string s : {"\xC3"s, "Ã"s, "Ã\xFF©"s, "caf\xC3\xA9\xFF Ã©"s, "\xFF\xFE\xFD"s,
                        "Ã©\xF0\x9F"s, "\0Ã©\0"s, "Ð"s, "Ø³"s}) {
    auto fix = repair_mojibake(s);  // must not crash; ill-formed bytes stay
    if (fix && s.find('\xFF') != std::string::npos) {
      EXPECT_NE(fix->text.find('\xFF'), std::string::npos);
    }
  }
  EXPECT_EQ(repair_mojibake("caf\xC3\xA9\xFF Ã©"s)->text, "caf\xC3\xA9\xFF é"s);
  // Random text over an alphabet rich in mojibake characters: well-formed in,
  // well-formed and shorter out.
  const std::vector<std::string> alphabet = {"a", " ", "Ã", "©", "Ð", "¿", "Ñ", "€", "Â", "»",
                                             "Ø", "³", "Ù", "„", "ط", "ظ", "Р", "С", "ї", "\x81",
                                             "”", "é", "\xC2\x81", "â", "™", "ð", "Ÿ", "˜"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    auto fix = repair_mojibake(s);
    if (!fix) continue;
    bool valid_in = !digest::detail::first_invalid_utf8(s).has_value();
    if (valid_in) {
      EXPECT_FALSE(digest::detail::first_invalid_utf8(fix->text).has_value()) << s;
    }
    EXPECT_LT(fix->text.size(), s.size()) << s;
  }
  std::string huge;
  for (int i = 0; i < 100000; ++i) huge += "Le cafÃ© et la crÃ¨me. ";
  auto fix = repair_mojibake(huge);
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->runs, 200000u);
  EXPECT_FALSE(repair_mojibake(std::string(1 << 22, 'x')).has_value());
}
