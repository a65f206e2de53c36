// Collection::merge, the importers' way in (json/, arrow/, Python frames).
// All or nothing, exceptions included: whatever allocates runs before the
// first change (a plan, then reserve), and the commit only moves.
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "digest/model.hpp"
#include "text/safe.hpp"
#include "text/url.hpp"  // the canonical URL, matching key of posts

namespace digest {

namespace {

// The commit relies on these: moving into reserved space cannot throw.
static_assert(std::is_nothrow_move_constructible_v<Post> &&
              std::is_nothrow_move_assignable_v<Post>);
static_assert(std::is_nothrow_move_constructible_v<Source> &&
              std::is_nothrow_move_assignable_v<Source>);

using Index = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;

Error duplicate_error(const char* what, std::string_view id) {
  Error e(ErrorCode::duplicate_id,
          std::string("duplicate ") + what + " id " + detail::quote_for_message(id));
  e.field = "id";
  return e;
}

void set_if(std::string& into, const std::string& from) {
  if (!from.empty()) into = from;
}
void set_if(std::optional<DateTime>& into, const std::optional<DateTime>& from) {
  if (from) into = from;
}

// `into` plus the entries of `from` it lacks, in order.
void add_missing(std::vector<std::string>& into, const std::vector<std::string>& from) {
  if (from.empty()) return;
  into.reserve(into.size() + from.size());  // no reallocation below: the views stay valid
  std::unordered_set<std::string_view> seen(into.begin(), into.end());
  for (const std::string& s : from)
    if (seen.insert(s).second) into.push_back(s);
}

void merge_extra(std::vector<ExtraField>& into, const std::vector<ExtraField>& from) {
  if (from.empty()) return;
  into.reserve(into.size() + from.size());  // as above
  std::unordered_map<std::string_view, std::size_t> at;
  for (std::size_t i = 0; i < into.size(); ++i) at.try_emplace(into[i].name, i);
  for (const ExtraField& f : from) {
    auto [it, fresh] = at.try_emplace(f.name, into.size());
    if (fresh)
      into.push_back(f);
    else
      into[it->second].raw_json = f.raw_json;
  }
}

// OnDuplicate::merge, field by field (every field but the id: keep in step
// with model.hpp).
void merge_fields(Post& into, const Post& from) {
  set_if(into.title, from.title);
  set_if(into.url, from.url);
  set_if(into.posted_on, from.posted_on);
  set_if(into.published_on, from.published_on);
  add_missing(into.authors, from.authors);
  set_if(into.source, from.source);
  set_if(into.place, from.place);
  set_if(into.excerpt, from.excerpt);
  set_if(into.body, from.body);
  set_if(into.language, from.language);
  add_missing(into.tags, from.tags);
  set_if(into.cluster, from.cluster);
  set_if(into.story, from.story);
  merge_extra(into.extra, from.extra);
}

void merge_fields(Source& into, const Source& from) {
  set_if(into.name, from.name);
  add_missing(into.aliases, from.aliases);
  set_if(into.url, from.url);
  set_if(into.language, from.language);
  set_if(into.country, from.country);
  merge_extra(into.extra, from.extra);
}

// What merging `theirs` into `mine` will do, computed without changing
// either. Entries are positions in the merged vector: below `existing` the
// old ones, then one per record of `theirs` that is not a duplicate.
template <class T>
struct Plan {
  Plan(const std::vector<T>& m, const std::vector<T>& t) : mine(m), theirs(t), existing(m.size()) {}

  const std::vector<T>& mine;
  const std::vector<T>& theirs;
  const std::size_t existing;
  std::vector<std::size_t> added;  // the record of `theirs` behind each new entry
  Index added_ids;                 // id -> entry, for the new entries
  std::unordered_map<std::size_t, std::size_t> staged_at;  // entry -> its new value
  std::vector<T> staged;

