// C API over the source registry (include/digest/c/sources.h).
#include <memory>
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/sources.hpp"

namespace dg {

int read_resolve_options(const dg_resolve_options* opts, digest::ResolveOptions& out) {
  if (!opts) return DG_OK;
  if (opts->version != DG_RESOLVE_OPTIONS_VERSION)
    return bad_version("dg_resolve_options", opts->version);
  if (!(opts->min_fuzzy_score >= 0.0 && opts->min_fuzzy_score <= 1.0))
    return set_error(DG_E_INVALID_ARGUMENT, "min_fuzzy_score must be in [0, 1]",
                     "min_fuzzy_score");
  out.fuzzy = opts->fuzzy != 0;
  out.min_fuzzy_score = opts->min_fuzzy_score;
  return DG_OK;
}

}  // namespace dg

extern "C" {

DG_API int dg_source_registry_new(dg_source_registry** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_source_registry();
    return DG_OK;
  });
}

DG_API int dg_source_registry_from_collection(dg_source_registry** out,
                                              const dg_collection* collection) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!collection) return dg::null_argument("collection");
    auto r = digest::SourceRegistry::from_sources(collection->collection.sources());
    if (!r.ok()) return dg::set_error(r.error());
    *out = new_registry(std::move(r).value());
    return DG_OK;
  });
}

DG_API void dg_source_registry_free(dg_source_registry* registry) { delete registry; }

DG_API int dg_source_registry_add(dg_source_registry* registry, const char* id, size_t id_len,
                                  const char* name, size_t name_len, const char* url,
                                  size_t url_len) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    std::string_view i, n, u;
    if (!dg::view(id, id_len, i, "id") || !dg::view(name, name_len, n, "name") ||
        !dg::view(url, url_len, u, "url"))
      return DG_E_INVALID_ARGUMENT;
    digest::Source s;
    s.id.assign(i);
    s.name.assign(n);
    s.url.assign(u);
    return dg::finish(registry->registry.add(std::move(s)));
  });
}

DG_API int dg_source_registry_add_source(dg_source_registry* registry,
                                         const dg_source_builder* builder) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!builder) return dg::null_argument("builder");
    return dg::finish(registry->registry.add(builder->source));
  });
}

DG_API int dg_source_registry_add_alias(dg_source_registry* registry, const char* id,
                                        size_t id_len, const char* alias, size_t alias_len) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    std::string_view i, a;
    if (!dg::view(id, id_len, i, "id") || !dg::view(alias, alias_len, a, "alias"))
      return DG_E_INVALID_ARGUMENT;
    const digest::Source* s = registry->registry.find(i);
    if (!s) return dg::set_error(DG_E_NOT_FOUND, "no source with id '" + std::string(i) + "'", "id");
    // Sources are immutable in the registry: rebuild it with the alias added.
    digest::SourceRegistry next;
    for (const digest::Source& src : registry->registry.sources()) {
      digest::Source copy = src;
      if (copy.id == i) copy.aliases.emplace_back(a);
      if (digest::Status st = next.add(std::move(copy)); !st) return dg::set_error(st.error());
    }
    next.set_outlet_options(registry->lookup_options);
    registry->registry = std::move(next);
    return DG_OK;
  });
}

DG_API int dg_source_registry_count(const dg_source_registry* registry, size_t* out) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    *out = registry->registry.size();
    return DG_OK;
  });
}

DG_API int dg_source_registry_source_at(const dg_source_registry* registry, size_t index,
                                        const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    auto sources = registry->registry.sources();
    if (index >= sources.size()) return dg::index_error("source", index, sources.size());
    *out = dg::to_handle(&sources[index]);
    return DG_OK;
  });
}

DG_API int dg_source_registry_find(const dg_source_registry* registry, const char* id,
                                   size_t id_len, const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    std::string_view i;
    if (!dg::view(id, id_len, i, "id")) return DG_E_INVALID_ARGUMENT;
    const digest::Source* s = registry->registry.find(i);
    if (!s) return dg::set_error(DG_E_NOT_FOUND, "no source with id '" + std::string(i) + "'", "id");
    *out = dg::to_handle(s);
    return DG_OK;
  });
}

DG_API int dg_resolve_options_init(dg_resolve_options* options, unsigned int version) {
  return dg::guard([&]() -> int {
    if (!options) return dg::null_argument("options");
    if (version != DG_RESOLVE_OPTIONS_VERSION) return dg::bad_version("dg_resolve_options", version);
    *options = dg_resolve_options DG_RESOLVE_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_source_registry_resolve(const dg_source_registry* registry, const char* text,
                                      size_t text_len, const dg_resolve_options* options,
                                      const char** out_id, size_t* out_id_len, double* out_score,
                                      dg_resolve_method* out_method) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!out_id) return dg::null_argument("out_id");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    digest::ResolveOptions o;
    if (int st = dg::read_resolve_options(options, o); st != DG_OK) return st;
    auto r = registry->registry.resolve(t, o);
    if (!r)
      return dg::set_error(DG_E_NOT_FOUND, "no single source matches '" + std::string(t) + "'");
    dg::put(r->source->id, out_id, out_id_len);
    if (out_score) *out_score = r->score;
    if (out_method) {
      switch (r->method) {
        case digest::ResolveMethod::name: *out_method = DG_RESOLVE_NAME; break;
        case digest::ResolveMethod::alias: *out_method = DG_RESOLVE_ALIAS; break;
        case digest::ResolveMethod::domain: *out_method = DG_RESOLVE_DOMAIN; break;
        case digest::ResolveMethod::fuzzy: *out_method = DG_RESOLVE_FUZZY; break;
      }
    }
    return DG_OK;
  });
}

DG_API int dg_source_registry_resolve_posts(const dg_source_registry* registry,
                                            dg_collection* collection, size_t* out_changed) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!collection) return dg::null_argument("collection");
    const std::size_t n = digest::resolve_post_sources(collection->collection, registry->registry);
    if (out_changed) *out_changed = n;
    return DG_OK;
  });
}

DG_API const dg_outlet_lookup* dg_source_registry_lookup(const dg_source_registry* registry) {
  if (!registry) return nullptr;
  return dg::to_handle(static_cast<const digest::OutletLookup*>(&registry->registry));
}

DG_API int dg_source_registry_set_lookup_options(dg_source_registry* registry,
                                                 const dg_resolve_options* options) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    digest::ResolveOptions o;
    if (int st = dg::read_resolve_options(options, o); st != DG_OK) return st;
    registry->registry.set_outlet_options(o);
    registry->lookup_options = o;
    return DG_OK;
  });
}

}  // extern "C"
