// Python bindings for the model, JSON import/export, curation and digests.
//
// Lifetimes (docs/python.md): a Post from a collection (iteration, indexing,
// .posts, select) is a live view that holds the collection and the post's
// index; a Post of a Digest is a read-only snapshot that holds the digest;
// a Source handed out is a read-only copy. None of them can dangle. Locks:
// objects.hpp.
#include <pybind11/operators.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "bindings.hpp"
#include "digest/curate.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"
#include "objects.hpp"

namespace digest::python {

JsonFormat input_format(const std::optional<Str>& name) {
  if (!name || name->value == "detect") return JsonFormat::detect;
  const std::string& n = name->value;
  if (n == "own") return JsonFormat::own;
  if (n == "jsonl" || n == "json_lines") return JsonFormat::json_lines;
  if (n == "jsonfeed" || n == "json_feed") return JsonFormat::json_feed;
  if (n == "wordpress") return JsonFormat::wordpress;
  if (n == "rss" || n == "atom" || n == "xml" || n == "xml_feed") return JsonFormat::xml_feed;
  raise_error(ErrorCode::invalid_argument,
              "unknown format '" + n + "' (detect, own, jsonl, jsonfeed, wordpress, rss, atom)",
              "format");
}

OnDuplicate on_duplicate_arg(const std::string& n) {
  if (n == "error") return OnDuplicate::error;
  if (n == "keep_first" || n == "keep-first") return OnDuplicate::keep_first;
  if (n == "replace") return OnDuplicate::replace;
  if (n == "merge") return OnDuplicate::merge;
  raise_error(ErrorCode::invalid_argument,
              "unknown on_duplicate '" + n + "' (error, keep_first, replace, merge)",
              "on_duplicate");
}

namespace {

using CollectionPtr = std::shared_ptr<PyCollection>;
using DigestPtr = std::shared_ptr<const Digest>;

// The import options every import call takes besides format and
// skip_bad_records (since 0.3).
struct ImportExtras {
  bool strict = false;
  std::optional<std::string> encoding;
  std::string on_duplicate = "error";
  py::object progress = py::none();
  // load(where=...): a period, or a callable(Post) -> bool; posts it rejects
  // are read and checked but not kept (since 0.4).
  py::object where = py::none();
};

JsonFormat output_format(const std::string& n) {
  if (n == "own") return JsonFormat::own;
  if (n == "jsonl" || n == "json_lines") return JsonFormat::json_lines;
  if (n == "jsonfeed" || n == "json_feed") return JsonFormat::json_feed;
  raise_error(ErrorCode::invalid_argument, "unknown format '" + n + "' (own, jsonl, jsonfeed)",
              "format");
}

// C++ only (runs with the GIL released).
std::string export_as(const Collection& c, JsonFormat format, bool pretty) {
  switch (format) {
    case JsonFormat::json_lines: return export_json_lines(c);
    case JsonFormat::json_feed: {
      FeedOptions o;
      o.pretty = pretty;
      return export_json_feed(c, o);
    }
    default: {
      ExportOptions o;
      o.pretty = pretty;
      return export_json(c, o);
    }
  }
}

py::list error_list(const std::vector<Error>& list) {
  py::list out;
  for (const Error& e : list) {
    py::dict d;
    d["message"] = e.message;
    d["code"] = error_code_name(e.code);
    // None for what the error does not know, as everywhere in the module.
    d["line"] = e.line ? py::object(py::int_(e.line)) : py::object(py::none());
    d["offset"] = e.offset ? py::object(py::int_(*e.offset)) : py::object(py::none());
    d["field"] = text_or_none(e.field);
    d["file"] = text_or_none(e.file);
    d["text"] = e.to_string();
    out.append(d);
  }
  return out;
}

py::list skipped_list(const ImportReport& r) { return error_list(r.skipped); }
py::list warnings_list(const ImportReport& r) { return error_list(r.warnings); }

// The bytes of a JSON argument: a view into an immutable str or bytes (kept
// alive by the caller while the GIL is released), or a copy of a bytearray.
struct JsonBytes {
  std::string_view view;
  std::string owned;
};

JsonBytes json_arg(const py::handle& data) {
  JsonBytes b;
  if (PyUnicode_Check(data.ptr())) {
    Py_ssize_t n = 0;
    const char* p = PyUnicode_AsUTF8AndSize(data.ptr(), &n);
    if (!p) {
      PyErr_Clear();
      b.owned = text_arg(data, "data");  // raises: a lone surrogate
    }
    b.view = std::string_view(p, static_cast<std::size_t>(n));
  } else if (PyBytes_Check(data.ptr())) {
    b.view = std::string_view(PyBytes_AS_STRING(data.ptr()),
                              static_cast<std::size_t>(PyBytes_GET_SIZE(data.ptr())));
  } else if (PyByteArray_Check(data.ptr())) {
    b.owned.assign(PyByteArray_AS_STRING(data.ptr()),
                   static_cast<std::size_t>(PyByteArray_GET_SIZE(data.ptr())));
    b.view = b.owned;
  } else {
    throw py::type_error("data must be str, bytes or bytearray (JSON text), not " +
                         type_name(data));
  }
  return b;
}

constexpr const char* kDeprecatedImportArgs =
    "import_json/import_file(fill_from_attribution=..., sources=...) is deprecated: import, "
    "then call Collection.curate(sources=..., fill_from_attribution=True), which also files "
    "posts under the registry and can tag entities";

// Imports into pc (all or nothing unless skip_bad_records). With the
// deprecated fill_from_attribution, the imported posts (only those) are then
// filled from their attribution lines under the same exclusive lock, so no
// other thread sees them half done and a failed import changes nothing.
ImportReport do_import(PyCollection& pc, const py::object& data, const std::optional<Str>& format,
                       bool skip_bad_records, bool is_path, bool fill_from_attribution,
                       const py::object& sources, const ImportExtras& x = {}) {
  ImportOptions o;
  o.format = input_format(format);
  o.skip_bad_records = skip_bad_records;
  o.strict = x.strict;
  if (x.encoding) o.encoding = *x.encoding;
  o.on_duplicate = on_duplicate_arg(x.on_duplicate);
  if (!x.progress.is_none() && !PyCallable_Check(x.progress.ptr()))
    throw py::type_error("progress must be callable(bytes_read, bytes_total, records)");
  std::optional<LookupArg> lookup;
  if (fill_from_attribution || !sources.is_none()) {
    if (PyErr_WarnEx(PyExc_DeprecationWarning, kDeprecatedImportArgs, 1) < 0)
      throw py::error_already_set();
    lookup.emplace(sources);
  }
  std::string path;
  JsonBytes bytes;
  if (is_path) path = path_arg(data);
  else bytes = json_arg(data);
  // Ctrl-C: the importer asks every few thousand records; a pending signal
  // stops it with the collection unchanged, and its exception
  // (KeyboardInterrupt) is raised once the import has returned.
  bool interrupted = false;
  o.should_stop = [&interrupted] {
    py::gil_scoped_acquire gil;
    if (interrupted) return true;  // the progress callback raised
    if (PyErr_CheckSignals() == 0) return false;
    interrupted = true;
    return true;
  };
  // The progress callback runs with the GIL; if it raises, the import stops
  // (collection unchanged) and its exception propagates.
  std::optional<py::error_already_set> progress_error;
  if (!x.progress.is_none()) {
    o.on_progress = [&, fn = x.progress](const ImportProgress& p) {
      py::gil_scoped_acquire gil;
      if (interrupted) return;
      try {
        fn(p.bytes_read, p.bytes_total, p.posts);
      } catch (py::error_already_set& e) {
        progress_error.emplace(std::move(e));
        interrupted = true;
      }
    };
  }
  // where=: posts are streamed (ImportOptions::on_post) and only those it
  // keeps are added, so memory follows what is kept. Only for load(), whose
  // collection is new: a failed streamed import is not undone.
  std::optional<py::error_already_set> where_error;
  if (!x.where.is_none()) {
    if (PyCallable_Check(x.where.ptr()) && !py::isinstance<Period>(x.where)) {
      o.on_post = [&, fn = x.where](Post&& p) {
        bool keep = false;
        {
          py::gil_scoped_acquire gil;
          if (interrupted) return;
          try {
            keep = py::bool_(fn(PyPost::standalone(p)));
          } catch (py::error_already_set& e) {
            where_error.emplace(std::move(e));
            interrupted = true;
            return;
          }
        }
        if (keep) (void)pc.c.add_post(std::move(p));  // the importer checked the id
      };
    } else {
      const Period period = period_arg(x.where, std::nullopt);
      o.on_post = [&pc, period](Post&& p) {
        std::optional<Date> d = p.digest_date();
        if (d && *d >= period.first && *d <= period.last) (void)pc.c.add_post(std::move(p));
      };
    }
  }
  Result<ImportReport> r = [&]() -> Result<ImportReport> {
    py::gil_scoped_release nogil;
    LockSet locks;
    locks.exclusive(pc.mu);
    if (lookup && lookup->mu) locks.shared(*lookup->mu);
    locks.lock();
    const std::size_t before = pc.c.size();
    Result<ImportReport> res = is_path ? import_file(pc.c, path, o) : import_json(pc.c, bytes.view, o);
    if (res.ok() && fill_from_attribution) {
      for (std::size_t i = before; i < pc.c.size(); ++i)
        apply_attribution(pc.mutable_post(i), lookup->lookup);
    }
    return res;
  }();
  if (progress_error) throw std::move(*progress_error);
  if (where_error) throw std::move(*where_error);
  if (interrupted) throw py::error_already_set();
  return unwrap(std::move(r));
}

Period week_arg(const std::string& week) {
  try {
    return unwrap(parse_iso_week(week));
  } catch (const std::out_of_range&) {
    // A week whose days fall outside the dates digestcore can hold (1400-9999).
    raise_error(ErrorCode::parse_error,
                "'" + week + "' is not an ISO week digestcore can date (years 1400-9999)", "week");
  }
}


// ---- views -----------------------------------------------------------------

// Collection.posts: a live, read-only sequence of the collection's posts.
struct CollectionPosts {
  CollectionPtr coll;
  std::size_t size() const {
    return with_shared(coll->mu, [&] { return coll->c.size(); });
  }
};

// iter(collection): yields views, also of posts added while iterating.
struct PostIterator {
  CollectionPtr coll;
  std::size_t next = 0;
};

// A section of a Digest (kept alive by it).
struct PySection {
  DigestPtr digest;
  std::size_t index = 0;
  const DigestSection& get() const { return digest->sections[index]; }
};

py::list post_views(const CollectionPtr& c, const std::vector<std::size_t>& indices) {
  py::list out(indices.size());
  for (std::size_t k = 0; k < indices.size(); ++k) out[k] = py::cast(PyPost::view(c, indices[k]));
  return out;
}

// ---- Post properties -------------------------------------------------------

// Optional text (every field but id): None when absent, and None, NaN or
// NA assigned make it absent.
void def_text(py::class_<PyPost>& cls, const char* name, std::string Post::*member,
              const char* doc) {
  const bool required = std::string_view(name) == "id";
  cls.def_property(
      name,
      [member, required](const PyPost& p) -> py::object {
        std::string s = p.read([member](const Post& q) { return q.*member; });
        if (required) return py::cast(Str{std::move(s)});
        return text_or_none(s);
      },
      [member, name, required](PyPost& p, py::handle v) {
        p.check_writable(name);
        std::string s = required ? text_arg(v, name) : optional_text_arg(v, name);
        p.write(name, [&](Post& q) { q.*member = std::move(s); });
      },
      doc);
}

void def_list(py::class_<PyPost>& cls, const char* name, std::vector<std::string> Post::*member,
              const char* doc) {
  cls.def_property(
      name, [member](const PyPost& p) { return p.read([member](const Post& q) { return q.*member; }); },
      [member, name](PyPost& p, py::handle v) {
        p.check_writable(name);
        std::vector<std::string> s =
            is_missing(v) ? std::vector<std::string>{} : text_list_arg(v, name);
        p.write(name, [&](Post& q) { q.*member = std::move(s); });
      },
      doc);
}

void def_date(py::class_<PyPost>& cls, const char* name, std::optional<DateTime> Post::*member,
              const char* doc) {
  cls.def_property(
      name,
      [member](const PyPost& p) {
        return utc_datetime_to_python(p.read([member](const Post& q) { return q.*member; }));
      },
      [member, name](PyPost& p, py::handle v) {
        p.check_writable(name);
        std::optional<DateTime> d = datetime_from_python(v, name);
        p.write(name, [&](Post& q) { q.*member = d; });
      },
      doc);
}

void def_has_time(py::class_<PyPost>& cls, const char* name,
                  std::optional<DateTime> Post::*member, const char* doc) {
  cls.def_property_readonly(
      name,
      [member](const PyPost& p) {
        return p.read([member](const Post& q) { return (q.*member) && (q.*member)->seconds; });
      },
      doc);
}

// Optional text (all but id) reads None when absent; None, NaN or NA make it absent.
void def_source_text(py::class_<PySource>& cls, const char* name, std::string Source::*member,
                     const char* doc) {
  const bool required = std::string_view(name) == "id";
  cls.def_property(
      name,
      [member, required](const PySource& s) -> py::object {
        if (required) return py::cast(Str{s.s.*member});
        return text_or_none(s.s.*member);
      },
      [member, name, required](PySource& s, py::handle v) {
        s.check_writable(name);
        s.s.*member = required ? text_arg(v, name) : optional_text_arg(v, name);
      },
      doc);
}

// The import options added in 0.3, shared by every import call.
#define DG_IMPORT_EXTRA_ARGS                                                         \
  py::arg("strict") = false, py::arg("encoding") = py::none(),                       \
      py::arg("on_duplicate") = "error", py::arg("progress") = py::none()
#define DG_IMPORT_EXTRA_SIG "strict=False, encoding=None, on_duplicate='error', progress=None"

// A macro, not a constant: DG_SIG joins it to each signature as a literal.
#define DG_IMPORT_DOC \
    "Adds the posts and sources of the input (a path for import_file; JSON str or bytes for " \
    "import_json); all or nothing unless skip_bad_records, in which case bad records are " \
    "skipped and listed in the report. format: detect (default), own, jsonl, jsonfeed, " \
    "wordpress, rss (RSS or Atom). strict: reject deviations instead of repairing them " \
    "(ImportReport.warnings lists repairs). encoding: the input's encoding, overriding a " \
    "BOM or XML declaration. on_duplicate: error, keep_first, replace or merge, for posts " \
    "whose id or canonical URL is already there. progress: called as progress(bytes_read, " \
    "bytes_total, records) about every megabyte. fill_from_attribution and sources are deprecated (DeprecationWarning): they " \
    "fill the imported posts from their attribution lines, as Collection.curate(" \
    "fill_from_attribution=True) does for every post."

void init_core(py::module_& m) {
  // ---- Source ----
  py::class_<PySource> source(m, "Source",
                              "A news outlet: id, name, aliases in any script, url, language "
                              "(BCP 47), country (ISO 3166). Sources you make are yours to "
                              "change; those a Collection, SourceRegistry or Digest hands out "
                              "are read-only copies (copy() gives one you can change).");
  source
      .def(py::init([](py::handle id, py::handle name, py::handle aliases, py::handle url,
                       py::handle language, py::handle country) {
             PySource s;
             s.s.id = text_arg(id, "id");
             s.s.name = optional_text_arg(name, "name");
             if (!is_missing(aliases)) s.s.aliases = text_list_arg(aliases, "aliases");
             s.s.url = optional_text_arg(url, "url");
             s.s.language = optional_text_arg(language, "language");
             s.s.country = optional_text_arg(country, "country");
             return s;
           }),
           py::arg("id"), py::arg("name") = py::none(), py::arg("aliases") = py::none(),
           py::arg("url") = py::none(), py::arg("language") = py::none(),
           py::arg("country") = py::none(),
           DG_SIG("__init__(self, id, name=None, aliases=None, url=None, language=None, "
                  "country=None)",
                  "A standalone source. Every field but id is optional (None, NaN: absent)."));
  def_source_text(source, "id", &Source::id, "Unique in a collection or registry.");
  def_source_text(source, "name", &Source::name, "The outlet's name, or None.");
  def_source_text(source, "url", &Source::url, "The outlet's home page, or None.");
  def_source_text(source, "language", &Source::language, "BCP 47, or None.");
  def_source_text(source, "country", &Source::country, "ISO 3166-1 alpha-2, or None.");
  source
      .def_property(
          "aliases", [](const PySource& s) { return s.s.aliases; },
          [](PySource& s, py::handle v) {
            s.check_writable("aliases");
            s.s.aliases = is_missing(v) ? std::vector<std::string>{} : text_list_arg(v, "aliases");
          },
          "A new list on each read: assign a whole list to change it.")
      .def_property_readonly("read_only", [](const PySource& s) { return s.frozen; },
                             "True for a copy handed out by a Collection, SourceRegistry or "
                             "Digest (assignments raise AttributeError).")
      .def("copy", [](const PySource& s) { return PySource{s.s, false}; },
           DG_SIG("copy(self)", "A copy you can change."))
      .def("__copy__", [](const PySource& s) { return PySource{s.s, false}; },
           DG_SIG("__copy__(self)", "copy.copy(source): a copy you can change."))
      .def("__deepcopy__", [](const PySource& s, py::handle) { return PySource{s.s, false}; },
           py::arg("memo"),
           DG_SIG("__deepcopy__(self, memo)", "copy.deepcopy(source): a copy you can change."))
      .def(
          "__eq__",
          [](const PySource& a, const PySource& b) { return a.s == b.s; }, py::is_operator(),
          DG_SIG("__eq__(self, other, /)",
                 "Equal when every field is (NotImplemented for a non-Source)."))
      .def("__repr__", [](const PySource& s) { return "<digestcore.Source " + s.s.id + ">"; },
           DG_SIG("__repr__(self)", "<digestcore.Source id>"));
  source.attr("__hash__") = py::none();

  // ---- Post ----
  py::class_<PyPost> post(
      m, "Post",
      "A clipping: title, link, dates, attribution, excerpt. A Post you make is yours to "
      "change. A Post from a Collection (iteration, indexing, .posts, select) is a live view: "
      "it reads the collection's current post, and assigning to it changes the collection "
      "(its id cannot change). A Post of a Digest is read-only. copy() gives a standalone "
      "copy. List fields (authors, tags) give a new list on each read: assign a whole list.");
  post.def(py::init([](py::handle id, py::handle title, py::handle url, py::handle posted_on,
                       py::handle published_on, py::handle authors, py::handle source_,
                       py::handle place, py::handle excerpt, py::handle body,
                       py::handle language, py::handle tags, py::handle cluster,
                       py::handle story) {
             Post p;
             p.id = text_arg(id, "id");
             p.title = optional_text_arg(title, "title");
             p.url = optional_text_arg(url, "url");
             p.posted_on = datetime_from_python(posted_on, "posted_on");
             p.published_on = datetime_from_python(published_on, "published_on");
             if (!is_missing(authors)) p.authors = text_list_arg(authors, "authors");
             p.source = optional_text_arg(source_, "source");
             p.place = optional_text_arg(place, "place");
             p.excerpt = optional_text_arg(excerpt, "excerpt");
             p.body = optional_text_arg(body, "body");
             p.language = optional_text_arg(language, "language");
             if (!is_missing(tags)) p.tags = text_list_arg(tags, "tags");
             p.cluster = optional_text_arg(cluster, "cluster");
             p.story = optional_text_arg(story, "story");
             return PyPost::standalone(std::move(p));
           }),
           py::arg("id"), py::arg("title") = py::none(), py::arg("url") = py::none(),
           py::arg("posted_on") = py::none(), py::arg("published_on") = py::none(),
           py::arg("authors") = py::none(), py::arg("source") = py::none(),
           py::arg("place") = py::none(), py::arg("excerpt") = py::none(),
           py::arg("body") = py::none(), py::arg("language") = py::none(),
           py::arg("tags") = py::none(), py::arg("cluster") = py::none(),
           py::arg("story") = py::none(),
           DG_SIG("__init__(self, id, title=None, url=None, posted_on=None, published_on=None, "
                  "authors=None, source=None, place=None, excerpt=None, body=None, "
                  "language=None, tags=None, cluster=None, story=None)",
                  "A standalone post. Every field but id is optional: None, NaN or NaT mean "
                  "absent. Dates take a datetime.date, a datetime.datetime (aware or naive), a "
                  "pandas Timestamp or an ISO 8601 str."));
  def_text(post, "id", &Post::id, "Unique in a collection; read-only on a collection's post.");
  def_text(post, "title", &Post::title, "The headline.");
  def_text(post, "url", &Post::url, "Link to the original.");
  def_date(post, "posted_on", &Post::posted_on,
           "When the curator posted the clipping: an aware datetime in UTC, or None. A date "
           "without a time is its midnight UTC, with posted_on_has_time False.");
  def_date(post, "published_on", &Post::published_on,
           "When the outlet published the original: an aware datetime in UTC, or None (see "
           "posted_on and published_on_has_time).");
  def_has_time(post, "posted_on_has_time", &Post::posted_on,
               "True when posted_on has a time of day, False for a date alone or None.");
  def_has_time(post, "published_on_has_time", &Post::published_on,
               "True when published_on has a time of day, False for a date alone or None.");
  def_list(post, "authors", &Post::authors, "A new list on each read: assign a whole list.");
  def_text(post, "source", &Post::source, "A source id when known, else the outlet as written.");
  def_text(post, "place", &Post::place, "Where the story was filed.");
  def_text(post, "excerpt", &Post::excerpt, "The quoted passage (may open with an attribution line).");
  def_text(post, "body", &Post::body, "Full text, when kept.");
  def_text(post, "language", &Post::language, "BCP 47.");
  def_list(post, "tags", &Post::tags, "A new list on each read: assign a whole list.");
  def_text(post, "cluster", &Post::cluster,
           "The id of the post that names this post's near-duplicate cluster, or None.");
  def_text(post, "story", &Post::story,
           "The id of the post that names the story this post belongs to, or None.");
  post.def_property_readonly(
          "digest_date",
          [](const PyPost& p) -> py::object {
            auto d = p.read([](const Post& q) { return q.digest_date(); });
            return d ? datetime_to_python(DateTime(*d)) : py::object(py::none());
          },
          "posted_on's date, else published_on's, else None.")
      .def_property_readonly(
          "extra",
          [](const PyPost& p) {
            auto extra = p.read([](const Post& q) { return q.extra; });
            py::dict d;
            for (const auto& f : extra) d[py::str(f.name)] = f.raw_json;
            return d;
          },
          "Fields digestcore does not know, as a new dict {name: raw JSON text}.")
      .def_property_readonly(
          "read_only", [](const PyPost& p) { return static_cast<bool>(p.snapshot); },
          "True for a post of a Digest (assignments raise AttributeError).")
      .def_property_readonly(
          "in_collection", [](const PyPost& p) { return static_cast<bool>(p.coll); },
          "True for a live view of a collection's post (assignments change the collection).")
      .def("copy", [](const PyPost& p) { return PyPost::standalone(p.copy()); },
           DG_SIG("copy(self)",
                  "A standalone copy, yours to change, tied to no collection or digest."))
      .def("__copy__", [](const PyPost& p) { return PyPost::standalone(p.copy()); },
           DG_SIG("__copy__(self)", "copy.copy(post): a standalone copy (see copy)."))
      .def("__deepcopy__", [](const PyPost& p, py::handle) { return PyPost::standalone(p.copy()); },
           py::arg("memo"),
           DG_SIG("__deepcopy__(self, memo)", "copy.deepcopy(post): a standalone copy."))
      .def(
          "__eq__",
          [](const PyPost& a, const PyPost& b) {
            if (&a == &b) return true;
            return a.copy() == b.copy();
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)",
                 "Equal when every field is, extra fields included, whatever kind of Post "
                 "each is (NotImplemented for a non-Post)."))
      .def("__repr__", [](const PyPost& p) {
        Post q = p.copy();
        std::string out = "<digestcore.Post " + q.id;
        if (auto d = q.digest_date()) out += " " + DateTime(*d).date_iso();
        if (!q.source.empty()) out += " [" + q.source + "]";
        if (!q.title.empty()) {
          std::string_view t = q.title;
          std::size_t cut = t.size() > 60 ? 60 : t.size();
          while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
          out += " '" + std::string(t.substr(0, cut)) + (cut < t.size() ? "…'" : "'");
        }
        return py::str(py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(
            out.data(), static_cast<Py_ssize_t>(out.size()), "replace")));
      }, DG_SIG("__repr__(self)", "<digestcore.Post id date [source] 'title'>"));
  post.attr("__hash__") = py::none();

