// Posts and sources from an Arrow stream of record batches: each column is
// matched by name to a field, read in place, checked, and the rows added all
// or nothing.
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

#include "digest/arrow.hpp"
#include "digest/json.hpp"
#include "text/safe.hpp"
#include "text/utf8.hpp"

namespace digest {

namespace {

// What a field expects of its column.
enum class Role { text, text_list, when, flag, minutes };

// One column of one batch, read in place.
class ColumnReader {
 public:
  // Empty string on success, else why the column cannot serve `role`.
  std::string open(const ArrowSchema& schema, const ArrowArray& array, Role role) {
    array_ = &array;
    std::string f = schema.format ? schema.format : "";
    if (f == "n") {
      kind_ = Kind::null;
      return {};
    }
    switch (role) {
      case Role::text: {
        auto t = ArrowTextColumn::view(schema, array);
        if (!t) return "a text column (utf8), not format '" + f + "'";
        text_ = *t;
        kind_ = Kind::text;
        return {};
      }
      case Role::text_list: {
        if ((f != "+l" && f != "+L") || schema.n_children != 1 || array.n_children != 1)
          return "a list of text, not format '" + f + "'";
        auto t = ArrowTextColumn::view(*schema.children[0], *array.children[0]);
        if (!t) {
          if (schema.children[0]->format && std::strcmp(schema.children[0]->format, "n") == 0) {
            kind_ = Kind::null_list;
            return {};
          }
          return "a list of text, not of format '" + std::string(schema.children[0]->format) + "'";
        }
        text_ = *t;
        kind_ = f == "+l" ? Kind::list32 : Kind::list64;
        return {};
      }
      case Role::when:
        if (f.rfind("ts", 0) == 0 && f.size() >= 4 && f[3] == ':') {
          switch (f[2]) {
            case 's': scale_num_ = 1000000; scale_den_ = 1; break;
            case 'm': scale_num_ = 1000; scale_den_ = 1; break;
            case 'u': scale_num_ = 1; scale_den_ = 1; break;
            case 'n': scale_num_ = 1; scale_den_ = 1000; break;
            default: return "a timestamp or a date, not format '" + f + "'";
          }
          kind_ = Kind::timestamp;
          return {};
        }
        if (f == "tdD") { kind_ = Kind::date32; return {}; }
        if (f == "tdm") { kind_ = Kind::date64; return {}; }
        return "a timestamp or a date, not format '" + f + "'";
      case Role::flag:
        if (f == "b") { kind_ = Kind::boolean; return {}; }
        return "booleans, not format '" + f + "'";
      case Role::minutes: {
        static const std::unordered_map<std::string, std::pair<Kind, int>> ints = {
            {"c", {Kind::integer, 1}}, {"s", {Kind::integer, 2}}, {"i", {Kind::integer, 4}},
            {"l", {Kind::integer, 8}}, {"f", {Kind::floating, 4}}, {"g", {Kind::floating, 8}}};
        auto it = ints.find(f);
        if (it == ints.end()) return "integers (minutes), not format '" + f + "'";
        kind_ = it->second.first;
        width_ = it->second.second;
        return {};
      }
    }
    return "an unknown role";
  }

  bool is_null(std::int64_t row) const {
    if (kind_ == Kind::null) return true;
    if (kind_ == Kind::text) return text_.is_null(row);
    if (array_->null_count == 0 || !array_->buffers[0]) return false;
    std::int64_t k = row + array_->offset;
    auto* bits = static_cast<const std::uint8_t*>(array_->buffers[0]);
    return (bits[k >> 3] & (1u << (k & 7))) == 0;
  }
  bool is_date_only_type() const { return kind_ == Kind::date32 || kind_ == Kind::date64; }

