// The last step of every import (JSON and XML feeds): the posts and sources
// read into a temporary collection move into the caller's under the
// import's duplicate policy, all or nothing, and the report counts what
// the policy did.
#include "json/json_internal.hpp"

namespace digest::json_detail {

void count_duplicate(ImportReport& report, OnDuplicate policy) {
  switch (policy) {
    case OnDuplicate::keep_first: ++report.duplicates_kept_first; break;
    case OnDuplicate::replace: ++report.duplicates_replaced; break;
    case OnDuplicate::merge: ++report.duplicates_merged; break;
    case OnDuplicate::error: break;
  }
}

Status commit_import(Collection& target, Collection&& temp, const ImportOptions& options,
                     ImportReport& report) {
  if (options.validate_only) return {};
  if (options.on_duplicate == OnDuplicate::error && target.empty()) {
    target = std::move(temp);
    return {};
  }
  auto r = target.merge(std::move(temp), options.on_duplicate);
  if (!r) {
    Error e = std::move(r).error();
    e.file = options.source_name;
    return e;
  }
  // posts_added counted every record read; the merge says which were new
  // (streamed posts were counted as they were handed over).
  if (!options.on_post) report.posts_added = r->posts_added;
  report.sources_added = r->sources_added;
  report.duplicates_kept_first += r->kept_first;
  report.duplicates_replaced += r->replaced;
  report.duplicates_merged += r->merged;
  return {};
}

}  // namespace digest::json_detail
