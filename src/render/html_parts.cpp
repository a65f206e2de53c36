#include "render/html_parts.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <vector>

#include "text/safe.hpp"

namespace digest::html {

namespace {

// Logical properties (inline-start, not left) so one stylesheet serves
// left-to-right and right-to-left items alike.
constexpr std::string_view kStyle =
    "body{font:16px/1.5 system-ui,'Noto Sans','Noto Sans Arabic','DejaVu Sans',sans-serif;"
    "max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}"
    "h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem;"
    "border-block-end:1px solid #ccc}h3{font-size:1.05rem;margin-block-end:.25rem}"
    "a{color:#0b4f8a}.meta,.period,.also{color:#555;font-size:.9rem;margin:.2rem 0}"
    "blockquote{margin:.5rem 0;padding-inline-start:.8rem;border-inline-start:3px solid #ddd}"
    "article.clipping{margin-block-end:1.5rem}nav ul{list-style:none;padding:0;display:flex;"
    "flex-wrap:wrap;gap:1rem}li.digest-entry{font-weight:600}";

bool well_formed_language(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t run = 0, runs = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
      if (run == 0 || run > 8) return false;
      if (runs == 0 && run < 2) return false;
      ++runs;
      run = 0;
      continue;
    }
    char c = tag[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && runs > 0)) return false;
    ++run;
  }
  return true;
}

void append_escaped(std::string& out, std::string_view safe) {
  for (char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': break;
      default: out += c;
    }
  }
}

std::string iso_day(Date d) { return boost::gregorian::to_iso_extended_string(d); }

void append_time(std::string& out, const DateTime& when, std::string_view locale) {
  out += "<time datetime=\"";
  out += when.to_iso();
  out += "\">";
  append_text(out, format_day(when.date, locale));
  out += "</time>";
}

// Paragraphs at blank lines, <br> at single line breaks.
void append_paragraphs(std::string& out, std::string_view text) {
  std::string safe = detail::safe_display_text(text);
  std::string_view rest(safe);
  bool open = false;
  std::size_t start = 0;
  auto flush_line = [&](std::string_view line) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (open) out += "</p>";
      open = false;
      return;
    }
    if (!open) out += "<p>";
    else out += "<br>";
    open = true;
    append_escaped(out, line);
  };
  while (start <= rest.size()) {
    std::size_t nl = rest.find('\n', start);
    flush_line(rest.substr(start, nl == std::string_view::npos ? rest.npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (open) out += "</p>";
}

void append_heading_open(std::string& out, int level, std::string_view cls = {}) {
  out += "<h";
  out += static_cast<char>('0' + level);
  if (!cls.empty()) {
    out += " class=\"";
    out += cls;
    out += '"';
  }
  out += '>';
}
void append_heading_close(std::string& out, int level) {
  out += "</h";
  out += static_cast<char>('0' + level);
  out += ">\n";
}

}  // namespace

void append_text(std::string& out, std::string_view raw) {
  append_escaped(out, detail::safe_display_text(raw));
}

void append_isolated(std::string& out, std::string_view raw) {
  out += "<bdi>";
  append_text(out, raw);
  out += "</bdi>";
}

bool append_href(std::string& out, std::string_view url, bool relative_ok) {
  const auto kind = detail::classify_link(url);
  if (kind != detail::LinkKind::web && !(relative_ok && kind == detail::LinkKind::relative))
    return false;
  static const char hex[] = "0123456789ABCDEF";
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += static_cast<char>(c);
    }
  }
  return true;
}

void append_lang_dir(std::string& out, std::string_view language) {
  if (well_formed_language(language)) {
    out += " lang=\"";
    append_escaped(out, language);
    out += '"';
    out += is_right_to_left(language) ? " dir=\"rtl\"" : " dir=\"ltr\"";
  } else {
    out += " dir=\"auto\"";
  }
}

