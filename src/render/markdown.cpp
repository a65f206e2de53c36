#include "digest/render.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

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

std::string long_date(Date d) {
  static const char* const months[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
  return std::to_string(d.day()) + " " + months[d.month() - 1] + " " + std::to_string(d.year());
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
  std::string out;
  out += "# ";
  append_md_text(out, digest.title);
  out += "\n\n*";
  out += long_date(digest.period.first) + " – " + long_date(digest.period.last);
  std::size_t n = digest.post_count();
  out += " · " + std::to_string(n) + (n == 1 ? " post" : " posts");
  out += " from " + std::to_string(digest.sections.size()) +
         (digest.sections.size() == 1 ? " source*\n" : " sources*\n");
  if (n == 0) out += "\nNo posts in this period.\n";
  for (const DigestSection& s : digest.sections) {
    out += "\n## ";
    append_md_text(out, s.heading);
    out += "\n";
    for (const Post& p : s.posts) {
      out += "\n### ";
      // Only http(s) URLs become links: a javascript: or data: URL in a
      // post must not turn into something a reader can click.
      if (detail::classify_link(p.url) == detail::LinkKind::web) {
        out += '[';
        append_md_text(out, p.title.empty() ? p.id : p.title);
        out += "](";
        append_md_url(out, p.url);
        out += ')';
      } else {
        append_md_text(out, p.title.empty() ? p.id : p.title);
      }
      out += "\n\n";
      std::string byline;
      for (std::size_t i = 0; i < p.authors.size(); ++i) {
        if (i) byline += ", ";
        append_md_text(byline, p.authors[i]);
      }
      auto add = [&](std::string_view part, bool escape = true) {
        if (part.empty()) return;
        if (!byline.empty()) byline += " · ";
        if (escape) append_md_text(byline, part);
        else byline += part;
      };
      add(s.heading);
      add(p.place);
      if (p.published_on) add("published " + p.published_on->date_iso(), false);
      if (p.posted_on) add("posted " + p.posted_on->date_iso(), false);
      out += "*" + byline + "*\n";
      if (!p.excerpt.empty()) {
        out += '\n';
        append_excerpt_quote(out, p.excerpt);
      }
    }
  }
  return out;
}

}  // namespace digest