  const T& original(std::size_t entry) const {
    return entry < existing ? mine[entry] : theirs[added[entry - existing]];
  }
  T* find_staged(std::size_t entry) {
    auto it = staged_at.find(entry);
    return it == staged_at.end() ? nullptr : &staged[it->second];
  }
  T& stage(std::size_t entry, T value) {
    staged.push_back(std::move(value));
    staged_at.emplace(entry, staged.size() - 1);
    return staged.back();
  }
};

// Fills `plan` for a policy other than error. `urls` (posts only) maps
// canonical URLs to entries and gains the URLs the merge adds.
template <class T>
void make_plan(Plan<T>& plan, const detail::IdIndex& index, OnDuplicate policy, Index* urls,
               MergeReport& report) {
  for (std::size_t k = 0; k < plan.theirs.size(); ++k) {
    const T& record = plan.theirs[k];
    std::optional<std::size_t> target;
    if (std::size_t at = index.find(record.id, detail::IdIndex::hash(record.id), plan.mine);
        at != detail::IdIndex::npos)
      target = at;
    else if (auto at = plan.added_ids.find(record.id); at != plan.added_ids.end())
      target = at->second;
    std::string key;
    if (urls) {
      key = detail::canonical_url(record.url);
      if (!target && !key.empty())
        if (auto it = urls->find(key); it != urls->end()) target = it->second;
    }
    if (!target) {
      std::size_t entry = plan.existing + plan.added.size();
      plan.added_ids.emplace(record.id, entry);
      plan.added.push_back(k);
      if (urls && !key.empty()) urls->try_emplace(std::move(key), entry);
      continue;
    }
    if (policy == OnDuplicate::keep_first) {
      ++report.kept_first;
      continue;
    }
    T* slot = plan.find_staged(*target);
    if (policy == OnDuplicate::replace) {
      T value = record;
      value.id = slot ? slot->id : plan.original(*target).id;
      if (slot)
        *slot = std::move(value);
      else
        plan.stage(*target, std::move(value));
      ++report.replaced;
    } else {
      if (!slot) slot = &plan.stage(*target, plan.original(*target));
      merge_fields(*slot, record);
      ++report.merged;
    }
    // The post now has this URL (a non-empty key means a non-empty URL, which
    // both policies take); the URL it had keeps matching it too.
    if (urls && !key.empty()) urls->try_emplace(std::move(key), *target);
  }
}

// Only moves into space reserved beforehand, and fills index slots reserved
// beforehand.
template <class T>
void commit(Plan<T>& plan, std::vector<T>& mine, detail::IdIndex& index, std::vector<T>& theirs) noexcept {
  for (auto& [entry, at] : plan.staged_at)
    if (entry < plan.existing) mine[entry] = std::move(plan.staged[at]);
  for (std::size_t j = 0; j < plan.added.size(); ++j) {
    T* staged = plan.find_staged(plan.existing + j);
    mine.push_back(std::move(staged ? *staged : theirs[plan.added[j]]));
    index.insert(mine.size() - 1, detail::IdIndex::hash(mine.back().id));
  }
}

// Moves every record of `theirs` (checked: no id of it is in `mine` or
// repeated) to the end of `mine`; room reserved beforehand.
template <class T>
void append_all(std::vector<T>& mine, detail::IdIndex& index, std::vector<T>& theirs) noexcept {
  for (T& item : theirs) {
    const std::uint64_t hash = detail::IdIndex::hash(item.id);
    mine.push_back(std::move(item));
    index.insert(mine.size() - 1, hash);
  }
}

}  // namespace

Status Collection::merge(Collection&& other) {
  Result<MergeReport> r = merge(std::move(other), OnDuplicate::error);
  if (!r) return std::move(r).error();
  return {};
}

Result<MergeReport> Collection::merge(Collection&& other, OnDuplicate policy) {
  MergeReport report;
  if (policy != OnDuplicate::error && policy != OnDuplicate::keep_first &&
      policy != OnDuplicate::replace && policy != OnDuplicate::merge)
    return Error(ErrorCode::invalid_argument, "unknown duplicate policy");

  if (policy == OnDuplicate::error) {
    // Check every id first so that a failure leaves both collections intact.
    // `other`'s own index says its ids are unique.
    for (const Post& p : other.posts_)
      if (post_index_.find(p.id, detail::IdIndex::hash(p.id), posts_) != detail::IdIndex::npos)
        return duplicate_error("post", p.id);
    for (const Source& s : other.sources_)
      if (source_index_.find(s.id, detail::IdIndex::hash(s.id), sources_) != detail::IdIndex::npos)
        return duplicate_error("source", s.id);
    report.posts_added = other.posts_.size();
    report.sources_added = other.sources_.size();
    posts_.reserve(posts_.size() + other.posts_.size());
    sources_.reserve(sources_.size() + other.sources_.size());
    post_index_.reserve(post_index_.size() + other.posts_.size());
    source_index_.reserve(source_index_.size() + other.sources_.size());
    append_all(posts_, post_index_, other.posts_);
    append_all(sources_, source_index_, other.sources_);
    other.clear();
    return report;
  }

  if (&other == this) {  // every record is a duplicate of itself: nothing changes
    std::size_t n = posts_.size() + sources_.size();
    (policy == OnDuplicate::keep_first ? report.kept_first
     : policy == OnDuplicate::replace  ? report.replaced
                                       : report.merged) = n;
    return report;
  }

  // Built per call, only for these policies and only when posts come in.
  Index urls;
  if (!other.posts_.empty()) {
    urls.reserve(posts_.size() + other.posts_.size());
    for (std::size_t i = 0; i < posts_.size(); ++i)
      if (std::string key = detail::canonical_url(posts_[i].url); !key.empty())
        urls.try_emplace(std::move(key), i);
  }
  Plan<Post> posts(posts_, other.posts_);
  Plan<Source> sources(sources_, other.sources_);
  make_plan(posts, post_index_, policy, &urls, report);
  make_plan(sources, source_index_, policy, nullptr, report);
  report.posts_added = posts.added.size();
  report.sources_added = sources.added.size();

  posts_.reserve(posts_.size() + posts.added.size());
  sources_.reserve(sources_.size() + sources.added.size());
  post_index_.reserve(post_index_.size() + posts.added.size());
  source_index_.reserve(source_index_.size() + sources.added.size());
  commit(posts, posts_, post_index_, other.posts_);
  commit(sources, sources_, source_index_, other.sources_);
  other.clear();
  return report;
}

}  // namespace digest

namespace digest {

void merge_duplicate_post(Post& existing, Post&& newcomer, OnDuplicate policy) {
  switch (policy) {
    case OnDuplicate::replace: {
      std::string id = std::move(existing.id);
      existing = std::move(newcomer);
      existing.id = std::move(id);
      break;
    }
    case OnDuplicate::merge: merge_fields(existing, newcomer); break;
    default: break;  // keep_first, error: the post already there stays
  }
}

}  // namespace digest
