#include "digest/render.hpp"

#include <vector>

#include "digest/json.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

// Escapes Markdown's inline syntax so titles and excerpts render as text,
// after dropping what no reader should be handed (control and bidi-override
// characters, ill-formed UTF-8: text/safe.hpp).
void append_md_text(std::string& out, std::string_view raw) {
  const std::string text = detail::safe_display_text(raw);
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']':
      case '<': case '>': case '#': case '|':
        out += '\\';
        out += c;
        break;
      case '\r': break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
}

// A link target: spaces and parentheses would end it early.
void append_md_url(std::string& out, std::string_view url) {
  static const char hex[] = "0123456789ABCDEF";
  for (unsigned char c : url) {
    // Every byte outside printable ASCII is percent-encoded too (a URI
    // carries non-ASCII that way), so no control, C1 or bidi character, nor
    // a line separator, reaches the page through a link.
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c < 0x20 || c >= 0x7F) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
}

void append_excerpt_quote(std::string& out, std::string_view excerpt) {
  // Each line of the excerpt becomes a quoted line; blank lines separate
  // paragraphs inside the quote.
  std::size_t start = 0;
  while (start <= excerpt.size()) {
    std::size_t nl = excerpt.find('\n', start);
    std::string_view line = excerpt.substr(start, nl == std::string_view::npos ? excerpt.npos : nl - start);
    out += line.empty() ? ">" : "> ";
    append_md_text(out, line);
    out += '\n';
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

}  // namespace

std::string render_markdown(const Digest& digest) {
  const DigestLabels& labels = digest_labels(digest.locale);
  const std::string& locale = digest.locale;
  auto outlet = [&digest](std::string_view source) { return outlet_name(digest, source); };
  auto link = [](std::string& out, std::string_view text, std::string_view url) {
    // Only http(s) URLs become links: a javascript: or data: URL in a post
    // must not turn into something a reader can click.
    if (detail::classify_link(url) != detail::LinkKind::web) return append_md_text(out, text);
    out += '[';
    append_md_text(out, text);
    out += "](";
    append_md_url(out, url);
    out += ')';
  };
  std::string out;
  out += "# ";
  append_md_text(out, digest.title);
  out += "\n\n*";
  append_md_text(out, format_period(digest.period, locale));
  const std::size_t n = digest.post_count();
  out += " · ";
  append_md_text(out, format_count(n, locale) + " " + (n == 1 ? labels.post_one : labels.post_many));
  out += "*\n";
  if (n == 0) {
    out += '\n';
    append_md_text(out, labels.no_posts);
    out += '\n';
  }
  for (const DigestSection& s : digest.sections) {
    const bool headed = !s.heading.empty();
    if (headed) {
      out += "\n## ";
      append_md_text(out, s.heading);
      out += "\n";
    }
    for (std::size_t i = 0; i < s.posts.size(); ++i) {
      const Post& p = s.posts[i];
      out += headed ? "\n### " : "\n## ";
      link(out, p.title.empty() ? p.id : p.title, p.url);
      out += "\n\n";
      std::string byline;
      auto add = [&](std::string_view part) {
        if (part.empty()) return;
        if (!byline.empty()) byline += labels.list_separator;
        append_md_text(byline, part);
      };
      for (const std::string& a : p.authors) add(a);
      add(outlet(p.source));
      add(p.place);
      if (p.published_on) add(format_day(p.published_on->date, locale));
      if (p.posted_on) {
        if (!byline.empty()) byline += " · ";
        append_md_text(byline, labels.posted + " " + format_day(p.posted_on->date, locale));
      }
      if (!byline.empty()) out += "*" + byline + "*\n";
      if (!p.excerpt.empty()) {
        out += '\n';
        append_excerpt_quote(out, p.excerpt);
      }
      const auto others = i < s.items.size() ? also_in(p, s.items[i]) : std::vector<const Post*>{};
      if (!others.empty()) {
        out += '\n';
        append_md_text(out, labels.also_in);
        out += ": ";
        for (std::size_t k = 0; k < others.size(); ++k) {
          const Post& other = *others[k];
          if (k) out += labels.list_separator;
          std::string name = outlet(other.source);
          link(out, name.empty() ? (other.title.empty() ? other.id : other.title) : name, other.url);
        }
        out += '\n';
      }
    }
  }
  return out;
}

}  // namespace digest
