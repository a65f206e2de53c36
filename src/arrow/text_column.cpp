// ArrowTextColumn: reads utf8, large_utf8 and utf8_view arrays in place.
#include <cstring>
#include <string>

#include "digest/arrow.hpp"

namespace digest {

Result<ArrowTextColumn> ArrowTextColumn::view(const ArrowSchema& schema, const ArrowArray& array) {
  ArrowTextColumn c;
  const char* f = schema.format ? schema.format : "";
  if (std::strcmp(f, "u") == 0) {
    c.kind_ = Kind::utf8;
  } else if (std::strcmp(f, "U") == 0) {
    c.kind_ = Kind::large_utf8;
  } else if (std::strcmp(f, "vu") == 0) {
    c.kind_ = Kind::utf8_view;
  } else {
    return Error(ErrorCode::invalid_argument,
                 "expected an Arrow text array (utf8, large_utf8 or utf8_view), not format '" +
                     std::string(f) + "'");
  }
  if (array.length < 0 || array.offset < 0 || array.n_buffers < (c.kind_ == Kind::utf8_view ? 2 : 3))
    return Error(ErrorCode::invalid_argument, "malformed Arrow text array");
  c.length_ = array.length;
  c.offset_ = array.offset;
  c.validity_ = array.null_count == 0 ? nullptr : static_cast<const std::uint8_t*>(array.buffers[0]);
  c.offsets_ = array.buffers[1];
  c.data_ = c.kind_ == Kind::utf8_view ? nullptr : static_cast<const char*>(array.buffers[2]);
  c.array_ = &array;
  if (c.length_ > 0 && !c.offsets_) return Error(ErrorCode::invalid_argument, "malformed Arrow text array");
  return c;
}

bool ArrowTextColumn::is_null(std::int64_t i) const {
  if (!validity_) return false;
  std::int64_t k = i + offset_;
  return (validity_[k >> 3] & (1u << (k & 7))) == 0;
}

std::string_view ArrowTextColumn::value(std::int64_t i) const {
  std::int64_t k = i + offset_;
  switch (kind_) {
    case Kind::utf8: {
      auto* o = static_cast<const std::int32_t*>(offsets_);
      return {data_ + o[k], static_cast<std::size_t>(o[k + 1] - o[k])};
    }
    case Kind::large_utf8: {
      auto* o = static_cast<const std::int64_t*>(offsets_);
      return {data_ + o[k], static_cast<std::size_t>(o[k + 1] - o[k])};
    }
    case Kind::utf8_view: {
      // 16-byte views: length, then the bytes inline (<= 12) or a prefix,
      // buffer index and offset into the variadic data buffers.
      const auto* v = static_cast<const std::uint8_t*>(offsets_) + 16 * k;
      std::int32_t len;
      std::memcpy(&len, v, 4);
      if (len <= 12) return {reinterpret_cast<const char*>(v + 4), static_cast<std::size_t>(len)};
      std::int32_t buffer, off;
      std::memcpy(&buffer, v + 8, 4);
      std::memcpy(&off, v + 12, 4);
      auto* data = static_cast<const char*>(array_->buffers[2 + buffer]);
      return {data + off, static_cast<std::size_t>(len)};
    }
  }
  return {};
}

}  // namespace digest
