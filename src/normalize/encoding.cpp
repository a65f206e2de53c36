// Charset sniffing (BOM, XML declaration, HTML <meta>) and the streaming
// ICU transcoder to UTF-8. UTF-8 input takes our own decoder (text/utf8.hpp)
// instead of ICU: it is the common case and needs only validation.
#include "digest/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <array>
#include <cstring>

#include "text/utf8.hpp"

namespace digest {

// ---------------------------------------------------------------- sniffing

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view what) {
  if (at > s.size() || s.size() - at < what.size()) return false;
  for (std::size_t i = 0; i < what.size(); ++i)
    if (lower(s[at + i]) != what[i]) return false;
  return true;
}

std::size_t find_ci(std::string_view s, std::string_view what, std::size_t from) {
  for (std::size_t i = from; i + what.size() <= s.size(); ++i)
    if (starts_with_ci(s, i, what)) return i;
  return std::string_view::npos;
}

// The label after `name` = (spaces, optional quote) in `s`; labels are short
// ASCII tokens, so anything longer than 40 characters is not one.
std::string_view label_after(std::string_view s, std::size_t name_end) {
  std::size_t i = name_end;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return {};
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
  std::size_t b = i;
  while (i < s.size() && is_label_char(s[i]) && i - b < 40) ++i;
  return s.substr(b, i - b);
}

// encoding="..." in an XML declaration at the start of `s` (after optional
// whitespace), or empty.
std::string_view xml_encoding(std::string_view s, bool* is_decl) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  *is_decl = s.substr(i, 5) == "<?xml" && i + 5 < s.size() && is_space(s[i + 5]);
  if (!*is_decl) return {};
  std::size_t end = s.find("?>", i);
  std::string_view decl = s.substr(i, end == std::string_view::npos ? s.size() - i : end - i);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  return label_after(decl, at + 8);
}

// The charset of the first <meta> that declares one, skipping comments.
std::string_view html_meta_charset(std::string_view s) {
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i, 4) == "<!--") {
      std::size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) return {};
      i = e + 3;
      continue;
    }
    if (starts_with_ci(s, i, "<meta") && i + 5 < s.size() &&
        (is_space(s[i + 5]) || s[i + 5] == '/')) {
      std::size_t e = s.find('>', i);
      std::string_view tag = s.substr(i, e == std::string_view::npos ? s.size() - i : e - i);
      // charset="x" and content="text/html; charset=x" both read "charset" then "=".
      for (std::size_t at = 0; (at = find_ci(tag, "charset", at)) != std::string_view::npos;) {
        at += 7;
        if (auto label = label_after(tag, at); !label.empty()) return label;
      }
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    ++i;
  }
  return {};
}

// The ASCII of a UTF-16/32 text: every `unit`-th byte from `lo`, until the
// first unit that is not ASCII.
std::string narrow_units(std::string_view s, std::size_t unit, std::size_t lo) {
  std::string out;
  for (std::size_t i = 0; i + unit <= s.size() && out.size() < 512; i += unit) {
    bool ascii = true;
    for (std::size_t k = 0; k < unit; ++k)
      if (k != lo && s[i + k] != 0) ascii = false;
    const auto c = static_cast<unsigned char>(s[i + lo]);
    if (!ascii || c >= 0x80 || c == 0) break;
    out.push_back(static_cast<char>(c));
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, "?>") == 0) break;
  }
  return out;
}

}  // namespace

CharsetSniff sniff_charset(std::string_view head) {
  using From = CharsetSniff::From;
  auto bom = [&](std::string_view b) { return head.substr(0, b.size()) == b; };
  using namespace std::string_view_literals;
  if (bom("\xEF\xBB\xBF"sv)) return {"UTF-8", 3, From::bom};
  if (bom("\xFF\xFE\x00\x00"sv)) return {"UTF-32LE", 4, From::bom};
  if (bom("\x00\x00\xFE\xFF"sv)) return {"UTF-32BE", 4, From::bom};
  if (bom("\xFF\xFE"sv)) return {"UTF-16LE", 2, From::bom};
  if (bom("\xFE\xFF"sv)) return {"UTF-16BE", 2, From::bom};

  // "<?" in a wider encoding: the byte order is the charset.
  struct Wide { std::string_view pattern; const char* name; std::size_t unit, lo; };
  static constexpr Wide kWide[] = {
      {"<\0\0\0?\0\0\0"sv, "UTF-32LE", 4, 0}, {"\0\0\0<\0\0\0?"sv, "UTF-32BE", 4, 3},
      {"<\0?\0"sv, "UTF-16LE", 2, 0},         {"\0<\0?"sv, "UTF-16BE", 2, 1}};
  for (const Wide& w : kWide) {
    if (!bom(w.pattern)) continue;
    bool decl = false;
    std::string ascii = narrow_units(head.substr(0, kCharsetSniffWindow), w.unit, w.lo);
    (void)xml_encoding(ascii, &decl);
    if (decl) return {w.name, 0, From::xml_declaration};
  }

  std::string_view window = head.substr(0, kCharsetSniffWindow);
  bool decl = false;
  std::string_view label = xml_encoding(window, &decl);
  if (!label.empty()) return {std::string(label), 0, From::xml_declaration};
  label = html_meta_charset(window);
  if (!label.empty()) {
    // WHATWG: bytes that could carry this <meta> are not UTF-16.
    if (starts_with_ci(label, 0, "utf-16")) return {"UTF-8", 0, From::html_meta};
    return {std::string(label), 0, From::html_meta};
  }
  return {};
}

