// Internal to the Arrow interchange: columns being built for export, and the
// hand-off of a finished column to the C data interface structs. Not
// installed.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/arrow_abi.h"
#include "digest/model.hpp"

namespace digest::arrow_detail {

// Bytes of a buffer; 16-byte aligned by operator new, which consumers accept.
using Bytes = std::vector<std::uint8_t>;

template <class T>
void put(Bytes& b, T v) {
  std::size_t n = b.size();
  b.resize(n + sizeof(T));
  std::memcpy(b.data() + n, &v, sizeof(T));
}

// One finished column: its type, its buffers (the validity bitmap first,
// empty when nothing is null) and its children.
struct Column {
  std::string format;
  std::string name;
  bool nullable = true;
  std::int64_t length = 0;
  std::int64_t null_count = 0;
  std::vector<Bytes> buffers;
  std::vector<Column> children;
};

// Moves `column` into `schema` and `array`, whose release callbacks free it.
void export_column(Column&& column, ArrowSchema* schema, ArrowArray* array);

// A validity bitmap built as rows arrive; dropped when no row is null.
class Validity {
 public:
  void append(bool valid) {
    if ((length_ & 7) == 0) bits_.push_back(0);
    if (valid) bits_.back() |= static_cast<std::uint8_t>(1u << (length_ & 7));
    else ++nulls_;
    ++length_;
  }
  std::int64_t length() const { return length_; }
  std::int64_t nulls() const { return nulls_; }
  Bytes take() { return nulls_ ? std::move(bits_) : Bytes{}; }

 private:
  Bytes bits_;
  std::int64_t length_ = 0, nulls_ = 0;
};

// utf8 (or large_utf8 past 2 GiB of text); empty text is null unless
// `empty_is_null` is false.
class TextBuilder {
 public:
  explicit TextBuilder(bool empty_is_null = true) : empty_is_null_(empty_is_null) {
    offsets_.push_back(0);
  }
  void append(std::string_view s) {
    bool valid = !(empty_is_null_ && s.empty());
    valid_.append(valid);
    if (valid && !s.empty()) {
      std::size_t n = data_.size();
      data_.resize(n + s.size());
      std::memcpy(data_.data() + n, s.data(), s.size());
    }
    offsets_.push_back(static_cast<std::int64_t>(data_.size()));
  }
  void append_null() {
    valid_.append(false);
    offsets_.push_back(static_cast<std::int64_t>(data_.size()));
  }
  Column finish(std::string name, bool nullable = true);

 private:
  bool empty_is_null_;
  Validity valid_;
  std::vector<std::int64_t> offsets_;
  Bytes data_;  // becomes the column's data buffer as it is
};

// list<utf8>: a list per row, never null (an empty list when none).
class TextListBuilder {
 public:
  TextListBuilder() : items_(false) { put<std::int32_t>(offsets_, 0); }
  void append(const std::vector<std::string>& values) {
    for (const auto& v : values) items_.append(v);
    count_ += static_cast<std::int64_t>(values.size());
    put<std::int32_t>(offsets_, static_cast<std::int32_t>(count_));
    ++length_;
  }
  Column finish(std::string name);

 private:
  TextBuilder items_;
  Bytes offsets_;
  std::int64_t count_ = 0, length_ = 0;
};

// Fixed-width values (int64 timestamps, int16 offsets) with nulls.
template <class T>
class FixedBuilder {
 public:
  explicit FixedBuilder(std::string format) : format_(std::move(format)) {}
  void append(std::optional<T> v) {
    valid_.append(v.has_value());
    put<T>(values_, v.value_or(T{}));
  }
  Column finish(std::string name) {
    Column c;
    c.format = format_;
    c.name = std::move(name);
    c.length = valid_.length();
    c.null_count = valid_.nulls();
    c.buffers.push_back(valid_.take());
    c.buffers.push_back(std::move(values_));
    return c;
  }

 private:
  std::string format_;
  Validity valid_;
  Bytes values_;
};

// Booleans, never null.
class BoolBuilder {
 public:
  void append(bool b) {
    if ((length_ & 7) == 0) bits_.push_back(0);
    if (b) bits_.back() |= static_cast<std::uint8_t>(1u << (length_ & 7));
    ++length_;
  }
  Column finish(std::string name);

 private:
  Bytes bits_;
  std::int64_t length_ = 0;
};

// The post columns of export_posts_arrow (docs/arrow.md), built a post at
// a time, so that a stream of posts need not be held to make a batch.
class PostColumns {
 public:
  void append(const Post& p);
  std::int64_t size() const { return rows_; }
  // Appends the finished columns, in schema order, to `out`.
  void finish(std::vector<Column>& out);

 private:
  TextBuilder id_{false}, title_, url_, source_, place_, excerpt_, body_, language_, cluster_,
      story_, extra_;
  TextListBuilder authors_, tags_;
  FixedBuilder<std::int64_t> posted_{"tsu:UTC"}, published_{"tsu:UTC"};
  FixedBuilder<std::int16_t> posted_offset_{"s"}, published_offset_{"s"};
  BoolBuilder posted_time_, published_time_;
  std::int64_t rows_ = 0;
};

// A struct column (a record batch at the top) of finished children.
Column struct_column(std::string name, std::int64_t length, std::vector<Column>&& children);

// Microseconds since 1970-01-01T00:00Z of a DateTime: the instant when it has
// a time (a time without an offset is taken as UTC), its midnight UTC when
// it has only a date.
std::int64_t to_unix_micros(const DateTime& dt);

}  // namespace digest::arrow_detail
