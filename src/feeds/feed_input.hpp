// Internal to the feed reader: the stage between the bytes of a feed and
// libxml2. It decides the encoding (a given one, else the BOM or the XML
// declaration, else UTF-8), turns the bytes into UTF-8 with ICU (the
// encoding module), repairs Windows-1252 bytes in a feed that says it is
// UTF-8, and rewrites what XML would reject but feeds carry: HTML entity
// names (&nbsp;, &eacute;) become numeric references and a stray "&"
// becomes "&amp;". libxml2 then always reads UTF-8 and ignores the
// declaration. Streamed: chunks may split characters and references.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "digest/encoding.hpp"
#include "digest/result.hpp"

namespace digest::feed_detail {

class FeedInput {
 public:
  // `encoding`: the caller's choice (empty: sniff the first chunk).
  explicit FeedInput(std::string encoding) : forced_(std::move(encoding)) {}

  // Appends the UTF-8 of `bytes` to `out`; `last` on the final chunk.
  Status push(std::string_view bytes, bool last, std::string& out);

  const std::string& charset() const { return charset_; }
  // Repairs made: invalid UTF-8 bytes read as Windows-1252, bytes the
  // charset cannot map, entity names rewritten, stray ampersands escaped.
  std::size_t bytes_repaired() const { return repaired_.bytes_repaired; }
  std::int64_t first_repaired_offset() const { return repaired_.first_offset; }
  std::size_t unmapped() const { return transcoder_ ? transcoder_->replaced() : 0; }
  std::int64_t first_unmapped_offset() const {
    return transcoder_ ? transcoder_->first_replaced_offset() : -1;
  }
  std::size_t entities_rewritten() const { return entities_; }
  std::size_t ampersands_escaped() const { return ampersands_; }
  std::uint64_t first_ampersand_line() const { return first_amp_line_; }
  // A declared encoding ICU does not know (the feed was read as UTF-8).
  const std::string& unknown_declared() const { return unknown_declared_; }

 private:
  Status start(std::string_view head);
  void filter(std::string_view utf8, bool last, std::string& out);

  std::string forced_;
  std::string charset_;
  bool started_ = false;
  bool utf8_ = true;
  std::optional<Transcoder> transcoder_;
  std::string pending_;   // bytes held back: an incomplete character
  std::string carry_;     // text held back: a possible reference cut by the chunk
  std::string decoded_;   // scratch
  std::uint64_t offset_ = 0;  // input bytes consumed before pending_
  std::uint64_t lines_ = 1;   // lines of filtered text emitted
  Utf8Repair repaired_;
  std::size_t entities_ = 0;
  std::size_t ampersands_ = 0;
  std::uint64_t first_amp_line_ = 0;
  int bom_skip_ = 0;
  bool bom_checked_ = false;
  int in_raw_ = 0;  // 1 inside a CDATA section, 2 inside a comment
  std::string unknown_declared_;
};

}  // namespace digest::feed_detail
