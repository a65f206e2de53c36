// cluster_stories: near-duplicate clusters, then links across languages.
#include "digest/stories.hpp"
#include "stories/links.hpp"

namespace digest {

Result<StoryResult> cluster_stories(const Collection& collection, const StoryOptions& options) {
  Result<DuplicateResult> dups = find_duplicates(collection, options.duplicates);
  if (!dups.ok()) return std::move(dups).error();
  return stories_detail::link_stories(collection, std::move(*dups), options);
}

}  // namespace digest