  py::class_<ImportReport>(m, "ImportReport", "What an import added and what it skipped.")
      .def_readonly("posts_added", &ImportReport::posts_added, "Posts the import added.")
      .def_readonly("sources_added", &ImportReport::sources_added, "Sources the import added.")
      .def_property_readonly("skipped", &skipped_list,
                             "One dict per skipped record: message, code, line, offset, field, "
                             "file, text.")
      .def_property_readonly("warnings", &warnings_list,
                             "One dict per repair made while reading liberally (same keys as "
                             "skipped; code says the kind of deviation).")
      .def_readonly("warnings_count", &ImportReport::warnings_count,
                    "All warnings, kept or not.")
      .def_property_readonly(
          "duplicates",
          [](const ImportReport& r) {
            py::dict d;
            d["kept_first"] = r.duplicates_kept_first;
            d["replaced"] = r.duplicates_replaced;
            d["merged"] = r.duplicates_merged;
            return d;
          },
          "Duplicates resolved under on_duplicate: {'kept_first', 'replaced', 'merged'}.")
      .def_property_readonly(
          "format", [](const ImportReport& r) { return std::string(input_format_name(r.format)); },
          "The format read: own, json_lines, json_feed, wordpress or xml_feed.")
      .def("__repr__", [](const ImportReport& r) {
        return "<digestcore.ImportReport posts_added=" + std::to_string(r.posts_added) +
               " skipped=" + std::to_string(r.skipped_count) +
               " warnings=" + std::to_string(r.warnings_count) + ">";
      }, DG_SIG("__repr__(self)", "<digestcore.ImportReport posts_added=N skipped=N warnings=N>"));