  std::string_view text(std::int64_t row) const {
    return is_null(row) ? std::string_view() : text_.value(row);
  }
  void text_list(std::int64_t row, std::vector<std::string>& out) const {
    out.clear();
    if (kind_ == Kind::null || kind_ == Kind::null_list || is_null(row)) return;
    std::int64_t k = row + array_->offset, first, last;
    if (kind_ == Kind::list32) {
      auto* o = static_cast<const std::int32_t*>(array_->buffers[1]);
      first = o[k];
      last = o[k + 1];
    } else {
      auto* o = static_cast<const std::int64_t*>(array_->buffers[1]);
      first = o[k];
      last = o[k + 1];
    }
    for (std::int64_t j = first; j < last; ++j)
      if (!text_.is_null(j)) out.emplace_back(text_.value(j));
  }
  // Microseconds since the epoch, floor-divided from finer units.
  std::optional<std::int64_t> micros(std::int64_t row) const {
    if (is_null(row)) return std::nullopt;
    std::int64_t k = row + array_->offset;
    if (kind_ == Kind::date32) {
      std::int32_t d;
      std::memcpy(&d, static_cast<const char*>(array_->buffers[1]) + 4 * k, 4);
      return static_cast<std::int64_t>(d) * 86400LL * 1000000;
    }
    std::int64_t v;
    std::memcpy(&v, static_cast<const char*>(array_->buffers[1]) + 8 * k, 8);
    if (kind_ == Kind::date64) return floor_div(v, 86400000) * 86400LL * 1000000;
    if (scale_den_ > 1) return floor_div(v, scale_den_);
    if (scale_num_ > 1) {
      if (v > std::numeric_limits<std::int64_t>::max() / scale_num_ ||
          v < std::numeric_limits<std::int64_t>::min() / scale_num_)
        return std::numeric_limits<std::int64_t>::max();  // out of range: rejected by the caller
      return v * scale_num_;
    }
    return v;
  }
  std::optional<bool> flag(std::int64_t row) const {
    if (is_null(row)) return std::nullopt;
    std::int64_t k = row + array_->offset;
    auto* bits = static_cast<const std::uint8_t*>(array_->buffers[1]);
    return (bits[k >> 3] & (1u << (k & 7))) != 0;
  }
  // Minutes, or nullopt for null and NaN; `bad` is set for a fraction or an
  // out-of-range value.
  std::optional<std::int64_t> minutes(std::int64_t row, bool& bad) const {
    if (is_null(row)) return std::nullopt;
    std::int64_t k = row + array_->offset;
    const char* base = static_cast<const char*>(array_->buffers[1]) + width_ * k;
    if (kind_ == Kind::floating) {
      double d;
      if (width_ == 4) {
        float f;
        std::memcpy(&f, base, 4);
        d = f;
      } else {
        std::memcpy(&d, base, 8);
      }
      if (std::isnan(d)) return std::nullopt;
      if (d != std::floor(d) || std::fabs(d) > 1e6) {
        bad = true;
        return std::nullopt;
      }
      return static_cast<std::int64_t>(d);
    }
    switch (width_) {
      case 1: { std::int8_t v; std::memcpy(&v, base, 1); return v; }
      case 2: { std::int16_t v; std::memcpy(&v, base, 2); return v; }
      case 4: { std::int32_t v; std::memcpy(&v, base, 4); return v; }
      default: { std::int64_t v; std::memcpy(&v, base, 8); return v; }
    }
  }