void open_page(std::string& out, std::string_view title, std::string_view locale,
               std::span<const std::pair<std::string, std::string>> nav) {
  out += "<!DOCTYPE html>\n<html";
  append_lang_dir(out, locale);
  out +=
      ">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // No script of any origin, nothing fetched, no forms, no <base>: even a
      // renderer bug could not make the page run or load what a post carried.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<title>";
  append_text(out, title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  if (!nav.empty()) {
    out += "<nav><ul>";
    for (const auto& [label, href] : nav) {
      out += "<li>";
      std::string link;
      if (append_href(link, href, /*relative_ok=*/true)) {
        out += "<a href=\"" + link + "\">";
        append_isolated(out, label);
        out += "</a>";
      } else {
        append_isolated(out, label);
      }
      out += "</li>";
    }
    out += "</ul></nav>\n";
  }
  out += "<main>\n";
}

void close_page(std::string& out) { out += "</main>\n</body>\n</html>\n"; }

void append_clipping(std::string& out, const Post& p, const ClippingContext& cx) {
  const DigestLabels& labels = *cx.labels;
  out += "<article class=\"clipping\"";
  append_lang_dir(out, p.language);
  out += ">\n";
  append_heading_open(out, cx.heading_level);
  std::string href;
  const std::string_view title = p.title.empty() ? std::string_view(p.id) : p.title;
  if (append_href(href, p.url)) {
    out += "<a href=\"" + href + "\" rel=\"noopener noreferrer nofollow\">";
    append_text(out, title);
    out += "</a>";
  } else {
    append_text(out, title);
  }
  append_heading_close(out, cx.heading_level);

  // The attribution line: authors, outlet, place, published date.
  std::string line;
  auto part = [&](auto&& write) {
    if (!line.empty()) line += labels.list_separator;
    write();
  };
  for (const std::string& a : p.authors)
    if (!a.empty()) part([&] { line += "<span class=\"author\">"; append_isolated(line, a); line += "</span>"; });
  const std::string outlet = cx.outlet_name ? cx.outlet_name(p.source) : p.source;
  if (!outlet.empty())
    part([&] { line += "<cite class=\"outlet\">"; append_isolated(line, outlet); line += "</cite>"; });
  if (!p.place.empty())
    part([&] { line += "<span class=\"place\">"; append_isolated(line, p.place); line += "</span>"; });
  if (p.published_on) part([&] { append_time(line, *p.published_on, cx.locale); });
  if (!line.empty()) out += "<p class=\"meta attribution\">" + line + "</p>\n";
  if (p.posted_on) {
    // Labels are in the digest's language, whatever the item's: their own
    // lang and dir keep "Posted on <date>" in reading order inside an item
    // of the other direction.
    out += "<p class=\"meta posted\"";
    append_lang_dir(out, cx.locale);
    out += ">";
    append_text(out, labels.posted);
    out += ' ';
    append_time(out, *p.posted_on, cx.locale);
    out += "</p>\n";
  }
  if (!p.excerpt.empty()) {
    out += "<blockquote>";
    append_paragraphs(out, p.excerpt);
    out += "</blockquote>\n";
  }
  const auto others = cx.item ? also_in(p, *cx.item) : std::vector<const Post*>{};
  if (!others.empty()) {
    out += "<p class=\"also\"";
    append_lang_dir(out, cx.locale);
    out += ">";
    append_text(out, labels.also_in);
    out += ": ";
    for (std::size_t k = 0; k < others.size(); ++k) {
      const Post& other = *others[k];
      if (k) append_text(out, labels.list_separator);
      std::string name = cx.outlet_name ? cx.outlet_name(other.source) : other.source;
      if (name.empty()) name = other.title.empty() ? other.id : other.title;
      std::string link;
      if (append_href(link, other.url)) {
        out += "<a href=\"" + link + "\" rel=\"noopener noreferrer nofollow\"";
        append_lang_dir(out, other.language);
        out += ">";
        append_isolated(out, name);
        out += "</a>";
      } else {
        append_isolated(out, name);
      }
    }
    out += "</p>\n";
  }
  out += "</article>\n";
}

void append_digest_article(std::string& out, const Digest& d, int level) {
  const DigestLabels& labels = digest_labels(d.locale);
  auto outlet = [&d](std::string_view source) { return outlet_name(d, source); };
  out += "<article class=\"digest\"";
  append_lang_dir(out, d.locale);
  out += ">\n<header>";
  append_heading_open(out, level);
  append_isolated(out, d.title);
  append_heading_close(out, level);
  // An interval is not a valid <time> value; the two days are data attributes.
  out += "<p class=\"period\" data-first=\"" + iso_day(d.period.first) + "\" data-last=\"" +
         iso_day(d.period.last) + "\">";
  append_text(out, format_period(d.period, d.locale));
  const std::size_t n = d.post_count();
  out += " · ";
  append_text(out, format_count(n, d.locale) + " " + (n == 1 ? labels.post_one : labels.post_many));
  out += "</p>\n</header>\n";
  if (n == 0) {
    out += "<p>";
    append_text(out, labels.no_posts);
    out += "</p>\n";
  }
  for (const DigestSection& s : d.sections) {
    out += "<section>\n";
    const bool headed = !s.heading.empty();
    if (headed) {
      append_heading_open(out, level + 1);
      append_isolated(out, s.heading);
      append_heading_close(out, level + 1);
    }
    ClippingContext cx{&labels, d.locale, outlet, nullptr, level + (headed ? 2 : 1)};
    for (std::size_t i = 0; i < s.posts.size(); ++i) {
      cx.item = i < s.items.size() ? &s.items[i] : nullptr;
      append_clipping(out, s.posts[i], cx);
    }
    out += "</section>\n";
  }
  out += "</article>\n";
}

}  // namespace digest::html
