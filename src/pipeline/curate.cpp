// The curation pipeline (curate.hpp). Everything that can fail is checked
// before the first change, so the steps themselves run in place (no copy of
// a collection of millions of posts).
#include "digest/curate.hpp"

#include "text/utf8.hpp"

namespace digest {

Result<CurateReport> curate(Collection& collection, const CurateOptions& options) {
  if (detail::first_invalid_utf8(options.entity_tag_prefix)) {
    Error e(ErrorCode::invalid_argument, "the entity tag prefix is not well-formed UTF-8");
    e.field = "entity_tag_prefix";
    return e;
  }
  CurateReport report;
  if (options.fill_from_attribution) {
    // Posts are reached by id: the collection hands out no mutable span, so
    // that nobody can change an id behind its index.
    const std::size_t n = collection.size();
    for (std::size_t i = 0; i < n; ++i) {
      Post* p = collection.find_post(collection.posts()[i].id);
      if (apply_attribution(*p, options.sources, options.attribution)) ++report.posts_attributed;
    }
  }
  if (options.sources) {
    for (const Source& s : options.sources->sources()) {
      if (collection.find_source(s.id)) continue;  // the collection's own record wins
      // Cannot fail: registry ids are non-empty and unique, and absent here.
      if (Status st = collection.add_source(s); !st) return std::move(st).error();
      ++report.sources_added;
    }
    report.posts_filed = resolve_post_sources(collection, *options.sources, options.resolve);
  }
  if (options.entities) {
    std::vector<PostEntities> tags = tag_posts(collection, *options.entities, options.tagging);
    report.entity_tags_added = apply_entity_tags(collection, tags, options.entity_tag_prefix);
  }
  return report;
}

}  // namespace digest
