// The fast path of html_to_text: the HTML most feeds carry (paragraphs,
// links, emphasis, lists, headings, images, embeds, common entities) read in
// one pass, tracking the tree the HTML5 parser would build on a small stack
// of open elements. Anything outside that subset, and any markup whose tree
// HTML5 would rearrange (misnesting, unclosed formatting, stray end tags),
// returns false and gumbo reads it, so the text never depends on which path
// ran. tests/cpp/test_html_fast.cpp and fuzz_html compare the two paths.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "json/html_sink.hpp"
#include "json/json_internal.hpp"
#include "text/utf8.hpp"

namespace digest::json_detail {

namespace {

// How html.cpp's walk treats an element (its kind_of).
enum class Kind : std::uint8_t { inline_, drop, line, paragraph, br };

// What gumbo 0.10's "in body" rules do with it.
enum : std::uint16_t {
  kVoid = 1,        // no end tag, never on the stack
  kClosesP = 2,     // a start tag closes an open <p>; its end tag pops implied elements
  kSpecial = 4,     // gumbo's "special" category (stops the <li>/<dd> search)
  kFormatting = 8,  // on the list of active formatting elements
  kHeading = 16, kListItem = 32 /* li */, kDefItem = 64 /* dd, dt */,
  kRaw = 128,       // iframe, script, style: raw text up to their end tag
  kImplied = 256,   // p, li, dd, dt: popped by "generate implied end tags"
  kLiSkip = 512,    // address, div, p: special, yet the <li>/<dd> search passes them
};

struct Tag { std::string_view name; Kind kind; std::uint16_t flags; };

// The whitelist, most frequent first; kinds as html.cpp's kind_of gives
// them. Left out on purpose: the rest of what html.cpp treats specially
// (pre, textarea, table parts, noscript, template, object, svg, math,
// select), forms, ruby, nobr, dir, image, main (not "special" in gumbo 0.10,
// unlike the spec) and tags gumbo does not know (their end tags match any
// unknown element).
constexpr Kind kIn = Kind::inline_, kLine = Kind::line, kPara = Kind::paragraph;
constexpr std::uint16_t kBlock = kClosesP | kSpecial, kFmt = kFormatting;
constexpr Tag kTags[] = {
    {"p", kPara, kBlock | kImplied | kLiSkip},  // first: kP
    {"a", kIn, kFmt}, {"br", Kind::br, kVoid | kSpecial}, {"b", kIn, kFmt}, {"i", kIn, kFmt},
    {"em", kIn, kFmt}, {"strong", kIn, kFmt}, {"span", kIn, 0}, {"img", kIn, kVoid | kSpecial},
    {"li", kLine, kBlock | kListItem | kImplied}, {"ul", kPara, kBlock}, {"ol", kPara, kBlock},
    {"div", kLine, kBlock | kLiSkip}, {"h1", kPara, kBlock | kHeading},
    {"h2", kPara, kBlock | kHeading}, {"h3", kPara, kBlock | kHeading},
    {"h4", kPara, kBlock | kHeading}, {"h5", kPara, kBlock | kHeading},
    {"h6", kPara, kBlock | kHeading}, {"blockquote", kPara, kBlock}, {"figure", kPara, kBlock},
    {"figcaption", kLine, kBlock}, {"iframe", Kind::drop, kRaw | kSpecial},
    {"script", Kind::drop, kRaw | kSpecial}, {"style", Kind::drop, kRaw | kSpecial},
    {"hr", kPara, kBlock | kVoid}, {"u", kIn, kFmt}, {"s", kIn, kFmt}, {"small", kIn, kFmt},
    {"big", kIn, kFmt}, {"code", kIn, kFmt}, {"font", kIn, kFmt}, {"tt", kIn, kFmt},
    {"strike", kIn, kFmt}, {"sub", kIn, 0}, {"sup", kIn, 0}, {"abbr", kIn, 0},
    {"acronym", kIn, 0}, {"cite", kIn, 0}, {"q", kIn, 0}, {"mark", kIn, 0}, {"time", kIn, 0},
    {"data", kIn, 0}, {"del", kIn, 0}, {"ins", kIn, 0}, {"kbd", kIn, 0}, {"var", kIn, 0},
    {"dfn", kIn, 0}, {"samp", kIn, 0}, {"bdi", kIn, 0}, {"bdo", kIn, 0},
    {"wbr", kIn, kVoid | kSpecial}, {"source", kIn, kVoid}, {"track", kIn, kVoid},
    {"video", Kind::drop, 0}, {"audio", Kind::drop, 0}, {"canvas", Kind::drop, 0},
    {"embed", Kind::drop, kVoid | kSpecial}, {"dl", kPara, kBlock},
    {"dt", kLine, kBlock | kDefItem | kImplied}, {"dd", kLine, kBlock | kDefItem | kImplied},
    {"section", kPara, kBlock}, {"article", kPara, kBlock}, {"header", kPara, kBlock},
    {"footer", kPara, kBlock}, {"aside", kPara, kBlock}, {"nav", kPara, kBlock},
    {"address", kPara, kBlock | kLiSkip}, {"details", kPara, kBlock},
    {"summary", kLine, kBlock}, {"hgroup", kPara, kBlock}, {"menu", kPara, kBlock},
    {"center", kLine, kBlock},
};

// Named references accepted, each only with its semicolon (without one, or
// any other name, gumbo decides).
struct Named { std::string_view name; char32_t cp; };
constexpr Named kNamed[] = {
    {"amp", 0x26}, {"nbsp", 0xA0}, {"quot", 0x22}, {"lt", 0x3C}, {"gt", 0x3E}, {"apos", 0x27},
    {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"sbquo", 0x201A},
    {"bdquo", 0x201E}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"laquo", 0xAB},
    {"raquo", 0xBB}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"bull", 0x2022}, {"middot", 0xB7},
    {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0}, {"euro", 0x20AC},
    {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2}, {"sect", 0xA7}, {"para", 0xB6}, {"times", 0xD7},
    {"divide", 0xF7}, {"plusmn", 0xB1}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"shy", 0xAD}, {"zwj", 0x200D}, {"zwnj", 0x200C}, {"lrm", 0x200E}, {"rlm", 0x200F},
    {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"dagger", 0x2020}, {"prime", 0x2032},
    {"iexcl", 0xA1}, {"iquest", 0xBF}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA},
    {"euml", 0xEB}, {"aacute", 0xE1}, {"agrave", 0xE0}, {"acirc", 0xE2}, {"auml", 0xE4},
    {"atilde", 0xE3}, {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"iacute", 0xED},
    {"igrave", 0xEC}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"ntilde", 0xF1}, {"oacute", 0xF3},
    {"ograve", 0xF2}, {"ocirc", 0xF4}, {"ouml", 0xF6}, {"otilde", 0xF5}, {"oslash", 0xF8},
    {"uacute", 0xFA}, {"ugrave", 0xF9}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD},
    {"yuml", 0xFF}, {"szlig", 0xDF}, {"Eacute", 0xC9}, {"Egrave", 0xC8}, {"Aacute", 0xC1},
    {"Agrave", 0xC0}, {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"Ccedil", 0xC7},
    {"Ntilde", 0xD1}, {"Oslash", 0xD8}, {"Aring", 0xC5}, {"larr", 0x2190}, {"rarr", 0x2192},
};

