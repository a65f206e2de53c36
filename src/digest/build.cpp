// Building a digest: select the period's posts, make items (one per post, or
// one per story), put them in sections, rank, limit, title.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "digest/digest.hpp"
#include "digest/normalize.hpp"

namespace digest {

namespace {

// An item while it is built: pointers into the collection, copied at the end.
struct Draft {
  const Post* post = nullptr;
  std::vector<const Post*> also;
  std::string story;
  std::size_t outlets = 1;
  std::vector<std::string> entities;
  std::size_t entity_score = 0;
};

std::string sort_key_of(std::string_view heading) {
  auto key = Normalizer::shared().search_key(heading);
  return key.ok() ? std::move(key).value() : std::string(heading);
}

// How a post names its outlet: the source id, else nothing. Posts with no
// source count as one outlet each.
std::string outlet_key(const Post& p) { return p.source.empty() ? "\x01" + p.id : p.source; }

bool older(const Post* a, const Post* b) {
  Date da = *a->digest_date(), db = *b->digest_date();
  if (da != db) return da < db;
  if (a->title != b->title) return a->title < b->title;
  return a->id < b->id;
}
bool newer(const Post* a, const Post* b) {
  Date da = *a->digest_date(), db = *b->digest_date();
  if (da != db) return da > db;
  if (a->title != b->title) return a->title < b->title;
  return a->id < b->id;
}

// The order `rank` puts items in; a strict weak order, so sorting is stable
// in meaning across runs.
bool ranks_before(const Draft& a, const Draft& b, Rank rank) {
  switch (rank) {
    case Rank::date: return older(a.post, b.post);
    case Rank::newest: return newer(a.post, b.post);
    case Rank::outlets:
      if (a.outlets != b.outlets) return a.outlets > b.outlets;
      return newer(a.post, b.post);
    case Rank::entities:
      if (a.entity_score != b.entity_score) return a.entity_score > b.entity_score;
      return newer(a.post, b.post);
  }
  return false;
}

Status check_locale(std::string_view locale) {
  bool ok = !locale.empty() && locale.size() <= 64;
  for (char c : locale)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '@' || c == '=' || c == ';'))
      ok = false;
  if (ok) return {};
  Error e(ErrorCode::invalid_argument,
          "not a locale: expected a BCP 47 tag such as en, fr or fa-IR");
  e.field = "locale";
  return e;
}

std::vector<Draft> make_items(const std::vector<const Post*>& posts, const DigestOptions& o) {
  // Outlets per story, over the whole period.
  std::unordered_map<std::string_view, std::unordered_set<std::string>> outlets;
  auto story_of = [](const Post* p) -> std::string_view {
    return p->story.empty() ? std::string_view(p->id) : std::string_view(p->story);
  };
  for (const Post* p : posts) outlets[story_of(p)].insert(outlet_key(*p));

  std::vector<Draft> items;
  const bool collapse = o.collapse_stories || o.group_by == GroupBy::story;
  if (!collapse) {
    items.reserve(posts.size());
    for (const Post* p : posts) {
      Draft d;
      d.post = p;
      d.story = std::string(story_of(p));
      d.outlets = outlets[story_of(p)].size();
      items.push_back(std::move(d));
    }
  } else {
    std::map<std::string_view, std::vector<const Post*>> stories;
    for (const Post* p : posts) stories[story_of(p)].push_back(p);
    for (auto& entry : stories) {
      // Named, not structured bindings: clang before 16 cannot capture those.
      const std::string_view story = entry.first;
      std::vector<const Post*>& members = entry.second;
      // The representative: the post the story is named after when it is in
      // the period, else the earliest.
      std::sort(members.begin(), members.end(), older);
      auto rep = std::find_if(members.begin(), members.end(),
                              [&](const Post* p) { return p->id == story; });
      if (rep == members.end()) rep = members.begin();
      Draft d;
      d.post = *rep;
      d.story = std::string(story);
      d.outlets = outlets[story].size();
      for (const Post* p : members)
        if (p != *rep) d.also.push_back(p);
      items.push_back(std::move(d));
    }
  }
  const std::string& prefix = o.entity_tag_prefix;
  for (Draft& d : items)
    for (const std::string& tag : d.post->tags)
      if (!prefix.empty() && tag.size() > prefix.size() && tag.starts_with(prefix))
        d.entities.push_back(tag.substr(prefix.size()));
  return items;
}

