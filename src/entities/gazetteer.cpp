// The gazetteer's dictionary: entities with their names and aliases, added
// all or nothing, each alias checked (UTF-8 id, a non-empty search key,
// the limits) and its search key made once, duplicates dropped. Apart from
// the matcher (gazetteer_matcher.cpp), which compiles these aliases into an
// automaton on first use and scans texts with it.
#include <algorithm>

#include "entities/gazetteer_impl.hpp"
#include "text/utf8.hpp"

namespace digest {

using detail::AliasRec;

std::string Gazetteer::Impl::seen_key(std::uint32_t entity, bool cs, std::string_view key) {
  std::string s(reinterpret_cast<const char*>(&entity), sizeof entity);
  s.push_back(cs ? '1' : '0');
  s.append(key);
  return s;
}

// Prepares the alias records of `aliases` for entity `entity` (not yet
// added). Errors name the alias by its index.
Status Gazetteer::Impl::prepare(std::uint32_t entity, std::span<const GazetteerAlias> list,
                                std::vector<AliasRec>& out,
                                std::unordered_set<std::string>& batch_seen,
                                std::string_view field_prefix) const {
  const Normalizer& norm = Normalizer::shared_strict();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const GazetteerAlias& a = list[i];
    auto fail = [&](Error e) {
      e.field = std::string(field_prefix) + "[" + std::to_string(i) + "]";
      return Status(std::move(e));
    };
    auto tk = norm.token_key(a.text);
    if (!tk.ok()) return fail(std::move(tk).error());
    AliasRec rec;
    rec.entity = entity;
    rec.text = a.text;
    rec.case_sensitive = a.case_sensitive;
    if (rec.case_sensitive) {
      for (const TokenSpan& t : tk->spans()) rec.surface.append(a.text, t.begin, t.end - t.begin);
    }
    rec.key = std::move(tk->key);
    if (rec.key.empty())
      return fail(Error(ErrorCode::invalid_argument,
                        "alias '" + a.text + "' has no words (its search key is empty)"));
    if (rec.key.size() > GazetteerLimits::max_alias_key_bytes)
      return fail(Error(ErrorCode::limit_exceeded,
                        "alias search key longer than " +
                            std::to_string(GazetteerLimits::max_alias_key_bytes) + " bytes"));
    std::string sk = seen_key(entity, rec.case_sensitive, rec.key);
    if (seen.count(sk) || !batch_seen.insert(std::move(sk)).second) continue;  // duplicate
    out.push_back(std::move(rec));
  }
  return {};
}