  py::class_<CurateReport>(m, "CurateReport", "What Collection.curate changed.")
      .def_readonly("posts_attributed", &CurateReport::posts_attributed,
                    "Posts that gained a field from their attribution line.")
      .def_readonly("sources_added", &CurateReport::sources_added,
                    "Registry sources added to the collection.")
      .def_readonly("posts_filed", &CurateReport::posts_filed,
                    "Posts whose source was set to a registry id.")
      .def_readonly("entity_tags_added", &CurateReport::entity_tags_added,
                    "Entity tags added to posts.")
      .def(
          "to_dict",
          [](const CurateReport& r) {
            py::dict d;
            d["posts_attributed"] = r.posts_attributed;
            d["sources_added"] = r.sources_added;
            d["posts_filed"] = r.posts_filed;
            d["entity_tags_added"] = r.entity_tags_added;
            return d;
          },
          DG_SIG("to_dict(self)", "The four counts as a dict."))
      .def("__repr__", [](const CurateReport& r) {
        return "<digestcore.CurateReport posts_attributed=" + std::to_string(r.posts_attributed) +
               " sources_added=" + std::to_string(r.sources_added) +
               " posts_filed=" + std::to_string(r.posts_filed) +
               " entity_tags_added=" + std::to_string(r.entity_tags_added) + ">";
      }, DG_SIG("__repr__(self)", "<digestcore.CurateReport with the four counts>"));

