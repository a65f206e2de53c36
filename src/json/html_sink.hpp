// The text end of HTML to text, shared by the gumbo walk (html.cpp) and the
// fast path (html_fast.cpp): both feed one TextSink, so white space and
// breaks come out the same whichever path read the markup. Not installed.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace digest::json_detail {

inline bool html_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Accumulates text, emitting a pending space or line breaks only before the
// next visible character, so leading and trailing breaks never appear.
class TextSink {
 public:
  explicit TextSink(std::string& out) : out_(out) {}

  void block(int breaks) { breaks_ = std::max(breaks_, breaks); }
  void line_break() { breaks_ = std::min(breaks_ + 1, 2); }
  void space() { space_ = true; }

  void text(std::string_view t, bool preformatted) {
    std::size_t i = 0, n = t.size();
    while (i < n) {
      if (preformatted) {
        std::size_t j = t.find('\n', i);
        if (j == std::string_view::npos) j = n;
        if (j > i) {
          flush();
          out_.append(t.data() + i, j - i);
        }
        if (j < n) line_break();
        i = j + 1;
        continue;
      }
      if (html_space(t[i])) {
        space_ = true;
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && !html_space(t[j])) ++j;
      flush();
      out_.append(t.data() + i, j - i);
      i = j;
    }
  }

 private:
  void flush() {
    if (out_.empty()) {
      breaks_ = 0;
      space_ = false;
      return;
    }
    if (breaks_ > 0) {
      // White space before a break goes (preformatted text may have left
      // some); breaks already written count towards the ones asked for, so
      // there are never more than two in a row and none at the start.
      while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
      int have = 0;
      for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n'; ++it) ++have;
      if (!out_.empty() && have < breaks_)
        out_.append(static_cast<std::size_t>(breaks_ - have), '\n');
    } else if (space_) {
      out_ += ' ';
    }
    breaks_ = 0;
    space_ = false;
  }

  std::string& out_;
  int breaks_ = 0;
  bool space_ = false;
};

}  // namespace digest::json_detail
