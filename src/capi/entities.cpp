// C API over the gazetteer and entity tagging (include/digest/c/entities.h).
#include <memory>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/entities.hpp"

struct dg_entity_matches {
  struct Item {
    std::size_t begin, end;
    std::string entity, alias;
  };
  std::vector<Item> items;
};

struct dg_entity_counts {
  digest::PostEntities entities;
};

namespace dg {

int read_tag_options(unsigned int fields, digest::TagOptions& out) {
  if (fields & ~DG_TAG_ALL)
    return set_error(DG_E_INVALID_ARGUMENT,
                         "unknown DG_TAG_* flags " + std::to_string(fields & ~DG_TAG_ALL),
                         "fields");
  out.title = (fields & DG_TAG_TITLE) != 0;
  out.excerpt = (fields & DG_TAG_EXCERPT) != 0;
  out.body = (fields & DG_TAG_BODY) != 0;
  return DG_OK;
}

}  // namespace dg

namespace {

const digest::GazetteerEntity* entity_at(const dg_gazetteer* g, std::size_t index, int& status) {
  auto entities = g->gazetteer.entities();
  if (index >= entities.size()) {
    status = dg::index_error("entity", index, entities.size());
    return nullptr;
  }
  status = DG_OK;
  return &entities[index];
}

}  // namespace

extern "C" {

DG_API int dg_gazetteer_new(dg_gazetteer** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_gazetteer();
    return DG_OK;
  });
}

DG_API void dg_gazetteer_free(dg_gazetteer* gazetteer) { delete gazetteer; }

DG_API int dg_gazetteer_add(dg_gazetteer* gazetteer, const char* entity_id, size_t entity_id_len,
                            const char* alias, size_t alias_len, unsigned int flags) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view id, a;
    if (!dg::view(entity_id, entity_id_len, id, "entity_id") ||
        !dg::view(alias, alias_len, a, "alias"))
      return DG_E_INVALID_ARGUMENT;
    if (flags & ~DG_ALIAS_CASE_SENSITIVE)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown flags", "flags");
    digest::GazetteerAlias ga{std::string(a), (flags & DG_ALIAS_CASE_SENSITIVE) != 0};
    return dg::finish(
        gazetteer->gazetteer.add(id, std::span<const digest::GazetteerAlias>(&ga, 1)));
  });
}

DG_API int dg_gazetteer_add_entity(dg_gazetteer* gazetteer, const char* entity_id,
                                   size_t entity_id_len, const char* name, size_t name_len,
                                   const char* type, size_t type_len) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view id, n, t;
    if (int st = dg::utf8_view(entity_id, entity_id_len, id, "entity_id"); st != DG_OK) return st;
    if (int st = dg::utf8_view(name, name_len, n, "name"); st != DG_OK) return st;
    if (int st = dg::utf8_view(type, type_len, t, "type"); st != DG_OK) return st;
    if (id.empty()) return dg::set_error(DG_E_INVALID_ARGUMENT, "empty entity id", "entity_id");
    digest::GazetteerEntity e;
    e.id.assign(id);
    e.name.assign(n);
    e.type.assign(t);
    return dg::finish(gazetteer->gazetteer.add(e));
  });
}

DG_API int dg_gazetteer_compile(const dg_gazetteer* gazetteer) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    gazetteer->gazetteer.compile();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_entity_count(const dg_gazetteer* gazetteer, size_t* out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    *out = gazetteer->gazetteer.entity_count();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_alias_count(const dg_gazetteer* gazetteer, size_t* out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    *out = gazetteer->gazetteer.alias_count();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_entity_at(const dg_gazetteer* gazetteer, size_t index,
                                  const char** out_id, size_t* out_id_len,
                                  const char** out_name, size_t* out_name_len,
                                  const char** out_type, size_t* out_type_len) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    int st;
    const digest::GazetteerEntity* e = entity_at(gazetteer, index, st);
    if (!e) return st;
    if (out_id) dg::put(e->id, out_id, out_id_len);
    if (out_name) dg::put(e->name, out_name, out_name_len);
    if (out_type) dg::put(e->type, out_type, out_type_len);
    return DG_OK;
  });
}

DG_API int dg_gazetteer_find_entity(const dg_gazetteer* gazetteer, const char* entity_id,
                                    size_t entity_id_len, size_t* out_index) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out_index) return dg::null_argument("out_index");
    std::string_view id;
    if (!dg::view(entity_id, entity_id_len, id, "entity_id")) return DG_E_INVALID_ARGUMENT;
    const digest::GazetteerEntity* e = gazetteer->gazetteer.find_entity(id);
    if (!e)
      return dg::set_error(DG_E_NOT_FOUND, "no entity with id '" + std::string(id) + "'",
                           "entity_id");
    *out_index = static_cast<std::size_t>(e - gazetteer->gazetteer.entities().data());
    return DG_OK;
  });
}

