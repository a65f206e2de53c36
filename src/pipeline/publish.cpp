// publish_digest (curate.hpp): the steps a digest's options need, run over
// the period's posts only, then make_digest.
#include "digest/curate.hpp"

namespace digest {

namespace {

bool any_story(const std::vector<const Post*>& posts) {
  for (const Post* p : posts)
    if (!p->story.empty()) return true;
  return false;
}

bool any_tag_with(const std::vector<const Post*>& posts, std::string_view prefix) {
  for (const Post* p : posts)
    for (const std::string& t : p->tags)
      if (!prefix.empty() && t.starts_with(prefix)) return true;
  return false;
}

}  // namespace

std::function<std::string(std::string_view)> entity_names(const Gazetteer& gazetteer) {
  return [g = &gazetteer](std::string_view id) -> std::string {
    const GazetteerEntity* e = g->find_entity(id);
    return e && !e->name.empty() ? e->name : std::string(id);
  };
}

Result<Digest> publish_digest(const Collection& collection, const Period& period,
                              const DigestOptions& options, const PublishOptions& publish) {
  DigestOptions o = options;
  if (publish.entities && !o.entity_name) o.entity_name = entity_names(*publish.entities);
  const bool want_stories = o.group_by == GroupBy::story || o.collapse_stories || o.rank == Rank::outlets;
  const bool want_entities = o.group_by == GroupBy::entity || o.rank == Rank::entities;

  // Looks at the period's posts in place; copies them only when a step runs.
  CurateOptions steps;
  if (want_stories || want_entities) {
    const std::vector<const Post*> in_period = collection.select(period.first, period.last);
    if (want_stories && !any_story(in_period)) steps.stories = publish.stories;
    if (want_entities && publish.entities && !any_tag_with(in_period, o.entity_tag_prefix)) {
      steps.entities = publish.entities;
      steps.entity_tag_prefix = o.entity_tag_prefix;
    }
  }
  if (!steps.stories && !steps.entities) return make_digest(collection, period, o);
  PostFilter in_period;
  in_period.first = period.first;
  in_period.last = period.last;
  Collection period_posts = select_posts(collection, in_period);
  auto report = curate(period_posts, steps);
  if (!report.ok()) return std::move(report).error();
  return make_digest(period_posts, period, o);
}

}  // namespace digest
