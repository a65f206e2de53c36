// Selections and summaries of a collection: the filtered collection behind
// Collection.select and the counts behind a notebook's display.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "digest/digest.hpp"

namespace digest {

namespace {

bool any_of(const std::vector<std::string>& wanted, std::string_view value) {
  return std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

std::vector<std::pair<std::string, std::size_t>> ranked(std::map<std::string, std::size_t>&& m) {
  std::vector<std::pair<std::string, std::size_t>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

Collection select_posts(const Collection& collection, const PostFilter& f) {
  Collection out;
  std::unordered_set<std::string_view> sources_named;
  for (const Post& p : collection.posts()) {
    if (f.first || f.last) {
      auto d = p.digest_date();
      if (!d || (f.first && *d < *f.first) || (f.last && *d > *f.last)) continue;
    }
    if (!f.ids.empty() && !any_of(f.ids, p.id)) continue;
    if (!f.sources.empty() && !any_of(f.sources, p.source)) continue;
    if (!f.languages.empty() && !any_of(f.languages, p.language)) continue;
    if (!f.tags.empty() &&
        std::none_of(p.tags.begin(), p.tags.end(), [&](const auto& t) { return any_of(f.tags, t); }))
      continue;
    (void)out.add_post(p);  // ids are unique in the source collection
    if (!p.source.empty()) sources_named.insert(p.source);
  }
  for (const Source& s : collection.sources())
    if (sources_named.contains(s.id)) (void)out.add_source(s);
  return out;
}

CollectionSummary summarize(const Collection& collection) {
  CollectionSummary s;
  s.posts = collection.size();
  s.sources = collection.sources().size();
  std::map<std::string, std::size_t> by_source, by_language, by_week;
  for (const Post& p : collection.posts()) {
    ++by_source[p.source];
    ++by_language[p.language];
    auto d = p.digest_date();
    if (!d) {
      ++s.undated;
      continue;
    }
    if (!s.first || *d < *s.first) s.first = d;
    if (!s.last || *d > *s.last) s.last = d;
    if (auto w = iso_week_of(*d)) ++by_week[w->label];
  }
  s.by_source = ranked(std::move(by_source));
  s.by_language = ranked(std::move(by_language));
  // Weeks read best in time order.
  s.by_week.assign(by_week.begin(), by_week.end());
  return s;
}

}  // namespace digest
