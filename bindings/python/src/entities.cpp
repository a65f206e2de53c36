// digestcore.SourceRegistry, digestcore.Gazetteer, tagging: Python bindings
// of digest/sources.hpp and digest/entities.hpp. Match offsets are str
// indices (byte offsets when the text is bytes); the GIL is released while
// the core matches.
#include <pybind11/operators.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "digest/entities.hpp"
#include "digest/sources.hpp"

namespace digest::python {

namespace {

std::string fspath(const py::object& path) {
  return py::str(py::module_::import("os").attr("fspath")(path));
}

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

// A Gazetteer with Python strings of its ids and aliases, made once.
struct PyGazetteer {
  Gazetteer g;
  std::vector<py::object> entity_str, alias_str;

  void invalidate() {
    entity_str.clear();
    alias_str.clear();
  }
  void fill_cache() {
    const std::size_t ne = g.entity_count(), na = g.alias_count();
    const auto ents = g.entities();
    for (std::size_t i = entity_str.size(); i < ne; ++i) entity_str.push_back(py::str(ents[i].id));
    for (std::size_t i = alias_str.size(); i < na; ++i) {
      std::string_view a = g.alias_text(i);
      alias_str.push_back(py::str(a.data(), a.size()));
    }
  }
};

std::vector<GazetteerAlias> take_aliases(const py::object& aliases, bool case_sensitive) {
  std::vector<GazetteerAlias> out;
  if (PyUnicode_Check(aliases.ptr())) {  // one alias, not its characters
    out.push_back({aliases.cast<std::string>(), case_sensitive});
    return out;
  }
  for (const py::handle item : aliases) {
    if (PyUnicode_Check(item.ptr())) {
      out.push_back({item.cast<std::string>(), case_sensitive});
    } else if (py::isinstance<py::tuple>(item) && py::len(item) == 2) {
      auto t = item.cast<py::tuple>();
      out.push_back({t[0].cast<std::string>(), t[1].cast<bool>()});
    } else {
      throw py::type_error("an alias is a str or a (str, case_sensitive) tuple");
    }
  }
  return out;
}

py::list find_matches(PyGazetteer& pg, const py::object& text) {
  Utf8 u = utf8_of(text);
  Result<std::vector<EntityMatch>> r = std::vector<EntityMatch>{};
  {
    py::gil_scoped_release nogil;
    r = pg.g.find(u.view);
  }
  std::vector<EntityMatch> ms = unwrap(std::move(r));
  pg.fill_cache();
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
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const EntityMatch& mt = ms[k];
    const std::size_t start = identity ? mt.begin : idx[2 * k];
    const std::size_t end = identity ? mt.end : idx[2 * k + 1];
    PyObject* item = PyStructSequence_New(entity_match_type);
    if (!item) throw py::error_already_set();
    py::object holder = py::reinterpret_steal<py::object>(item);
    PyObject* e = pg.entity_str[mt.entity_index].ptr();
    PyObject* a = pg.alias_str[mt.alias_index].ptr();
    Py_INCREF(e);
    Py_INCREF(a);
    PyStructSequence_SetItem(item, 0, e);
    PyStructSequence_SetItem(item, 1, a);
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
    pe.post_id = post_id.cast<std::string>();
    for (auto [eid, count] : ents.cast<py::dict>())
      pe.entities.push_back({eid.cast<std::string>(), count.cast<std::size_t>()});
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

void init_entities(py::module_& m) {
  init_match_type(m);

  // ---- sources --------------------------------------------------------------
  py::class_<PySourceMatch>(m, "SourceMatch",
                            "What SourceRegistry.resolve found: the source, a score (1.0 for "
                            "exact steps), the method (name, alias, domain, fuzzy) and the "
                            "name, alias or domain that matched.")
      .def_readonly("source", &PySourceMatch::source)
      .def_property_readonly("id", [](const PySourceMatch& s) { return s.source.id; })
      .def_readonly("score", &PySourceMatch::score)
      .def_readonly("method", &PySourceMatch::method)
      .def_readonly("matched", &PySourceMatch::matched)
      .def("__repr__", [](const PySourceMatch& s) {
        return "<digestcore.SourceMatch " + s.source.id + " " + s.method + " " +
               std::to_string(s.score) + ">";
      });

  py::class_<SourceRegistry, OutletLookup>(m, "SourceRegistry",
                             "Known outlets, resolved from names, aliases (any script), URLs "
                             "and misspellings. See docs/entities.md.")
      .def(py::init<>())
      .def_static(
          "load", [](const py::object& path) { return unwrap(SourceRegistry::load(fspath(path))); },
          py::arg("path"), "A registry read from a JSON file ({\"sources\": [...]}).")
      .def_static(
          "from_json",
          [](const py::object& data) {
            Utf8 u = utf8_of(data);
            return unwrap(SourceRegistry::from_json(u.view));
          },
          py::arg("data"), "A registry parsed from a JSON str or bytes.")
      .def_static(
          "from_sources",
          [](const std::vector<Source>& sources) { return unwrap(SourceRegistry::from_sources(sources)); },
          py::arg("sources"), "A registry of these Source objects (e.g. Collection.sources).")
      .def("add", [](SourceRegistry& r, const Source& s) { unwrap(r.add(s)); }, py::arg("source"))
      .def(
          "resolve",
          [](const SourceRegistry& r, const py::object& text, bool fuzzy,
             double min_score) -> std::optional<PySourceMatch> {
            Utf8 u = utf8_of(text);
            std::optional<SourceResolution> res;
            {
              py::gil_scoped_release nogil;
              res = r.resolve(u.view, resolve_options(fuzzy, min_score));
            }
            if (!res) return std::nullopt;
            return PySourceMatch{*res->source, res->score, resolve_method_name(res->method),
                                 res->matched};
          },
          py::arg("text"), py::kw_only(), py::arg("fuzzy") = true, py::arg("min_score") = 0.85,
          "The source that text names (name, then alias, then URL domain, then fuzzy), or None "
          "when none does or two are equally close.")
      .def(
          "find",
          [](const SourceRegistry& r, const std::string& id) -> std::optional<Source> {
            const Source* s = r.find(id);
            if (!s) return std::nullopt;
            return *s;
          },
          py::arg("id"), "The source with this id, or None.")
      .def("__contains__", [](const SourceRegistry& r, const std::string& id) { return r.find(id) != nullptr; })
      .def("__len__", &SourceRegistry::size)
      .def_property_readonly(
          "sources",
          [](const SourceRegistry& r) { return std::vector<Source>(r.sources().begin(), r.sources().end()); },
          "A list of copies of the sources.")
      .def("to_json", &SourceRegistry::to_json, py::arg("pretty") = true)
      .def(
          "save",
          [](const SourceRegistry& r, const py::object& path, bool pretty) {
            unwrap(r.save(fspath(path), pretty));
          },
          py::arg("path"), py::arg("pretty") = true)
      .def(
          "resolve_posts",
          [](const SourceRegistry& r, Collection& c, bool fuzzy, double min_score) {
            py::gil_scoped_release nogil;
            return resolve_post_sources(c, r, resolve_options(fuzzy, min_score));
          },
          py::arg("collection"), py::kw_only(), py::arg("fuzzy") = true,
          py::arg("min_score") = 0.85,
          "Sets each post's source to a registry id where its outlet (or URL) resolves; "
          "returns the number of posts changed.")
      .def("__repr__", [](const SourceRegistry& r) {
        return "<digestcore.SourceRegistry " + std::to_string(r.size()) + " sources>";
      });

  // ---- gazetteer ------------------------------------------------------------
  py::class_<PyGazetteer>(m, "Gazetteer",
                          "Named entities with aliases in any script, matched whole-token, "
                          "leftmost-longest, insensitive to case, accents, Arabic-script "
                          "variants, digits and hyphens. See docs/entities.md.")
      .def(py::init<>())
      .def(
          "add",
          [](PyGazetteer& pg, const std::string& entity_id, const py::object& aliases,
             bool case_sensitive) {
            std::vector<GazetteerAlias> list = take_aliases(aliases, case_sensitive);
            unwrap(pg.g.add(entity_id, list));
          },
          py::arg("entity_id"), py::arg("aliases"), py::arg("case_sensitive") = false,
          "Adds aliases (str, or (str, case_sensitive) tuples) to an entity, creating it. "
          "All or nothing.")
      .def(
          "add_entity",
          [](PyGazetteer& pg, const std::string& id, const std::string& name,
             const std::string& type, const py::object& aliases) {
            GazetteerEntity e;
            e.id = id;
            e.name = name;
            e.type = type;
            e.aliases = take_aliases(aliases, false);
            unwrap(pg.g.add(e));
          },
          py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("type") = "",
          py::arg("aliases") = py::list())
      .def(
          "load",
          [](PyGazetteer& pg, const py::object& path) -> PyGazetteer& {
            unwrap(pg.g.add_file(fspath(path)));
            return pg;
          },
          py::arg("path"), py::return_value_policy::reference_internal,
          "Adds the entities of a JSON file (all or nothing) and returns self, so "
          "Gazetteer().load(path) reads a dictionary.")
      .def(
          "loads",
          [](PyGazetteer& pg, const py::object& data) -> PyGazetteer& {
            Utf8 u = utf8_of(data);
            unwrap(pg.g.add_json(u.view));
            return pg;
          },
          py::arg("data"), py::return_value_policy::reference_internal,
          "Adds the entities of a JSON str or bytes and returns self.")
      .def("to_json", [](const PyGazetteer& pg, bool pretty) { return pg.g.to_json(pretty); },
           py::arg("pretty") = true)
      .def(
          "save",
          [](const PyGazetteer& pg, const py::object& path, bool pretty) {
            unwrap(pg.g.save(fspath(path), pretty));
          },
          py::arg("path"), py::arg("pretty") = true)
      .def(
          "compile",
          [](const PyGazetteer& pg) {
            py::gil_scoped_release nogil;
            pg.g.compile();
          },
          "Builds the automaton now (find does it on first use otherwise).")
      .def("find", &find_matches, py::arg("text"),
           "Matches in text, in order: EntityMatch(entity, alias, start, end, text).")
      .def(
          "entity",
          [](const PyGazetteer& pg, const std::string& id) -> py::object {
            const GazetteerEntity* e = pg.g.find_entity(id);
            if (!e) return py::none();
            return entity_dict(*e);
          },
          py::arg("id"), "The entity as a dict (id, name, type, aliases), or None.")
      .def_property_readonly("entity_ids",
                             [](const PyGazetteer& pg) {
                               py::list out;
                               for (const auto& e : pg.g.entities()) out.append(e.id);
                               return out;
                             })
      .def_property_readonly("alias_count", [](const PyGazetteer& pg) { return pg.g.alias_count(); })
      .def("__len__", [](const PyGazetteer& pg) { return pg.g.entity_count(); })
      .def("__contains__",
           [](const PyGazetteer& pg, const std::string& id) { return pg.g.find_entity(id) != nullptr; })
      .def(
          "tag",
          [](const PyGazetteer& pg, const Collection& c, bool title, bool excerpt, bool body) {
            TagOptions o;
            o.title = title;
            o.excerpt = excerpt;
            o.body = body;
            std::vector<PostEntities> tags;
            {
              py::gil_scoped_release nogil;
              tags = tag_posts(c, pg.g, o);
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
        return "<digestcore.Gazetteer " + std::to_string(pg.g.entity_count()) + " entities, " +
               std::to_string(pg.g.alias_count()) + " aliases>";
      });

  m.def(
      "select_by_entity",
      [](const Collection& c, const py::dict& tags, const std::string& entity_id) {
        std::vector<PostEntities> list = take_tags(tags);
        std::vector<Post> out;
        for (const Post* p : select_by_entity(c, list, entity_id)) out.push_back(*p);
        return out;
      },
      py::arg("collection"), py::arg("tags"), py::arg("entity_id"),
      "The posts (copies) that mention entity_id according to tags (from Gazetteer.tag).");
  m.def(
      "apply_entity_tags",
      [](Collection& c, const py::dict& tags, const std::string& prefix) {
        std::vector<PostEntities> list = take_tags(tags);
        return apply_entity_tags(c, list, prefix);
      },
      py::arg("collection"), py::arg("tags"), py::arg("prefix") = "entity:",
      "Adds prefix + entity id to each tagged post's tags; returns the number added.");
}

}  // namespace

DIGEST_PY_MODULE(40, init_entities);

}  // namespace digest::python
