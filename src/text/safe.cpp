#include "text/safe.hpp"

#include "text/utf8.hpp"

namespace digest::detail {

bool is_unsafe_for_display(char32_t c) noexcept {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;            // DEL and C1 controls
  if (c >= 0x202A && c <= 0x202E) return true;        // LRE RLE PDF LRO RLO
  if (c >= 0x2066 && c <= 0x2069) return true;        // LRI RLI FSI PDI
  return false;
}

void append_safe_display_text(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t run = 0, i = 0;
  while (i < n) {
    if (p[i] >= 0x20 && p[i] < 0x7F) {
      ++i;
      continue;
    }
    Decoded d = decode_utf8(p + i, n - i);
    if (d.valid && !is_unsafe_for_display(d.cp)) {
      i += d.len;
      continue;
    }
    out.append(text.data() + run, i - run);
    if (!d.valid) append_utf8(out, kReplacement);
    i += d.len;
    run = i;
  }
  out.append(text.data() + run, n - run);
}

std::string safe_display_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_safe_display_text(out, text);
  return out;
}

void append_for_message(std::string& out, std::string_view text, std::size_t max_bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string_view shown = utf8_prefix(text, max_bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(shown.data());
  std::size_t i = 0;
  while (i < shown.size()) {
    Decoded d = decode_utf8(p + i, shown.size() - i);
    if (!d.valid) {
      for (std::uint32_t k = 0; k < d.len; ++k) {
        out += "\\x";
        out += kHex[p[i + k] >> 4];
        out += kHex[p[i + k] & 15];
      }
    } else if (d.cp == '\n') {
      out += "\\n";
    } else if (d.cp == '\r') {
      out += "\\r";
    } else if (d.cp == '\t') {
      out += "\\t";
    } else if (d.cp < 0x80 && is_unsafe_for_display(d.cp)) {
      out += "\\x";
      out += kHex[d.cp >> 4];
      out += kHex[d.cp & 15];
    } else if (is_unsafe_for_display(d.cp)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(d.cp >> shift) & 15];
    } else {
      out.append(shown.data() + i, d.len);
    }
    i += d.len;
  }
  if (shown.size() < text.size()) out += "\xE2\x80\xA6";  // …
}

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
  std::string out = "'";
  append_for_message(out, text, max_bytes);
  out += '\'';
  return out;
}

LinkKind classify_link(std::string_view url) noexcept {
  if (url.empty()) return LinkKind::unsafe;
  for (unsigned char c : url)
    if (c < 0x20 || c == 0x7F || c == '\\') return LinkKind::unsafe;
  // A scheme is letters, digits, '+', '-', '.' before the first ':', ahead
  // of any '/', '?' or '#'.
  std::size_t colon = std::string_view::npos;
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') {
      colon = i;
      break;
    }
    if (c == '/' || c == '?' || c == '#') break;
  }
  if (colon == std::string_view::npos) {
    // "//host/…" borrows the page's scheme and leaves the site: not relative.
    if (url.size() >= 2 && url[0] == '/' && url[1] == '/') return LinkKind::unsafe;
    return LinkKind::relative;
  }
  auto is = [&](std::string_view scheme) {
    if (colon != scheme.size()) return false;
    for (std::size_t i = 0; i < colon; ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != scheme[i]) return false;
    }
    return true;
  };
  if (!is("http") && !is("https")) return LinkKind::unsafe;
  // "http://" and a host.
  std::string_view rest = url.substr(colon + 1);
  if (rest.size() < 3 || rest[0] != '/' || rest[1] != '/' || rest[2] == '/')
    return LinkKind::unsafe;
  return LinkKind::web;
}

}  // namespace digest::detail