// Adds entities; all or nothing. `offsets` (may be empty) are the JSON
// positions of the entities, for errors.
Status Gazetteer::Impl::add_entities(std::span<const GazetteerEntity> list,
                                     std::span<const std::size_t> offsets, bool from_json) {
  std::vector<AliasRec> recs;
  std::unordered_set<std::string> batch_seen;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> new_index;
  std::vector<GazetteerEntity> new_entities;  // appended after the existing ones
  std::vector<std::pair<std::uint32_t, const GazetteerEntity*>> merges;
  std::size_t total = aliases.size();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const GazetteerEntity& e = list[i];
    const std::string prefix = from_json ? "entities[" + std::to_string(i) + "]." : "";
    auto fail = [&](Error err) {
      if (from_json && i < offsets.size()) err.offset = offsets[i];  // the entity's position
      return Status(std::move(err));
    };
    if (e.id.empty()) {
      Error err(ErrorCode::invalid_argument, "empty entity id");
      err.field = prefix + "id";
      return fail(std::move(err));
    }
    if (auto bad = detail::first_invalid_utf8(e.id)) {
      Error err(ErrorCode::invalid_utf8, "entity id is not UTF-8 (byte " +
                                             std::to_string(*bad) + ")");
      err.field = prefix + "id";
      return fail(std::move(err));
    }
    std::uint32_t idx;
    if (auto it = entity_index.find(e.id); it != entity_index.end()) {
      idx = it->second;
    } else if (auto jt = new_index.find(e.id); jt != new_index.end()) {
      idx = jt->second;
    } else {
      idx = static_cast<std::uint32_t>(entities.size() + new_entities.size());
      new_index.emplace(e.id, idx);
      GazetteerEntity fresh;
      fresh.id = e.id;
      new_entities.push_back(std::move(fresh));
    }
    merges.emplace_back(idx, &e);
    if (!e.name.empty()) {
      GazetteerAlias name{e.name, false};
      if (Status s = prepare(idx, std::span<const GazetteerAlias>(&name, 1), recs, batch_seen,
                             prefix + "name");
          !s) {
        Error err = std::move(s).error();
        err.field = prefix + "name";
        return fail(std::move(err));
      }
    }
    if (Status s = prepare(idx, e.aliases, recs, batch_seen, prefix + "aliases"); !s)
      return fail(std::move(s).error());
    total = aliases.size() + recs.size();
    if (total > GazetteerLimits::max_aliases)
      return fail(Error(ErrorCode::limit_exceeded, "more than " +
                                                       std::to_string(GazetteerLimits::max_aliases) +
                                                       " aliases"));
  }
  // Commit (only allocation can fail from here on). The compiled form holds
  // views into the entities and aliases, which the commit may move: it is
  // marked stale first, so that a failure part way leaves no dangling view.
  compiled.store(false, std::memory_order_release);
  for (auto& ne : new_entities) entities.push_back(std::move(ne));
  for (auto& [id, idx] : new_index) entity_index.emplace(id, idx);
  for (auto [idx, src] : merges) {
    GazetteerEntity& dst = entities[idx];
    // A second name for the same entity is matched like an alias, so it is
    // kept as one (else a save would lose it).
    if (dst.name.empty()) {
      dst.name = src->name;
    } else if (!src->name.empty() && src->name != dst.name) {
      GazetteerAlias as_alias{src->name, false};
      if (std::find(dst.aliases.begin(), dst.aliases.end(), as_alias) == dst.aliases.end())
        dst.aliases.push_back(std::move(as_alias));
    }
    if (dst.type.empty()) dst.type = src->type;
    for (const GazetteerAlias& a : src->aliases) {
      if (std::find(dst.aliases.begin(), dst.aliases.end(), a) == dst.aliases.end())
        dst.aliases.push_back(a);
    }
  }
  for (AliasRec& r : recs) {
    seen.insert(seen_key(r.entity, r.case_sensitive, r.key));
    aliases.push_back(std::move(r));
  }
  return {};
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Status Gazetteer::add_all(std::span<const GazetteerEntity> entities,
                         std::span<const std::size_t> offsets) {
  return impl_->add_entities(entities, offsets, true);
}

Status Gazetteer::add(std::string_view entity_id, std::span<const std::string> aliases,
                      bool case_sensitive) {
  GazetteerEntity e;
  e.id.assign(entity_id);
  e.aliases.reserve(aliases.size());
  for (const std::string& a : aliases) e.aliases.push_back({a, case_sensitive});
  return add(e);
}

Status Gazetteer::add(std::string_view entity_id, std::span<const GazetteerAlias> aliases) {
  GazetteerEntity e;
  e.id.assign(entity_id);
  e.aliases.assign(aliases.begin(), aliases.end());
  return add(e);
}

Status Gazetteer::add(const GazetteerEntity& entity) {
  return impl_->add_entities(std::span<const GazetteerEntity>(&entity, 1), {}, false);
}

std::span<const GazetteerEntity> Gazetteer::entities() const noexcept { return impl_->entities; }

const GazetteerEntity* Gazetteer::find_entity(std::string_view id) const {
  auto it = impl_->entity_index.find(id);
  return it == impl_->entity_index.end() ? nullptr : &impl_->entities[it->second];
}

std::size_t Gazetteer::entity_count() const noexcept { return impl_->entities.size(); }
std::size_t Gazetteer::alias_count() const noexcept { return impl_->aliases.size(); }

std::string_view Gazetteer::alias_text(std::size_t i) const { return impl_->aliases.at(i).text; }
std::size_t Gazetteer::alias_entity(std::size_t i) const { return impl_->aliases.at(i).entity; }

}  // namespace digest
