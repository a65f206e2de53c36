// digestcore.SourceRegistry, digestcore.Gazetteer, tagging: Python bindings
// of digest/sources.hpp and digest/entities.hpp. Match offsets are str
// indices (byte offsets when the text is bytes); the GIL is released while
// the core matches.
#include <pybind11/operators.h>

#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/sources.hpp"
#include "objects.hpp"

namespace digest::python {

namespace {

// The UTF-8 bytes of a str (lone surrogates pass through, so that every
// code point stays one index) or of bytes.
struct Utf8 {
  std::string_view view;
  py::object keep;  // owns the bytes when they had to be encoded
  bool is_str = true;
  bool ascii = false;
};

Utf8 utf8_of(const py::handle& obj) {
  Utf8 u;
  if (PyUnicode_Check(obj.ptr())) {
    u.ascii = PyUnicode_IS_ASCII(obj.ptr());
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data) {
      u.view = std::string_view(data, static_cast<std::size_t>(size));
      return u;
    }
    PyErr_Clear();
    u.keep = py::reinterpret_steal<py::object>(
        PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
    if (!u.keep) throw py::error_already_set();
  } else if (PyBytes_Check(obj.ptr())) {
    u.is_str = false;
    u.keep = py::reinterpret_borrow<py::object>(obj);
  } else if (PyByteArray_Check(obj.ptr())) {
    u.is_str = false;
    u.keep = py::reinterpret_steal<py::object>(PyBytes_FromObject(obj.ptr()));
    if (!u.keep) throw py::error_already_set();
  } else {
    throw py::type_error("text must be str or bytes (UTF-8), not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  char* buf = nullptr;
  Py_ssize_t len = 0;
  if (PyBytes_AsStringAndSize(u.keep.ptr(), &buf, &len) != 0) throw py::error_already_set();
  u.view = std::string_view(buf, static_cast<std::size_t>(len));
  return u;
}

// ---- EntityMatch: a struct sequence (a named tuple built in C) ----------

PyTypeObject* entity_match_type = nullptr;

PyStructSequence_Field match_fields[] = {
    {"entity", "the entity id"},
    {"alias", "the dictionary alias (or name) that matched, as written"},
    {"start", "start of the match: str index (byte offset for bytes input)"},
    {"end", "end of the match (exclusive), same unit as start"},
    {"text", "the matched text, text[start:end]"},
    {nullptr, nullptr}};

PyStructSequence_Desc match_desc = {
    "digestcore.EntityMatch",
    "One gazetteer match: entity, alias, start, end, text (text[start:end]).", match_fields, 5};

void init_match_type(py::module_& m) {
  entity_match_type = PyStructSequence_NewType(&match_desc);
  if (!entity_match_type) throw py::error_already_set();
  m.attr("EntityMatch") = py::reinterpret_borrow<py::object>(
      reinterpret_cast<PyObject*>(entity_match_type));
}

std::vector<GazetteerAlias> take_aliases(const py::object& aliases, bool case_sensitive) {
  std::vector<GazetteerAlias> out;
  if (PyUnicode_Check(aliases.ptr())) {  // one alias, not its characters
    out.push_back({text_arg(aliases, "aliases"), case_sensitive});
    return out;
  }
  for (const py::handle item : aliases) {
    if (PyUnicode_Check(item.ptr())) {
      out.push_back({text_arg(item, "alias"), case_sensitive});
    } else if (py::isinstance<py::tuple>(item) && py::len(item) == 2) {
      auto t = item.cast<py::tuple>();
      if (!PyBool_Check(t[1].ptr()))
        throw py::type_error("an alias tuple is (str, bool), not (str, " + type_name(t[1]) + ")");
      out.push_back({text_arg(t[0], "alias"), t[1].cast<bool>()});
    } else {
      throw py::type_error("an alias is a str or a (str, case_sensitive) tuple, not " +
                           type_name(item));
    }
  }
  return out;
}

// A match copied out of the gazetteer while its lock was held.
struct FoundMatch {
  std::size_t begin = 0, end = 0;
  std::size_t entity_index = 0, alias_index = 0;
  std::string entity, alias;
};

py::list find_matches(const PyGazetteer& pg, const py::object& text) {
  Utf8 u = utf8_of(text);
  std::vector<FoundMatch> ms;
  std::optional<Error> error;
  {
    py::gil_scoped_release nogil;
    std::shared_lock<std::shared_mutex> lock(pg.mu);
    auto r = pg.g.find(u.view);
    if (!r.ok()) {
      error = r.error();
    } else {
      ms.reserve(r->size());
      for (const EntityMatch& mt : *r)
        ms.push_back({mt.begin, mt.end, mt.entity_index, mt.alias_index,
                      std::string(mt.entity_id), std::string(mt.alias)});
    }
  }
  if (error) raise_error(*error);
  py::list out(ms.size());
  if (ms.empty()) return out;
  std::vector<std::size_t> idx;
  const bool identity = !u.is_str || u.ascii;
  if (!identity) {
    std::vector<std::size_t> bytes;
    bytes.reserve(ms.size() * 2);
    for (const auto& mt : ms) {
      bytes.push_back(mt.begin);
      bytes.push_back(mt.end);
    }
    idx = byte_to_str_indices(u.view, bytes);
  }
  // One Python str per distinct entity and alias of this call.
  std::unordered_map<std::size_t, py::object> entity_str, alias_str;
  auto intern = [](std::unordered_map<std::size_t, py::object>& cache, std::size_t key,
                   const std::string& s) -> PyObject* {
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, py::str(s)).first;
    PyObject* o = it->second.ptr();
    Py_INCREF(o);
    return o;
  };
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const FoundMatch& mt = ms[k];
    const std::size_t start = identity ? mt.begin : idx[2 * k];
    const std::size_t end = identity ? mt.end : idx[2 * k + 1];
    PyObject* item = PyStructSequence_New(entity_match_type);
    if (!item) throw py::error_already_set();
    py::object holder = py::reinterpret_steal<py::object>(item);
    PyStructSequence_SetItem(item, 0, intern(entity_str, mt.entity_index, mt.entity));
    PyStructSequence_SetItem(item, 1, intern(alias_str, mt.alias_index, mt.alias));
    PyStructSequence_SetItem(item, 2, PyLong_FromSize_t(start));
    PyStructSequence_SetItem(item, 3, PyLong_FromSize_t(end));
    PyObject* surface =
        u.is_str ? PyUnicode_Substring(text.ptr(), static_cast<Py_ssize_t>(start),
                                       static_cast<Py_ssize_t>(end))
                 : PyBytes_FromStringAndSize(u.view.data() + mt.begin,
                                             static_cast<Py_ssize_t>(mt.end - mt.begin));
    if (!surface) throw py::error_already_set();
    PyStructSequence_SetItem(item, 4, surface);
    out[k] = std::move(holder);
  }
  return out;
}

py::dict entity_dict(const GazetteerEntity& e) {
  py::dict d;
  d["id"] = e.id;
  d["name"] = e.name;
  d["type"] = e.type;
  py::list aliases;
  for (const auto& a : e.aliases) {
    if (a.case_sensitive) aliases.append(py::make_tuple(a.text, true));
    else aliases.append(a.text);
  }
  d["aliases"] = aliases;
  return d;
}

std::vector<PostEntities> take_tags(const py::dict& tags) {
  std::vector<PostEntities> out;
  for (auto [post_id, ents] : tags) {
    PostEntities pe;
    pe.post_id = text_arg(post_id, "tags key (post id)");
    if (!py::isinstance<py::dict>(ents))
      throw py::type_error("tags must be {post id: {entity id: count}} (from Gazetteer.tag)");
    for (auto [eid, count] : ents.cast<py::dict>()) {
      if (!PyLong_Check(count.ptr()) || PyBool_Check(count.ptr()) || PyLong_AsSsize_t(count.ptr()) < 0) {
        PyErr_Clear();
        throw py::type_error("tags counts must be ints >= 0 ({post id: {entity id: count}}), "
                             "not " + type_name(count));
      }
      pe.entities.push_back({text_arg(eid, "entity id"), count.cast<std::size_t>()});
    }
    out.push_back(std::move(pe));
  }
  return out;
}

ResolveOptions resolve_options(bool fuzzy, double min_score) {
  ResolveOptions o;
  o.fuzzy = fuzzy;
  o.min_fuzzy_score = min_score;
  return o;
}

struct PySourceMatch {
  Source source;
  double score = 0;
  std::string method;
  std::string matched;
};

std::unique_ptr<PySourceRegistry> registry_of(Result<SourceRegistry>&& r) {
  return std::make_unique<PySourceRegistry>(unwrap(std::move(r)));
}

void init_entities(py::module_& m) {
  init_match_type(m);

  // ---- sources --------------------------------------------------------------
  py::class_<PySourceMatch>(m, "SourceMatch",
                            "What SourceRegistry.resolve found: the source, a score (1.0 for "
                            "exact steps), the method (name, alias, domain, fuzzy) and the "
                            "name, alias or domain that matched.")
      .def_property_readonly(
          "source", [](const PySourceMatch& s) { return PySource::copy_of(s.source); },
          "A read-only copy of the registry's source.")
      .def_property_readonly("id", [](const PySourceMatch& s) { return s.source.id; })
      .def_readonly("score", &PySourceMatch::score)
      .def_readonly("method", &PySourceMatch::method)
      .def_readonly("matched", &PySourceMatch::matched)
      .def("__repr__", [](const PySourceMatch& s) {
        return "<digestcore.SourceMatch " + s.source.id + " " + s.method + " " +
               std::to_string(s.score) + ">";
      });

  py::class_<PySourceRegistry, PyOutletLookup>(
      m, "SourceRegistry",
      "Known outlets, resolved from names, aliases (any script), URLs and misspellings. See "
      "docs/entities.md. Safe to share between threads: add() takes its lock exclusively, "
      "reads share it.")
      .def(py::init([] { return std::make_unique<PySourceRegistry>(); }))
      .def_static(
          "load",
          [](const py::object& path) {
            std::string p = path_arg(path);
            Result<SourceRegistry> r = [&] {
              py::gil_scoped_release nogil;
              return load_source_registry(p);
            }();
            return registry_of(std::move(r));
          },
          py::arg("path"), "A registry read from a JSON file ({\"sources\": [...]}).")
      .def_static(
          "from_json",
          [](const py::object& data) {
            Utf8 u = utf8_of(data);
            Result<SourceRegistry> r = [&] {
              py::gil_scoped_release nogil;
              return source_registry_from_json(u.view);
            }();
            return registry_of(std::move(r));
          },
          py::arg("data"), "A registry parsed from a JSON str or bytes.")
      .def_static(
          "from_sources",
          [](const py::iterable& sources) {
            std::vector<Source> list;
            for (py::handle h : sources) {
              if (!py::isinstance<PySource>(h))
                throw py::type_error("from_sources takes digestcore.Source objects, not " +
                                     type_name(h));
              list.push_back(h.cast<const PySource&>().s);
            }
            return registry_of(SourceRegistry::from_sources(list));
          },
          py::arg("sources"), "A registry of these Source objects (e.g. Collection.sources).")
      .def(
          "add",
          [](PySourceRegistry& r, const PySource& s) {
            Source copy = s.s;
            Status st = with_exclusive(r.mu, [&] { return r.r.add(std::move(copy)); });
            unwrap(std::move(st));
          },
          py::arg("source"), "Adds a copy of the source; ParseError for a duplicate id.")
      .def(
          "resolve",
          [](const PySourceRegistry& r, const py::object& text, bool fuzzy,
             double min_score) -> std::optional<PySourceMatch> {
            Utf8 u = utf8_of(text);
            return nogil_shared(r.mu, [&]() -> std::optional<PySourceMatch> {
              auto res = r.r.resolve(u.view, resolve_options(fuzzy, min_score));
              if (!res) return std::nullopt;
              return PySourceMatch{*res->source, res->score, resolve_method_name(res->method),
                                   res->matched};
            });
          },
          py::arg("text"), py::kw_only(), py::arg("fuzzy") = true, py::arg("min_score") = 0.85,
          "The source that text names (name, then alias, then URL domain, then fuzzy), or None "
          "when none does or two are equally close.")
      .def(
          "find",
          [](const PySourceRegistry& r, Str id) -> std::optional<PySource> {
            auto s = with_shared(r.mu, [&]() -> std::optional<Source> {
              const Source* p = r.r.find(id.value);
              if (!p) return std::nullopt;
              return *p;
            });
            if (!s) return std::nullopt;
            return PySource::copy_of(*s);
          },
          py::arg("id"), "A read-only copy of the source with this id, or None.")
      .def("__contains__",
           [](const PySourceRegistry& r, py::handle id) {
             if (!PyUnicode_Check(id.ptr())) return false;
             std::string key = text_arg(id, "id");
             return with_shared(r.mu, [&] { return r.r.find(key) != nullptr; });
           })
      .def("__len__",
           [](const PySourceRegistry& r) { return with_shared(r.mu, [&] { return r.r.size(); }); })
      .def_property_readonly(
          "sources",
          [](const PySourceRegistry& r) {
            auto all = with_shared(r.mu, [&] {
              return std::vector<Source>(r.r.sources().begin(), r.r.sources().end());
            });
            py::list out(all.size());
            for (std::size_t k = 0; k < all.size(); ++k) out[k] = py::cast(PySource::copy_of(all[k]));
            return out;
          },
          "A list of read-only copies of the sources.")
      .def(
          "to_json",
          [](const PySourceRegistry& r, bool pretty) {
            return nogil_shared(r.mu, [&] { return source_registry_to_json(r.r, pretty); });
          },
          py::arg("pretty") = true)
      .def(
          "save",
          [](const PySourceRegistry& r, const py::object& path, bool pretty) {
            std::string p = path_arg(path);
            Status s = nogil_shared(r.mu, [&] { return save_source_registry(r.r, p, pretty); });
            unwrap(std::move(s));
          },
          py::arg("path"), py::arg("pretty") = true,
          "Writes the registry to a JSON file atomically.")
      .def(
          "resolve_posts",
          [](const PySourceRegistry& r, PyCollection& c, bool fuzzy, double min_score) {
            py::gil_scoped_release nogil;
            LockSet locks;
            locks.shared(r.mu).exclusive(c.mu);
            locks.lock();
            return resolve_post_sources(c.c, r.r, resolve_options(fuzzy, min_score));
          },
          py::arg("collection"), py::kw_only(), py::arg("fuzzy") = true,
          py::arg("min_score") = 0.85,
          "Sets each post's source to a registry id where its outlet (or URL) resolves; "
          "returns the number of posts changed. Collection.curate(sources=registry) also "
          "adds the registry's sources to the collection.")
      .def("__repr__", [](const PySourceRegistry& r) {
        auto n = with_shared(r.mu, [&] { return r.r.size(); });
        return "<digestcore.SourceRegistry " + std::to_string(n) + " sources>";
      });

  // ---- gazetteer ------------------------------------------------------------
  py::class_<PyGazetteer>(m, "Gazetteer",
                          "Named entities with aliases in any script, matched whole-token, "
                          "leftmost-longest, insensitive to case, accents, Arabic-script "
                          "variants, digits and hyphens. See docs/entities.md. Safe to share "
                          "between threads: changes take its lock exclusively, reads share it.")
      .def(py::init<>())
      .def(
          "add",
          [](PyGazetteer& pg, Str entity_id, const py::object& aliases, bool case_sensitive) {
            std::vector<GazetteerAlias> list = take_aliases(aliases, case_sensitive);
            Status s = nogil_exclusive(pg.mu, [&] { return pg.g.add(entity_id.value, list); });
            unwrap(std::move(s));
          },
          py::arg("entity_id"), py::arg("aliases"), py::arg("case_sensitive") = false,
          "Adds aliases (str, or (str, case_sensitive) tuples) to an entity, creating it. "
          "All or nothing.")
      .def(
          "add_entity",
          [](PyGazetteer& pg, Str id, Str name, Str type, const py::object& aliases) {
            GazetteerEntity e;
            e.id = std::move(id).value;
            e.name = std::move(name).value;
            e.type = std::move(type).value;
            e.aliases = take_aliases(aliases, false);
            Status s = nogil_exclusive(pg.mu, [&] { return pg.g.add(e); });
            unwrap(std::move(s));
          },
          py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("type") = "",
          py::arg("aliases") = py::list(),
          "Adds an entity (merged with one of the same id: name and type set when empty, "
          "aliases appended).")
      .def(
          "load",
          [](PyGazetteer& pg, const py::object& path) -> PyGazetteer& {
            std::string p = path_arg(path);
            Status s = nogil_exclusive(pg.mu, [&] { return gazetteer_add_file(pg.g, p); });
            unwrap(std::move(s));
            return pg;
          },
          py::arg("path"), py::return_value_policy::reference_internal,
          "Adds the entities of a JSON file (all or nothing) and returns self, so "
          "Gazetteer().load(path) reads a dictionary.")
      .def(
          "loads",
          [](PyGazetteer& pg, const py::object& data) -> PyGazetteer& {
            Utf8 u = utf8_of(data);
            Status s = nogil_exclusive(pg.mu, [&] { return gazetteer_add_json(pg.g, u.view); });
            unwrap(std::move(s));
            return pg;
          },
          py::arg("data"), py::return_value_policy::reference_internal,
          "Adds the entities of a JSON str or bytes and returns self.")
      .def(
          "to_json",
          [](const PyGazetteer& pg, bool pretty) {
            return nogil_shared(pg.mu, [&] { return gazetteer_to_json(pg.g, pretty); });
          },
          py::arg("pretty") = true)
      .def(
          "save",
          [](const PyGazetteer& pg, const py::object& path, bool pretty) {
            std::string p = path_arg(path);
            Status s = nogil_shared(pg.mu, [&] { return save_gazetteer(pg.g, p, pretty); });
            unwrap(std::move(s));
          },
          py::arg("path"), py::arg("pretty") = true,
          "Writes the dictionary to a JSON file atomically.")
      .def(
          "compile",
          [](const PyGazetteer& pg) { nogil_shared(pg.mu, [&] { pg.g.compile(); }); },
          "Builds the automaton now (find does it on first use otherwise).")
      .def("find", &find_matches, py::arg("text"),
           "Matches in text, in order: EntityMatch(entity, alias, start, end, text).")
      .def(
          "entity",
          [](const PyGazetteer& pg, Str id) -> py::object {
            auto e = with_shared(pg.mu, [&]() -> std::optional<GazetteerEntity> {
              const GazetteerEntity* p = pg.g.find_entity(id.value);
              if (!p) return std::nullopt;
              return *p;
            });
            if (!e) return py::none();
            return entity_dict(*e);
          },
          py::arg("id"), "The entity as a dict (id, name, type, aliases), or None.")
      .def_property_readonly("entity_ids",
                             [](const PyGazetteer& pg) {
                               auto ids = with_shared(pg.mu, [&] {
                                 std::vector<std::string> out;
                                 for (const auto& e : pg.g.entities()) out.push_back(e.id);
                                 return out;
                               });
                               py::list out;
                               for (const auto& id : ids) out.append(id);
                               return out;
                             })
      .def_property_readonly(
          "alias_count",
          [](const PyGazetteer& pg) { return with_shared(pg.mu, [&] { return pg.g.alias_count(); }); })
      .def("__len__",
           [](const PyGazetteer& pg) { return with_shared(pg.mu, [&] { return pg.g.entity_count(); }); })
      .def("__contains__",
           [](const PyGazetteer& pg, py::handle id) {
             if (!PyUnicode_Check(id.ptr())) return false;
             std::string key = text_arg(id, "id");
             return with_shared(pg.mu, [&] { return pg.g.find_entity(key) != nullptr; });
           })
      .def(
          "tag",
          [](const PyGazetteer& pg, const PyCollection& c, bool title, bool excerpt, bool body) {
            TagOptions o;
            o.title = title;
            o.excerpt = excerpt;
            o.body = body;
            std::vector<PostEntities> tags;
            {
              py::gil_scoped_release nogil;
              LockSet locks;
              locks.shared(pg.mu).shared(c.mu);
              locks.lock();
              tags = tag_posts(c.c, pg.g, o);
            }
            py::dict out;
            for (const auto& pe : tags) {
              py::dict counts;
              for (const auto& ec : pe.entities) counts[py::str(ec.entity_id)] = ec.count;
              out[py::str(pe.post_id)] = counts;
            }
            return out;
          },
          py::arg("collection"), py::kw_only(), py::arg("title") = true, py::arg("excerpt") = true,
          py::arg("body") = true,
          "{post id: {entity id: mentions}} for every post, most mentioned first.")
      .def("__repr__", [](const PyGazetteer& pg) {
        auto counts = with_shared(pg.mu, [&] {
          return std::make_pair(pg.g.entity_count(), pg.g.alias_count());
        });
        return "<digestcore.Gazetteer " + std::to_string(counts.first) + " entities, " +
               std::to_string(counts.second) + " aliases>";
      });

  m.def(
      "select_by_entity",
      [](const std::shared_ptr<PyCollection>& c, const py::dict& tags, Str entity_id) {
        std::vector<PostEntities> list = take_tags(tags);
        auto idx = nogil_shared(c->mu, [&] {
          std::vector<std::size_t> out;
          for (const Post* p : select_by_entity(c->c, list, entity_id.value))
            out.push_back(static_cast<std::size_t>(p - c->c.posts().data()));
          return out;
        });
        py::list out(idx.size());
        for (std::size_t k = 0; k < idx.size(); ++k) out[k] = py::cast(PyPost::view(c, idx[k]));
        return out;
      },
      py::arg("collection"), py::arg("tags"), py::arg("entity_id"),
      "The posts (live views) that mention entity_id according to tags (from Gazetteer.tag).");
  m.def(
      "apply_entity_tags",
      [](PyCollection& c, const py::dict& tags, Str prefix) {
        std::vector<PostEntities> list = take_tags(tags);
        return nogil_exclusive(c.mu, [&] { return apply_entity_tags(c.c, list, prefix.value); });
      },
      py::arg("collection"), py::arg("tags"), py::arg("prefix") = "entity:",
      "Adds prefix + entity id to each tagged post's tags; returns the number added.");
}

}  // namespace

DIGEST_PY_MODULE(40, init_entities);

}  // namespace digest::python
