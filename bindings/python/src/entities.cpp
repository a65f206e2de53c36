// digestcore.SourceRegistry, SourceMatch, Gazetteer, EntityMatch and the
// tagging functions: Python bindings of digest/sources.hpp and
// digest/entities.hpp. Match offsets are str indices (byte offsets when the
// text is bytes); the GIL is released while the core matches. Missing text
// (None, NaN, pandas NA) gives None.
#include <algorithm>
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

// Text of the gazetteer or registry as a str (surrogatepass: text found in
// a caller's str with a lone surrogate comes back as it was).
py::object text_out(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogatepass");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// Pickled text back to UTF-8.
std::string text_in(py::handle o, const char* what) {
  if (!PyUnicode_Check(o.ptr()))
    throw py::type_error(std::string(what) + " must be str, not " + type_name(o));
  return text_arg(o, what);
}

// The UTF-8 bytes of a str (lone surrogates pass through, so that every
// code point stays one index) or of bytes.
struct Utf8 {
  std::string_view view;
  py::object keep;  // owns the bytes when they had to be encoded
  bool is_str = true;
  bool ascii = false;
};

// str, bytes or bytearray; anything else (None included) is a TypeError
// naming the argument.
Utf8 utf8_of(const py::handle& obj, const char* what) {
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
    throw py::type_error(std::string(what) + " must be str or bytes (UTF-8), not " +
                         type_name(obj));
  }
  char* buf = nullptr;
  Py_ssize_t len = 0;
  if (PyBytes_AsStringAndSize(u.keep.ptr(), &buf, &len) != 0) throw py::error_already_set();
  u.view = std::string_view(buf, static_cast<std::size_t>(len));
  return u;
}

// Text to analyse: nullopt when missing (the caller returns None).
std::optional<Utf8> text_of(const py::handle& obj, const char* what) {
  if (!PyUnicode_Check(obj.ptr()) && !PyBytes_Check(obj.ptr()) && !PyByteArray_Check(obj.ptr()) &&
      is_missing(obj))
    return std::nullopt;
  return utf8_of(obj, what);
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
    DG_SIG("EntityMatch(sequence, dict={})",
           "One gazetteer match, a named tuple: entity, alias, start, end, text "
           "(text[start:end]). Picklable; compares as a tuple."),
    match_fields, 5};

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
  if (!py::isinstance<py::iterable>(aliases))
    throw py::type_error("aliases must be a str or a list of str or (str, bool), not " +
                         type_name(aliases));
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

py::object find_matches(const PyGazetteer& pg, const py::object& text) {
  std::optional<Utf8> given = text_of(text, "text");
  if (!given) return py::none();
  const Utf8& u = *given;
  std::vector<FoundMatch> ms;
  std::optional<Error> error;
  auto run = [&] {
    auto r = pg.g.find(u.view);
    if (!r.ok()) {
      error = r.error();
      return;
    }
    ms.reserve(r->size());
    for (const EntityMatch& mt : *r)
      ms.push_back({mt.begin, mt.end, mt.entity_index, mt.alias_index,
                    std::string(mt.entity_id), std::string(mt.alias)});
  };
  // A short text is matched in less time than releasing and taking back the
  // GIL costs; a long one lets other threads run meanwhile, and so does the
  // first find after a change, which builds the automaton.
  constexpr std::size_t kKeepGilBytes = 8192;
  if (u.view.size() <= kKeepGilBytes && pg.g.is_compiled()) with_shared(pg.mu, run);
  else nogil_shared(pg.mu, run);
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
  auto str_of = [](std::vector<py::object>& cache, std::size_t i, const std::string& s) {
    if (i >= cache.size()) cache.resize(std::max(i + 1, cache.size() * 2));
    if (!cache[i]) cache[i] = text_out(s);
    return cache[i].inc_ref().ptr();
  };
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const FoundMatch& mt = ms[k];
    const std::size_t start = identity ? mt.begin : idx[2 * k];
    const std::size_t end = identity ? mt.end : idx[2 * k + 1];
    PyObject* item = PyStructSequence_New(entity_match_type);
    if (!item) throw py::error_already_set();
    py::object holder = py::reinterpret_steal<py::object>(item);
    PyStructSequence_SetItem(item, 0, str_of(pg.entity_str, mt.entity_index, mt.entity));
    PyStructSequence_SetItem(item, 1, str_of(pg.alias_str, mt.alias_index, mt.alias));
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
  d["id"] = text_out(e.id);
  d["name"] = text_or_none(e.name);
  d["type"] = text_or_none(e.type);
  py::list aliases;
  for (const auto& a : e.aliases) {
    if (a.case_sensitive) aliases.append(py::make_tuple(text_out(a.text), true));
    else aliases.append(text_out(a.text));
  }
  d["aliases"] = aliases;
  return d;
}

