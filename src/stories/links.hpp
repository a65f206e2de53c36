// Internal: linking near-duplicate clusters into stories across languages.
#pragma once

#include "digest/stories.hpp"

namespace digest::stories_detail {

// Groups the clusters of `duplicates` (computed over `collection`'s posts,
// in order) into stories by shared anchors (entities, name keys, numbers,
// dates) within options.window_days; every post ends in exactly one story.
Result<StoryResult> link_stories(const Collection& collection, DuplicateResult duplicates,
                                 const StoryOptions& options);

}  // namespace digest::stories_detail
