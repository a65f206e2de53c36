#include "digest/model.hpp"

#include <charconv>
#include <cstdio>

#include "text/iso8601.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

Error iso_error(std::string_view text, std::size_t at, const char* what) {
  Error e(ErrorCode::parse_error,
          std::string("not an ISO 8601 date: ") + what + " in " +
              detail::quote_for_message(text, 64));
  e.offset = at;
  return e;
}

}  // namespace

std::string DateTime::date_iso() const {
  char buf[16];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(date.year()),
                        int(date.month()), int(date.day()));
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string DateTime::to_iso() const {
  char buf[40];
  std::string out = date_iso();
  int n;
  if (seconds) {
    int s = *seconds;
    n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (utc_offset_minutes) {
    int m = *utc_offset_minutes;
    if (m == 0) {
      out += 'Z';
    } else {
      char sign = m < 0 ? '-' : '+';
      if (m < 0) m = -m;
      n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, m / 60, m % 60);
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
  return out;
}

Result<DateTime> DateTime::from_iso(std::string_view s) {
  detail::IsoReading r = detail::read_iso8601(s);
  if (!r.value) return iso_error(s, r.error_offset, r.error);
  const detail::IsoTimestamp& t = *r.value;
  // Boost's Gregorian dates start in 1400.
  if (t.year < 1400) return iso_error(s, 0, "year before 1400");
  DateTime dt(Date(static_cast<unsigned short>(t.year), static_cast<unsigned short>(t.month),
                   static_cast<unsigned short>(t.day)));
  dt.seconds = t.seconds;
  dt.utc_offset_minutes = t.utc_offset_minutes;
  return dt;
}

std::optional<Date> Post::digest_date() const {
  if (posted_on) return posted_on->date;
  if (published_on) return published_on->date;
  return std::nullopt;
}

namespace {

Error duplicate_id(const char* what, std::string_view id) {
  Error e(ErrorCode::duplicate_id, std::string("duplicate ") + what + " id " + detail::quote_for_message(id));
  e.field = "id";
  return e;
}

// Adds `item` to `items` and `index` unless its id is empty or there; all or
// nothing (the index may have grown).
template <class T>
Status add_unique(std::vector<T>& items, detail::IdIndex& index, T&& item, const char* what) {
  if (item.id.empty()) return Error(ErrorCode::invalid_argument, std::string(what) + " has an empty id");
  const std::uint64_t hash = detail::IdIndex::hash(item.id);
  if (index.find(item.id, hash, items) != detail::IdIndex::npos) return duplicate_id(what, item.id);
  index.reserve(items.size() + 1);
  items.push_back(std::move(item));
  index.insert(items.size() - 1, hash);
  return {};
}

template <class T>
T* find_in(const std::vector<T>& items, const detail::IdIndex& index, std::string_view id) {
  std::size_t at = index.find(id, detail::IdIndex::hash(id), items);
  return at == detail::IdIndex::npos ? nullptr : const_cast<T*>(&items[at]);
}

}  // namespace

Status Collection::add_post(Post post) { return add_unique(posts_, post_index_, std::move(post), "post"); }

Status Collection::add_source(Source source) {
  return add_unique(sources_, source_index_, std::move(source), "source");
}

const Post* Collection::find_post(std::string_view id) const { return find_in(posts_, post_index_, id); }

Post* Collection::find_post(std::string_view id) { return find_in(posts_, post_index_, id); }

const Source* Collection::find_source(std::string_view id) const {
  return find_in(sources_, source_index_, id);
}

std::vector<const Post*> Collection::select(Date first, Date last) const {
  std::vector<const Post*> out;
  for (const Post& p : posts_) {
    auto d = p.digest_date();
    if (d && *d >= first && *d <= last) out.push_back(&p);
  }
  return out;
}

void Collection::clear() {
  posts_.clear();
  sources_.clear();
  post_index_.clear();
  source_index_.clear();
}

void Collection::reserve(std::size_t n) {
  posts_.reserve(n);
  post_index_.reserve(n);
}

}  // namespace digest