  // ---- views of a collection's posts ----
  py::class_<PostIterator>(m, "PostIterator", "Iterator over a collection's posts (live views).")
      .def("__iter__", [](py::object self) { return self; },
           DG_SIG("__iter__(self)", "The iterator itself."))
      .def("__next__", [](PostIterator& it) {
        std::size_t n = with_shared(it.coll->mu, [&] { return it.coll->c.size(); });
        if (it.next >= n) throw py::stop_iteration();
        return PyPost::view(it.coll, it.next++);
      }, DG_SIG("__next__(self)", "The live view of the next post; StopIteration at the end."));

  py::class_<CollectionPosts>(m, "CollectionPosts",
                              "The posts of a collection as a live, read-only sequence of Post "
                              "views: no post is copied. It grows when the collection does.")
      .def("__len__", &CollectionPosts::size,
           DG_SIG("__len__(self)", "The collection's current number of posts."))
      .def("__iter__", [](const CollectionPosts& v) { return PostIterator{v.coll, 0}; },
           DG_SIG("__iter__(self)", "A PostIterator over live views."))
      .def("__getitem__",
           [](const CollectionPosts& v, py::handle key) -> py::object {
             const std::size_t n = v.size();
             if (PySlice_Check(key.ptr())) {
               py::ssize_t start = 0, stop = 0, step = 0, length = 0;
               if (!py::reinterpret_borrow<py::slice>(key).compute(
                       static_cast<py::ssize_t>(n), &start, &stop, &step, &length))
                 throw py::error_already_set();
               std::vector<std::size_t> idx;
               idx.reserve(static_cast<std::size_t>(length));
               for (py::ssize_t k = 0, i = start; k < length; ++k, i += step)
                 idx.push_back(static_cast<std::size_t>(i));
               return post_views(v.coll, idx);
             }
             if (!PyIndex_Check(key.ptr()))
               throw py::type_error("post indices must be integers or slices, not " +
                                    type_name(key));
             py::ssize_t i = PyNumber_AsSsize_t(key.ptr(), PyExc_IndexError);
             if (i == -1 && PyErr_Occurred()) throw py::error_already_set();
             if (i < 0) i += static_cast<py::ssize_t>(n);
             if (i < 0 || static_cast<std::size_t>(i) >= n)
               throw py::index_error("post index out of range");
             return py::cast(PyPost::view(v.coll, static_cast<std::size_t>(i)));
           },
           py::arg("index"),
           DG_SIG("__getitem__(self, index)",
                  "The live view of the post at an int index (negative from the end; "
                  "IndexError out of range), or a list of views for a slice."))
      .def("__repr__", [](const CollectionPosts& v) {
        return "<digestcore.CollectionPosts of " + std::to_string(v.size()) + " posts>";
      }, DG_SIG("__repr__(self)", "<digestcore.CollectionPosts of N posts>"));