std::vector<PostEntities> take_tags(const py::object& tags) {
  if (!py::isinstance<py::dict>(tags))
    throw py::type_error("tags must be a dict {post id: {entity id: count}} (from "
                         "Gazetteer.tag), not " + type_name(tags));
  std::vector<PostEntities> out;
  for (auto [post_id, ents] : tags.cast<py::dict>()) {
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

// ---- sources ------------------------------------------------------------------

struct PySourceMatch {
  Source source;
  double score = 0;
  std::string method;
  std::string matched;
  bool operator==(const PySourceMatch&) const = default;
};

// A Source for pickling: its fields, extra members as (name, raw JSON) pairs.
py::tuple source_state(const Source& s) {
  py::list aliases, extra;
  for (const auto& a : s.aliases) aliases.append(text_out(a));
  for (const auto& e : s.extra) extra.append(py::make_tuple(text_out(e.name), text_out(e.raw_json)));
  return py::make_tuple(text_out(s.id), text_out(s.name), aliases, text_out(s.url),
                        text_out(s.language), text_out(s.country), extra);
}
Source source_from_state(const py::handle& h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 7) throw py::value_error("bad pickled Source");
  Source s;
  s.id = text_in(t[0], "id");
  s.name = text_in(t[1], "name");
  for (py::handle a : t[2].cast<py::list>()) s.aliases.push_back(text_in(a, "alias"));
  s.url = text_in(t[3], "url");
  s.language = text_in(t[4], "language");
  s.country = text_in(t[5], "country");
  for (py::handle e : t[6].cast<py::list>()) {
    auto pair = e.cast<py::tuple>();
    s.extra.push_back({text_in(pair[0], "extra name"), text_in(pair[1], "extra value")});
  }
  return s;
}

std::unique_ptr<PySourceRegistry> registry_of(Result<SourceRegistry>&& r) {
  return std::make_unique<PySourceRegistry>(unwrap(std::move(r)));
}

std::unique_ptr<PySourceRegistry> registry_from_json(const py::handle& data) {
  Utf8 u = utf8_of(data, "data");
  Result<SourceRegistry> r = [&] {
    py::gil_scoped_release nogil;
    return source_registry_from_json(u.view);
  }();
  return registry_of(std::move(r));
}

std::unique_ptr<PyGazetteer> gazetteer_of(Result<Gazetteer>&& r) {
  return std::make_unique<PyGazetteer>(unwrap(std::move(r)));
}

std::unique_ptr<PyGazetteer> gazetteer_from(const py::handle& data) {
  Utf8 u = utf8_of(data, "data");
  Result<Gazetteer> r = [&] {
    py::gil_scoped_release nogil;
    return gazetteer_from_json(u.view);
  }();
  return gazetteer_of(std::move(r));
}

void add_json_to(PyGazetteer& pg, const py::handle& data) {
  Utf8 u = utf8_of(data, "data");
  Status s = nogil_exclusive(pg.mu, [&] { return gazetteer_add_json(pg.g, u.view); });
  unwrap(std::move(s));
}

// a == b for two objects of one locked type: both locks shared, GIL released.
template <class T, class F>
py::object equal_locked(const T& a, const py::object& o, F&& same) {
  if (!py::isinstance<T>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  const T& b = o.cast<const T&>();
  bool eq;
  {
    py::gil_scoped_release nogil;
    LockSet locks;
    locks.shared(a.mu).shared(b.mu);
    locks.lock();
    eq = same(a, b);
  }
  return py::bool_(eq);
}

void init_sources(py::module_& m) {
  py::class_<PySourceMatch>(
      m, "SourceMatch",
      "What SourceRegistry.resolve found: the source, a score (1.0 for the exact steps), the "
      "method ('name', 'alias', 'domain' or 'fuzzy') and the name, alias or domain that "
      "matched. Picklable; equal when every field is.")
      .def_property_readonly(
          "source", [](const PySourceMatch& s) { return PySource::copy_of(s.source); },
          "A read-only copy of the registry's Source.")
      .def_property_readonly(
          "id", [](const PySourceMatch& s) { return text_out(s.source.id); },
          "The source's id.")
      .def_readonly("score", &PySourceMatch::score,
                    "1.0 for name, alias and domain matches; the fuzzy score otherwise.")
      .def_readonly("method", &PySourceMatch::method,
                    "'name', 'alias', 'domain' or 'fuzzy': the step that found it.")
      .def_property_readonly(
          "matched", [](const PySourceMatch& s) { return text_or_none(s.matched); },
          "The name, alias or domain that matched, as written (None if the registry has no "
          "text for it).")
      .def(
          "__eq__",
          [](const PySourceMatch& a, const py::object& o) -> py::object {
            if (!py::isinstance<PySourceMatch>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == o.cast<const PySourceMatch&>());
          },
           DG_SIG("__eq__(self, other, /)", "True when every field is equal."))
      .def(
          "__repr__",
          [](const PySourceMatch& s) {
            return "<digestcore.SourceMatch id=" + std::string(py::repr(text_out(s.source.id))) +
                   " method='" + s.method + "' score=" +
                   std::string(py::repr(py::float_(s.score))) +
                   " matched=" + std::string(py::repr(text_or_none(s.matched))) + ">";
          },
          DG_SIG("__repr__(self)", "The id, method, score and matched text."))
      .def(py::pickle(
          [](const PySourceMatch& s) {
            return py::make_tuple(source_state(s.source), s.score, s.method, text_out(s.matched));
          },
          [](const py::tuple& t) {
            if (t.size() != 4) throw py::value_error("bad pickled SourceMatch");
            return PySourceMatch{source_from_state(t[0]), t[1].cast<double>(),
                                 text_in(t[2], "method"), text_in(t[3], "matched")};
          }));

  py::class_<PySourceRegistry, PyOutletLookup>(
      m, "SourceRegistry",
      DG_SIG("SourceRegistry()",
             "Known outlets, resolved from names, aliases (any script), URLs and "
             "misspellings. See docs/entities.md. Safe to share between threads: add() takes "
             "its lock exclusively, reads share it. Picklable (through its JSON); equal when "
             "the sources are."))
      .def(py::init([] { return std::make_unique<PySourceRegistry>(); }),
           DG_SIG("__init__(self)", "An empty registry."))
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
          py::arg("path"),
          DG_SIG("load(path)",
                 "A new registry read from a JSON file ({\"sources\": [...]}). "
                 "MissingFileError (a FileNotFoundError) when there is no such file, "
                 "FileError (an OSError) when it cannot be read, ParseError when it is "
                 "malformed."))
      .def_static("from_json", &registry_from_json, py::arg("data"),
                  DG_SIG("from_json(data)", "A new registry parsed from a JSON str or bytes."))
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
          py::arg("sources"),
          DG_SIG("from_sources(sources)",
                 "A new registry of these Source objects (e.g. Collection.sources)."))
      .def(
          "add",
          [](PySourceRegistry& r, const PySource& s) {
            Source copy = s.s;
            Status st = with_exclusive(r.mu, [&] { return r.r.add(std::move(copy)); });
            unwrap(std::move(st));
          },
          py::arg("source"),
          DG_SIG("add(self, source)", "Adds a copy of the Source; ParseError for a duplicate id."))
      .def(
          "resolve",
          [](const PySourceRegistry& r, const py::object& text, bool fuzzy,
             double min_score) -> std::optional<PySourceMatch> {
            std::optional<Utf8> u = text_of(text, "text");
            if (!u) return std::nullopt;
            return nogil_shared(r.mu, [&]() -> std::optional<PySourceMatch> {
              auto res = r.r.resolve(u->view, resolve_options(fuzzy, min_score));
              if (!res) return std::nullopt;
              return PySourceMatch{*res->source, res->score, resolve_method_name(res->method),
                                   res->matched};
            });
          },
          py::arg("text"), py::kw_only(), py::arg("fuzzy") = true, py::arg("min_score") = 0.85,
          DG_SIG("resolve(self, text, *, fuzzy=True, min_score=0.85)",
                 "The SourceMatch of the source `text` names (tried by name, then alias, then "
                 "URL domain, then fuzzily), or None when none does, two are equally close, "
                 "or text is missing (None, NaN)."))
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
          py::arg("id"),
          DG_SIG("find(self, id)", "A read-only copy of the Source with this id, or None."))
      .def(
          "__contains__",
          [](const PySourceRegistry& r, py::handle id) {
            if (!PyUnicode_Check(id.ptr())) return false;
            std::string key = text_arg(id, "id");
            return with_shared(r.mu, [&] { return r.r.find(key) != nullptr; });
          },
           DG_SIG("__contains__(self, id, /)", "True when a source has this id."))
      .def(
          "__len__",
          [](const PySourceRegistry& r) { return with_shared(r.mu, [&] { return r.r.size(); }); },
          DG_SIG("__len__(self)", "The number of sources."))
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
          "A list of read-only copies of the sources, in the order added.")
      .def(
          "to_json",
          [](const PySourceRegistry& r, bool pretty) {
            return nogil_shared(r.mu, [&] { return source_registry_to_json(r.r, pretty); });
          },
          py::arg("pretty") = true,
          DG_SIG("to_json(self, pretty=True)",
                 "The registry as JSON ({\"sources\": [...]}), which from_json reads back."))
      .def(
          "save",
          [](const PySourceRegistry& r, const py::object& path, bool pretty) {
            std::string p = path_arg(path);
            Status s = nogil_shared(r.mu, [&] { return save_source_registry(r.r, p, pretty); });
            unwrap(std::move(s));
          },
          py::arg("path"), py::arg("pretty") = true,
          DG_SIG("save(self, path, pretty=True)", "Writes the registry to a JSON file atomically."))
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
          DG_SIG("resolve_posts(self, collection, *, fuzzy=True, min_score=0.85)",
                 "Sets each post's source to a registry id where its outlet (or URL) "
                 "resolves; returns the number of posts changed. "
                 "Collection.curate(sources=registry) also adds the registry's sources to the "
                 "collection."))
      .def(
          "__eq__",
          [](const PySourceRegistry& a, const py::object& o) {
            return equal_locked(a, o, [](const PySourceRegistry& x, const PySourceRegistry& y) {
              return std::ranges::equal(x.r.sources(), y.r.sources());
            });
          },
          
          DG_SIG("__eq__(self, other, /)", "True when both hold equal sources in the same order."))
      .def(
          "__repr__",
          [](const PySourceRegistry& r) {
            auto ids = with_shared(r.mu, [&] {
              std::vector<std::string> out;
              for (const auto& s : r.r.sources()) {
                if (out.size() == 3) break;
                out.push_back(s.id);
              }
              return std::make_pair(out, r.r.size());
            });
            std::string text = "<digestcore.SourceRegistry " + std::to_string(ids.second) +
                               (ids.second == 1 ? " source" : " sources");
            for (std::size_t k = 0; k < ids.first.size(); ++k)
              text += (k ? ", " : ": ") + std::string(py::repr(text_out(ids.first[k])));
            if (ids.second > ids.first.size()) text += ", …";
            return text + ">";
          },
          DG_SIG("__repr__(self)", "The number of sources and the first ids."))
      .def(py::pickle(
          [](const PySourceRegistry& r) {
            return py::make_tuple(
                nogil_shared(r.mu, [&] { return source_registry_to_json(r.r, false); }));
          },
          [](const py::tuple& t) {
            if (t.size() != 1) throw py::value_error("bad pickled SourceRegistry");
            return registry_from_json(t[0]);
          }));
}

