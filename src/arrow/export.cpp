// Posts, sources and digests to Arrow record batches (the schema is in
// docs/arrow.md), and the hand-off to the C data interface.
#include <memory>
#include <new>

#include "arrow/columns.hpp"
#include "digest/arrow.hpp"
#include "digest/json.hpp"

namespace digest {
namespace arrow_detail {

namespace {

// What an exported ArrowArray owns: the column's buffers and its children.
struct ArrayPrivate {
  Column column;
  std::vector<const void*> buffer_ptrs;
  std::vector<ArrowArray> children;
  std::vector<ArrowArray*> child_ptrs;
};

struct SchemaPrivate {
  std::string format, name;
  std::vector<ArrowSchema> children;
  std::vector<ArrowSchema*> child_ptrs;
};

void release_array(ArrowArray* a) {
  if (!a || !a->release) return;
  auto* p = static_cast<ArrayPrivate*>(a->private_data);
  for (ArrowArray& child : p->children)
    if (child.release) child.release(&child);
  delete p;
  a->release = nullptr;
}

void release_schema(ArrowSchema* s) {
  if (!s || !s->release) return;
  auto* p = static_cast<SchemaPrivate*>(s->private_data);
  for (ArrowSchema& child : p->children)
    if (child.release) child.release(&child);
  delete p;
  s->release = nullptr;
}

void fill_schema(const Column& c, ArrowSchema* out) {
  auto* p = new SchemaPrivate{c.format, c.name, {}, {}};
  p->children.resize(c.children.size());
  for (std::size_t i = 0; i < c.children.size(); ++i) {
    fill_schema(c.children[i], &p->children[i]);
    p->child_ptrs.push_back(&p->children[i]);
  }
  out->format = p->format.c_str();
  out->name = p->name.c_str();
  out->metadata = nullptr;
  out->flags = c.nullable ? ARROW_FLAG_NULLABLE : 0;
  out->n_children = static_cast<std::int64_t>(c.children.size());
  out->children = p->child_ptrs.empty() ? nullptr : p->child_ptrs.data();
  out->dictionary = nullptr;
  out->release = release_schema;
  out->private_data = p;
}

void fill_array(Column&& c, ArrowArray* out) {
  auto* p = new ArrayPrivate{};
  p->column = std::move(c);
  Column& col = p->column;
  for (const Bytes& b : col.buffers) p->buffer_ptrs.push_back(b.empty() ? nullptr : b.data());
  p->children.resize(col.children.size());
  for (std::size_t i = 0; i < col.children.size(); ++i) {
    fill_array(std::move(col.children[i]), &p->children[i]);
    p->child_ptrs.push_back(&p->children[i]);
  }
  col.children.clear();  // moved into the child arrays
  out->length = col.length;
  out->null_count = col.null_count;
  out->offset = 0;
  out->n_buffers = static_cast<std::int64_t>(p->buffer_ptrs.size());
  out->n_children = static_cast<std::int64_t>(p->child_ptrs.size());
  out->buffers = p->buffer_ptrs.data();
  out->children = p->child_ptrs.empty() ? nullptr : p->child_ptrs.data();
  out->dictionary = nullptr;
  out->release = release_array;
  out->private_data = p;
}

}  // namespace

void export_column(Column&& column, ArrowSchema* schema, ArrowArray* array) {
  fill_schema(column, schema);
  fill_array(std::move(column), array);
}

Column TextBuilder::finish(std::string name, bool nullable) {
  Column c;
  c.name = std::move(name);
  c.nullable = nullable;
  c.length = valid_.length();
  c.null_count = valid_.nulls();
  c.buffers.push_back(valid_.take());
  Bytes offsets;
  if (data_.size() <= 0x7fffffffu) {
    c.format = "u";
    offsets.reserve(offsets_.size() * 4);
    for (std::int64_t o : offsets_) put<std::int32_t>(offsets, static_cast<std::int32_t>(o));
  } else {
    c.format = "U";
    offsets.reserve(offsets_.size() * 8);
    for (std::int64_t o : offsets_) put<std::int64_t>(offsets, o);
  }
  c.buffers.push_back(std::move(offsets));
  // A zero-length data buffer must still be a valid pointer for some readers.
  if (data_.empty()) data_.push_back(0);
  c.buffers.push_back(std::move(data_));
  return c;
}

Column TextListBuilder::finish(std::string name) {
  Column c;
  c.format = "+l";
  c.name = std::move(name);
  c.length = length_;
  c.buffers.push_back({});
  c.buffers.push_back(std::move(offsets_));
  c.children.push_back(items_.finish("item", false));
  return c;
}

Column BoolBuilder::finish(std::string name) {
  Column c;
  c.format = "b";
  c.name = std::move(name);
  c.nullable = false;
  c.length = length_;
  c.buffers.push_back({});
  if (bits_.empty()) bits_.push_back(0);
  c.buffers.push_back(std::move(bits_));
  return c;
}

Column struct_column(std::string name, std::int64_t length, std::vector<Column>&& children) {
  Column c;
  c.format = "+s";
  c.name = std::move(name);
  c.nullable = false;
  c.length = length;
  c.buffers.push_back({});
  c.children = std::move(children);
  return c;
}

std::int64_t to_unix_micros(const DateTime& dt) {
  constexpr std::int64_t kDay = 86400LL * 1000000;
  std::int64_t days = (dt.date - Date(1970, 1, 1)).days();
  std::int64_t us = days * kDay;
  if (dt.seconds) {
    us += static_cast<std::int64_t>(*dt.seconds) * 1000000;
    if (dt.utc_offset_minutes) us -= static_cast<std::int64_t>(*dt.utc_offset_minutes) * 60000000;
  }
  return us;
}

namespace {

void append_date(const std::optional<DateTime>& d, FixedBuilder<std::int64_t>& when,
                 BoolBuilder& has_time, FixedBuilder<std::int16_t>& offset) {
  when.append(d ? std::optional<std::int64_t>(to_unix_micros(*d)) : std::nullopt);
  has_time.append(d && d->seconds.has_value());
  offset.append(d && d->utc_offset_minutes
                    ? std::optional<std::int16_t>(static_cast<std::int16_t>(*d->utc_offset_minutes))
                    : std::nullopt);
}

}  // namespace

void PostColumns::append(const Post& p) {
  id_.append(p.id);
  title_.append(p.title);
  url_.append(p.url);
  source_.append(p.source);
  place_.append(p.place);
  excerpt_.append(p.excerpt);
  body_.append(p.body);
  language_.append(p.language);
  authors_.append(p.authors);
  tags_.append(p.tags);
  append_date(p.posted_on, posted_, posted_time_, posted_offset_);
  append_date(p.published_on, published_, published_time_, published_offset_);
  cluster_.append(p.cluster);
  story_.append(p.story);
  if (p.extra.empty()) extra_.append_null();
  else extra_.append(extra_fields_to_json(p.extra));
  ++rows_;
}

void PostColumns::finish(std::vector<Column>& out) {
  out.push_back(id_.finish("id", false));
  out.push_back(title_.finish("title"));
  out.push_back(url_.finish("url"));
  out.push_back(source_.finish("source"));
  out.push_back(place_.finish("place"));
  out.push_back(excerpt_.finish("excerpt"));
  out.push_back(body_.finish("body"));
  out.push_back(language_.finish("language"));
  out.push_back(authors_.finish("authors"));
  out.push_back(tags_.finish("tags"));
  out.push_back(posted_.finish("posted_on"));
  out.push_back(posted_time_.finish("posted_on_has_time"));
  out.push_back(posted_offset_.finish("posted_on_utc_offset"));
  out.push_back(published_.finish("published_on"));
  out.push_back(published_time_.finish("published_on_has_time"));
  out.push_back(published_offset_.finish("published_on_utc_offset"));
  // Added in 0.3, before extra so the older columns keep their places.
  out.push_back(cluster_.finish("cluster"));
  out.push_back(story_.finish("story"));
  out.push_back(extra_.finish("extra"));
}

}  // namespace arrow_detail

namespace {

using namespace arrow_detail;

// The post columns, in schema order, appended to `out`.
template <class PostAt>
void post_columns(std::size_t n, PostAt&& at, std::vector<Column>& out) {
  PostColumns columns;
  for (std::size_t i = 0; i < n; ++i) columns.append(at(i));
  columns.finish(out);
}

Status check_out(ArrowSchema* schema, ArrowArray* array) {
  if (!schema || !array)
    return Error(ErrorCode::invalid_argument, "the Arrow schema and array must not be null");
  return {};
}

Status finish(std::size_t rows, std::vector<Column>&& columns, ArrowSchema* schema,
              ArrowArray* array) {
  try {
    export_column(struct_column("", static_cast<std::int64_t>(rows), std::move(columns)), schema,
                  array);
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::limit_exceeded, "out of memory while exporting to Arrow");
  }
  return {};
}

}  // namespace

