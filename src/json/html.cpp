// HTML fragments to plain text with gumbo (a real HTML5 parser: entities,
// implied end tags and malformed markup are handled as a browser would).
// Simple fragments take the fast path first (html_fast.cpp), which gives
// the same text; html_to_text_gumbo is the parse for everything else.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "json/html_sink.hpp"
#include "json/json_internal.hpp"
#include "text/utf8.hpp"

namespace digest::json_detail {

namespace {

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool name_is(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (w.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < w.size() && same; ++i) same = ascii_lower(name[i]) == w[i];
    if (same) return true;
  }
  return false;
}

// Nesting depth the markup asks for, counting only elements that nest (void
// elements and those whose end tag is implied are left out). An
// over-estimate is harmless: it only has to catch pathological input before
// gumbo spends quadratic time on it.
std::size_t estimated_nesting(std::string_view html) {
  std::size_t depth = 0, max_depth = 0;
  std::size_t i = 0, n = html.size();
  while (true) {
    const void* lt = std::memchr(html.data() + i, '<', n - i);
    if (!lt) break;
    i = static_cast<std::size_t>(static_cast<const char*>(lt) - html.data()) + 1;
    if (i >= n) break;
    bool closing = html[i] == '/';
    std::size_t j = closing ? i + 1 : i;
    std::size_t name_start = j;
    while (j < n && ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
                     (html[j] >= '0' && html[j] <= '9')))
      ++j;
    if (j == name_start) continue;
    std::string_view name = html.substr(name_start, j - name_start);
    if (name_is(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
                       "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt",
                       "rp", "colgroup"}))
      continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    const void* gt = std::memchr(html.data() + j, '>', n - j);
    if (gt && static_cast<const char*>(gt)[-1] == '/') continue;  // self-closing
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

// The HTML5 formatting elements. The parser re-opens every unclosed one at
// each block that follows ("reconstruct the active formatting elements"),
// so 1,000 distinct unclosed <b id=N> before 8,000 paragraphs build 8
// million nodes out of 45 KB. They carry no text of their own.
bool is_formatting(std::string_view name) {
  return name_is(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                        "strike", "strong", "tt", "u"});
}

// Reads the tag at html[i] == '<': its name and whether it closes. Returns
// false when '<' does not open a tag.
bool tag_at(std::string_view html, std::size_t i, std::string_view& name, bool& closing) {
  std::size_t j = i + 1, n = html.size();
  closing = j < n && html[j] == '/';
  if (closing) ++j;
  std::size_t start = j;
  while (j < n && ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
                   (html[j] >= '0' && html[j] <= '9')))
    ++j;
  if (j == start) return false;
  if (j < n && !(html_space(html[j]) || html[j] == '/' || html[j] == '>')) return false;
  name = html.substr(start, j - start);
  return true;
}

// End of the tag opened at html[i] (one past its '>'), skipping quoted
// attribute values; html.size() when it never ends.
std::size_t tag_end(std::string_view html, std::size_t i) {
  char quote = 0;
  for (std::size_t j = i + 1; j < html.size(); ++j) {
    char c = html[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j + 1;
    }
  }
  return html.size();
}

// An upper bound on the nodes that reconstruction could add: the most
// formatting elements open at once times the start tags that could each
// re-open them.
std::size_t reconstruction_cost(std::string_view html) {
  std::size_t open = 0, max_open = 0, starts = 0;
  std::size_t i = 0;
  while (true) {
    i = html.find('<', i);
    if (i == std::string_view::npos) break;
    std::string_view name;
    bool closing = false;
    if (tag_at(html, i, name, closing)) {
      if (is_formatting(name)) {
        if (closing) open -= open > 0 ? 1 : 0;
        else max_open = std::max(max_open, ++open);
      } else if (!closing) {
        ++starts;
      }
    }
    ++i;
  }
  return max_open * starts;
}

// `html` without its formatting tags (the text between them stays).
std::string without_formatting_tags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0, copied = 0;
  while (true) {
    i = html.find('<', i);
    if (i == std::string_view::npos) break;
    std::string_view name;
    bool closing = false;
    if (tag_at(html, i, name, closing) && is_formatting(name)) {
      out.append(html.data() + copied, i - copied);
      i = copied = tag_end(html, i);
      continue;
    }
    ++i;
  }
  out.append(html.data() + copied, html.size() - copied);
  return out;
}