// ---- gazetteer ------------------------------------------------------------

void init_gazetteer(py::module_& m) {
  py::class_<PyGazetteer>(
      m, "Gazetteer",
      DG_SIG("Gazetteer()",
             "Named entities with aliases in any script, matched whole-token, "
             "leftmost-longest, insensitive to case, accents, Arabic-script variants, digits "
             "and hyphens. See docs/entities.md. Gazetteer.load(path) and "
             "Gazetteer.from_json(data) read one; add_file and add_json add to one. Safe to "
             "share between threads: changes take its lock exclusively, reads share it. "
             "Picklable (through its JSON); equal when the entities are."))
      .def(py::init<>(), DG_SIG("__init__(self)", "An empty gazetteer."))
      .def_static(
          "load",
          [](const py::object& path) {
            std::string p = path_arg(path);
            Result<Gazetteer> r = [&] {
              py::gil_scoped_release nogil;
              return load_gazetteer(p);
            }();
            return gazetteer_of(std::move(r));
          },
          py::arg("path"),
          DG_SIG("load(path)",
                 "A new gazetteer read from a JSON file ({\"entities\": [...]}). "
                 "MissingFileError (a FileNotFoundError) when there is no such file, "
                 "FileError (an OSError) when it cannot be read, ParseError when it is "
                 "malformed. (Before 0.3 this was an instance method that added to self: use "
                 "add_file for that.)"))
      .def_static("from_json", &gazetteer_from, py::arg("data"),
                  DG_SIG("from_json(data)", "A new gazetteer parsed from a JSON str or bytes."))
      .def(
          "add_file",
          [](PyGazetteer& pg, const py::object& path) {
            std::string p = path_arg(path);
            Status s = nogil_exclusive(pg.mu, [&] { return gazetteer_add_file(pg.g, p); });
            unwrap(std::move(s));
          },
          py::arg("path"),
          DG_SIG("add_file(self, path)",
                 "Adds the entities of a JSON file to this gazetteer, all or nothing (entities "
                 "of the same id are merged)."))
      .def("add_json", &add_json_to, py::arg("data"),
           DG_SIG("add_json(self, data)",
                  "Adds the entities of a JSON str or bytes to this gazetteer, all or nothing."))
      .def(
          "loads",
          [](py::object self, const py::object& data) {
            if (PyErr_WarnEx(PyExc_DeprecationWarning,
                             "Gazetteer.loads(data) is deprecated: use Gazetteer.from_json(data) "
                             "for a new gazetteer, or g.add_json(data) to add to one",
                             1) < 0)
              throw py::error_already_set();
            add_json_to(self.cast<PyGazetteer&>(), data);
            return self;
          },
          py::arg("data"),
          DG_SIG("loads(self, data)",
                 "Deprecated (DeprecationWarning): adds the entities of a JSON str or bytes and "
                 "returns self. Use Gazetteer.from_json(data) or add_json(data)."))
      .def(
          "add",
          [](PyGazetteer& pg, Str entity_id, const py::object& aliases, bool case_sensitive) {
            std::vector<GazetteerAlias> list = take_aliases(aliases, case_sensitive);
            Status s = nogil_exclusive(pg.mu, [&] { return pg.g.add(entity_id.value, list); });
            unwrap(std::move(s));
          },
          py::arg("entity_id"), py::arg("aliases"), py::arg("case_sensitive") = false,
          DG_SIG("add(self, entity_id, aliases, case_sensitive=False)",
                 "Adds aliases (a str, or a list of str and (str, case_sensitive) tuples) to an "
                 "entity, creating it. All or nothing: InvalidArgumentError for an alias with "
                 "no letters or digits."))
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
          py::arg("aliases") = py::tuple(),
          DG_SIG("add_entity(self, id, *, name='', type='', aliases=())",
                 "Adds an entity (merged with one of the same id: name and type set when "
                 "empty, aliases appended)."))
      .def(
          "to_json",
          [](const PyGazetteer& pg, bool pretty) {
            return nogil_shared(pg.mu, [&] { return gazetteer_to_json(pg.g, pretty); });
          },
          py::arg("pretty") = true,
          DG_SIG("to_json(self, pretty=True)",
                 "The gazetteer as JSON ({\"entities\": [...]}), which from_json reads back."))
      .def(
          "save",
          [](const PyGazetteer& pg, const py::object& path, bool pretty) {
            std::string p = path_arg(path);
            Status s = nogil_shared(pg.mu, [&] { return save_gazetteer(pg.g, p, pretty); });
            unwrap(std::move(s));
          },
          py::arg("path"), py::arg("pretty") = true,
          DG_SIG("save(self, path, pretty=True)", "Writes the gazetteer to a JSON file atomically."))
      .def(
          "compile",
          [](const PyGazetteer& pg) { nogil_shared(pg.mu, [&] { pg.g.compile(); }); },
          DG_SIG("compile(self)", "Builds the automaton now (find does it on first use otherwise)."))
      .def("find", &find_matches, py::arg("text"),
           DG_SIG("find(self, text)",
                  "The matches in text, in order, as EntityMatch(entity, alias, start, end, "
                  "text) named tuples: str indices for a str, byte offsets for bytes. None for "
                  "missing text (None, NaN). The GIL is released."))
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
          py::arg("id"),
          DG_SIG("entity(self, id)",
                 "The entity as a dict {id, name, type, aliases} (name and type None when not "
                 "set; a case-sensitive alias as (text, True)), or None."))
      .def_property_readonly(
          "entity_ids",
          [](const PyGazetteer& pg) {
            auto ids = with_shared(pg.mu, [&] {
              std::vector<std::string> out;
              for (const auto& e : pg.g.entities()) out.push_back(e.id);
              return out;
            });
            py::list out;
            for (const auto& id : ids) out.append(text_out(id));
            return out;
          },
          "The entity ids, in the order added.")
      .def_property_readonly(
          "alias_count",
          [](const PyGazetteer& pg) { return with_shared(pg.mu, [&] { return pg.g.alias_count(); }); },
          "The number of distinct aliases (names included).")
      .def(
          "__len__",
          [](const PyGazetteer& pg) { return with_shared(pg.mu, [&] { return pg.g.entity_count(); }); },
          DG_SIG("__len__(self)", "The number of entities."))
      .def(
          "__contains__",
          [](const PyGazetteer& pg, py::handle id) {
            if (!PyUnicode_Check(id.ptr())) return false;
            std::string key = text_arg(id, "id");
            return with_shared(pg.mu, [&] { return pg.g.find_entity(key) != nullptr; });
          },
           DG_SIG("__contains__(self, id, /)", "True when an entity has this id."))
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
              for (const auto& ec : pe.entities) counts[text_out(ec.entity_id)] = ec.count;
              out[text_out(pe.post_id)] = counts;
            }
            return out;
          },
          py::arg("collection"), py::kw_only(), py::arg("title") = true, py::arg("excerpt") = true,
          py::arg("body") = true,
          DG_SIG("tag(self, collection, *, title=True, excerpt=True, body=True)",
                 "{post id: {entity id: mentions}} for every post of the collection, most "
                 "mentioned first; the collection is not changed (see apply_entity_tags)."))
      .def(
          "__eq__",
          [](const PyGazetteer& a, const py::object& o) {
            return equal_locked(a, o, [](const PyGazetteer& x, const PyGazetteer& y) {
              return std::ranges::equal(x.g.entities(), y.g.entities());
            });
          },
          
          DG_SIG("__eq__(self, other, /)", "True when both hold equal entities in the same order."))
      .def(
          "__repr__",
          [](const PyGazetteer& pg) {
            auto counts = with_shared(pg.mu, [&] {
              return std::make_pair(pg.g.entity_count(), pg.g.alias_count());
            });
            return "<digestcore.Gazetteer " + std::to_string(counts.first) +
                   (counts.first == 1 ? " entity, " : " entities, ") +
                   std::to_string(counts.second) + (counts.second == 1 ? " alias>" : " aliases>");
          },
          DG_SIG("__repr__(self)", "The numbers of entities and aliases."))
      .def(py::pickle(
          [](const PyGazetteer& pg) {
            return py::make_tuple(nogil_shared(pg.mu, [&] { return gazetteer_to_json(pg.g, false); }));
          },
          [](const py::tuple& t) {
            if (t.size() != 1) throw py::value_error("bad pickled Gazetteer");
            return gazetteer_from(t[0]);
          }));

  m.def(
      "select_by_entity",
      [](const std::shared_ptr<PyCollection>& c, const py::object& tags, Str entity_id) {
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
      DG_SIG("select_by_entity(collection, tags, entity_id)",
             "The posts (live views) that mention entity_id according to tags (from "
             "Gazetteer.tag)."));
  m.def(
      "apply_entity_tags",
      [](PyCollection& c, const py::object& tags, Str prefix) {
        std::vector<PostEntities> list = take_tags(tags);
        return nogil_exclusive(c.mu, [&] { return apply_entity_tags(c.c, list, prefix.value); });
      },
      py::arg("collection"), py::arg("tags"), py::arg("prefix") = "entity:",
      DG_SIG("apply_entity_tags(collection, tags, prefix='entity:')",
             "Adds prefix + entity id to the tags of each tagged post (from Gazetteer.tag); "
             "returns the number of tags added."));
}

void init_entities(py::module_& m) {
  init_match_type(m);
  init_sources(m);
  init_gazetteer(m);
  for (const char* name : {"SourceMatch", "SourceRegistry", "Gazetteer"})
    pickle_any_protocol(m.attr(name));
}

}  // namespace

DIGEST_PY_MODULE(40, init_entities);

}  // namespace digest::python