Status export_posts_arrow(std::span<const Post> posts, ArrowSchema* schema, ArrowArray* array) {
  if (Status s = check_out(schema, array); !s) return s;
  std::vector<Column> columns;
  post_columns(posts.size(), [&](std::size_t i) -> const Post& { return posts[i]; }, columns);
  return finish(posts.size(), std::move(columns), schema, array);
}

Status export_post_pointers_arrow(std::span<const Post* const> posts,
                                  std::span<const std::string_view> sections,
                                  std::span<const std::string_view> headings,
                                  ArrowSchema* schema, ArrowArray* array) {
  if (Status s = check_out(schema, array); !s) return s;
  if ((!sections.empty() && sections.size() != posts.size()) ||
      (!headings.empty() && headings.size() != posts.size()))
    return Error(ErrorCode::invalid_argument, "one section and heading per post");
  std::vector<Column> columns;
  if (!sections.empty()) {
    TextBuilder section, heading;
    for (std::size_t i = 0; i < posts.size(); ++i) {
      section.append(sections[i]);
      heading.append(headings.empty() ? std::string_view() : headings[i]);
    }
    columns.push_back(section.finish("section"));
    columns.push_back(heading.finish("section_heading"));
  }
  post_columns(posts.size(), [&](std::size_t i) -> const Post& { return *posts[i]; }, columns);
  return finish(posts.size(), std::move(columns), schema, array);
}