// --------------------------------------------------------------- Transcoder

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// WHATWG Encoding: labels whose content in the wild is a superset, by ICU's
// internal name (so every alias spelling is covered).
const char* superset_of(const char* internal) {
  static constexpr std::pair<const char*, const char*> kSupersets[] = {
      {"ISO-8859-1", "windows-1252"},        {"US-ASCII", "windows-1252"},
      {"ibm-920_P100-1995", "windows-1254"}, {"iso-8859_11-2001", "windows-874"},
      {"ibm-1383_P110-1999", "gb18030"},     {"windows-936-2000", "gb18030"},
      {"ibm-970_P110_P110-2006_U2", "windows-949"}};
  for (const auto& [from, to] : kSupersets)
    if (std::strcmp(internal, from) == 0) return to;
  return nullptr;
}

std::string canonical_name(const char* internal) {
  for (const char* standard : {"MIME", "IANA", "WINDOWS"}) {
    UErrorCode err = U_ZERO_ERROR;
    const char* n = ucnv_getStandardName(internal, standard, &err);
    if (U_SUCCESS(err) && n != nullptr) return n;
  }
  return internal;
}

}  // namespace

namespace detail {

// What ICU's callback updates: a type of its own, since the callback (a free
// function) cannot name the private Transcoder::Impl.
struct TranscodeCounts {
  std::size_t replaced = 0;
  std::int64_t first_replaced = -1;
  std::int64_t consumed = 0;  // stream bytes before the current chunk
  const char* chunk = nullptr;  // the current chunk, for the callback's offsets

  void count(std::int64_t offset) {
    if (replaced++ == 0) first_replaced = offset < 0 ? 0 : offset;
  }
};

}  // namespace detail

struct __attribute__((visibility("hidden"))) Transcoder::Impl {
  ConverterPtr cnv;  // null for UTF-8, which takes the decoder of text/utf8.hpp
  std::string name;
  bool utf8 = false;
  bool drop_bom = false;  // UTF-16LE/BE, UTF-32LE/BE: ICU keeps a BOM as U+FEFF
  bool started = false;   // the first character of the stream was seen
  bool finished = false;
  std::string tail;       // UTF-8: an incomplete sequence left by the last chunk
  char16_t lead = 0;      // a lead surrogate split from its trail by a full buffer
  detail::TranscodeCounts n;
  std::array<UChar, 2048> buf{};

  Status append_utf8(std::string_view bytes, std::string& out, bool last);
  Status append_icu(std::string_view bytes, std::string& out, bool last);
  void emit(const UChar* p, const UChar* end, std::string& out);
};

namespace {

// One U+FFFD per ill-formed sequence (ICU's own substitute is U+001A for
// single-byte charsets), counted with its stream offset.
void to_u_replace(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t length,
                  UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  auto* n = static_cast<detail::TranscodeCounts*>(const_cast<void*>(context));
  n->count(n->consumed + (args->source - n->chunk) - length);
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

}  // namespace

void Transcoder::Impl::emit(const UChar* p, const UChar* end, std::string& out) {
  for (; p < end; ++p) {
    char32_t c = *p;
    if (lead != 0) {
      char16_t l = lead;
      lead = 0;
      if (c >= 0xDC00 && c <= 0xDFFF) {
        detail::append_utf8(out, 0x10000 + ((char32_t(l) - 0xD800) << 10) + (c - 0xDC00));
        continue;
      }
      detail::append_utf8(out, detail::kReplacement);
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
      lead = static_cast<char16_t>(c);
      started = true;
      continue;
    }
    if (c >= 0xDC00 && c <= 0xDFFF) c = detail::kReplacement;
    if (!started) {
      started = true;
      if (drop_bom && c == 0xFEFF) continue;
    }
    detail::append_utf8(out, c);
  }
}

Status Transcoder::Impl::append_icu(std::string_view bytes, std::string& out, bool last) {
  static const char kEmpty[1] = {0};
  const char* src = bytes.empty() ? kEmpty : bytes.data();
  const char* src_end = src + bytes.size();
  n.chunk = src;
  for (;;) {
    UChar* target = buf.data();
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr, last, &err);
    emit(buf.data(), target, out);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err))
      return Error(ErrorCode::internal, std::string("ICU conversion failed: ") + u_errorName(err));
    break;
  }
  if (last && lead != 0) {
    lead = 0;
    detail::append_utf8(out, detail::kReplacement);
  }
  n.consumed += static_cast<std::int64_t>(bytes.size());
  return {};
}