// gumbo 0.10 reads the digits of a numeric character reference into an int
// that wraps (&#x1000000A0; comes out as U+00A0, &#4294967295; as "&"):
// undefined behaviour, and the wrong text. HTML5 makes every reference above
// U+10FFFF a U+FFFD, so those are rewritten to &#xFFFD; before parsing.
std::string without_out_of_range_references(std::string_view html, bool& changed) {
  std::string out;
  changed = false;
  std::size_t copied = 0, i = 0;
  while ((i = html.find("&#", i)) != std::string_view::npos) {
    std::size_t j = i + 2;
    const bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
    if (hex) ++j;
    const std::size_t digits = j;
    unsigned long long value = 0;
    while (j < html.size()) {
      const char c = html[j];
      int d = c >= '0' && c <= '9' ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      value = std::min<unsigned long long>(value * (hex ? 16 : 10) + d, 0x110000);
      ++j;
    }
    if (j == digits || value <= 0x10FFFF) {
      i = j;
      continue;
    }
    if (j < html.size() && html[j] == ';') ++j;
    if (!changed) out.reserve(html.size());
    changed = true;
    out.append(html.data() + copied, i - copied);
    out += "&#xFFFD;";
    copied = i = j;
  }
  if (changed) out.append(html.data() + copied, html.size() - copied);
  return out;
}

enum class Kind { inline_, drop, line, paragraph, cell, br };

Kind kind_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return Kind::drop;
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU:
      return Kind::paragraph;
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND: case GUMBO_TAG_CENTER:
      return Kind::line;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return Kind::cell;
    case GUMBO_TAG_BR:
      return Kind::br;
    default:
      return Kind::inline_;
  }
}

void walk(const GumboNode* root, TextSink& sink) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    Kind kind;
    bool pre;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0, Kind::inline_, false});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next >= children.length) {
      if (f.kind == Kind::paragraph) sink.block(2);
      if (f.kind == Kind::line) sink.block(1);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next++]);
    bool pre = f.pre;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        sink.text(child->v.text.text, pre);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        Kind k = kind_of(child->v.element.tag);
        if (k == Kind::drop) break;
        if (k == Kind::br) {
          sink.line_break();
          break;
        }
        if (k == Kind::paragraph) sink.block(2);
        if (k == Kind::line) sink.block(1);
        if (k == Kind::cell) sink.space();
        bool child_pre = pre || child->v.element.tag == GUMBO_TAG_PRE ||
                         child->v.element.tag == GUMBO_TAG_TEXTAREA ||
                         child->v.element.tag == GUMBO_TAG_LISTING;
        stack.push_back({child, 0, k, child_pre});  // invalidates `f`
        break;
      }
      default:  // comments, the document node
        break;
    }
  }
}

// gumbo_destroy_output takes the options in gumbo 0.10 and not in some
// later releases; call whichever this gumbo has.
template <class F>
void destroy_output(F destroy, GumboOutput* output) {
  if constexpr (std::is_invocable_v<F, const GumboOptions*, GumboOutput*>)
    destroy(&kGumboDefaultOptions, output);
  else
    destroy(output);
}

}  // namespace

bool html_to_text(std::string_view html, std::string& out, std::string& error) {
  out.clear();
  if (html.find_first_of("<&") == std::string_view::npos) {
    TextSink sink(out);
    sink.text(html, false);
    return true;
  }
  // Most feed HTML is simple enough to read without building a tree; the
  // fast path declines anything it cannot convert exactly as below.
  if (html_to_text_simple(html, out)) return true;
  return html_to_text_gumbo(html, out, error);
}

bool html_to_text_gumbo(std::string_view html, std::string& out, std::string& error) {
  out.clear();
  if (estimated_nesting(html) > kMaxHtmlNesting) {
    error = "HTML nested deeper than " + std::to_string(kMaxHtmlNesting) + " elements";
    return false;
  }
  bool references_changed = false;
  std::string references = without_out_of_range_references(html, references_changed);
  if (references_changed) html = references;
  // Markup that would make the parser re-open formatting elements at every
  // block loses those elements first: same text, linear tree.
  std::string stripped;
  if (reconstruction_cost(html) > kMaxFormattingReconstruction) {
    stripped = without_formatting_tags(html);
    html = stripped;
  }
  // Parsed as a whole document with the default options (the body holds
  // the fragment): the options struct and the fragment API differ between
  // gumbo releases, and this works with all of them.
  // A leading <body> puts the fragment in body context from its first byte
  // (else a leading <noscript> or <title> would be read as head content).
  std::string doc;
  doc.reserve(html.size() + 6);
  doc += "<body>";
  doc.append(html.data(), html.size());
  GumboOutput* raw = gumbo_parse_with_options(&kGumboDefaultOptions, doc.data(), doc.size());
  auto destroy = [](GumboOutput* o) { destroy_output(&gumbo_destroy_output, o); };
  std::unique_ptr<GumboOutput, decltype(destroy)> parsed(raw, destroy);
  if (!parsed) throw std::bad_alloc();
  TextSink sink(out);
  walk(parsed->root, sink);
  // gumbo writes an out-of-range numeric reference (&#82222222222222222;)
  // as bytes that are not UTF-8; the text floor's decoder repairs them.
  if (detail::find_invalid_utf8(out) != std::string_view::npos) out = detail::repair_utf8(out);
  return true;
}

}  // namespace digest::json_detail