struct Group {
  std::string source_id, heading, sort_key;
  std::vector<Draft> items;
};

std::vector<Group> group_items(std::vector<Draft>&& items, const Collection& collection,
                               const DigestOptions& o, const DigestLabels& labels) {
  std::vector<Group> groups;
  if (o.group_by == GroupBy::none || o.group_by == GroupBy::story) {
    Group g;
    g.heading = o.group_by == GroupBy::story ? labels.stories : std::string();
    g.items = std::move(items);
    groups.push_back(std::move(g));
    return groups;
  }
  std::map<std::pair<std::string, std::string>, Group> keyed;
  if (o.group_by == GroupBy::source) {
    // Keyed by the heading's search key, so "Kavir Daily" and "KAVIR DAILY"
    // written as outlets of two posts share a section; then by id.
    for (Draft& d : items) {
      const Post* p = d.post;
      const Source* src = p->source.empty() ? nullptr : collection.find_source(p->source);
      std::string heading = src ? (src->name.empty() ? src->id : src->name) : p->source;
      // Posts without a source go last.
      std::string key = heading.empty() ? "\xF4\x8F\xBF\xBF" : sort_key_of(heading);
      Group& g = keyed[{key, src ? src->id : std::string()}];
      if (g.items.empty()) {
        g.source_id = src ? src->id : p->source;
        g.heading = heading.empty() ? labels.other_sources : heading;
      }
      g.items.push_back(std::move(d));
    }
    for (auto& [k, g] : keyed) groups.push_back(std::move(g));
    return groups;
  }
  // By entity: each item under the entity of its own that the period names
  // most (so each item appears once), sections with more items first.
  std::unordered_map<std::string, std::size_t> freq;
  for (const Draft& d : items)
    for (const std::string& e : d.entities) ++freq[e];
  std::unordered_map<std::string, Group> by_entity;
  Group other;
  other.heading = labels.other_entities;
  for (Draft& d : items) {
    const std::string* best = nullptr;
    for (const std::string& e : d.entities)
      if (!best || freq[e] > freq[*best] || (freq[e] == freq[*best] && e < *best)) best = &e;
    if (!best) {
      other.items.push_back(std::move(d));
      continue;
    }
    Group& g = by_entity[*best];
    if (g.items.empty()) {
      g.source_id = *best;
      g.heading = o.entity_name ? o.entity_name(*best) : *best;
      if (g.heading.empty()) g.heading = *best;
      g.sort_key = sort_key_of(g.heading);
    }
    g.items.push_back(std::move(d));
  }
  for (auto& [id, g] : by_entity) groups.push_back(std::move(g));
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    if (a.items.size() != b.items.size()) return a.items.size() > b.items.size();
    if (a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
    return a.source_id < b.source_id;
  });
  if (!other.items.empty()) groups.push_back(std::move(other));
  return groups;
}

// Keeps per_section items of each section, then the `limit` best items of
// the digest by the same rank, dropping sections left empty.
void apply_limits(std::vector<Group>& groups, const DigestOptions& o) {
  if (o.per_section)
    for (Group& g : groups)
      if (g.items.size() > o.per_section) g.items.resize(o.per_section);
  if (o.limit) {
    std::vector<const Draft*> all;
    for (const Group& g : groups)
      for (const Draft& d : g.items) all.push_back(&d);
    if (all.size() > o.limit) {
      std::stable_sort(all.begin(), all.end(), [&](const Draft* a, const Draft* b) {
        return ranks_before(*a, *b, o.rank);
      });
      std::unordered_set<const Post*> keep;
      for (std::size_t i = 0; i < o.limit; ++i) keep.insert(all[i]->post);
      for (Group& g : groups)
        std::erase_if(g.items, [&](const Draft& d) { return !keep.count(d.post); });
    }
  }
  std::erase_if(groups, [](const Group& g) { return g.items.empty(); });
}

}  // namespace