 private:
  enum class Kind { null, text, list32, list64, null_list, timestamp, date32, date64, boolean,
                    integer, floating };
  static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
  }
  Kind kind_ = Kind::null;
  const ArrowArray* array_ = nullptr;
  ArrowTextColumn text_;
  std::int64_t scale_num_ = 1, scale_den_ = 1;
  int width_ = 8;
};

// Releases what the stream hands out, on every path.
struct StreamGuard {
  ArrowArrayStream* s;
  ~StreamGuard() {
    if (s && s->release) s->release(s);
  }
};
struct SchemaGuard {
  ArrowSchema s{};
  ~SchemaGuard() {
    if (s.release) s.release(&s);
  }
};
struct ArrayGuard {
  ArrowArray a{};
  ~ArrayGuard() {
    if (a.release) a.release(&a);
  }
};

// A failure at `row` of column `column`.
Error cell_error(ErrorCode code, std::size_t row, std::string_view column, const std::string& why) {
  Error e(code, "row " + std::to_string(row) + ", column '" + std::string(column) + "': " + why);
  e.field = std::string(column);
  e.offset = row;
  return e;
}

// The fields a record has: its column names and roles.
struct FieldSpec {
  const char* name;
  Role role;
};

// Runs `row_fn(readers, row, global_row)` over every row of every batch, the
// readers indexed like `fields` (absent columns are null readers).
Status each_row(ArrowArrayStream* stream, std::span<const FieldSpec> fields,
                const ArrowImportOptions& options,
                const std::function<Status(std::vector<ColumnReader>&, std::int64_t, std::size_t)>&
                    row_fn) {
  if (!stream || !stream->release)
    return Error(ErrorCode::invalid_argument, "the Arrow stream is null or released");
  StreamGuard guard{stream};
  auto stream_error = [&](const char* what, int code) {
    const char* msg = stream->get_last_error ? stream->get_last_error(stream) : nullptr;
    return Error(ErrorCode::parse_error, std::string(what) + " (errno " + std::to_string(code) +
                                             (msg ? std::string("): ") + msg : std::string(")")));
  };
  SchemaGuard schema;
  if (int rc = stream->get_schema(stream, &schema.s); rc != 0)
    return stream_error("cannot read the Arrow stream's schema", rc);
  if (!schema.s.format || std::strcmp(schema.s.format, "+s") != 0)
    return Error(ErrorCode::wrong_type, "expected a table (a struct of columns), not Arrow format '" +
                                            std::string(schema.s.format ? schema.s.format : "") + "'");
  // Column index of each field, -1 when absent.
  std::vector<std::int64_t> column_of(fields.size(), -1);
  std::string unknown;
  for (std::int64_t c = 0; c < schema.s.n_children; ++c) {
    std::string_view name = schema.s.children[c]->name ? schema.s.children[c]->name : "";
    bool found = false;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (name != fields[f].name) continue;
      if (column_of[f] >= 0)
        return Error(ErrorCode::parse_error, "two columns named '" + std::string(name) + "'");
      column_of[f] = c;
      found = true;
    }
    if (!found && !options.ignore_unknown_columns)
      unknown += (unknown.empty() ? "" : ", ") + detail::quote_for_message(name);
  }
  if (!unknown.empty())
    return Error(ErrorCode::invalid_argument,
                 "unknown columns " + unknown + " (drop them, or ignore unknown columns)");
  if (column_of[0] < 0) return Error(ErrorCode::missing_field, "no 'id' column");

  std::size_t global = 0;
  std::vector<ColumnReader> readers(fields.size());
  for (;;) {
    ArrayGuard batch;
    if (int rc = stream->get_next(stream, &batch.a); rc != 0)
      return stream_error("cannot read the next Arrow batch", rc);
    if (!batch.a.release) break;  // the end of the stream
    if (batch.a.n_children != schema.s.n_children || batch.a.length < 0)
      return Error(ErrorCode::parse_error, "an Arrow batch does not match its schema");
    for (std::size_t f = 0; f < fields.size(); ++f) {
      readers[f] = ColumnReader();
      if (column_of[f] < 0) continue;
      const ArrowSchema& cs = *schema.s.children[column_of[f]];
      const ArrowArray& ca = *batch.a.children[column_of[f]];
      if (ca.length < batch.a.length + batch.a.offset)
        return Error(ErrorCode::parse_error, "column '" + std::string(fields[f].name) + "' is short");
      std::string why = readers[f].open(cs, ca, fields[f].role);
      if (!why.empty()) {
        Error e(ErrorCode::wrong_type, "column '" + std::string(fields[f].name) + "' must be " + why);
        e.field = fields[f].name;
        return e;
      }
    }
    for (std::int64_t r = 0; r < batch.a.length; ++r, ++global)
      if (Status s = row_fn(readers, r + batch.a.offset, global); !s) return s;
  }
  return {};
}

