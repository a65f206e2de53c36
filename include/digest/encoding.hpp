// Legacy encodings and mojibake: finding a document's charset, turning any
// charset ICU knows into UTF-8, and repairing text that went through the
// wrong charset on its way to us. On the normalize floor (ICU only); see
// docs/encodings.md for what is detected and repaired, and the limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "digest/export.h"
#include "digest/result.hpp"

namespace digest {

// How many bytes of a document sniff_charset() looks at for a declaration
// (XML prolog, HTML <meta>): enough for any real <head>, bounded so a huge
// document costs the same as a small one.
inline constexpr std::size_t kCharsetSniffWindow = 4096;

// What a document says about its own charset. Why: feeds and pages carry
// their charset in the bytes (BOM, <?xml encoding>, <meta charset>) more
// often than in a trustworthy HTTP header, and the caller needs it before it
// can decode anything.
struct CharsetSniff {
  // A BOM or UTF-16/32 bytes give ICU's canonical name ("UTF-8", "UTF-16LE",
  // "UTF-32BE"...); a declaration gives the label as declared (trimmed), to
  // pass to Transcoder::open. Empty when nothing is declared.
  std::string charset;
  std::size_t bom_bytes = 0;  // bytes of BOM at the start: skip them, or let Transcoder drop them
  enum class From { none, bom, xml_declaration, html_meta } from = From::none;
};

// Looks, in order, for a BOM (UTF-32 before UTF-16, whose BOM is a prefix of
// it), an XML declaration at the start (also in UTF-16/32 without BOM, seen
// from the "<?" pattern: then the charset is the byte order found, whatever
// the label says), and an HTML <meta charset=...> or <meta http-equiv ...
// content="...; charset=..."> in the first kCharsetSniffWindow bytes
// (comments skipped). As in browsers, a <meta> that declares UTF-16 in an
// ASCII-compatible document means UTF-8. Never fails.
DG_API CharsetSniff sniff_charset(std::string_view head);

// Streaming conversion of one byte stream from a legacy (or Unicode) charset
// to UTF-8. Why streaming: feeds arrive in network or file chunks, and a
// chunk boundary can fall inside a multi-byte character (Shift_JIS, GB18030,
// UTF-16); the converter keeps that state between calls.
//
// Labels are ICU's (every IANA/WHATWG spelling it knows: "windows-1251",
// "cp1256", "latin1", "ISO-8859-6", "koi8-r", "Shift_JIS", "utf-16le",
// "gb2312"...). As in browsers (WHATWG Encoding), labels whose real-world
// content is a superset decode with the superset: ISO-8859-1 and US-ASCII as
// windows-1252, ISO-8859-9 as windows-1254, ISO-8859-11 as windows-874,
// GB2312 and GBK as GB18030, EUC-KR as windows-949; name() says which.
// A BOM at the start of a UTF-8/16/32 stream is dropped (it is not text).
// Bytes the charset cannot map become U+FFFD, one per ill-formed sequence,
// and are counted. Movable, not copyable; one stream at a time, one thread
// at a time.
class DG_API Transcoder {
 public:
  // ErrorCode::invalid_argument "unknown encoding 'x'" for a label ICU does
  // not know (or an empty one).
  static Result<Transcoder> open(std::string_view charset);

  ~Transcoder();
  Transcoder(Transcoder&&) noexcept;
  Transcoder& operator=(Transcoder&&) noexcept;
  Transcoder(const Transcoder&) = delete;
  Transcoder& operator=(const Transcoder&) = delete;

  // Converts the next chunk of the stream and appends the UTF-8 to `out`.
  // `last` flushes: an incomplete sequence at the end becomes U+FFFD. After
  // the last chunk, append fails (invalid_argument) until reset().
  Status append(std::string_view bytes, std::string& out, bool last);

  // Starts a new stream: clears the state and the counts (opening a
  // converter costs more than resetting one).
  void reset();

  // U+FFFD substitutions so far, and the stream byte offset of the first
  // (-1 when none): so callers can warn "N bytes undecodable from byte X".
  std::size_t replaced() const noexcept;
  std::int64_t first_replaced_offset() const noexcept;

  // The charset is UTF-8: callers holding the whole input may validate it in
  // place instead of converting.
  bool is_utf8() const noexcept;

  // The charset actually used, canonical (MIME, else IANA, else Windows, else
  // ICU's name): "windows-1251", "Shift_JIS", "UTF-16LE", "windows-1252" for
  // "latin1".
  const std::string& name() const noexcept;

 private:
  struct Impl;
  explicit Transcoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One-shot form of Transcoder: the whole of `bytes` as UTF-8, substitutions
// silently made (use Transcoder to count them). Errors: unknown charset.
DG_API Result<std::string> decode_to_utf8(std::string_view bytes, std::string_view charset);

// Counts of repair_invalid_utf8().
struct Utf8Repair {
  std::size_t bytes_repaired = 0;  // invalid bytes decoded as Windows-1252
  std::int64_t first_offset = -1;  // input offset of the first, -1 when none
};

// Why: feeds that declare UTF-8 and hold Windows-1252 bytes ("caf\xE9") are
// common, and U+FFFD would lose letters that are easy to recover. Each byte
// of an ill-formed sequence is decoded as Windows-1252 (the five bytes it
// leaves undefined as the C1 control of the same value, as browsers do), so
// "caf\xE9" becomes "café". Valid input is copied unchanged after one bulk
// validity check. `out` receives the result (its contents are replaced;
// `in` may view `out`).
DG_API Utf8Repair repair_invalid_utf8(std::string_view in, std::string& out);

// A repaired text from repair_mojibake().
struct MojibakeFix {
  std::string text;      // the repaired text
  std::string charset;   // what the UTF-8 had been mis-decoded with (first pass):
                         // "windows-1252", "iso-8859-1" (C1 controls seen),
                         // "windows-1251" or "windows-1256"
  std::size_t runs = 0;  // runs repaired in the input
  unsigned passes = 1;   // 2 or 3 when the text had been mis-decoded more than once
};

// Why: titles and excerpts imported from CMSes that decoded UTF-8 as a
// legacy charset and saved the result as UTF-8 ("cafÃ©", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
// "РїСЂРёРІРµС‚", "Ø³Ù„Ø§Ù…", "ط³ظ„ط§ظ…") cannot be searched, folded or read.
// Runs of characters that map back, in Windows-1252 (with ISO-8859-1's C1
// controls), Windows-1251 or Windows-1256, to well-formed multi-byte UTF-8
// whose characters are plausible for that charset (one script, no controls)
// are replaced by what they decode to; the rest of the text is kept. A run
// that real text could also make (an upper-case word's last letter before
// closing punctuation, "IRMÃ”"; a Cyrillic or Arabic letter before one of
// its own script, "Рё"; "Ã" before a space) is repaired only when the same
// text holds an unambiguous run. A BOM read as text ("ï»¿") is dropped.
// Repeated, with the same charset, while the result is still mojibake
// (double encoding), at most three passes.
// std::nullopt when nothing was repaired: correct text of any script comes
// back as nullopt. Ill-formed UTF-8 in `utf8` is left as it is. The common
// case (ASCII, or no pair of characters that could start mojibake) costs one
// scan and no allocation.
DG_API std::optional<MojibakeFix> repair_mojibake(std::string_view utf8);

}  // namespace digest
