// C API over SourceRegistry and Gazetteer.
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/entities.hpp"
#include "digest/sources.hpp"
#include "digest/json.hpp"

struct dg_source_registry {
  digest::SourceRegistry registry;
};

struct dg_gazetteer {
  digest::Gazetteer gazetteer;
};

struct dg_entity_matches {
  struct Item {
    std::size_t begin, end;
    std::string entity, alias;
  };
  std::vector<Item> items;
};

namespace {

int finish_status(digest::Status&& s) {
  if (!s.ok()) return dg::set_error(s.error());
  return DG_OK;
}

int index_error(std::size_t index, std::size_t size) {
  return dg::set_error(DG_E_INVALID_ARGUMENT, "index " + std::to_string(index) +
                                                  " out of range (" + std::to_string(size) + ")");
}

}  // namespace

extern "C" {

// ---- source registry --------------------------------------------------------

DG_API int dg_source_registry_new(dg_source_registry** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    *out = new dg_source_registry();
    return DG_OK;
  });
}

DG_API int dg_source_registry_load_json(dg_source_registry** out, const char* json,
                                        size_t json_len) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    auto r = digest::source_registry_from_json(text);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_source_registry{std::move(r).value()};
    return DG_OK;
  });
}

DG_API int dg_source_registry_load_file(dg_source_registry** out, const char* path) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    if (!path) return dg::null_argument("path");
    auto r = digest::load_source_registry(path);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_source_registry{std::move(r).value()};
    return DG_OK;
  });
}

DG_API void dg_source_registry_free(dg_source_registry* registry) { delete registry; }

DG_API int dg_source_registry_add(dg_source_registry* registry, const char* id, size_t id_len,
                                  const char* name, size_t name_len, const char* url,
                                  size_t url_len) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    std::string_view i, n, u;
    if (!dg::view(id, id_len, i, "id") || !dg::view(name, name_len, n, "name") ||
        !dg::view(url, url_len, u, "url"))
      return DG_E_INVALID_ARGUMENT;
    digest::Source s;
    s.id.assign(i);
    s.name.assign(n);
    s.url.assign(u);
    return finish_status(registry->registry.add(std::move(s)));
  });
}

DG_API int dg_source_registry_add_alias(dg_source_registry* registry, const char* id,
                                        size_t id_len, const char* alias, size_t alias_len) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    std::string_view i, a;
    if (!dg::view(id, id_len, i, "id") || !dg::view(alias, alias_len, a, "alias"))
      return DG_E_INVALID_ARGUMENT;
    const digest::Source* s = registry->registry.find(i);
    if (!s) return dg::set_error(DG_E_NOT_FOUND, "no source with id '" + std::string(i) + "'");
    // Sources are immutable in the registry: rebuild it with the alias added.
    digest::SourceRegistry next;
    for (const digest::Source& src : registry->registry.sources()) {
      digest::Source copy = src;
      if (copy.id == i) copy.aliases.emplace_back(a);
      if (digest::Status st = next.add(std::move(copy)); !st) return dg::set_error(st.error());
    }
    registry->registry = std::move(next);
    return DG_OK;
  });
}

DG_API int dg_source_registry_count(const dg_source_registry* registry, size_t* out) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    *out = registry->registry.size();
    return DG_OK;
  });
}

DG_API int dg_source_registry_to_json(const dg_source_registry* registry, dg_buffer** out) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    auto b = std::make_unique<dg_buffer>();
    b->bytes = digest::source_registry_to_json(registry->registry);
    *out = b.release();
    return DG_OK;
  });
}

DG_API int dg_resolve_options_init(dg_resolve_options* options, unsigned int version) {
  return dg::guard([&] {
    if (!options) return dg::null_argument("options");
    if (version != DG_RESOLVE_OPTIONS_VERSION)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "unsupported dg_resolve_options version " + std::to_string(version));
    *options = dg_resolve_options DG_RESOLVE_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_source_registry_resolve(const dg_source_registry* registry, const char* text,
                                      size_t text_len, const dg_resolve_options* options,
                                      const char** out_id, size_t* out_id_len, double* out_score,
                                      dg_resolve_method* out_method) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    if (!out_id) return dg::null_argument("out_id");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    digest::ResolveOptions o;
    if (options) {
      if (options->version != DG_RESOLVE_OPTIONS_VERSION)
        return dg::set_error(DG_E_INVALID_ARGUMENT, "unsupported dg_resolve_options version");
      o.fuzzy = options->fuzzy != 0;
      o.min_fuzzy_score = options->min_fuzzy_score;
    }
    auto r = registry->registry.resolve(t, o);
    if (!r)
      return dg::set_error(DG_E_NOT_FOUND, "no single source matches '" + std::string(t) + "'");
    dg::put(r->source->id, out_id, out_id_len);
    if (out_score) *out_score = r->score;
    if (out_method) *out_method = static_cast<dg_resolve_method>(static_cast<int>(r->method));
    return DG_OK;
  });
}

