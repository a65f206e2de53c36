// digestcore.parse_date, parse_datetime, find_dates, DateParser,
// parse_attribution, OutletList: Python bindings of digest::DateParser and
// the attribution parser. Offsets are str indices.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "objects.hpp"
#include "digest/attribution.hpp"
#include "digest/dates.hpp"

namespace digest::python {

namespace {

py::object& datetime_module() {
  static py::object* m = new py::object(py::module_::import("datetime"));
  return *m;
}

// The UTF-8 of a str without a copy (CPython caches it on the object); str
// with lone surrogates falls back to "surrogatepass" (read as ill-formed).
struct Utf8 {
  std::string_view view;
  std::string owned;
};

void take_utf8(const py::handle& obj, Utf8& out, const char* what) {
  if (!PyUnicode_Check(obj.ptr())) {
    throw py::type_error(std::string(what) + " must be str, not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (data) {
    out.view = std::string_view(data, static_cast<std::size_t>(size));
    return;
  }
  PyErr_Clear();
  py::object enc = py::reinterpret_steal<py::object>(
      PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
  if (!enc) throw py::error_already_set();
  char* buf = nullptr;
  Py_ssize_t len = 0;
  if (PyBytes_AsStringAndSize(enc.ptr(), &buf, &len) != 0) throw py::error_already_set();
  out.owned.assign(buf, static_cast<std::size_t>(len));
  out.view = out.owned;
}

DateOrder order_of(const py::object& o) {
  if (o.is_none()) return DateOrder::unspecified;
  std::string s = text_arg(py::str(o), "order");
  if (s == "DMY" || s == "dmy") return DateOrder::dmy;
  if (s == "MDY" || s == "mdy") return DateOrder::mdy;
  if (s == "YMD" || s == "ymd") return DateOrder::ymd;
  raise_error(Error(ErrorCode::invalid_argument,
                    "unknown order '" + s + "' (expected 'DMY', 'MDY', 'YMD' or None)"));
}

std::optional<Date> reference_of(const py::object& o) {
  if (o.is_none()) return std::nullopt;
  py::object& m = datetime_module();
  if (py::isinstance<py::str>(o)) {
    auto r = DateTime::from_iso(text_arg(o, "reference"));
    if (!r.ok()) {
      Error e = r.error();
      e.code = ErrorCode::invalid_argument;
      e.field = "reference";
      raise_error(e);
    }
    return r->date;
  }
  if (py::isinstance(o, m.attr("date"))) {  // datetime is a date too
    int y = o.attr("year").cast<int>();
    if (y < 1400 || y > 9999)
      raise_error(Error(ErrorCode::invalid_argument, "reference year out of range 1400-9999"));
    return Date(static_cast<unsigned short>(y), o.attr("month").cast<unsigned short>(),
                o.attr("day").cast<unsigned short>());
  }
  throw py::type_error("reference must be a datetime.date, an ISO 8601 str or None");
}

std::vector<std::string> languages_of(const py::object& o) {
  std::vector<std::string> out;
  if (o.is_none()) return out;
  if (py::isinstance<py::str>(o)) {
    out.push_back(text_arg(o, "languages"));
    return out;
  }
  if (PyBytes_Check(o.ptr())) throw py::type_error("languages must be a str or a list of str, not bytes");
  for (py::handle h : o) out.push_back(text_arg(py::str(h), "languages"));
  return out;
}

DateParseOptions options_of(const py::object& languages, const py::object& order,
                            const py::object& reference) {
  DateParseOptions o;
  o.languages = languages_of(languages);
  o.order = order_of(order);
  o.reference = reference_of(reference);
  return o;
}

py::object to_date(const DateTime& dt) {
  return datetime_module().attr("date")(int(dt.date.year()), int(dt.date.month()),
                                        int(dt.date.day()));
}

// Always a datetime: midnight when the text gave no time; aware when it gave
// an offset or zone.
py::object to_datetime(const DateTime& dt) {
  py::object& m = datetime_module();
  int s = dt.seconds.value_or(0);
  int y = dt.date.year(), mo = dt.date.month(), d = dt.date.day();
  if (dt.utc_offset_minutes) {
    py::object tz =
        m.attr("timezone")(m.attr("timedelta")(py::arg("minutes") = *dt.utc_offset_minutes));
    return m.attr("datetime")(y, mo, d, s / 3600, (s / 60) % 60, s % 60, 0, tz);
  }
  return m.attr("datetime")(y, mo, d, s / 3600, (s / 60) % 60, s % 60);
}

// date when there is no time, else datetime.
py::object to_value(const DateTime& dt) {
  return dt.seconds ? to_datetime(dt) : to_date(dt);
}

// A DateMatch with str-index offsets.
struct PyDateMatch {
  DateMatch m;
  std::size_t start = 0, end = 0;
};

PyDateMatch wrap(DateMatch m, std::string_view text) {
  PyDateMatch p;
  auto idx = byte_to_str_indices(text, {m.begin, m.end});
  p.start = idx[0];
  p.end = idx[1];
  p.m = std::move(m);
  return p;
}

const DateParser& default_parser() {
  static const DateParser* p = new DateParser();
  return *p;
}

// Parsers for the argument combinations of the module-level functions:
// the default one, or one built for the call.
struct ParserArg {
  std::unique_ptr<DateParser> own;
  const DateParser* parser = nullptr;
  ParserArg(const py::object& languages, const py::object& order, const py::object& reference) {
    if (languages.is_none() && order.is_none() && reference.is_none()) {
      parser = &default_parser();
    } else {
      own = std::make_unique<DateParser>(options_of(languages, order, reference));
      parser = own.get();
    }
  }
};

py::object parse_date_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  take_utf8(text, t, "text");
  auto d = p.parse(t.view);
  if (!d) return py::none();
  return to_date(*d);
}

py::object parse_datetime_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  take_utf8(text, t, "text");
  auto d = p.parse(t.view);
  if (!d) return py::none();
  return to_datetime(*d);
}

py::object parse_detailed_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  take_utf8(text, t, "text");
  auto m = p.parse_detailed(t.view);
  if (!m) return py::none();
  return py::cast(wrap(std::move(*m), t.view));
}

std::vector<PyDateMatch> find_dates_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  take_utf8(text, t, "text");
  std::vector<DateMatch> found;
  {
    py::gil_scoped_release release;
    found = p.find_dates(t.view);
  }
  std::vector<std::size_t> offsets;
  offsets.reserve(found.size() * 2);
  for (const auto& m : found) {
    offsets.push_back(m.begin);
    offsets.push_back(m.end);
  }
  auto idx = byte_to_str_indices(t.view, offsets);
  std::vector<PyDateMatch> out;
  out.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    PyDateMatch pm;
    pm.m = std::move(found[i]);
    pm.start = idx[2 * i];
    pm.end = idx[2 * i + 1];
    out.push_back(std::move(pm));
  }
  return out;
}

