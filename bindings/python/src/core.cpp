// Python bindings for the model, JSON import/export and digests.
#include <pybind11/operators.h>

#include <fstream>

#include "bindings.hpp"
#include "digest/attribution.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"

namespace digest::python {

namespace {

py::object datetime_module() {
  static py::object* m = new py::object(py::module_::import("datetime"));
  return *m;
}

// date, or datetime (naive, or aware with a fixed offset) when there is a time.
py::object to_python(const std::optional<DateTime>& dt) {
  if (!dt) return py::none();
  py::object m = datetime_module();
  int y = dt->date.year(), mo = dt->date.month(), d = dt->date.day();
  if (!dt->seconds) {
    if (dt->utc_offset_minutes) {
      // A date with an offset but no time cannot be a datetime.date; keep midnight.
      py::object tz = m.attr("timezone")(m.attr("timedelta")(py::arg("minutes") = *dt->utc_offset_minutes));
      return m.attr("datetime")(y, mo, d, 0, 0, 0, 0, tz);
    }
    return m.attr("date")(y, mo, d);
  }
  int s = *dt->seconds;
  if (dt->utc_offset_minutes) {
    py::object tz = m.attr("timezone")(m.attr("timedelta")(py::arg("minutes") = *dt->utc_offset_minutes));
    return m.attr("datetime")(y, mo, d, s / 3600, (s / 60) % 60, s % 60, 0, tz);
  }
  return m.attr("datetime")(y, mo, d, s / 3600, (s / 60) % 60, s % 60);
}

std::optional<DateTime> from_python(const py::object& o, const char* what) {
  if (o.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(o)) {
    auto r = DateTime::from_iso(o.cast<std::string>());
    if (!r.ok()) {
      Error e = r.error();
      e.field = what;
      raise_error(e);
    }
    return *r;
  }
  py::object m = datetime_module();
  if (py::isinstance(o, m.attr("datetime"))) {
    DateTime dt(Date(o.attr("year").cast<unsigned short>(), o.attr("month").cast<unsigned short>(),
                     o.attr("day").cast<unsigned short>()));
    dt.seconds = o.attr("hour").cast<int>() * 3600 + o.attr("minute").cast<int>() * 60 +
                 o.attr("second").cast<int>();
    py::object off = o.attr("utcoffset")();
    if (!off.is_none())
      dt.utc_offset_minutes = static_cast<int>(off.attr("total_seconds")().cast<double>() / 60);
    return dt;
  }
  if (py::isinstance(o, m.attr("date"))) {
    return DateTime(Date(o.attr("year").cast<unsigned short>(), o.attr("month").cast<unsigned short>(),
                         o.attr("day").cast<unsigned short>()));
  }
  throw py::type_error(std::string(what) + " must be a datetime.date, datetime.datetime, "
                       "an ISO 8601 str or None");
}

Date to_date(const py::object& o, const char* what) {
  auto dt = from_python(o, what);
  if (!dt) throw py::type_error(std::string(what) + " must not be None");
  return dt->date;
}

JsonFormat input_format(const std::optional<std::string>& name) {
  if (!name || *name == "detect") return JsonFormat::detect;
  if (*name == "own") return JsonFormat::own;
  if (*name == "jsonl" || *name == "json_lines") return JsonFormat::json_lines;
  if (*name == "jsonfeed" || *name == "json_feed") return JsonFormat::json_feed;
  if (*name == "wordpress") return JsonFormat::wordpress;
  raise_error(Error(ErrorCode::invalid_argument,
                    "unknown format '" + *name + "' (detect, own, jsonl, jsonfeed, wordpress)"));
}

std::string export_as(const Collection& c, const std::string& format, bool pretty) {
  if (format == "own") {
    ExportOptions o;
    o.pretty = pretty;
    return export_json(c, o);
  }
  if (format == "jsonl" || format == "json_lines") return export_json_lines(c);
  if (format == "jsonfeed" || format == "json_feed") {
    FeedOptions o;
    o.pretty = pretty;
    return export_json_feed(c, o);
  }
  raise_error(Error(ErrorCode::invalid_argument,
                    "unknown format '" + format + "' (own, jsonl, jsonfeed)"));
}

py::list skipped_list(const ImportReport& r) {
  py::list out;
  for (const Error& e : r.skipped) {
    py::dict d;
    d["message"] = e.message;
    d["code"] = error_code_name(e.code);
    d["line"] = e.line;
    d["offset"] = e.offset ? py::object(py::int_(*e.offset)) : py::object(py::none());
    d["field"] = e.field;
    d["file"] = e.file;
    d["text"] = e.to_string();
    out.append(d);
  }
  return out;
}

ImportReport do_import(Collection& c, const py::object& data, std::optional<std::string> format,
                       bool skip_bad_records, bool is_path, bool fill_from_attribution = false,
                       const py::object& sources = py::none()) {
  ImportOptions o;
  o.format = input_format(format);
  o.skip_bad_records = skip_bad_records;
  o.fill_from_attribution = fill_from_attribution;
  // A SourceRegistry or OutletList (both OutletLookup) names the known outlets.
  if (!sources.is_none()) o.outlets = sources.cast<const OutletLookup*>();
  if (is_path) {
    std::string path = py::str(py::module_::import("os").attr("fspath")(data));
    Result<ImportReport> r = [&] {
      py::gil_scoped_release release;
      return import_file(c, path, o);
    }();
    return unwrap(std::move(r));
  }
  std::string bytes;
  if (py::isinstance<py::bytes>(data)) bytes = data.cast<std::string>();
  else if (py::isinstance<py::str>(data)) bytes = data.cast<std::string>();
  else throw py::type_error("import_json takes str or bytes");
  Result<ImportReport> r = [&] {
    py::gil_scoped_release release;
    return import_json(c, bytes, o);
  }();
  return unwrap(std::move(r));
}

// Collection.import_file (IsPath) and Collection.import_json share one body.
template <bool IsPath>
ImportReport import_into(Collection& c, py::object input, std::optional<std::string> format,
                         bool skip_bad_records, bool fill_from_attribution, py::object sources) {
  return do_import(c, input, format, skip_bad_records, IsPath, fill_from_attribution, sources);
}

constexpr const char* kImportDoc =
    "Adds the posts and sources of the input; all or nothing unless skip_bad_records. "
    "fill_from_attribution fills empty authors, source, place and published_on from an "
    "attribution line opening the excerpt, using `sources` (a SourceRegistry or "
    "OutletList) to recognise outlets.";

void init_core(py::module_& m) {
  py::class_<Source>(m, "Source", "A news outlet: id, name, aliases in any script, url, "
                                  "language (BCP 47), country (ISO 3166).")
      .def(py::init([](std::string id, std::string name, std::vector<std::string> aliases,
                       std::string url, std::string language, std::string country) {
             Source s;
             s.id = std::move(id);
             s.name = std::move(name);
             s.aliases = std::move(aliases);
             s.url = std::move(url);
             s.language = std::move(language);
             s.country = std::move(country);
             return s;
           }),
           py::arg("id"), py::arg("name") = "", py::arg("aliases") = std::vector<std::string>{},
           py::arg("url") = "", py::arg("language") = "", py::arg("country") = "")
      .def_readwrite("id", &Source::id)
      .def_readwrite("name", &Source::name)
      .def_readwrite("aliases", &Source::aliases)
      .def_readwrite("url", &Source::url)
      .def_readwrite("language", &Source::language)
      .def_readwrite("country", &Source::country)
      .def(py::self == py::self)
      .def("__repr__", [](const Source& s) { return "<digestcore.Source " + s.id + ">"; });

  py::class_<Post>(m, "Post", "A clipping: title, link, dates, attribution, excerpt.")
      .def(py::init([](std::string id, std::string title, std::string url, py::object posted_on,
                       py::object published_on, std::vector<std::string> authors,
                       std::string source, std::string place, std::string excerpt,
                       std::string body, std::string language, std::vector<std::string> tags) {
             Post p;
             p.id = std::move(id);
             p.title = std::move(title);
             p.url = std::move(url);
             p.posted_on = from_python(posted_on, "posted_on");
             p.published_on = from_python(published_on, "published_on");
             p.authors = std::move(authors);
             p.source = std::move(source);
             p.place = std::move(place);
             p.excerpt = std::move(excerpt);
             p.body = std::move(body);
             p.language = std::move(language);
             p.tags = std::move(tags);
             return p;
           }),
           py::arg("id"), py::arg("title") = "", py::arg("url") = "",
           py::arg("posted_on") = py::none(), py::arg("published_on") = py::none(),
           py::arg("authors") = std::vector<std::string>{}, py::arg("source") = "",
           py::arg("place") = "", py::arg("excerpt") = "", py::arg("body") = "",
           py::arg("language") = "", py::arg("tags") = std::vector<std::string>{})
      .def_readwrite("id", &Post::id)
      .def_readwrite("title", &Post::title)
      .def_readwrite("url", &Post::url)
      .def_property(
          "posted_on", [](const Post& p) { return to_python(p.posted_on); },
          [](Post& p, py::object v) { p.posted_on = from_python(v, "posted_on"); },
          "When the curator posted the clipping: date, datetime or None.")
      .def_property(
          "published_on", [](const Post& p) { return to_python(p.published_on); },
          [](Post& p, py::object v) { p.published_on = from_python(v, "published_on"); },
          "When the outlet published the original: date, datetime or None.")
      .def_property_readonly(
          "digest_date",
          [](const Post& p) -> py::object {
            auto d = p.digest_date();
            return d ? to_python(DateTime(*d)) : py::object(py::none());
          },
          "posted_on's date, else published_on's, else None.")
      .def_readwrite("authors", &Post::authors)
      .def_readwrite("source", &Post::source)
      .def_readwrite("place", &Post::place)
      .def_readwrite("excerpt", &Post::excerpt)
      .def_readwrite("body", &Post::body)
      .def_readwrite("language", &Post::language)
      .def_readwrite("tags", &Post::tags)
      .def_property_readonly(
          "extra",
          [](const Post& p) {
            py::dict d;
            for (const auto& f : p.extra) d[py::str(f.name)] = f.raw_json;
            return d;
          },
          "Fields digestcore does not know, as {name: raw JSON text}.")
      .def(py::self == py::self)
      .def("__repr__", [](const Post& p) { return "<digestcore.Post " + p.id + ">"; });

  py::class_<ImportReport>(m, "ImportReport", "What an import added and what it skipped.")
      .def_readonly("posts_added", &ImportReport::posts_added)
      .def_readonly("sources_added", &ImportReport::sources_added)
      .def_property_readonly("skipped", &skipped_list,
                             "One dict per skipped record: message, code, line, offset, field, "
                             "file, text.")
      .def("__repr__", [](const ImportReport& r) {
        return "<digestcore.ImportReport posts_added=" + std::to_string(r.posts_added) +
               " skipped=" + std::to_string(r.skipped.size()) + ">";
      });

  py::class_<Collection>(m, "Collection",
                         "Posts and sources, unique by id, in insertion order. Imports are all "
                         "or nothing unless skip_bad_records=True.")
      .def(py::init<>())
      .def_static(
          "load",
          [](py::object path, std::optional<std::string> format, bool skip_bad_records) {
            Collection c;
            do_import(c, path, format, skip_bad_records, true);
            return c;
          },
          py::arg("path"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false,
          "A new collection read from a file (format: detect, own, jsonl, jsonfeed, wordpress).")
      .def_static(
          "from_json",
          [](py::object data, std::optional<std::string> format, bool skip_bad_records) {
            Collection c;
            do_import(c, data, format, skip_bad_records, false);
            return c;
          },
          py::arg("data"), py::kw_only(), py::arg("format") = py::none(),
          py::arg("skip_bad_records") = false, "A new collection parsed from a str or bytes.")
      .def("import_file", &import_into<true>, py::arg("path"), py::kw_only(),
           py::arg("format") = py::none(), py::arg("skip_bad_records") = false,
           py::arg("fill_from_attribution") = false, py::arg("sources") = py::none(),
           kImportDoc)
      .def("import_json", &import_into<false>, py::arg("data"), py::kw_only(),
           py::arg("format") = py::none(), py::arg("skip_bad_records") = false,
           py::arg("fill_from_attribution") = false, py::arg("sources") = py::none(),
           kImportDoc)
      .def(
          "to_json",
          [](const Collection& c, const std::string& format, bool pretty) {
            std::string out;
            {
              py::gil_scoped_release release;
              out = export_as(c, format, pretty);
            }
            return out;
          },
          py::arg("format") = "own", py::arg("pretty") = true,
          "The collection as JSON: own (default), jsonl or jsonfeed.")
      .def(
          "save",
          [](const Collection& c, py::object path, const std::string& format) {
            std::string p = py::str(py::module_::import("os").attr("fspath")(path));
            std::string text = export_as(c, format, true);
            std::ofstream f(p, std::ios::binary);
            f.write(text.data(), static_cast<std::streamsize>(text.size()));
            f.close();
            if (!f) raise_error(Error(ErrorCode::io_error, p + ": cannot write file"));
          },
          py::arg("path"), py::arg("format") = "own")
      .def("add_post", [](Collection& c, const Post& p) { unwrap(c.add_post(p)); }, py::arg("post"))
      .def("add_source", [](Collection& c, const Source& s) { unwrap(c.add_source(s)); },
           py::arg("source"))
      .def_property_readonly(
          "posts", [](const Collection& c) { return std::vector<Post>(c.posts().begin(), c.posts().end()); },
          "A list of copies of the posts, in insertion order.")
      .def_property_readonly(
          "sources",
          [](const Collection& c) { return std::vector<Source>(c.sources().begin(), c.sources().end()); },
          "A list of copies of the sources, in insertion order.")
      .def(
          "__getitem__",
          [](const Collection& c, const std::string& id) {
            const Post* p = c.find_post(id);
            if (!p) raise_error(Error(ErrorCode::not_found, "no post with id '" + id + "'"));
            return *p;
          },
          py::arg("id"))
      .def("__contains__", [](const Collection& c, const std::string& id) { return c.find_post(id) != nullptr; })
      .def(
          "source",
          [](const Collection& c, const std::string& id) {
            const Source* s = c.find_source(id);
            if (!s) raise_error(Error(ErrorCode::not_found, "no source with id '" + id + "'"));
            return *s;
          },
          py::arg("id"), "The source with this id; NotFoundError if none.")
      .def("__len__", &Collection::size)
      .def(
          "__iter__",
          [](const Collection& c) {
            return py::make_iterator(c.posts().begin(), c.posts().end(),
                                     py::return_value_policy::copy);
          },
          py::keep_alive<0, 1>())
      .def(
          "select",
          [](const Collection& c, py::object first, py::object last) {
            std::vector<Post> out;
            for (const Post* p : c.select(to_date(first, "first"), to_date(last, "last"))) out.push_back(*p);
            return out;
          },
          py::arg("first"), py::arg("last"),
          "Posts whose digest date is in [first, last], in insertion order.")
      .def(py::self == py::self);

  py::class_<Period>(m, "Period", "A span of days, first and last inclusive.")
      .def_property_readonly("first", [](const Period& p) { return to_python(DateTime(p.first)); })
      .def_property_readonly("last", [](const Period& p) { return to_python(DateTime(p.last)); })
      .def_readonly("label", &Period::label)
      .def("__repr__", [](const Period& p) { return "<digestcore.Period " + p.label + ">"; });

  py::class_<DigestSection>(m, "DigestSection", "The posts of one source in a digest.")
      .def_readonly("source", &DigestSection::source_id)
      .def_readonly("heading", &DigestSection::heading)
      .def_readonly("posts", &DigestSection::posts);

  py::class_<Digest>(m, "Digest", "Posts of a period grouped by source, ordered by date.")
      .def_readonly("title", &Digest::title)
      .def_readonly("period", &Digest::period)
      .def_readonly("sections", &Digest::sections)
      .def("__len__", &Digest::post_count)
      .def("to_markdown", [](const Digest& d) { return render_markdown(d); })
      .def("to_json", [](const Digest& d, bool pretty) { return render_json(d, pretty); },
           py::arg("pretty") = true);

  m.def(
      "build_digest",
      [](const Collection& c, const std::string& week, std::string title) {
        Period period = unwrap(parse_iso_week(week));
        DigestOptions o;
        o.title = std::move(title);
        py::gil_scoped_release release;
        return build_digest(c, period, o);
      },
      py::arg("collection"), py::arg("week"), py::kw_only(), py::arg("title") = "",
      "The digest of an ISO week such as '2021-W33'.");
  m.def(
      "iso_week",
      [](const std::string& week) { return unwrap(parse_iso_week(week)); }, py::arg("week"),
      "The Period of an ISO week such as '2021-W33'; ParseError if it is not one.");
}

}  // namespace

DIGEST_PY_MODULE(0, init_core);

}  // namespace digest::python
