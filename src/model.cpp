#include "digest/model.hpp"

#include <charconv>
#include <cstdio>
#include <unordered_set>

namespace digest {

namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

Error iso_error(std::string_view text, std::size_t at, const char* what) {
  Error e(ErrorCode::parse_error,
          std::string("not an ISO 8601 date: ") + what + " in '" +
              std::string(text.substr(0, 64)) + "'");
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
  int y, mo, d;
  if (!read_int(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !read_int(s, 5, 2, mo) ||
      s[7] != '-' || !read_int(s, 8, 2, d))
    return iso_error(s, 0, "expected YYYY-MM-DD");
  DateTime dt;
  try {
    dt.date = Date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                   static_cast<unsigned short>(d));
  } catch (const std::exception&) {
    return iso_error(s, 0, "impossible date");
  }
  std::size_t i = 10;
  if (i == s.size()) return dt;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return iso_error(s, i, "expected 'T'");
  int hh, mm, ss = 0;
  if (!read_int(s, i + 1, 2, hh) || i + 3 >= s.size() || s[i + 3] != ':' ||
      !read_int(s, i + 4, 2, mm))
    return iso_error(s, i + 1, "expected hh:mm");
  i += 6;
  if (i < s.size() && s[i] == ':') {
    if (!read_int(s, i + 1, 2, ss)) return iso_error(s, i + 1, "expected seconds");
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if (j == i + 1) return iso_error(s, i, "expected fraction digits");
      i = j;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return iso_error(s, 11, "time out of range");
  if (ss == 60) ss = 59;  // a leap second is filed under the second before it
  dt.seconds = hh * 3600 + mm * 60 + ss;
  if (i == s.size()) return dt;
  if (s[i] == 'Z' || s[i] == 'z') {
    dt.utc_offset_minutes = 0;
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om = 0;
    if (!read_int(s, i + 1, 2, oh)) return iso_error(s, i, "expected UTC offset");
    std::size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (j < s.size()) {
      if (!read_int(s, j, 2, om)) return iso_error(s, j, "expected offset minutes");
      j += 2;
    }
    if (oh > 18 || om > 59) return iso_error(s, i, "UTC offset out of range");
    dt.utc_offset_minutes = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    i = j;
  }
  if (i != s.size()) return iso_error(s, i, "unexpected trailing text");
  return dt;
}

std::optional<Date> Post::digest_date() const {
  if (posted_on) return posted_on->date;
  if (published_on) return published_on->date;
  return std::nullopt;
}

Status Collection::add_post(Post post) {
  if (post.id.empty()) return Error(ErrorCode::invalid_argument, "post has an empty id");
  auto [it, inserted] = post_index_.try_emplace(post.id, posts_.size());
  if (!inserted) {
    Error e(ErrorCode::duplicate_id, "duplicate post id '" + post.id + "'");
    e.field = "id";
    return e;
  }
  try {
    posts_.push_back(std::move(post));
  } catch (...) {
    post_index_.erase(it);
    throw;
  }
  return {};
}

Status Collection::add_source(Source source) {
  if (source.id.empty()) return Error(ErrorCode::invalid_argument, "source has an empty id");
  auto [it, inserted] = source_index_.try_emplace(source.id, sources_.size());
  if (!inserted) {
    Error e(ErrorCode::duplicate_id, "duplicate source id '" + source.id + "'");
    e.field = "id";
    return e;
  }
  try {
    sources_.push_back(std::move(source));
  } catch (...) {
    source_index_.erase(it);
    throw;
  }
  return {};
}

const Post* Collection::find_post(std::string_view id) const {
  auto it = post_index_.find(id);
  return it == post_index_.end() ? nullptr : &posts_[it->second];
}

Post* Collection::find_post(std::string_view id) {
  auto it = post_index_.find(id);
  return it == post_index_.end() ? nullptr : &posts_[it->second];
}

const Source* Collection::find_source(std::string_view id) const {
  auto it = source_index_.find(id);
  return it == source_index_.end() ? nullptr : &sources_[it->second];
}

std::vector<const Post*> Collection::select(Date first, Date last) const {
  std::vector<const Post*> out;
  for (const Post& p : posts_) {
    auto d = p.digest_date();
    if (d && *d >= first && *d <= last) out.push_back(&p);
  }
  return out;
}

Status Collection::merge(Collection&& other) {
  // Check every id first so that a failure leaves both collections intact.
  std::unordered_set<std::string_view> seen;
  for (const Post& p : other.posts_) {
    if (post_index_.contains(p.id) || !seen.insert(p.id).second) {
      Error e(ErrorCode::duplicate_id, "duplicate post id '" + p.id + "'");
      e.field = "id";
      return e;
    }
  }
  seen.clear();
  for (const Source& s : other.sources_) {
    if (source_index_.contains(s.id) || !seen.insert(s.id).second) {
      Error e(ErrorCode::duplicate_id, "duplicate source id '" + s.id + "'");
      e.field = "id";
      return e;
    }
  }
  posts_.reserve(posts_.size() + other.posts_.size());
  sources_.reserve(sources_.size() + other.sources_.size());
  post_index_.reserve(post_index_.size() + other.posts_.size());
  source_index_.reserve(source_index_.size() + other.sources_.size());
  for (Post& p : other.posts_) {
    post_index_.emplace(p.id, posts_.size());
    posts_.push_back(std::move(p));
  }
  for (Source& s : other.sources_) {
    source_index_.emplace(s.id, sources_.size());
    sources_.push_back(std::move(s));
  }
  other.clear();
  return {};
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
