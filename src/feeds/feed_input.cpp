// Bytes of a feed to the UTF-8 libxml2 reads (see feed_input.hpp).
#include "feeds/feed_input.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstring>

namespace digest::feed_detail {

namespace {

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of the UTF-8 sequence a lead byte starts (1 for anything else).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  return 1;
}

// Bytes at the end of `s` that start a character not complete in `s`.
std::size_t incomplete_tail(std::string_view s) {
  std::size_t n = s.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    auto c = static_cast<unsigned char>(s[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    std::size_t len = sequence_length(c);
    return len > back ? back : 0;
  }
  return 0;
}

constexpr std::size_t kMaxEntityName = 32;

}  // namespace

Status FeedInput::start(std::string_view head) {
  started_ = true;
  if (!forced_.empty()) {
    charset_ = forced_;
  } else {
    CharsetSniff sniff = sniff_charset(head);
    charset_ = sniff.charset;
    bom_skip_ = static_cast<int>(sniff.bom_bytes);
  }
  if (charset_.empty() || ascii_iequals(charset_, "utf-8") || ascii_iequals(charset_, "utf8")) {
    if (charset_.empty()) charset_ = "UTF-8";
    utf8_ = true;
    return {};
  }
  auto t = Transcoder::open(charset_);
  if (!t) {
    if (!forced_.empty()) return std::move(t).error();
    // A declaration that names no encoding ICU knows: read as UTF-8 (with
    // Windows-1252 repair), as browsers fall back, and say so.
    unknown_declared_ = charset_;
    charset_ = "UTF-8";
    utf8_ = true;
    return {};
  }
  utf8_ = t->is_utf8();
  if (!utf8_) transcoder_.emplace(std::move(t).value());
  return {};
}

Status FeedInput::push(std::string_view bytes, bool last, std::string& out) {
  if (!started_) {
    Status st = start(bytes);
    if (!st) return st;
  }
  if (bom_skip_ > 0) {
    auto k = std::min<std::size_t>(static_cast<std::size_t>(bom_skip_), bytes.size());
    bytes.remove_prefix(k);
    offset_ += k;
    bom_skip_ -= static_cast<int>(k);
  }
  decoded_.clear();
  if (utf8_) {
    std::string_view data = bytes;
    if (!pending_.empty()) {
      pending_.append(bytes);
      data = pending_;
    }
    std::size_t keep = last ? 0 : incomplete_tail(data);
    std::string_view complete = data.substr(0, data.size() - keep);
    Utf8Repair r = repair_invalid_utf8(complete, decoded_);
    if (r.bytes_repaired) {
      if (repaired_.first_offset < 0) repaired_.first_offset = std::int64_t(offset_) + r.first_offset;
      repaired_.bytes_repaired += r.bytes_repaired;
    }
    offset_ += complete.size();
    std::string rest(data.substr(complete.size()));
    pending_ = std::move(rest);
  } else {
    Status st = transcoder_->append(bytes, decoded_, last);
    if (!st) return st;
  }
  if (!bom_checked_ && !decoded_.empty()) {
    bom_checked_ = true;
    if (decoded_.starts_with("\xEF\xBB\xBF")) decoded_.erase(0, 3);  // U+FEFF kept by ICU
  }
  filter(decoded_, last, out);
  return {};
}

// Copies `text` to `out`, rewriting entity names XML does not know and
// stray ampersands, outside CDATA sections and comments.
void FeedInput::filter(std::string_view text, bool last, std::string& out) {
  std::string joined;
  if (!carry_.empty()) {
    joined = std::move(carry_);
    joined.append(text);
    carry_.clear();
    text = joined;
  }
  const std::size_t n = text.size();
  std::size_t i = 0, run = 0;
  auto flush_to = [&](std::size_t end) {
    out.append(text.data() + run, end - run);
    run = end;
  };
  auto hold = [&](std::size_t from) {  // keep text[from..] for the next chunk
    flush_to(from);
    carry_.assign(text.substr(from));
    run = n;
    i = n;
  };
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t next_amp = npos, next_lt = npos;  // npos: not searched yet; n: none
  auto find = [&](std::size_t from, char c) {
    const void* f = std::memchr(text.data() + from, c, n - from);
    return f ? static_cast<std::size_t>(static_cast<const char*>(f) - text.data()) : n;
  };
  while (i < n) {
    if (in_raw_) {  // inside <![CDATA[ … ]]> or <!-- … -->
      std::string_view end = in_raw_ == 1 ? std::string_view("]]>") : std::string_view("-->");
      std::size_t at = text.find(end, i);
      if (at == std::string_view::npos) {
        if (!last && n - i >= 2) {
          hold(n - 2);
        } else if (!last) {
          hold(i);
        } else {
          i = n;
        }
        break;
      }
      i = at + end.size();
      in_raw_ = 0;
      continue;
    }
    // The next "&" and "<", each searched again only once passed: text
    // without one of them is scanned once, not once per occurrence of the
    // other.
    if (next_amp != n && (next_amp == npos || next_amp < i)) next_amp = find(i, '&');
    if (next_lt != n && (next_lt == npos || next_lt < i)) next_lt = find(i, '<');
    if (next_amp == n && next_lt == n) break;
    std::size_t at = next_amp < next_lt ? next_amp : next_lt;
    if (text[at] == '<') {
      std::string_view rest = text.substr(at);
      if (!last && rest.size() < 9 && (std::string_view("<![CDATA[").starts_with(rest) ||
                                       std::string_view("<!--").starts_with(rest))) {
        hold(at);
        break;
      }
      if (rest.starts_with("<![CDATA[")) {
        in_raw_ = 1;
        i = at + 9;
      } else if (rest.starts_with("<!--")) {
        in_raw_ = 2;
        i = at + 4;
      } else {
        i = at + 1;
      }
      continue;
    }
    // An ampersand: a reference XML knows, a known HTML entity name, or stray.
    std::size_t j = at + 1;
    bool numeric = j < n && text[j] == '#';
    if (numeric) {
      ++j;
      bool hex = j < n && (text[j] == 'x' || text[j] == 'X');
      if (hex) ++j;
      std::size_t digits = j;
      while (j < n && j - digits < 10 && (hex ? is_hex(text[j]) : (text[j] >= '0' && text[j] <= '9'))) ++j;
      if (j >= n && !last) {
        hold(at);
        break;
      }
      if (j > digits && j < n && text[j] == ';') {
        i = j + 1;
        continue;
      }
    } else {
      while (j < n && j - at - 1 <= kMaxEntityName && is_name_char(text[j])) ++j;
      if (j >= n && !last && j - at - 1 <= kMaxEntityName) {
        hold(at);
        break;
      }
      std::string_view name = text.substr(at + 1, j - at - 1);
      if (!name.empty() && j < n && text[j] == ';') {
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
          i = j + 1;
          continue;
        }
        std::string key(name);
        const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(key.c_str()));
        if (e) {
          flush_to(at);
          out += "&#";
          out += std::to_string(e->value);
          out += ';';
          run = j + 1;
          i = j + 1;
          ++entities_;
          continue;
        }
        i = j + 1;  // undeclared: libxml2 reports it, unless a DTD declares it
        continue;
      }
    }
    // Stray: "AT&T", "&nbsp " without its semicolon.
    flush_to(at);
    out += "&amp;";
    run = at + 1;
    i = at + 1;
    if (ampersands_++ == 0)
      first_amp_line_ = lines_ + static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n'));
  }
  if (run < n) flush_to(n);
  // Lines of the text passed on (not the part carried to the next chunk).
  std::size_t passed = n - carry_.size();
  lines_ += static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + std::ptrdiff_t(passed), '\n'));
}

}  // namespace digest::feed_detail