DG_API int dg_source_registry_resolve_posts(const dg_source_registry* registry,
                                            dg_collection* collection, size_t* out_changed) {
  return dg::guard([&] {
    if (!registry) return dg::null_argument("registry");
    if (!collection) return dg::null_argument("collection");
    const std::size_t n = digest::resolve_post_sources(collection->collection, registry->registry);
    if (out_changed) *out_changed = n;
    return DG_OK;
  });
}

// ---- gazetteer --------------------------------------------------------------

DG_API int dg_gazetteer_new(dg_gazetteer** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    *out = new dg_gazetteer();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_load_json(dg_gazetteer** out, const char* json, size_t json_len) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    auto r = digest::gazetteer_from_json(text);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_gazetteer{std::move(r).value()};
    return DG_OK;
  });
}

DG_API int dg_gazetteer_load_file(dg_gazetteer** out, const char* path) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    if (!path) return dg::null_argument("path");
    auto r = digest::load_gazetteer(path);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_gazetteer{std::move(r).value()};
    return DG_OK;
  });
}

DG_API void dg_gazetteer_free(dg_gazetteer* gazetteer) { delete gazetteer; }

DG_API int dg_gazetteer_add(dg_gazetteer* gazetteer, const char* entity_id, size_t entity_id_len,
                            const char* alias, size_t alias_len, unsigned int flags) {
  return dg::guard([&] {
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view id, a;
    if (!dg::view(entity_id, entity_id_len, id, "entity_id") ||
        !dg::view(alias, alias_len, a, "alias"))
      return DG_E_INVALID_ARGUMENT;
    if (flags & ~DG_ALIAS_CASE_SENSITIVE)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown flags");
    digest::GazetteerAlias ga{std::string(a), (flags & DG_ALIAS_CASE_SENSITIVE) != 0};
    return finish_status(
        gazetteer->gazetteer.add(id, std::span<const digest::GazetteerAlias>(&ga, 1)));
  });
}

DG_API int dg_gazetteer_add_json(dg_gazetteer* gazetteer, const char* json, size_t json_len) {
  return dg::guard([&] {
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    return finish_status(digest::gazetteer_add_json(gazetteer->gazetteer, text));
  });
}

DG_API int dg_gazetteer_entity_count(const dg_gazetteer* gazetteer, size_t* out) {
  return dg::guard([&] {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    *out = gazetteer->gazetteer.entity_count();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_alias_count(const dg_gazetteer* gazetteer, size_t* out) {
  return dg::guard([&] {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    *out = gazetteer->gazetteer.alias_count();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_to_json(const dg_gazetteer* gazetteer, dg_buffer** out) {
  return dg::guard([&] {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    auto b = std::make_unique<dg_buffer>();
    b->bytes = digest::gazetteer_to_json(gazetteer->gazetteer);
    *out = b.release();
    return DG_OK;
  });
}

DG_API int dg_gazetteer_find(const dg_gazetteer* gazetteer, const char* text, size_t text_len,
                             dg_entity_matches** out) {
  return dg::guard([&] {
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
  return dg::guard([&] {
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
  return dg::guard([&] {
    if (!matches) return dg::null_argument("matches");
    if (index >= matches->items.size()) return index_error(index, matches->items.size());
    const auto& it = matches->items[index];
    if (out_begin) *out_begin = it.begin;
    if (out_end) *out_end = it.end;
    if (out_entity) dg::put(it.entity, out_entity, out_entity_len);
    if (out_alias) dg::put(it.alias, out_alias, out_alias_len);
    return DG_OK;
  });
}

DG_API int dg_collection_tag_entities(dg_collection* collection, const dg_gazetteer* gazetteer,
                                      const char* prefix, size_t prefix_len, size_t* out_added) {
  return dg::guard([&] {
    if (!collection) return dg::null_argument("collection");
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view pre;
    if (!dg::view(prefix, prefix_len, pre, "prefix")) return DG_E_INVALID_ARGUMENT;
    auto tags = digest::tag_posts(collection->collection, gazetteer->gazetteer);
    std::size_t added = digest::apply_entity_tags(collection->collection, tags, pre);
    if (out_added) *out_added = added;
    return DG_OK;
  });
}

}  // extern "C"
