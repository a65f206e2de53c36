#include "text/url.hpp"

#include <algorithm>
#include <cstddef>

#include "text/trim.hpp"

namespace digest::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
constexpr bool is_unreserved(char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// RFC 3986 appendix B, with the scheme held to its grammar (ALPHA *( ALPHA /
// DIGIT / "+" / "-" / "." )): "1x:y" or ":y" is a relative path, as a strict
// parser reads it.
struct UriParts {
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
  std::string_view scheme, authority, path, query, fragment;
};

bool valid_scheme(std::string_view s) noexcept {
  if (s.empty() || !is_alpha(s[0])) return false;
  for (char c : s)
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

UriParts split_uri(std::string_view s) noexcept {
  UriParts u;
  std::size_t end = s.find_first_of(":/?#");
  if (end != npos && s[end] == ':' && valid_scheme(s.substr(0, end))) {
    u.has_scheme = true;
    u.scheme = s.substr(0, end);
    s.remove_prefix(end + 1);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    end = std::min(s.find_first_of("/?#"), s.size());
    u.has_authority = true;
    u.authority = s.substr(0, end);
    s.remove_prefix(end);
  }
  end = std::min(s.find_first_of("?#"), s.size());
  u.path = s.substr(0, end);
  s.remove_prefix(end);
  if (s.starts_with('?')) {
    end = std::min(s.find('#'), s.size());
    u.has_query = true;
    u.query = s.substr(1, end - 1);
    s.remove_prefix(end);
  }
  if (s.starts_with('#')) {
    u.has_fragment = true;
    u.fragment = s.substr(1);
  }
  return u;
}

// RFC 3986 5.2.4. Linear: each output segment is removed at most once and
// rfind only walks the segment it removes.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto pop_segment = [&out] {
    std::size_t slash = out.rfind('/');
    out.resize(slash == npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./") || in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_segment();
    } else if (in == "/..") {
      in = "/";
      pop_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      std::size_t end = std::min(in.find('/', in[0] == '/' ? 1 : 0), in.size());
      out.append(in.substr(0, end));
      in.remove_prefix(end);
    }
  }
  return out;
}

// Appends `s` with escapes normalised (RFC 3986 6.2.2.1-2); `fold` lower-cases
// ASCII letters (hosts), but not an escape's hex, which is upper case.
void append_normalized(std::string& out, std::string_view s, bool fold) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '%') {
      out += fold ? ascii_lower(c) : c;
      continue;
    }
    int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
    int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
    if (lo < 0) {
      out += "%25";  // a stray '%': escaped, or "%4%31" would become "%41" and then "A"
      continue;
    }
    char decoded = static_cast<char>(hi * 16 + lo);
    if (is_unreserved(decoded)) {
      out += fold ? ascii_lower(decoded) : decoded;
    } else {
      out += '%';
      out += kHex[hi];
      out += kHex[lo];
    }
    i += 2;
  }
}

bool is_tracking_parameter(std::string_view name) noexcept {
  static constexpr std::string_view kNames[] = {"fbclid", "gclid",  "dclid",  "msclkid",
                                                "mc_cid", "mc_eid", "igshid", "yclid",
                                                "_hsenc", "_hsmi",  "ref_src"};
  if (istarts_with(name, "utm_")) return true;
  for (std::string_view n : kNames)
    if (iequals(name, n)) return true;
  return false;
}

}  // namespace

std::string canonical_url(std::string_view url) {
  UriParts u = split_uri(trim(url));
  if (!u.has_scheme || !u.has_authority) return {};
  if (!iequals(u.scheme, "https") && !iequals(u.scheme, "http")) return {};

  std::string_view auth = u.authority, userinfo, host, port;
  if (std::size_t at = auth.rfind('@'); at != npos) {
    userinfo = auth.substr(0, at);
    auth.remove_prefix(at + 1);
  }
  if (auth.starts_with('[')) {  // IP literal: its colons are not the port's
    std::size_t close = auth.find(']');
    if (close == npos) return {};
    host = auth.substr(0, close + 1);
    std::string_view rest = auth.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return {};
    if (!rest.empty()) port = rest.substr(1);
  } else {
    std::size_t colon = std::min(auth.find(':'), auth.size());
    host = auth.substr(0, colon);
    if (colon < auth.size()) port = auth.substr(colon + 1);
  }

  std::string out = "https://";
  out.reserve(url.size() + 16);
  if (!userinfo.empty()) {
    append_normalized(out, userinfo, false);
    out += '@';
  }
  const std::size_t host_at = out.size();
  append_normalized(out, host, true);
  while (out.size() > host_at && out.back() == '.') out.pop_back();
  if (out.size() == host_at) return {};

  if (!port.empty()) {
    for (char c : port)
      if (!is_digit(c)) return {};
    while (port.size() > 1 && port[0] == '0') port.remove_prefix(1);
    if (port.size() > 5) return {};
    unsigned value = 0;
    for (char c : port) value = value * 10 + unsigned(c - '0');
    if (value > 65535) return {};
    // Both defaults go whatever the scheme: the key's scheme is always https,
    // and "http://x:443" kept as "https://x:443" would key differently from
    // its own key.
    if (value != 80 && value != 443) {
      out += ':';
      out += port;
    }
  }

  std::string path;
  append_normalized(path, u.path, false);  // before dot segments: "%2E%2E" is ".."
  path = remove_dot_segments(path);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  out += path.empty() ? std::string_view("/") : std::string_view(path);

  if (u.has_query) {
    std::string query;
    append_normalized(query, u.query, false);  // so "utm%5Fsource" is seen
    bool first = true;
    std::string_view rest = query;
    while (!rest.empty()) {
      std::size_t amp = std::min(rest.find('&'), rest.size());
      std::string_view param = rest.substr(0, amp);
      rest.remove_prefix(std::min(amp + 1, rest.size()));
      if (param.empty() || is_tracking_parameter(param.substr(0, param.find('=')))) continue;
      out += first ? '?' : '&';
      out += param;
      first = false;
    }
  }
  return out;
}

std::string resolve_url(std::string_view base_text, std::string_view ref_text) {
  ref_text = trim(ref_text);
  const UriParts r = split_uri(ref_text);
  if (r.has_scheme) return std::string(ref_text);
  const UriParts b = split_uri(trim(base_text));
  if (!b.has_scheme) return {};

  // RFC 3986 5.2.2, T = the target.
  UriParts t = r;
  t.has_scheme = true;
  t.scheme = b.scheme;
  std::string path;
  if (r.has_authority) {
    path = remove_dot_segments(r.path);
  } else {
    t.has_authority = b.has_authority;
    t.authority = b.authority;
    if (r.path.empty()) {
      path = b.path;
      if (!r.has_query) {
        t.has_query = b.has_query;
        t.query = b.query;
      }
    } else if (r.path.starts_with('/')) {
      path = remove_dot_segments(r.path);
    } else {  // 5.2.3 merge: the base's path up to its last '/', then the ref's
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/";
      } else {
        std::size_t slash = b.path.rfind('/');
        if (slash != npos) merged = b.path.substr(0, slash + 1);
      }
      merged += r.path;
      path = remove_dot_segments(merged);
    }
  }

  // 5.3 recomposition.
  std::string out;
  out.reserve(t.scheme.size() + t.authority.size() + path.size() + t.query.size() +
              t.fragment.size() + 6);
  out.append(t.scheme) += ':';
  if (t.has_authority) out.append("//").append(t.authority);
  out += path;
  if (t.has_query) out.append("?").append(t.query);
  if (t.has_fragment) out.append("#").append(t.fragment);
  return out;
}

}  // namespace digest::detail
