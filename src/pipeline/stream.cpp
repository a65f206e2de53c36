// stream_posts (curate.hpp): import, curation and a caller's sink, one batch
// of posts at a time, for the CLI's convert and digest over inputs of any
// size and for Python's Collection.load(where=...).
#include <utility>

#include "digest/curate.hpp"
#include "model/id_set.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

// Thrown from on_post (C++ frames only) to end an import with an error the
// importer did not see: a post id met in an earlier input.
struct EarlierInput {
  Error error;
};

bool curates(const CurateOptions& o) {
  return o.fill_from_attribution || o.sources || o.entities;
}

}  // namespace

Result<StreamReport> stream_posts(std::span<const std::string> paths, const ImportOptions& import,
                                  const CurateOptions& curate_options, Collection& sources,
                                  const std::function<void(Post&&)>& sink, std::size_t batch_size) {
  if (curate_options.stories)
    return Error(ErrorCode::invalid_argument, "stories need every post: they cannot be streamed");
  if (import.validate_only)
    return Error(ErrorCode::invalid_argument, "validate_only keeps no posts to stream");
  if (import.on_duplicate == OnDuplicate::replace || import.on_duplicate == OnDuplicate::merge)
    return Error(ErrorCode::invalid_argument,
                 "on_duplicate replace and merge need the earlier posts, which streaming does not "
                 "keep; use error or keep_first");
  if (!sink) return Error(ErrorCode::invalid_argument, "no sink for the posts");
  if (batch_size == 0) batch_size = 1;
  const bool curating = curates(curate_options);
  if (curating) {  // the options are checked before anything is read
    Collection none;
    auto r = curate(none, curate_options);
    if (!r) return std::move(r).error();
  }

  StreamReport report;
  detail::IdSet seen;  // across inputs (each import checks its own input)
  Collection batch, registry_added;
  std::size_t repeated = 0;
  std::string name;

  auto deliver = [&](Post&& p) {
    ++report.posts;
    sink(std::move(p));
  };
  auto flush = [&] {
    if (batch.size() == 0) return;
    auto r = curate(batch, curate_options);
    if (!r) throw EarlierInput{std::move(r).error()};
    report.curate.posts_attributed += r->posts_attributed;
    report.curate.posts_filed += r->posts_filed;
    report.curate.entity_tags_added += r->entity_tags_added;
    for (const Source& s : batch.sources())
      if (!registry_added.find_source(s.id)) (void)registry_added.add_source(s);
    Collection done = std::move(batch);
    batch.clear();
    for (const Post& p : done.posts()) deliver(std::move(const_cast<Post&>(p)));
  };

  ImportOptions options = import;
  const bool across = paths.size() > 1;  // one input: its import checks its ids
  options.on_post = [&](Post&& p) {
    if (across && !seen.insert(p.id)) {
      if (import.on_duplicate == OnDuplicate::keep_first) {
        ++repeated;
        return;
      }
      Error e(ErrorCode::duplicate_id, "duplicate post id " + detail::quote_for_message(p.id) + " (in an earlier input)");
      e.file = name;
      e.field = "id";
      throw EarlierInput{std::move(e)};
    }
    if (!curating) return deliver(std::move(p));
    (void)batch.add_post(std::move(p));  // unique: checked above
    if (batch.size() >= batch_size) flush();
  };

  for (const std::string& path : paths) {
    name = path == "-" ? "<stdin>" : path;
    if (import.source_name.empty() || paths.size() > 1) options.source_name = name;
    repeated = 0;
    try {
      Result<ImportReport> r = import_file(sources, path, options);
      flush();  // the posts read before an error come first
      if (!r) return std::move(r).error();
      r->duplicates_kept_first += repeated;
      r->posts_added -= repeated;
      report.imports.push_back(std::move(r).value());
    } catch (EarlierInput& e) {
      return std::move(e.error);
    }
  }
  for (const Source& s : registry_added.sources()) {
    if (sources.find_source(s.id)) continue;  // the collection's own record wins
    (void)sources.add_source(s);
    ++report.curate.sources_added;
  }
  return report;
}

}  // namespace digest
