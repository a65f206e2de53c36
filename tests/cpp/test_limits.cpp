// Hostile input stays bounded: memory measured in a child process (its peak
// resident set, from wait4), never by timing.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "digest/json.hpp"
#include "json/json_internal.hpp"

namespace {

using namespace digest;

// Runs `work` in a child; returns its peak RSS in KiB, or -1 when the child
// failed (non-zero exit or a signal).
long child_peak_kib(const std::function<bool()>& work) {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(work() ? 0 : 1);
  int status = 0;
  struct rusage ru {};
  if (::wait4(pid, &status, 0, &ru) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return ru.ru_maxrss;
}

// Formatting elements opened inside a paragraph stay on the parser's list of
// active formatting elements when the next <p> closes that paragraph, and
// are re-opened for the text of every paragraph after it.
std::string formatting_bomb(int formatting, int paragraphs) {
  std::string html = "<p>";
  for (int i = 0; i < formatting; ++i) html += "<b id=" + std::to_string(i) + ">";
  for (int i = 0; i < paragraphs; ++i) html += "<p>x";
  return html;
}

TEST(HtmlLimits, UnclosedFormattingElementsStayLinear) {
  const std::string html = formatting_bomb(1000, 8000);
  ASSERT_LT(html.size(), 50000u);
  long baseline = child_peak_kib([] { return true; });
  long peak = child_peak_kib([&] {
    std::string out, err;
    if (!json_detail::html_to_text(html, out, err)) return false;
    // The text is all there: one "x" per paragraph.
    std::size_t xs = 0;
    for (char c : out) xs += c == 'x';
    return xs == 8000;
  });
  ASSERT_GT(peak, 0) << "the conversion failed or lost text";
  EXPECT_LT(peak - baseline, 50 * 1024) << "KiB used for 45 KB of HTML";
}

TEST(HtmlLimits, FormattingDroppedOnlyWhenItWouldExplode) {
  std::string out, err;
  // Ordinary markup keeps its words and spacing exactly.
  ASSERT_TRUE(json_detail::html_to_text("<p>A <b>bold</b> <a href='x>y'>link</a>.</p><p>Two</p>",
                                        out, err));
  EXPECT_EQ(out, "A bold link.\n\nTwo");
  // The same words through the stripping path.
  std::string bomb = formatting_bomb(400, 400) + "<p>A <b title='a>b'>bold</b> word";
  ASSERT_TRUE(json_detail::html_to_text(bomb, out, err));
  EXPECT_NE(out.find("A bold word"), std::string::npos) << out;
  EXPECT_EQ(out.find("b'>"), std::string::npos) << out;
}

TEST(HtmlLimits, WordPressImportOfTheBombIsBounded) {
  std::string doc = R"([{"id": 7, "date": "2021-08-17T10:00:00", "link": "https://x.example/7",
    "title": {"rendered": "T"}, "content": {"rendered": ")" +
                    formatting_bomb(1000, 8000) + R"("}}])";
  long baseline = child_peak_kib([] { return true; });
  long peak = child_peak_kib([&] {
    Collection c;
    return import_json(c, doc).ok() && c.size() == 1;
  });
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak - baseline, 50 * 1024);
}

}  // namespace