CalendarKind calendar_of(const std::string& s) {
  if (s == "gregorian") return CalendarKind::gregorian;
  if (s == "persian" || s == "solar-hijri" || s == "jalali") return CalendarKind::persian;
  if (s == "islamic-umalqura" || s == "islamic" || s == "hijri" || s == "umalqura")
    return CalendarKind::islamic_umalqura;
  raise_error(Error(ErrorCode::invalid_argument,
                    "unknown calendar '" + s + "' (gregorian, persian, islamic-umalqura)"));
}

// ---- attribution -------------------------------------------------------------------

// Attribution with str-index spans.
struct PyAttribution {
  Attribution a;
  std::vector<std::pair<std::size_t, std::size_t>> author_spans;
  std::pair<std::size_t, std::size_t> outlet_span, place_span, date_span, excerpt_span,
      header_span;
};

PyAttribution wrap(Attribution a, std::string_view line) {
  PyAttribution p;
  std::vector<std::size_t> offsets;
  auto add = [&](const TextSpan& s) {
    offsets.push_back(s.begin);
    offsets.push_back(s.end);
  };
  for (const auto& s : a.author_spans) add(s);
  add(a.outlet_span);
  add(a.place_span);
  add(a.date_span);
  add(a.excerpt_span);
  add(a.header_span);
  // byte_to_str_indices wants ascending offsets: map each on its own walk.
  std::vector<std::size_t> idx;
  idx.reserve(offsets.size());
  for (std::size_t o : offsets) idx.push_back(byte_to_str_indices(line, {o})[0]);
  std::size_t k = 0;
  auto next = [&] {
    std::pair<std::size_t, std::size_t> r{idx[k], idx[k + 1]};
    k += 2;
    return r;
  };
  for (std::size_t i = 0; i < a.author_spans.size(); ++i) p.author_spans.push_back(next());
  p.outlet_span = next();
  p.place_span = next();
  p.date_span = next();
  p.excerpt_span = next();
  p.header_span = next();
  p.a = std::move(a);
  return p;
}

