// The text floor: one UTF-8 decoder, trimming, the ISO 8601 reader, files
// (bounded reads, atomic writes) and the safe-output rules.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "digest/digest.hpp"
#include "digest/io.hpp"
#include "digest/model.hpp"
#include "digest/render.hpp"
#include "text/iso8601.hpp"
#include "text/safe.hpp"
#include "text/trim.hpp"
#include "text/utf8.hpp"

namespace {

using namespace digest;
namespace fs = std::filesystem;

TEST(Utf8, PrefixCutsOnCharacterBoundary) {
  const std::string s = "ab\xD8\xB3\xD9\x84\xE2\x80\xA6";  // ab, two Arabic letters, …
  EXPECT_EQ(detail::utf8_prefix(s, 3), "ab");
  EXPECT_EQ(detail::utf8_prefix(s, 4), "ab\xD8\xB3");
  EXPECT_EQ(detail::utf8_prefix(s, 8), "ab\xD8\xB3\xD9\x84");
  EXPECT_EQ(detail::utf8_prefix(s, 100), s);
  EXPECT_EQ(detail::first_invalid_utf8("ok\xED\xA0\x80"), std::optional<std::size_t>(2));
  EXPECT_EQ(detail::first_invalid_utf8("ok"), std::nullopt);
  EXPECT_EQ(detail::code_points("a\xFF" "b"), (std::u32string{U'a', 0xFFFD, U'b'}));
}

TEST(Trim, AsciiWhitespaceOnly) {
  EXPECT_EQ(detail::trim(" \t\r\n x y \f\v"), "x y");
  EXPECT_EQ(detail::trim("\xC2\xA0x"), "\xC2\xA0x");  // NBSP is the normaliser's
  EXPECT_EQ(detail::trim("   "), "");
}

TEST(Iso8601, OneReaderForEveryCaller) {
  auto ok = [](std::string_view s) { return detail::read_iso8601(s).value.has_value(); };
  EXPECT_TRUE(ok("2021-08-23"));
  EXPECT_TRUE(ok("2021-08-23T10:05"));
  EXPECT_TRUE(ok("2021-08-23t10:05:07.123z"));
  EXPECT_TRUE(ok("2021-08-23 10:05:07+04:30"));
  EXPECT_TRUE(ok("2021-08-23T10:05:07-0330"));
  EXPECT_TRUE(ok("2020-02-29"));
  EXPECT_FALSE(ok("2021-02-29"));
  EXPECT_FALSE(ok("1900-02-29"));
  EXPECT_FALSE(ok("2021-13-01"));
  EXPECT_FALSE(ok("2021-08-23T24:00"));
  EXPECT_FALSE(ok("2021-08-23T10:05+19:00"));
  EXPECT_FALSE(ok("2021-08-23T10:05:07.Z"));
  EXPECT_FALSE(ok("2021-08-23x"));
  EXPECT_FALSE(ok(" 2021-08-23"));
  auto r = detail::read_iso8601("2021-08-23T10:05:60-03:30");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(*r.value->seconds, 10 * 3600 + 5 * 60 + 59);
  EXPECT_EQ(*r.value->utc_offset_minutes, -210);
  auto bad = detail::read_iso8601("2021-08-23T10:05:07+0");
  EXPECT_FALSE(bad.value);
  EXPECT_EQ(bad.error_offset, 19u);
  // The model reads through it, and states its own year range.
  EXPECT_TRUE(DateTime::from_iso("2021-08-23T10:05:07z").ok());
  auto old = DateTime::from_iso("1399-12-31");
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.error().message.find("1400"), std::string::npos);
}

