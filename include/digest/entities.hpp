// The gazetteer: a dictionary of named entities (organisations, people,
// places), each with aliases in any script, compiled into a double-array
// trie over search-key tokens and matched leftmost-longest, whole tokens
// only, with spans in the original text. Also tags the posts of a
// Collection with the entities they mention. Rules: docs/entities.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

struct GazetteerAlias {
  std::string text;             // as written, any script
  bool case_sensitive = false;  // the surface must have this case (acronyms)
  bool operator==(const GazetteerAlias&) const = default;
};

struct GazetteerEntity {
  std::string id;    // unique, non-empty
  std::string name;  // display name; matched like an alias when not empty
  std::string type;  // free text: "organization", "person", "place", ...
  std::vector<GazetteerAlias> aliases;
  bool operator==(const GazetteerEntity&) const = default;
};

// One match of find(). The views point into the gazetteer and are valid until
// it is next changed (add, add_json) or destroyed.
struct EntityMatch {
  std::string_view entity_id;
  std::string_view alias;      // the dictionary alias (or name) that matched, as written
  std::size_t entity_index = 0;  // into entities()
  std::size_t alias_index = 0;   // into the gazetteer's alias records (see alias_count())
  std::size_t begin = 0;       // byte span [begin, end) in the searched text
  std::size_t end = 0;
};

// Limits that keep a dictionary bounded.
struct GazetteerLimits {
  static constexpr std::size_t max_alias_key_bytes = 1024;  // search key of one alias
  static constexpr std::size_t max_aliases = 8u << 20;      // over the whole dictionary
};

// Reading and writing it as JSON: json.hpp (gazetteer_from_json, …).
// Building (add*, compile) is not thread-safe. Once built, find() and the
// other const methods may be called from many threads at once; the first
// find() after a change compiles the automaton (under a lock) if compile()
// was not called.
class DG_API Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Adds `aliases` to entity `entity_id`, creating it if new. An alias whose
  // search key is empty ("!!!"), or over max_alias_key_bytes, or ill-formed
  // UTF-8 is an error (ErrorCode::invalid_argument, limit_exceeded,
  // invalid_utf8); on error nothing is added. An alias already present for
  // the entity (same key and case sensitivity) is skipped.
  Status add(std::string_view entity_id, std::span<const std::string> aliases,
             bool case_sensitive = false);
  Status add(std::string_view entity_id, std::span<const GazetteerAlias> aliases);
  // Adds a list of entities, all or nothing. Errors name the field as
  // "entities[i].…" and, when `offsets` has an entry for entity i, carry it
  // as the error's byte offset (the readers pass the entities' positions).
  Status add_all(std::span<const GazetteerEntity> entities,
                 std::span<const std::size_t> offsets = {});
  // Adds an entity (merging with one of the same id: name and type are set
  // when empty, aliases appended).
  Status add(const GazetteerEntity& entity);

  // Builds the automaton now (find() does it on demand otherwise).
  void compile() const;
  // Whether the automaton is built for the dictionary as it is (since 0.4).
  bool is_compiled() const noexcept;

  std::span<const GazetteerEntity> entities() const noexcept;
  const GazetteerEntity* find_entity(std::string_view id) const;
  std::size_t entity_count() const noexcept;
  std::size_t alias_count() const noexcept;  // distinct (entity, key, case) aliases
  bool empty() const noexcept { return alias_count() == 0; }
  // Alias record `i` (i < alias_count(), in the order added): its text as
  // written and the index of its entity. Names count as aliases.
  std::string_view alias_text(std::size_t i) const;
  std::size_t alias_entity(std::size_t i) const;

  // Matches in `text`: leftmost-longest, non-overlapping, whole tokens of the
  // search key, in text order. Spans are byte offsets into `text`. Ill-formed
  // UTF-8 is read leniently (as U+FFFD), so this fails only on input over the
  // Normalizer's size limit.
  Result<std::vector<EntityMatch>> find(std::string_view text) const;

  // The matching step alone, on text already in token-key form: the search
  // keys of the tokens joined by single spaces (Normalizer::tokens; equal to
  // search_key for text without Chinese, Japanese or Thai). Spans are byte
  // offsets into `key`. Case-sensitive aliases match here regardless of case
  // and possessives are not recognised (both need the original text).
  std::vector<EntityMatch> find_in_key(std::string_view key) const;
  // Number of matches only (the benchmark's matching step).
  std::size_t count_in_key(std::string_view key) const;

  // Bytes used by the compiled automaton (0 before compilation).
  std::size_t automaton_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- tagging a collection ----------------------------------------------

struct EntityCount {
  std::string entity_id;
  std::size_t count = 0;
  bool operator==(const EntityCount&) const = default;
};

// The entities one post mentions, most mentioned first (then by id).
struct PostEntities {
  std::string post_id;
  std::vector<EntityCount> entities;
  bool operator==(const PostEntities&) const = default;
};

struct TagOptions {
  bool title = true;
  bool excerpt = true;
  bool body = true;
};

// One PostEntities per post of the collection, in insertion order (posts
// that mention nothing get an empty list).
DG_API std::vector<PostEntities> tag_posts(const Collection& collection,
                                           const Gazetteer& gazetteer,
                                           const TagOptions& options = {});
// The entities of one post.
DG_API PostEntities tag_post(const Post& post, const Gazetteer& gazetteer,
                             const TagOptions& options = {});

// The posts that mention `entity_id` according to `tags`, in collection
// order. Posts no longer in the collection are left out.
DG_API std::vector<const Post*> select_by_entity(const Collection& collection,
                                                 std::span<const PostEntities> tags,
                                                 std::string_view entity_id);

// Writes the tags into the posts' own tags as `prefix` + entity id (once
// each), so that they are exported with the collection. Returns the number
// of tags added.
DG_API std::size_t apply_entity_tags(Collection& collection,
                                     std::span<const PostEntities> tags,
                                     std::string_view prefix = "entity:");

}  // namespace digest