py::object parse_attribution_py(const py::handle& line, const py::object& sources,
                                const py::object& languages, const py::object& order,
                                const py::object& reference) {
  Utf8 t;
  take_utf8(line, t, "line");
  LookupArg lookup(sources);
  AttributionOptions o;
  o.dates = options_of(languages, order, reference);
  std::optional<Attribution> a;
  {
    py::gil_scoped_release release;
    std::shared_lock<std::shared_mutex> lock;
    if (lookup.mu) lock = std::shared_lock<std::shared_mutex>(const_cast<std::shared_mutex&>(*lookup.mu));
    a = parse_attribution(t.view, lookup.lookup, o);
  }
  if (!a) return py::none();
  return py::cast(wrap(std::move(*a), t.view));
}

py::tuple span_tuple(const std::pair<std::size_t, std::size_t>& s) {
  return py::make_tuple(s.first, s.second);
}

void init_dates(py::module_& m) {
  py::class_<PyDateMatch>(m, "DateMatch",
                          "One date read from a text, with its calendar and span.")
      .def_property_readonly(
          "value",
          [](const PyDateMatch& p) -> py::object {
            return p.m.value ? to_value(*p.m.value) : py::object(py::none());
          },
          "date, or datetime when the text gave a time; None when ambiguous.")
      .def_property_readonly(
          "date",
          [](const PyDateMatch& p) -> py::object {
            return p.m.value ? to_date(*p.m.value) : py::object(py::none());
          },
          "The Gregorian date, None when ambiguous.")
      .def_property_readonly(
          "calendar", [](const PyDateMatch& p) { return calendar_name(p.m.written.calendar); },
          "'gregorian', 'persian' or 'islamic-umalqura': the calendar it was written in.")
      .def_property_readonly(
          "written",
          [](const PyDateMatch& p) {
            return py::make_tuple(p.m.written.year, p.m.written.month, p.m.written.day);
          },
          "(year, month, day) in that calendar.")
      .def_readonly("start", &PyDateMatch::start, "str index of the date's first character.")
      .def_readonly("end", &PyDateMatch::end, "str index one past its last character.")
      .def_property_readonly("ambiguous", [](const PyDateMatch& p) { return p.m.ambiguous; })
      .def_property_readonly(
          "readings",
          [](const PyDateMatch& p) {
            py::list l;
            for (const auto& r : p.m.readings) l.append(to_value(r));
            return l;
          },
          "Every reading when ambiguous, else [].")
      .def_property_readonly("language", [](const PyDateMatch& p) { return p.m.language; })
      .def_property_readonly("has_weekday", [](const PyDateMatch& p) { return p.m.has_weekday; })
      .def_property_readonly("weekday_mismatch",
                             [](const PyDateMatch& p) { return p.m.weekday_mismatch; })
      .def("__repr__", [](const PyDateMatch& p) {
        std::string v = p.m.value ? p.m.value->to_iso() : std::string("ambiguous");
        return "<digestcore.DateMatch " + v + " [" + std::to_string(p.start) + ":" +
               std::to_string(p.end) + "]>";
      });

  py::class_<DateParser>(m, "DateParser",
                         "A reusable date parser with fixed options. Thread-safe.")
      .def(py::init([](py::object languages, py::object order, py::object reference) {
             return DateParser(options_of(languages, order, reference));
           }),
           py::arg("languages") = py::none(), py::arg("order") = py::none(),
           py::arg("reference") = py::none())
      .def("parse_date", &parse_date_py, py::arg("text"))
      .def("parse_datetime", &parse_datetime_py, py::arg("text"))
      .def("parse_detailed", &parse_detailed_py, py::arg("text"))
      .def("find_dates", &find_dates_py, py::arg("text"));

  m.def(
      "parse_date",
      [](const py::handle& text, py::object languages, py::object order, py::object reference) {
        ParserArg p(languages, order, reference);
        return parse_date_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(),
      "The date `text` holds, as datetime.date, or None (no date, an impossible date, an "
      "ambiguous numeric date). languages: BCP 47 tags (None = all supported); order: "
      "'DMY', 'MDY' or 'YMD' for all-numeric dates; reference: the date year-less forms "
      "are read near.");
  m.def(
      "parse_datetime",
      [](const py::handle& text, py::object languages, py::object order, py::object reference) {
        ParserArg p(languages, order, reference);
        return parse_datetime_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(),
      "As parse_date, as datetime.datetime (midnight when the text has no time; aware when "
      "it has an offset or zone), or None.");
  m.def(
      "parse_date_detailed",
      [](const py::handle& text, py::object languages, py::object order, py::object reference) {
        ParserArg p(languages, order, reference);
        return parse_detailed_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(),
      "A DateMatch (calendar, span, ambiguity) or None; ambiguous readings are returned "
      "with value None.");
  m.def(
      "find_dates",
      [](const py::handle& text, py::object languages, py::object order, py::object reference) {
        ParserArg p(languages, order, reference);
        return find_dates_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(),
      "Every date inside a longer text, as DateMatch objects with str-index spans.");
  m.def(
      "to_gregorian",
      [](const std::string& calendar, int year, int month, int day) -> py::object {
        auto d = to_gregorian(CalendarDate{calendar_of(calendar), year, month, day});
        if (!d) return py::none();
        return to_date(DateTime(*d));
      },
      py::arg("calendar"), py::arg("year"), py::arg("month"), py::arg("day"),
      "The Gregorian date of a Persian or Umm al-Qura date, or None when impossible.");
  m.def(
      "from_gregorian",
      [](const py::object& date, const std::string& calendar) -> py::object {
        auto ref = reference_of(date);
        if (!ref) throw py::type_error("date must not be None");
        auto c = from_gregorian(*ref, calendar_of(calendar));
        if (!c) return py::none();
        return py::make_tuple(c->year, c->month, c->day);
      },
      py::arg("date"), py::arg("calendar"),
      "(year, month, day) of a Gregorian date in another calendar, or None out of range.");
  m.attr("DATE_LANGUAGES") = py::tuple(py::cast(supported_date_languages()));

  // ---- attribution ----
  py::class_<PyOutletLookup>(m, "OutletLookup",
                           "Anything that names known outlets (OutletList, SourceRegistry).");
  py::class_<PyOutletList, PyOutletLookup>(
      m, "OutletList",
      "Outlets by the search key of their names and aliases. Safe to share between threads: "
      "add() takes its lock exclusively, find() shares it.")
      .def(py::init([](py::object sources) {
             auto out = std::make_unique<PyOutletList>();
             LookupArg arg(sources);
             if (arg.own) out->l = std::move(*arg.own);
             return out;
           }),
           py::arg("sources") = py::none(),
           "sources: None, a dict {id: name or [names]} or an iterable of Source.")
      .def(
          "add",
          [](PyOutletList& l, Str id, Str name) {
            return nogil_exclusive(l.mu, [&] { return l.l.add(id.value, name.value); });
          },
          py::arg("id"), py::arg("name"),
          "Adds a name of outlet `id`; False when the name belongs to another id.")
      .def(
          "find",
          [](const PyOutletList& l, const py::handle& text) {
            Utf8 t;
            take_utf8(text, t, "text");
            return nogil_shared(l.mu, [&] { return l.l.find_outlet(t.view); });
          },
          py::arg("text"), "The id of the outlet `text` names, or None.")
      .def("__len__",
           [](const PyOutletList& l) { return with_shared(l.mu, [&] { return l.l.size(); }); });

  py::class_<PyAttribution>(m, "Attribution",
                            "The header of a clipping: authors, outlet, place, date, excerpt.")
      .def_property_readonly("authors", [](const PyAttribution& p) { return p.a.authors; })
      .def_property_readonly("outlet", [](const PyAttribution& p) { return p.a.outlet; })
      .def_property_readonly("source", [](const PyAttribution& p) { return p.a.source; },
                             "The registry's source id for the outlet, '' when unknown.")
      .def_property_readonly("place", [](const PyAttribution& p) { return p.a.place; })
      .def_property_readonly(
          "date",
          [](const PyAttribution& p) -> py::object {
            return p.a.date ? to_value(*p.a.date) : py::object(py::none());
          },
          "date (datetime when a time was given), None when ambiguous.")
      .def_property_readonly("excerpt", [](const PyAttribution& p) { return p.a.excerpt; })
      .def_property_readonly("method", [](const PyAttribution& p) { return p.a.method; },
                             "'registry' or 'heuristic'.")
      .def_property_readonly("author_spans",
                             [](const PyAttribution& p) {
                               py::list l;
                               for (const auto& s : p.author_spans) l.append(span_tuple(s));
                               return l;
                             })
      .def_property_readonly("outlet_span",
                             [](const PyAttribution& p) { return span_tuple(p.outlet_span); })
      .def_property_readonly("place_span",
                             [](const PyAttribution& p) { return span_tuple(p.place_span); })
      .def_property_readonly("date_span",
                             [](const PyAttribution& p) { return span_tuple(p.date_span); })
      .def_property_readonly("excerpt_span",
                             [](const PyAttribution& p) { return span_tuple(p.excerpt_span); })
      .def_property_readonly("header_span",
                             [](const PyAttribution& p) { return span_tuple(p.header_span); })
      .def("__repr__", [](const PyAttribution& p) {
        return "<digestcore.Attribution outlet='" + p.a.outlet + "'>";
      });

  m.def("parse_attribution", &parse_attribution_py, py::arg("line"),
        py::arg("sources") = py::none(), py::arg("languages") = py::none(),
        py::arg("order") = py::none(), py::arg("reference") = py::none(),
        "The attribution header of `line` ('Author, Outlet, Date:… text'), or None. sources: "
        "None, an OutletList (or SourceRegistry), a dict {id: name or [names]} or Source "
        "objects; it tells outlets from authors and places.");
  m.def(
      "apply_attribution",
      [](PyPost& post, const py::object& sources, py::object languages, py::object order,
         py::object reference) {
        post.check_writable("authors");
        LookupArg lookup(sources);
        AttributionOptions o;
        o.dates = options_of(languages, order, reference);
        if (post.coll) {
          // A collection's post: changed in place, under the collection's lock.
          py::gil_scoped_release nogil;
          LockSet locks;
          locks.exclusive(post.coll->mu);
          if (lookup.mu) locks.shared(*lookup.mu);
          locks.lock();
          return apply_attribution(post.coll->mutable_post(post.index), lookup.lookup, o);
        }
        // A standalone post: filled on a copy with the GIL released, then written back.
        Post copy = *post.own;
        bool changed;
        {
          py::gil_scoped_release nogil;
          std::shared_lock<std::shared_mutex> lock;
          if (lookup.mu)
            lock = std::shared_lock<std::shared_mutex>(const_cast<std::shared_mutex&>(*lookup.mu));
          changed = apply_attribution(copy, lookup.lookup, o);
        }
        if (changed) *post.own = std::move(copy);
        return changed;
      },
      py::arg("post"), py::arg("sources") = py::none(), py::kw_only(),
      py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(),
      "Fills the post's missing authors, source, place and published_on from an attribution "
      "line opening its excerpt (else body); the text is kept. True when a field was filled. "
      "A collection's post (a live view) is changed in the collection; a Digest's post is "
      "read-only (AttributeError). Collection.curate(fill_from_attribution=True) does this "
      "for every post of a collection.");
}

}  // namespace

DateParseOptions date_options(const py::object& languages, const py::object& order,
                              const py::object& reference) {
  return options_of(languages, order, reference);
}

DIGEST_PY_MODULE(30, init_dates);

}  // namespace digest::python