TEST(SafeText, DropsControlsAndBidiOverridesKeepsMarks) {
  EXPECT_EQ(detail::safe_display_text(std::string("a\x1b[31mb\x07" "c\x00" "d", 11)), "a[31mbcd");
  EXPECT_EQ(detail::safe_display_text("x\xE2\x80\xAEgpj.exe"), "xgpj.exe");  // U+202E
  EXPECT_EQ(detail::safe_display_text("x\xE2\x81\xA6y\xE2\x81\xA9"), "xy");   // LRI..PDI
  EXPECT_EQ(detail::safe_display_text("\xE2\x80\x8F" "rlm"), "\xE2\x80\x8F" "rlm");
  EXPECT_EQ(detail::safe_display_text("c1\xC2\x85" "x"), "c1x");
  EXPECT_EQ(detail::safe_display_text("bad\xFF"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(detail::safe_display_text("line\nbreak\ttab"), "line\nbreak\ttab");
}

TEST(SafeText, MessagesAreOneBoundedEscapedLine) {
  std::string m;
  detail::append_for_message(m, "id\nFAKE: line\x1b[2J\xE2\x80\xAE\xFF", 200);
  EXPECT_EQ(m, "id\\nFAKE: line\\x1b[2J\\u202e\\xff");
  const std::string huge(10 << 20, 'x');
  std::string q = detail::quote_for_message(huge, 80);
  EXPECT_LT(q.size(), 100u);
  // Cut on a character boundary, never inside a sequence.
  std::string farsi;
  for (int i = 0; i < 100; ++i) farsi += "\xD8\xB3";
  std::string cut = detail::quote_for_message(farsi, 81);
  EXPECT_FALSE(detail::first_invalid_utf8(cut).has_value());
  EXPECT_NE(cut.find("\xE2\x80\xA6"), std::string::npos);

  Error e(ErrorCode::duplicate_id, "duplicate post id 'x\ny'");
  e.file = "in\x1b.json";
  e.field = "posts[0]\n.id";
  const std::string line = e.to_string();
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find('\x1b'), std::string::npos);
  Collection c;
  Post p;
  p.id = huge;
  ASSERT_TRUE(c.add_post(p).ok());
  auto dup = c.add_post(p);
  ASSERT_FALSE(dup.ok());
  EXPECT_LT(dup.error().to_string().size(), 300u);
}

TEST(SafeText, OnlyWebLinks) {
  using detail::LinkKind;
  EXPECT_EQ(detail::classify_link("https://example.org/a"), LinkKind::web);
  EXPECT_EQ(detail::classify_link("HTTP://example.org"), LinkKind::web);
  EXPECT_EQ(detail::classify_link("javascript:alert(1)"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("JaVaScRiPt:alert(1)"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("data:text/html;base64,xx"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("java\tscript:x"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("vbscript:x"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("file:///etc/passwd"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("//evil.example/x"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("http:evil"), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link(""), LinkKind::unsafe);
  EXPECT_EQ(detail::classify_link("2021/08/post.html"), LinkKind::relative);
  EXPECT_EQ(detail::classify_link("/a?b=c:d"), LinkKind::relative);
  EXPECT_EQ(detail::classify_link("#top"), LinkKind::relative);
}

TEST(SafeText, MarkdownCarriesNoScriptLinksOrControls) {
  Collection c;
  Post p;
  p.id = "p1";
  p.title = "Click\x1b]8;;evil\x07 me\xE2\x80\xAE";
  p.url = "javascript:alert(document.cookie)";
  p.excerpt = std::string("text\x00with\x1b[2Jcontrols", 21);
  p.posted_on = DateTime(Date(2021, 8, 17));
  ASSERT_TRUE(c.add_post(p).ok());
  p.id = "p2";
  p.url = "data:text/html,<script>x</script>";
  ASSERT_TRUE(c.add_post(p).ok());
  p.id = "p3";
  p.url = "https://ok.example/a b";
  ASSERT_TRUE(c.add_post(p).ok());
  p.id = "p4";
  p.url = "https://x.example/a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xAE" "d";  // NEL, LS, RLO
  ASSERT_TRUE(c.add_post(p).ok());
  const std::string md = render_markdown(build_digest(c, *parse_iso_week("2021-W33")));
  EXPECT_NE(md.find("](https://x.example/a%C2%85b%E2%80%A8c%E2%80%AEd)"), std::string::npos) << md;
  EXPECT_EQ(md.find("javascript"), std::string::npos) << md;
  EXPECT_EQ(md.find("data:"), std::string::npos) << md;
  EXPECT_NE(md.find("](https://ok.example/a%20b)"), std::string::npos) << md;
  for (char ch : md) {
    unsigned char u = static_cast<unsigned char>(ch);
    EXPECT_TRUE(u >= 0x20 || u == '\n') << int(u);
  }
  EXPECT_EQ(md.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_EQ(md.find("\xC2\x85"), std::string::npos);
}

TEST(IsoWeek, EdgesAreErrorsNotCrashes) {
  for (const char* w : {"1400-W01", "1400-W52", "0000-W01", "9999-W01", "2021-W00", "2021-W54",
                        "2020-W53x"}) {
    auto r = parse_iso_week(w);
    EXPECT_FALSE(r.ok()) << w;
    if (!r.ok()) EXPECT_EQ(r.error().code, ErrorCode::parse_error) << w;
  }
  EXPECT_TRUE(parse_iso_week("1401-W01").ok());
  EXPECT_TRUE(parse_iso_week("2020-W53").ok());
  EXPECT_FALSE(parse_iso_week("2021-W53").ok());
}

class Files : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("digest_text_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Files, ReadRefusesOverLimitBeforeReading) {
  const fs::path p = dir_ / "big.txt";
  { std::ofstream(p) << std::string(1000, 'x'); }
  auto r = read_file(p.string(), 999);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(r.error().file, p.string());
  EXPECT_EQ(read_file(p.string(), 1000)->size(), 1000u);
  // A device with no end is cut at the limit too.
  auto z = read_file("/dev/zero", 1 << 20);
  ASSERT_FALSE(z.ok());
  EXPECT_EQ(z.error().code, ErrorCode::limit_exceeded);
  auto missing = read_file((dir_ / "none").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("No such file"), std::string::npos);
  auto folder = read_file(dir_.string());
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().code, ErrorCode::io_error);
}

TEST_F(Files, AtomicWriteReplacesWholeAndKeepsMode) {
  const fs::path p = dir_ / "out.json";
  ASSERT_TRUE(write_file_atomic(p.string(), "first").ok());
  ::chmod(p.c_str(), 0640);
  ASSERT_TRUE(write_file_atomic(p.string(), "second, longer").ok());
  EXPECT_EQ(*read_file(p.string()), "second, longer");
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  // No temporaries left beside it.
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir_)) ++n, (void)e;
  EXPECT_EQ(n, 1u);
}

TEST_F(Files, AtomicWriteFailureSaysWhyAndLeavesTargetAlone) {
  const fs::path p = dir_ / "keep.json";
  ASSERT_TRUE(write_file_atomic(p.string(), "precious").ok());
  auto missing = write_file_atomic((dir_ / "no" / "x.json").string(), "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::file_not_found);
  EXPECT_NE(missing.error().message.find("No such file"), std::string::npos);
  if (::geteuid() != 0) {  // root writes anywhere
    ::chmod(dir_.c_str(), 0555);
    auto ro = write_file_atomic(p.string(), "lost?");
    ::chmod(dir_.c_str(), 0755);
    ASSERT_FALSE(ro.ok());
    EXPECT_NE(ro.error().message.find("Permission denied"), std::string::npos);
  }
  // Writing over a folder fails at the rename and removes the temporary.
  fs::create_directories(dir_ / "sub");
  auto over = write_file_atomic((dir_ / "sub").string(), "x");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(*read_file(p.string()), "precious");
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir_)) ++n, (void)e;
  EXPECT_EQ(n, 2u);  // keep.json and sub/
}

}  // namespace