Status text_cell(const ColumnReader& col, std::int64_t row, std::size_t global, const char* name,
                 std::string& out) {
  std::string_view v = col.text(row);
  if (auto bad = detail::first_invalid_utf8(v))
    return cell_error(ErrorCode::invalid_utf8, global, name,
                      "invalid UTF-8 at byte " + std::to_string(*bad));
  out.assign(v);
  return {};
}

Status list_cell(const ColumnReader& col, std::int64_t row, std::size_t global, const char* name,
                 std::vector<std::string>& out) {
  col.text_list(row, out);
  for (const std::string& v : out)
    if (auto bad = detail::first_invalid_utf8(v))
      return cell_error(ErrorCode::invalid_utf8, global, name,
                        "invalid UTF-8 at byte " + std::to_string(*bad));
  return {};
}

Status extra_cell(const ColumnReader& col, std::int64_t row, std::size_t global,
                  std::vector<ExtraField>& out) {
  out.clear();
  if (col.is_null(row)) return {};
  std::string_view v = col.text(row);
  if (v.empty()) return {};
  auto r = extra_fields_from_json(v);
  if (!r) return cell_error(r.error().code, global, "extra", r.error().message);
  out = std::move(*r);
  return {};
}

// A date from its three columns (see import_posts_arrow).
Status date_cell(const ColumnReader& when, const ColumnReader& has_time,
                 const ColumnReader& offset, std::int64_t row, std::size_t global,
                 const char* name, std::optional<DateTime>& out) {
  out.reset();
  auto us = when.micros(row);
  if (!us) return {};
  constexpr std::int64_t kDay = 86400LL * 1000000;
  // Boost's dates: 1400-01-01 to 9999-12-31.
  constexpr std::int64_t kMinDay = -208188, kMaxDay = 2932896;
  bool bad_minutes = false;
  auto minutes = offset.minutes(row, bad_minutes);
  if (bad_minutes || (minutes && (*minutes <= -24 * 60 || *minutes >= 24 * 60)))
    return cell_error(ErrorCode::invalid_argument, global, std::string(name) + "_utc_offset",
                      "a UTC offset must be whole minutes within a day");
  std::optional<bool> timed = has_time.flag(row);
  bool with_time = timed ? *timed : (!when.is_date_only_type() && (*us % kDay) != 0);
  std::int64_t local = *us;
  if (with_time && minutes) local += *minutes * 60000000;
  std::int64_t day = local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
  if (day < kMinDay || day > kMaxDay)
    return cell_error(ErrorCode::invalid_argument, global, name,
                      "a date outside the years 1400 to 9999");
  DateTime dt(Date(1970, 1, 1) + boost::gregorian::date_duration(day));
  if (with_time) dt.seconds = static_cast<std::int32_t>((local - day * kDay) / 1000000);
  if (minutes) dt.utc_offset_minutes = static_cast<std::int32_t>(*minutes);
  out = dt;
  return {};
}

constexpr FieldSpec kPostFields[] = {
    {"id", Role::text},          {"title", Role::text},
    {"url", Role::text},         {"source", Role::text},
    {"place", Role::text},       {"excerpt", Role::text},
    {"body", Role::text},        {"language", Role::text},
    {"authors", Role::text_list}, {"tags", Role::text_list},
    {"posted_on", Role::when},   {"posted_on_has_time", Role::flag},
    {"posted_on_utc_offset", Role::minutes},
    {"published_on", Role::when}, {"published_on_has_time", Role::flag},
    {"published_on_utc_offset", Role::minutes},
    {"extra", Role::text},
    // Since 0.3; a table without them (an older export) reads as empty.
    {"cluster", Role::text},     {"story", Role::text},
    // Written by digest exports; read and dropped so a digest's table loads.
    {"section", Role::text},     {"section_heading", Role::text},
};