Status Transcoder::Impl::append_utf8(std::string_view bytes, std::string& out, bool last) {
  std::string joined;
  std::string_view data = bytes;
  const std::int64_t base = n.consumed - static_cast<std::int64_t>(tail.size());
  if (!tail.empty()) {
    joined = std::move(tail) + std::string(bytes);
    tail.clear();
    data = joined;
  }
  n.consumed += static_cast<std::int64_t>(bytes.size());
  std::size_t i = 0;
  if (!started && !data.empty()) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (data.size() < 3 && !last && kBom.substr(0, data.size()) == data) {
      tail.assign(data);  // could still be a BOM
      return {};
    }
    started = true;
    if (data.substr(0, 3) == kBom) i = 3;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const std::size_t size = data.size();
  while (i < size) {
    const std::size_t bad = detail::find_invalid_utf8(data.substr(i));
    if (bad == std::string_view::npos) {
      out.append(data.substr(i));
      break;
    }
    out.append(data.substr(i, bad));
    i += bad;
    const detail::Decoded d = detail::decode_utf8(p + i, size - i);
    // A valid lead whose maximal subpart reaches the chunk's end is a
    // sequence cut by the chunking, not an error (yet).
    if (!last && i + d.len == size && p[i] >= 0xC2 && p[i] <= 0xF4) {
      tail.assign(data.substr(i));
      break;
    }
    n.count(base + static_cast<std::int64_t>(i));
    detail::append_utf8(out, detail::kReplacement);
    i += d.len;
  }
  return {};
}

Transcoder::Transcoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transcoder::~Transcoder() = default;
Transcoder::Transcoder(Transcoder&&) noexcept = default;
Transcoder& Transcoder::operator=(Transcoder&&) noexcept = default;

Result<Transcoder> Transcoder::open(std::string_view charset) {
  // ICU opens the default converter for "" and reads labels as C strings.
  if (charset.empty() || charset.size() > 64 || charset.find('\0') != std::string_view::npos)
    return Error(ErrorCode::invalid_argument, "unknown encoding '" + std::string(charset) + "'");
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(std::string(charset).c_str(), &err));
  if (U_FAILURE(err) || !cnv)
    return Error(ErrorCode::invalid_argument, "unknown encoding '" + std::string(charset) + "'");
  if (const char* wider = superset_of(ucnv_getName(cnv.get(), &err))) {
    err = U_ZERO_ERROR;
    cnv.reset(ucnv_open(wider, &err));
    if (U_FAILURE(err) || !cnv)
      return Error(ErrorCode::internal, std::string("ICU has no converter for ") + wider);
  }
  auto impl = std::make_unique<Impl>();
  err = U_ZERO_ERROR;
  const char* internal = ucnv_getName(cnv.get(), &err);
  impl->name = canonical_name(internal);
  impl->utf8 = std::strcmp(internal, "UTF-8") == 0;
  for (const char* n : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    if (std::strcmp(internal, n) == 0) impl->drop_bom = true;
  if (impl->utf8) {
    cnv.reset();
  } else {
    err = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv.get(), to_u_replace, &impl->n, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return Error(ErrorCode::internal, "cannot set the ICU callback");
    impl->cnv = std::move(cnv);
  }
  return Transcoder(std::move(impl));
}

Status Transcoder::append(std::string_view bytes, std::string& out, bool last) {
  if (!impl_) return Error(ErrorCode::invalid_argument, "transcoder was moved from");
  if (impl_->finished)
    return Error(ErrorCode::invalid_argument, "append after the last chunk (call reset())");
  impl_->finished = last;
  return impl_->utf8 ? impl_->append_utf8(bytes, out, last) : impl_->append_icu(bytes, out, last);
}

void Transcoder::reset() {
  if (!impl_) return;
  Impl& s = *impl_;
  if (s.cnv) ucnv_resetToUnicode(s.cnv.get());
  s.started = s.finished = false;
  s.tail.clear();
  s.lead = 0;
  s.n = detail::TranscodeCounts{};
}

std::size_t Transcoder::replaced() const noexcept { return impl_ ? impl_->n.replaced : 0; }
std::int64_t Transcoder::first_replaced_offset() const noexcept {
  return impl_ ? impl_->n.first_replaced : -1;
}
bool Transcoder::is_utf8() const noexcept { return impl_ && impl_->utf8; }
const std::string& Transcoder::name() const noexcept {
  static const std::string kNone;
  return impl_ ? impl_->name : kNone;
}

Result<std::string> decode_to_utf8(std::string_view bytes, std::string_view charset) {
  auto t = Transcoder::open(charset);
  if (!t) return std::move(t).error();
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  if (Status st = t->append(bytes, out, true); !st) return std::move(st).error();
  return out;
}

}  // namespace digest