// HTML5's numeric reference remap of 0x80-0x9F (Windows-1252; five stay).
constexpr char16_t kC1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

const Tag& kP = kTags[0];

bool alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alnum(char c) noexcept { return alpha(c) || (c >= '0' && c <= '9'); }
int digit(char c, bool hex) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  c = char(c | 0x20);
  return hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}
bool attr_name_char(char c) noexcept {
  return alnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
}

const Tag* find_tag(std::string_view name) {
  char lower[12];
  if (name.size() > sizeof lower) return nullptr;
  for (std::size_t i = 0; i < name.size(); ++i)
    lower[i] = (name[i] >= 'A' && name[i] <= 'Z') ? char(name[i] + 32) : name[i];
  const std::string_view key(lower, name.size());
  for (const Tag& t : kTags)
    if (t.name == key) return &t;
  return nullptr;
}

// Bytes gumbo passes through unchanged: well-formed UTF-8 without NUL, the
// controls other than HTML white space, and the code points its decoder
// replaces (C1 controls, noncharacters).
bool plain_bytes(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0, n = s.size(), len; i < n; i += len) {
    const unsigned b = p[i];
    len = 1;
    if (b < 0x80) {
      if ((b < 0x20 && !html_space(char(b))) || b == 0x7F) return false;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(p + i, n - i);
    if (!d.valid || d.cp <= 0x9F || (d.cp >= 0xFDD0 && d.cp <= 0xFDEF) ||
        (d.cp & 0xFFFE) == 0xFFFE)
      return false;
    len = d.len;
  }
  return true;
}

class Converter {
 public:
  Converter(std::string_view html, std::string& out) : s_(html), sink_(out) {}