  // ---- Collection ----
  py::class_<PyCollection, CollectionPtr>(
      m, "Collection",
      "Posts and sources, unique by id, in insertion order. Imports are all or nothing unless "
      "skip_bad_records=True. Posts it hands out are live views (see Post). Safe to share "
      "between threads: changes take the collection's lock exclusively, reads share it.")
      .def(py::init([] { return std::make_shared<PyCollection>(); }),
           DG_SIG("__init__(self)", "An empty collection."))
      .def_static(
          "load",
          [](py::object path, std::optional<Str> format, bool skip_bad_records, bool strict,
             std::optional<std::string> encoding, std::string on_duplicate, py::object progress,
             py::object where) {
            auto c = std::make_shared<PyCollection>();
            do_import(*c, path, format, skip_bad_records, true, false, py::none(),
                      {strict, std::move(encoding), std::move(on_duplicate), std::move(progress),
                       std::move(where)});
            return c;
          },
          py::arg("path"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false, DG_IMPORT_EXTRA_ARGS, py::arg("where") = py::none(),
          DG_SIG("load(path, *, format=None, skip_bad_records=False, " DG_IMPORT_EXTRA_SIG
                 ", where=None)",
                 "A new collection read from a file ('-' is standard input; format: detect, "
                 "own, jsonl, jsonfeed, wordpress, rss, atom). where: keep only the posts of a "
                 "period (a period str, a Period or (first, last)) or those a callable(Post) "
                 "accepts; the file is streamed, so memory follows what is kept (on_duplicate "
                 "'error' or 'keep-first')."))
      .def_static(
          "from_json",
          [](py::object data, std::optional<Str> format, bool skip_bad_records, bool strict,
             std::optional<std::string> encoding, std::string on_duplicate, py::object progress) {
            auto c = std::make_shared<PyCollection>();
            do_import(*c, data, format, skip_bad_records, false, false, py::none(),
                      {strict, std::move(encoding), std::move(on_duplicate), std::move(progress)});
            return c;
          },
          py::arg("data"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false, DG_IMPORT_EXTRA_ARGS,
          DG_SIG("from_json(data, *, format=None, skip_bad_records=False, " DG_IMPORT_EXTRA_SIG ")",
                 "A new collection parsed from a str, bytes or bytearray of JSON, RSS or Atom."))
      .def(
          "import_file",
          [](PyCollection& c, py::object path, std::optional<Str> format, bool skip, bool fill,
             py::object sources, bool strict, std::optional<std::string> encoding,
             std::string on_duplicate, py::object progress) {
            return do_import(c, path, format, skip, true, fill, sources,
                             {strict, std::move(encoding), std::move(on_duplicate),
                              std::move(progress)});
          },
          py::arg("path"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false, py::arg("fill_from_attribution") = false,
          py::arg("sources") = py::none(), DG_IMPORT_EXTRA_ARGS,
          DG_SIG("import_file(self, path, *, format=None, skip_bad_records=False, "
                 "fill_from_attribution=False, sources=None, " DG_IMPORT_EXTRA_SIG ")",
                 DG_IMPORT_DOC))
      .def(
          "import_json",
          [](PyCollection& c, py::object data, std::optional<Str> format, bool skip, bool fill,
             py::object sources, bool strict, std::optional<std::string> encoding,
             std::string on_duplicate, py::object progress) {
            return do_import(c, data, format, skip, false, fill, sources,
                             {strict, std::move(encoding), std::move(on_duplicate),
                              std::move(progress)});
          },
          py::arg("data"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false, py::arg("fill_from_attribution") = false,
          py::arg("sources") = py::none(), DG_IMPORT_EXTRA_ARGS,
          DG_SIG("import_json(self, data, *, format=None, skip_bad_records=False, "
                 "fill_from_attribution=False, sources=None, " DG_IMPORT_EXTRA_SIG ")",
                 DG_IMPORT_DOC))
      .def(
          "curate",
          [](PyCollection& self, py::object sources, py::object entities,
             bool fill_from_attribution, py::handle entity_tag_prefix, py::object languages,
             py::object order, py::object reference, bool fuzzy, double min_score,
             bool tag_title, bool tag_excerpt, bool tag_body) {
            CurateOptions o;
            o.fill_from_attribution = fill_from_attribution;
            o.attribution.dates = date_options(languages, order, reference);
            o.resolve.fuzzy = fuzzy;
            o.resolve.min_fuzzy_score = min_score;
            o.tagging.title = tag_title;
            o.tagging.excerpt = tag_excerpt;
            o.tagging.body = tag_body;
            o.entity_tag_prefix = text_arg(entity_tag_prefix, "entity_tag_prefix");
            const PySourceRegistry* registry = nullptr;
            const PyGazetteer* gazetteer = nullptr;
            if (!sources.is_none()) {
              if (!py::isinstance<PySourceRegistry>(sources))
                throw py::type_error("sources must be a SourceRegistry or None, not " +
                                     type_name(sources));
              registry = &sources.cast<const PySourceRegistry&>();
              o.sources = &registry->r;
            }
            if (!entities.is_none()) {
              if (!py::isinstance<PyGazetteer>(entities))
                throw py::type_error("entities must be a Gazetteer or None, not " +
                                     type_name(entities));
              gazetteer = &entities.cast<const PyGazetteer&>();
              o.entities = &gazetteer->g;
            }
            Result<CurateReport> r = [&]() -> Result<CurateReport> {
              py::gil_scoped_release nogil;
              LockSet locks;
              locks.exclusive(self.mu);
              if (registry) locks.shared(registry->mu);
              if (gazetteer) locks.shared(gazetteer->mu);
              locks.lock();
              return curate(self.c, o);
            }();
            return unwrap(std::move(r));
          },
          py::arg("sources") = py::none(), py::arg("entities") = py::none(), py::kw_only(),
          py::arg("fill_from_attribution") = false, py::arg("entity_tag_prefix") = "entity:",
          py::arg("languages") = py::none(), py::arg("order") = py::none(),
          py::arg("reference") = py::none(), py::arg("fuzzy") = true,
          py::arg("min_score") = 0.85, py::arg("tag_title") = true,
          py::arg("tag_excerpt") = true, py::arg("tag_body") = true,
          DG_SIG("curate(self, sources=None, entities=None, *, fill_from_attribution=False, "
                 "entity_tag_prefix='entity:', languages=None, order=None, reference=None, "
                 "fuzzy=True, min_score=0.85, tag_title=True, tag_excerpt=True, tag_body=True)",
          "Runs the curation steps the CLI runs, in order, on every post: (1) with "
          "fill_from_attribution, fill missing authors, source, place and published_on from "
          "the attribution line opening the excerpt or body (languages, order and reference "
          "as for parse_date; the registry names the outlets); (2) with sources (a "
          "SourceRegistry), add the registry's sources the collection lacks and set each "
          "post's source to the registry id of the outlet it names (fuzzy, min_score as for "
          "SourceRegistry.resolve); (3) with entities (a Gazetteer), add entity_tag_prefix + "
          "entity id to the tags of each post that mentions the entity (in the title, excerpt, "
          "body as chosen). All or nothing; the GIL is released. Returns a CurateReport."))
      .def(
          "to_json",
          [](const PyCollection& c, Str format, bool pretty) {
            JsonFormat f = output_format(format.value);
            return nogil_shared(c.mu, [&] { return export_as(c.c, f, pretty); });
          },
          py::arg("format") = "own", py::arg("pretty") = true,
          DG_SIG("to_json(self, format='own', pretty=True)",
                 "The collection as JSON: own (default), jsonl or jsonfeed."))
      .def(
          "save",
          [](const PyCollection& c, py::object path, Str format, bool pretty) {
            JsonFormat f = output_format(format.value);
            std::string p = path_arg(path);
            Status s = nogil_shared(c.mu, [&] {
              ExportOptions o;
              o.pretty = pretty;
              return export_file(c.c, p, f, o);
            });
            unwrap(std::move(s));
          },
          py::arg("path"), py::arg("format") = "own", py::kw_only(), py::arg("pretty") = true,
          DG_SIG("save(self, path, format='own', *, pretty=True)",
                 "Writes the collection to a file (own, jsonl or jsonfeed) atomically: the "
                 "file holds the old or the new content, never a mix."))
      .def(
          "add_post",
          [](PyCollection& c, const PyPost& p) {
            Post copy = p.copy();
            Status s = with_exclusive(c.mu, [&] { return c.c.add_post(std::move(copy)); });
            unwrap(std::move(s));
          },
          py::arg("post"),
          DG_SIG("add_post(self, post)",
                 "Adds a copy of the post (later changes to `post` do not reach the "
                 "collection; collection[post.id] is the live view of the added post)."))
      .def(
          "add_source",
          [](PyCollection& c, const PySource& s) {
            Source copy = s.s;
            Status st = with_exclusive(c.mu, [&] { return c.c.add_source(std::move(copy)); });
            unwrap(std::move(st));
          },
          py::arg("source"), DG_SIG("add_source(self, source)", "Adds a copy of the source."))
      .def_property_readonly(
          "posts", [](const CollectionPtr& c) { return CollectionPosts{c}; },
          "The posts as a live sequence of Post views (no copies), in insertion order.")
      .def_property_readonly(
          "sources",
          [](const PyCollection& c) {
            auto all = with_shared(c.mu, [&] {
              return std::vector<Source>(c.c.sources().begin(), c.c.sources().end());
            });
            return frozen_sources(all);
          },
          "A list of read-only copies of the sources, in insertion order.")
      .def(
          "__getitem__",
          [](const CollectionPtr& c, Str id) {
            auto i = with_shared(c->mu, [&] { return c->index_of(id.value); });
            if (!i) raise_error(ErrorCode::not_found, "no post with id '" + id.value + "'");
            return PyPost::view(c, *i);
          },
          py::arg("id"),
          DG_SIG("__getitem__(self, id)",
                 "The live view of post `id`; NotFoundError (a KeyError) if none."))
      .def("__contains__",
           [](const PyCollection& c, py::handle id) {
             if (!PyUnicode_Check(id.ptr())) return false;
             std::string key = text_arg(id, "id");
             return with_shared(c.mu, [&] { return c.c.find_post(key) != nullptr; });
           },
           DG_SIG("__contains__(self, id, /)",
                  "True when a post has this id (False for anything but a str)."))
      .def(
          "source",
          [](const PyCollection& c, Str id) {
            auto s = with_shared(c.mu, [&]() -> std::optional<Source> {
              const Source* p = c.c.find_source(id.value);
              if (!p) return std::nullopt;
              return *p;
            });
            if (!s) raise_error(ErrorCode::not_found, "no source with id '" + id.value + "'");
            return PySource::copy_of(*s);
          },
          py::arg("id"),
          DG_SIG("source(self, id)",
                 "A read-only copy of the source with this id; NotFoundError if none."))
      .def("__len__",
           [](const PyCollection& c) { return with_shared(c.mu, [&] { return c.c.size(); }); },
           DG_SIG("__len__(self)", "The number of posts."))
      .def("__iter__", [](const CollectionPtr& c) { return PostIterator{c, 0}; },
           DG_SIG("__iter__(self)",
                  "A PostIterator of live views, in insertion order (posts added meanwhile "
                  "too)."))
      .def(
          "__eq__",
          [](const PyCollection& a, const PyCollection& b) {
            if (&a == &b) return true;
            py::gil_scoped_release nogil;
            LockSet locks;
            locks.shared(a.mu).shared(b.mu);
            locks.lock();
            return a.c == b.c;
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)",
                 "Equal when both hold the same posts and sources in the same order "
                 "(NotImplemented for a non-Collection)."))
      .def("__repr__", [](const PyCollection& c) {
        auto counts = with_shared(c.mu, [&] {
          return std::make_pair(c.c.size(), c.c.sources().size());
        });
        return "<digestcore.Collection " + std::to_string(counts.first) + " posts, " +
               std::to_string(counts.second) + " sources>";
      }, DG_SIG("__repr__(self)", "<digestcore.Collection N posts, N sources>"));
  m.attr("Collection").attr("__hash__") = py::none();

  // ---- digests ----
  py::class_<Period>(m, "Period", "A span of days, first and last inclusive.")
      .def_property_readonly("first",
                             [](const Period& p) { return datetime_to_python(DateTime(p.first)); },
                             "The first day, a datetime.date.")
      .def_property_readonly("last",
                             [](const Period& p) { return datetime_to_python(DateTime(p.last)); },
                             "The last day (inclusive), a datetime.date.")
      .def_readonly("label", &Period::label,
                    "A name parse_period reads back: '2021-W33', '2021-08', '1400-06', "
                    "'2021-08-12/2021-08-18'.")
      .def_property_readonly(
          "kind",
          [](const Period& p) {
            static const char* const names[] = {"iso_week", "week", "month", "range", "days"};
            return std::string(names[static_cast<int>(p.kind)]);
          },
          "'iso_week', 'week' (seven days ending on a day), 'month', 'range' or 'days' "
          "(the last N days).")
      .def_property_readonly(
          "calendar",
          [](const Period& p) {
            return std::string(p.calendar == PeriodCalendar::persian ? "persian" : "gregorian");
          },
          "The calendar of a month period: 'gregorian' or 'persian' (Solar Hijri).")
      .def("__repr__", [](const Period& p) { return "<digestcore.Period " + p.label + ">"; },
           DG_SIG("__repr__(self)", "<digestcore.Period label>"));

  py::class_<PySection>(m, "DigestSection", "The posts of one source in a digest (read-only).")
      .def_property_readonly("source", [](const PySection& s) { return text_or_none(s.get().source_id); },
                             "The source id, or None for the section of posts with no source.")
      .def_property_readonly("heading", [](const PySection& s) { return s.get().heading; },
                             "The source's name, or its id when the collection lacks it.")
      .def_property_readonly(
          "source_record",
          [](const PySection& s) -> py::object {
            const auto& src = s.get().source;
            if (!src) return py::none();
            return py::cast(PySource::copy_of(*src));
          },
          "The collection's Source for this section (a read-only copy), or None.")
      .def_property_readonly(
          "posts",
          [](const PySection& s) {
            const auto& posts = s.get().posts;
            py::list out(posts.size());
            for (std::size_t k = 0; k < posts.size(); ++k)
              out[k] = py::cast(PyPost::frozen(std::shared_ptr<const Post>(s.digest, &posts[k])));
            return out;
          },
          "The section's posts, read-only, in the digest's rank order.")
      .def_property_readonly(
          "items",
          [](const PySection& s) {
            const auto& sec = s.get();
            py::list out(sec.posts.size());
            for (std::size_t k = 0; k < sec.posts.size(); ++k) {
              const DigestItem* item = k < sec.items.size() ? &sec.items[k] : nullptr;
              py::list also;
              if (item)
                for (const Post& p : item->also)
                  also.append(py::cast(PyPost::frozen(std::shared_ptr<const Post>(s.digest, &p))));
              py::list entities;
              if (item)
                for (const std::string& e : item->entities) entities.append(py::str(e));
              out[k] = py::make_tuple(
                  py::cast(PyPost::frozen(std::shared_ptr<const Post>(s.digest, &sec.posts[k]))),
                  item ? py::str(item->story) : py::str(sec.posts[k].id),
                  item ? item->outlets : std::size_t(1), also, entities);
            }
            return out;
          },
          "The section's items as (post, story, outlets, also, entities) tuples, parallel "
          "to posts: the story id, how many outlets carried it in the period, the story's "
          "other posts ('also in', read-only) and the entity ids the post was tagged with.")
      .def("__len__", [](const PySection& s) { return s.get().posts.size(); },
           DG_SIG("__len__(self)", "The number of posts in the section."))
      .def("__repr__", [](const PySection& s) {
        return "<digestcore.DigestSection " + s.get().heading + ": " +
               std::to_string(s.get().posts.size()) + " posts>";
      }, DG_SIG("__repr__(self)", "<digestcore.DigestSection heading: N posts>"));

  py::class_<Digest, std::shared_ptr<Digest>>(
      m, "Digest",
      "Posts of a period grouped by source, ordered by date. Holds its own copies of the "
      "posts (read-only), so it outlives the collection.")
      .def_readonly("title", &Digest::title,
                    "The title: the template given, filled, else the locale's default "
                    "('Weekly Digest – Aug 22, 2021').")
      .def_readonly("period", &Digest::period, "The Period it covers.")
      .def_readonly("locale", &Digest::locale, "The locale of its labels and dates.")
      .def_property_readonly("group_by",
                             [](const Digest& d) { return std::string(group_by_name(d.group_by)); },
                             "'source', 'entity', 'story' or 'none'.")
      .def_property_readonly("rank", [](const Digest& d) { return std::string(rank_name(d.rank)); },
                             "'date', 'newest', 'outlets' or 'entities'.")
      .def_property_readonly(
          "sections",
          [](const std::shared_ptr<Digest>& d) {
            py::list out(d->sections.size());
            for (std::size_t k = 0; k < d->sections.size(); ++k)
              out[k] = py::cast(PySection{d, k});
            return out;
          },
          "The sections, by heading.")
      .def("__len__", &Digest::post_count,
           DG_SIG("__len__(self)", "The number of posts, in all sections."))
      .def("to_markdown",
           [](const Digest& d) {
             py::gil_scoped_release nogil;
             return render_markdown(d);
           },
           DG_SIG("to_markdown(self)", "The digest rendered as Markdown, in its locale."))
      .def(
          "to_html",
          [](const Digest& d, bool standalone) {
            HtmlOptions o;
            o.standalone = standalone;
            py::gil_scoped_release nogil;
            return render_html(d, o);
          },
          py::arg("standalone") = true,
          DG_SIG("to_html(self, standalone=True)",
                 "The digest as HTML: a whole page (standalone) or its <article> alone. Text is "
                 "escaped, only http(s) URLs are links, no script; each item has its own lang "
                 "and dir, so right-to-left items read right to left."))
      .def_static(
          "from_json",
          [](Str json) {
            Result<Digest> r = [&] {
              py::gil_scoped_release nogil;
              return load_digest_json(json.value);
            }();
            return std::make_shared<Digest>(unwrap(std::move(r)));
          },
          py::arg("json"),
          DG_SIG("from_json(json)", "A digest read back from to_json's output; ParseError with "
                                    "the position for anything else."))
      .def(
          "to_json",
          [](const Digest& d, bool pretty) {
            py::gil_scoped_release nogil;
            return render_json(d, pretty);
          },
          py::arg("pretty") = true,
          DG_SIG("to_json(self, pretty=True)",
                 "The digest as JSON (docs/digest.md): title, period, locale, sources and "
                 "sections with their posts and items; Digest.from_json reads it back."))
      .def(
          "to_json_feed",
          [](const Digest& d, std::optional<Str> title, Str home_page_url, Str feed_url,
             bool pretty) {
            FeedOptions o;
            if (title) o.title = std::move(*title).value;
            o.home_page_url = std::move(home_page_url).value;
            o.feed_url = std::move(feed_url).value;
            o.pretty = pretty;
            py::gil_scoped_release nogil;
            return render_json_feed(d, o);
          },
          py::arg("title") = py::none(), py::arg("home_page_url") = "",
          py::arg("feed_url") = "", py::arg("pretty") = true,
          DG_SIG("to_json_feed(self, title=None, home_page_url='', feed_url='', pretty=True)",
                 "The digest's posts as a JSON Feed 1.1, in digest order; the feed's title is "
                 "the digest's unless `title` is given."))
      .def("__repr__", [](const Digest& d) {
        return "<digestcore.Digest " + d.period.label + ": " + std::to_string(d.post_count()) +
               " posts in " + std::to_string(d.sections.size()) + " sections>";
      }, DG_SIG("__repr__(self)", "<digestcore.Digest label: N posts in N sections>"));

  m.def(
      "build_digest",
      [](const PyCollection& c, Str week, Str title) {
        Period period = week.value.find('W') != std::string::npos ||
                                week.value.find('w') != std::string::npos
                            ? week_arg(week.value)
                            : unwrap(parse_period(week.value));
        DigestOptions o;
        o.title = std::move(title).value;
        return nogil_shared(c.mu, [&] {
          return std::make_shared<Digest>(build_digest(c.c, period, o));
        });
      },
      py::arg("collection"), py::arg("week"), py::kw_only(), py::arg("title") = "",
      DG_SIG("build_digest(collection, week, *, title='')",
             "The digest of an ISO week such as '2021-W33', or of any period str "
             "(Collection.digest takes every option)."));
  m.def(
      "parse_period",
      [](Str text, py::handle reference) {
        PeriodOptions o;
        if (!reference.is_none()) {
          auto d = datetime_from_python(reference, "reference");
          if (d) o.reference = d->date;
        }
        return unwrap(parse_period(text.value, o));
      },
      py::arg("text"), py::arg("reference") = py::none(),
      DG_SIG("parse_period(text, reference=None)",
             "The Period a str names: '2021-W36', '2021-08', '1400-06' (Solar Hijri), "
             "'2021-08-12/2021-08-18', 'P7D/2021-09-10', 'week-ending:fri', 'last-7-days' "
             "(relative forms count from reference, a date; default today). ParseError with "
             "the position otherwise."));
  m.def(
      "iso_week", [](Str week) { return week_arg(week.value); }, py::arg("week"),
      DG_SIG("iso_week(week)",
             "The Period of an ISO week such as '2021-W33'; ParseError if it is not one."));
}

}  // namespace

DIGEST_PY_MODULE(0, init_core);

py::list frozen_sources(const std::vector<Source>& sources) {
  py::list out(sources.size());
  for (std::size_t k = 0; k < sources.size(); ++k) out[k] = py::cast(PySource::copy_of(sources[k]));
  return out;
}

}  // namespace digest::python