constexpr FieldSpec kSourceFields[] = {
    {"id", Role::text},      {"name", Role::text},    {"aliases", Role::text_list},
    {"url", Role::text},     {"language", Role::text}, {"country", Role::text},
    {"extra", Role::text},
};

Status check_id(const ColumnReader& col, std::int64_t row, std::size_t global, std::string& id) {
  if (col.is_null(row) || col.text(row).empty())
    return cell_error(ErrorCode::missing_field, global, "id", "the id is missing");
  return text_cell(col, row, global, "id", id);
}

}  // namespace

Result<ArrowImportReport> import_posts_arrow(Collection& collection, ArrowArrayStream* stream,
                                             const ArrowImportOptions& options) {
  Collection temp;
  Status s = each_row(
      stream, kPostFields, options,
      [&](std::vector<ColumnReader>& c, std::int64_t r, std::size_t g) -> Status {
        Post p;
        Status st = check_id(c[0], r, g, p.id);
        if (st) st = text_cell(c[1], r, g, "title", p.title);
        if (st) st = text_cell(c[2], r, g, "url", p.url);
        if (st) st = text_cell(c[3], r, g, "source", p.source);
        if (st) st = text_cell(c[4], r, g, "place", p.place);
        if (st) st = text_cell(c[5], r, g, "excerpt", p.excerpt);
        if (st) st = text_cell(c[6], r, g, "body", p.body);
        if (st) st = text_cell(c[7], r, g, "language", p.language);
        if (st) st = list_cell(c[8], r, g, "authors", p.authors);
        if (st) st = list_cell(c[9], r, g, "tags", p.tags);
        if (st) st = date_cell(c[10], c[11], c[12], r, g, "posted_on", p.posted_on);
        if (st) st = date_cell(c[13], c[14], c[15], r, g, "published_on", p.published_on);
        if (st) st = extra_cell(c[16], r, g, p.extra);
        if (st) st = text_cell(c[17], r, g, "cluster", p.cluster);
        if (st) st = text_cell(c[18], r, g, "story", p.story);
        if (!st) return st;
        if (Status added = temp.add_post(std::move(p)); !added) {
          Error e = std::move(added).error();
          return cell_error(e.code, g, "id", e.message);
        }
        return {};
      });
  if (!s) return std::move(s).error();
  ArrowImportReport report;
  report.posts_added = temp.size();
  if (Status m = collection.merge(std::move(temp)); !m) return std::move(m).error();
  return report;
}

Result<ArrowImportReport> import_sources_arrow(Collection& collection, ArrowArrayStream* stream,
                                               const ArrowImportOptions& options) {
  Collection temp;
  Status s = each_row(
      stream, kSourceFields, options,
      [&](std::vector<ColumnReader>& c, std::int64_t r, std::size_t g) -> Status {
        Source src;
        Status st = check_id(c[0], r, g, src.id);
        if (st) st = text_cell(c[1], r, g, "name", src.name);
        if (st) st = list_cell(c[2], r, g, "aliases", src.aliases);
        if (st) st = text_cell(c[3], r, g, "url", src.url);
        if (st) st = text_cell(c[4], r, g, "language", src.language);
        if (st) st = text_cell(c[5], r, g, "country", src.country);
        if (st) st = extra_cell(c[6], r, g, src.extra);
        if (!st) return st;
        if (Status added = temp.add_source(std::move(src)); !added) {
          Error e = std::move(added).error();
          return cell_error(e.code, g, "id", e.message);
        }
        return {};
      });
  if (!s) return std::move(s).error();
  ArrowImportReport report;
  report.sources_added = temp.sources().size();
  if (Status m = collection.merge(std::move(temp)); !m) return std::move(m).error();
  return report;
}

}  // namespace digest