  bool run() {
    for (std::size_t i = 0, j = 0, n = s_.size(); i < n; i = j) {
      while (j < n && s_[j] != '<' && s_[j] != '&') ++j;
      if (j > i) text(s_.substr(i, j - i));
      if (j < n && !(s_[j] == '&' ? reference(j) : markup(j))) return false;
    }
    return true;
  }

 private:
  // The stack never gets near kMaxHtmlNesting: html.cpp's nesting estimate
  // then stays below its limit for every fragment accepted here.
  static constexpr int kMaxDepth = 128;

  void text(std::string_view t) { if (dropped_ == 0) sink_.text(t, false); }

  void code_point(char32_t c) {
    char_.clear();
    detail::append_utf8(char_, c);
    text(char_);
  }

  // A character reference at s_[i] == '&', decoded as HTML5 does in text.
  bool reference(std::size_t& i) {
    const std::size_t n = s_.size();
    std::size_t k = i + 1;
    if (k == n || html_space(s_[k]) || s_[k] == '<' || s_[k] == '&')  // not a reference
      return text("&"), i = k, true;
    if (s_[k] == '#') {
      const bool hex = ++k < n && (s_[k] == 'x' || s_[k] == 'X');
      if (hex) ++k;
      const std::size_t digits = k;
      char32_t v = 0;
      for (int d; k < n && (d = digit(s_[k], hex)) >= 0; ++k)  // capped as html.cpp does
        v = std::min<char32_t>(v * (hex ? 16 : 10) + char32_t(d), 0x110000);
      if (k == digits) return false;
      if (k < n && s_[k] == ';') ++k;
      if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) v = 0xFFFD;
      else if (v >= 0x80 && v <= 0x9F) v = kC1[v - 0x80];
      return code_point(v), i = k, true;
    }
    while (k < n && alnum(s_[k])) ++k;
    if (k == n || s_[k] != ';') return false;
    const std::string_view name = s_.substr(i + 1, k - i - 1);
    for (const Named& e : kNamed)
      if (e.name == name) return code_point(e.cp), i = k + 1, true;
    return false;
  }

  // A tag at s_[i] == '<' (or a '<' that opens none).
  bool markup(std::size_t& i) {
    const std::size_t n = s_.size();
    std::size_t k = i + 1;
    if (k == n) return false;
    const bool end = s_[k] == '/';
    if (end) ++k;
    if (k == n || !alpha(s_[k])) {
      // "<!", "<?": comments and the like; "<3" reads as text, yet
      // html.cpp's nesting estimate counts it as an element.
      if (end || s_[k] == '!' || s_[k] == '?' || (s_[k] >= '0' && s_[k] <= '9')) return false;
      return text("<"), i = k, true;
    }
    const std::size_t name_at = k;
    while (k < n && alnum(s_[k])) ++k;
    const Tag* tag = find_tag(s_.substr(name_at, k - name_at));
    if (!tag || k == n) return false;
    if (end) {
      while (k < n && html_space(s_[k])) ++k;
      return k < n && s_[k] == '>' && (i = k + 1, end_tag(*tag));
    }
    bool self_closing = false;
    if (!attributes(k, self_closing)) return false;
    if (self_closing && !(tag->flags & kVoid)) return false;  // HTML ignores the slash there
    i = k;
    return start_tag(*tag, i);
  }

  // Skips the attributes after a tag name to one past the tag's '>'. Only
  // the plain forms; no '<' in values (html.cpp's prescans would read it).
  bool attributes(std::size_t& k, bool& self_closing) {
    const std::size_t n = s_.size();
    if (!(html_space(s_[k]) || s_[k] == '/' || s_[k] == '>')) return false;
    while (true) {
      while (k < n && html_space(s_[k])) ++k;
      if (k == n) return false;
      if (s_[k] == '>') return ++k, true;
      if (s_[k] == '/') {
        if (k + 1 == n || s_[k + 1] != '>') return false;
        return self_closing = true, k += 2, true;
      }
      const std::size_t name_at = k;
      while (k < n && attr_name_char(s_[k])) ++k;
      const std::size_t name_end = k;
      while (k < n && html_space(s_[k])) ++k;
      if (k == name_at || k == n) return false;
      if (s_[k] != '=') {  // no value: what follows must end it
        if (k == name_end && s_[k] != '>' && s_[k] != '/') return false;
        continue;
      }
      ++k;
      while (k < n && html_space(s_[k])) ++k;
      if (k == n) return false;
      const char q = s_[k];
      if (q == '"' || q == '\'') {
        const std::size_t close = s_.find(q, k + 1);
        if (close == std::string_view::npos) return false;
        if (std::memchr(s_.data() + k + 1, '<', close - k - 1)) return false;
        k = close + 1;
        if (k == n || !(html_space(s_[k]) || s_[k] == '/' || s_[k] == '>')) return false;
        continue;
      }
      const std::size_t value_at = k;
      for (; k < n && !html_space(s_[k]) && s_[k] != '>'; ++k)
        if (std::strchr("\"'<=`", s_[k])) return false;
      if (k == value_at) return false;
    }
  }

  int top() const { return depth_ - 1; }
  int topmost(std::uint16_t flag, const Tag* tag) const {
    for (int k = top(); k >= 0; --k)
      if (tag ? stack_[k] == tag : (stack_[k]->flags & flag) != 0) return k;
    return -1;
  }
  // Whether everything above stack_[t] is an element "generate implied end
  // tags" pops; popping anything else would leave html.cpp's nesting
  // estimate or the formatting list out of step with the tree.
  bool only_implied_above(int t) const {
    for (int k = t + 1; k < depth_; ++k)
      if (!(stack_[k]->flags & kImplied)) return false;
    return true;
  }

  // The events of html.cpp's walk on entering and on leaving an element.
  void enter(const Tag& t) {
    dropped_ += t.kind == Kind::drop;
    if (dropped_ == 0 && t.kind == Kind::br) sink_.line_break();
    breaks(t);
  }
  void breaks(const Tag& t) {
    if (dropped_ == 0 && t.kind == Kind::paragraph) sink_.block(2);
    if (dropped_ == 0 && t.kind == Kind::line) sink_.block(1);
  }
  void leave(const Tag& t) {
    breaks(t);
    dropped_ -= t.kind == Kind::drop;
  }
  void pop_to(int t) { while (depth_ > t) leave(*stack_[--depth_]); }

  // The <li> (<dd>, <dt>) start tag closes the open list item, searching
  // down to the first special element other than address, div and p.
  bool close_list_item(std::uint16_t flag) {
    for (int k = top(); k >= 0; --k) {
      const std::uint16_t f = stack_[k]->flags;
      if (f & flag) return only_implied_above(k) && (pop_to(k), true);
      if ((f & kSpecial) && !(f & kLiSkip)) return true;
    }
    return true;
  }

  bool start_tag(const Tag& tag, std::size_t& i) {
    if (tag.flags & kRaw) {
      // Dropped with its raw text, which runs to the first "</name": taken
      // only when that is the first '<' (html.cpp's prescans would read
      // one) and is closed by '>' at once.
      const std::size_t lt = s_.find('<', i), len = tag.name.size();
      if (lt == std::string_view::npos || s_.size() - lt < len + 3 || s_[lt + 1] != '/' ||
          s_[lt + 2 + len] != '>' || find_tag(s_.substr(lt + 2, len)) != &tag)
        return false;
      return i = lt + 3 + len, true;
    }
    if (tag.name == "a" && topmost(0, &tag) >= 0) return false;  // adoption agency
    if ((tag.flags & kListItem) && !close_list_item(kListItem)) return false;
    if ((tag.flags & kDefItem) && !close_list_item(kDefItem)) return false;
    if (tag.flags & kClosesP) {  // closes an open <p>
      const int p = topmost(0, &kP);
      if (p >= 0 && !only_implied_above(p)) return false;
      if (p >= 0) pop_to(p);
    }
    if ((tag.flags & kHeading) && depth_ > 0 && (stack_[top()]->flags & kHeading))
      return false;  // gumbo closes the open heading without its end tag
    enter(tag);
    if (tag.flags & kVoid) return leave(tag), true;
    if (depth_ == kMaxDepth) return false;
    stack_[depth_++] = &tag;
    return true;
  }

  bool end_tag(const Tag& tag) {
    if (tag.flags & (kVoid | kRaw)) return false;
    // Block end tags first pop the implied elements above their element (a
    // heading's end tag closes whichever heading is open: it must be this).
    const bool block = tag.flags & kClosesP;
    const int t = (tag.flags & kHeading) ? topmost(kHeading, nullptr) : topmost(0, &tag);
    if (t < 0 || stack_[t] != &tag) return false;
    if (block ? !only_implied_above(t) : t != top()) return false;
    pop_to(t);
    return true;
  }

  std::string_view s_;
  TextSink sink_;
  std::string char_;  // a decoded reference
  const Tag* stack_[kMaxDepth];
  int depth_ = 0;
  int dropped_ = 0;  // open elements whose content html.cpp drops
};

}  // namespace

bool html_to_text_simple(std::string_view html, std::string& out) {
  out.clear();
  if (!plain_bytes(html)) return false;
  return Converter(html, out).run();
}

}  // namespace digest::json_detail