Status export_digest_arrow(const Digest& digest, ArrowSchema* schema, ArrowArray* array) {
  std::vector<const Post*> posts;
  std::vector<std::string_view> sections, headings;
  for (const DigestSection& s : digest.sections) {
    for (const Post& p : s.posts) {
      posts.push_back(&p);
      sections.push_back(s.source_id);
      headings.push_back(s.heading);
    }
  }
  if (posts.empty()) {  // keep the section columns in an empty digest's schema
    if (Status s = check_out(schema, array); !s) return s;
    std::vector<Column> columns;
    columns.push_back(TextBuilder().finish("section"));
    columns.push_back(TextBuilder().finish("section_heading"));
    post_columns(0, [&](std::size_t) -> const Post& { return *posts.front(); }, columns);
    return finish(0, std::move(columns), schema, array);
  }
  return export_post_pointers_arrow(posts, sections, headings, schema, array);
}

Status export_sources_arrow(std::span<const Source> sources, ArrowSchema* schema,
                            ArrowArray* array) {
  if (Status s = check_out(schema, array); !s) return s;
  TextBuilder id(false), name, url, language, country, extra;
  TextListBuilder aliases;
  for (const Source& s : sources) {
    id.append(s.id);
    name.append(s.name);
    url.append(s.url);
    language.append(s.language);
    country.append(s.country);
    aliases.append(s.aliases);
    if (s.extra.empty()) extra.append_null();
    else extra.append(extra_fields_to_json(s.extra));
  }
  std::vector<Column> columns;
  columns.push_back(id.finish("id", false));
  columns.push_back(name.finish("name"));
  columns.push_back(aliases.finish("aliases"));
  columns.push_back(url.finish("url"));
  columns.push_back(language.finish("language"));
  columns.push_back(country.finish("country"));
  columns.push_back(extra.finish("extra"));
  return finish(sources.size(), std::move(columns), schema, array);
}

}  // namespace digest