DG_API int dg_gazetteer_entity_alias_count(const dg_gazetteer* gazetteer, size_t entity_index,
                                           size_t* out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    int st;
    const digest::GazetteerEntity* e = entity_at(gazetteer, entity_index, st);
    if (!e) return st;
    *out = e->aliases.size();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_entity_alias_at(const dg_gazetteer* gazetteer, size_t entity_index,
                                        size_t alias_index, const char** out, size_t* out_len,
                                        unsigned int* out_flags) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    int st;
    const digest::GazetteerEntity* e = entity_at(gazetteer, entity_index, st);
    if (!e) return st;
    if (alias_index >= e->aliases.size())
      return dg::index_error("alias", alias_index, e->aliases.size());
    const digest::GazetteerAlias& a = e->aliases[alias_index];
    dg::put(a.text, out, out_len);
    if (out_flags) *out_flags = a.case_sensitive ? DG_ALIAS_CASE_SENSITIVE : 0u;
    return DG_OK;
  });
}

DG_API int dg_gazetteer_find(const dg_gazetteer* gazetteer, const char* text, size_t text_len,
                             dg_entity_matches** out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    auto r = gazetteer->gazetteer.find(t);
    if (!r.ok()) return dg::set_error(r.error());
    auto m = std::make_unique<dg_entity_matches>();
    m->items.reserve(r->size());
    for (const digest::EntityMatch& em : *r)
      m->items.push_back({em.begin, em.end, std::string(em.entity_id), std::string(em.alias)});
    *out = m.release();
    return DG_OK;
  });
}

DG_API void dg_entity_matches_free(dg_entity_matches* matches) { delete matches; }

DG_API int dg_entity_matches_count(const dg_entity_matches* matches, size_t* out) {
  return dg::guard([&]() -> int {
    if (!matches) return dg::null_argument("matches");
    if (!out) return dg::null_argument("out");
    *out = matches->items.size();
    return DG_OK;
  });
}

DG_API int dg_entity_matches_get(const dg_entity_matches* matches, size_t index,
                                 size_t* out_begin, size_t* out_end, const char** out_entity,
                                 size_t* out_entity_len, const char** out_alias,
                                 size_t* out_alias_len) {
  return dg::guard([&]() -> int {
    if (!matches) return dg::null_argument("matches");
    if (index >= matches->items.size())
      return dg::index_error("match", index, matches->items.size());
    const auto& it = matches->items[index];
    if (out_begin) *out_begin = it.begin;
    if (out_end) *out_end = it.end;
    if (out_entity) dg::put(it.entity, out_entity, out_entity_len);
    if (out_alias) dg::put(it.alias, out_alias, out_alias_len);
    return DG_OK;
  });
}

DG_API int dg_gazetteer_post_entities(const dg_gazetteer* gazetteer, const dg_post* post,
                                      unsigned int fields, dg_entity_counts** out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!post) return dg::null_argument("post");
    if (!out) return dg::null_argument("out");
    digest::TagOptions options;
    if (int st = dg::read_tag_options(fields, options); st != DG_OK) return st;
    auto counts = std::make_unique<dg_entity_counts>();
    counts->entities = digest::tag_post(*dg::from_handle(post), gazetteer->gazetteer, options);
    *out = counts.release();
    return DG_OK;
  });
}

DG_API void dg_entity_counts_free(dg_entity_counts* counts) { delete counts; }

DG_API int dg_entity_counts_count(const dg_entity_counts* counts, size_t* out) {
  return dg::guard([&]() -> int {
    if (!counts) return dg::null_argument("counts");
    if (!out) return dg::null_argument("out");
    *out = counts->entities.entities.size();
    return DG_OK;
  });
}

DG_API int dg_entity_counts_at(const dg_entity_counts* counts, size_t index,
                               const char** out_entity, size_t* out_entity_len,
                               size_t* out_mentions) {
  return dg::guard([&]() -> int {
    if (!counts) return dg::null_argument("counts");
    if (!out_entity) return dg::null_argument("out_entity");
    const auto& list = counts->entities.entities;
    if (index >= list.size()) return dg::index_error("entity", index, list.size());
    dg::put(list[index].entity_id, out_entity, out_entity_len);
    if (out_mentions) *out_mentions = list[index].count;
    return DG_OK;
  });
}

DG_API int dg_collection_tag_entities(dg_collection* collection, const dg_gazetteer* gazetteer,
                                      const char* prefix, size_t prefix_len, size_t* out_added) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view pre;
    if (int st = dg::utf8_view(prefix, prefix_len, pre, "prefix"); st != DG_OK) return st;
    auto tags = digest::tag_posts(collection->collection, gazetteer->gazetteer);
    std::size_t added = digest::apply_entity_tags(collection->collection, tags, pre);
    if (out_added) *out_added = added;
    return DG_OK;
  });
}

}  // extern "C"
