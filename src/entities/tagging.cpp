// Tagging the posts of a collection with the entities they mention.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "digest/entities.hpp"

namespace digest {

PostEntities tag_post(const Post& post, const Gazetteer& gazetteer, const TagOptions& options) {
  PostEntities out;
  out.post_id = post.id;
  std::unordered_map<std::size_t, std::size_t> counts;  // entity index → mentions
  auto add = [&](const std::string& text) {
    if (text.empty()) return;
    auto matches = gazetteer.find(text);
    if (!matches.ok()) return;  // only over the Normalizer's size limit
    for (const EntityMatch& m : *matches) ++counts[m.entity_index];
  };
  if (options.title) add(post.title);
  if (options.excerpt) add(post.excerpt);
  if (options.body) add(post.body);
  const auto entities = gazetteer.entities();
  out.entities.reserve(counts.size());
  for (auto [index, count] : counts) out.entities.push_back({entities[index].id, count});
  std::sort(out.entities.begin(), out.entities.end(),
            [](const EntityCount& a, const EntityCount& b) {
              return a.count != b.count ? a.count > b.count : a.entity_id < b.entity_id;
            });
  return out;
}

std::vector<PostEntities> tag_posts(const Collection& collection, const Gazetteer& gazetteer,
                                    const TagOptions& options) {
  std::vector<PostEntities> out;
  out.reserve(collection.size());
  gazetteer.compile();
  for (const Post& p : collection.posts()) out.push_back(tag_post(p, gazetteer, options));
  return out;
}

std::vector<const Post*> select_by_entity(const Collection& collection,
                                          std::span<const PostEntities> tags,
                                          std::string_view entity_id) {
  std::unordered_set<std::string_view> ids;
  for (const PostEntities& pe : tags) {
    for (const EntityCount& ec : pe.entities) {
      if (ec.entity_id == entity_id && ec.count > 0) {
        ids.insert(pe.post_id);
        break;
      }
    }
  }
  std::vector<const Post*> out;
  if (ids.empty()) return out;
  for (const Post& p : collection.posts()) {
    if (ids.count(p.id)) out.push_back(&p);
  }
  return out;
}

std::size_t apply_entity_tags(Collection& collection, std::span<const PostEntities> tags,
                              std::string_view prefix) {
  std::size_t added = 0;
  for (const PostEntities& pe : tags) {
    Post* p = collection.find_post(pe.post_id);
    if (!p) continue;
    for (const EntityCount& ec : pe.entities) {
      std::string tag(prefix);
      tag += ec.entity_id;
      if (std::find(p->tags.begin(), p->tags.end(), tag) == p->tags.end()) {
        p->tags.push_back(std::move(tag));
        ++added;
      }
    }
  }
  return added;
}

}  // namespace digest