std::vector<const Post*> also_in(const Post& post, const DigestItem& item) {
  std::vector<const Post*> out;
  std::unordered_set<std::string_view> named{post.source};
  for (const Post& other : item.also)
    if (other.source.empty() || named.insert(other.source).second) out.push_back(&other);
  return out;
}

std::string outlet_name(const Digest& digest, std::string_view source) {
  for (const Source& s : digest.sources)
    if (s.id == source) return s.name.empty() ? s.id : s.name;
  return std::string(source);
}

std::size_t Digest::post_count() const {
  std::size_t n = 0;
  for (const auto& s : sections) n += s.posts.size();
  return n;
}

Result<Digest> make_digest(const Collection& collection, const Period& period,
                           const DigestOptions& options) {
  if (Status st = check_locale(options.locale); !st.ok()) return std::move(st).error();
  const DigestLabels& labels = digest_labels(options.locale);

  std::vector<Draft> items = make_items(collection.select(period.first, period.last), options);
  if (options.rank == Rank::entities) {
    std::unordered_map<std::string, std::size_t> freq;
    for (const Draft& d : items)
      for (const std::string& e : d.entities) ++freq[e];
    for (Draft& d : items)
      for (const std::string& e : d.entities) d.entity_score += freq[e];
  }
  std::vector<Group> groups = group_items(std::move(items), collection, options, labels);
  for (Group& g : groups)
    std::stable_sort(g.items.begin(), g.items.end(), [&](const Draft& a, const Draft& b) {
      return ranks_before(a, b, options.rank);
    });
  apply_limits(groups, options);

  Digest digest;
  digest.period = period;
  digest.locale = options.locale;
  digest.group_by = options.group_by;
  digest.rank = options.rank;
  std::unordered_set<std::string_view> named;
  auto name_source = [&](const Post& p) {
    if (p.source.empty() || !named.insert(p.source).second) return;
    if (const Source* src = collection.find_source(p.source)) digest.sources.push_back(*src);
  };
  std::size_t count = 0;
  for (Group& g : groups) {
    DigestSection section;
    section.source_id = g.source_id;
    section.heading = g.heading;
    if (options.group_by == GroupBy::source)
      if (const Source* src = collection.find_source(g.source_id)) section.source = *src;
    section.posts.reserve(g.items.size());
    section.items.reserve(g.items.size());
    for (Draft& d : g.items) {
      section.posts.push_back(*d.post);
      name_source(*d.post);
      DigestItem item;
      item.story = std::move(d.story);
      item.outlets = d.outlets;
      item.entities = std::move(d.entities);
      // "Also in" lists other outlets first, by source id, then date.
      std::stable_sort(d.also.begin(), d.also.end(), [&](const Post* a, const Post* b) {
        bool sa = a->source == d.post->source, sb = b->source == d.post->source;
        if (sa != sb) return sb;
        if (a->source != b->source) return a->source < b->source;
        return older(a, b);
      });
      for (const Post* p : d.also) {
        item.also.push_back(*p);
        name_source(*p);
      }
      section.items.push_back(std::move(item));
    }
    count += section.posts.size();
    digest.sections.push_back(std::move(section));
  }
  auto title = fill_title(options.title, period, options.locale, count);
  if (!title.ok()) return title.error();
  digest.title = std::move(title).value();
  return digest;
}

Digest build_digest(const Collection& collection, const Period& period,
                    const DigestOptions& options) {
  auto d = make_digest(collection, period, options);
  if (d.ok()) return std::move(d).value();
  // The 0.2 contract: a title is used as written, whatever braces it holds;
  // an unusable locale falls back to English.
  DigestOptions plain = options;
  plain.title.clear();
  if (!check_locale(plain.locale).ok()) plain.locale = "en";
  Digest out = make_digest(collection, period, plain).value();
  if (!options.title.empty()) out.title = options.title;
  return out;
}

}  // namespace digest
