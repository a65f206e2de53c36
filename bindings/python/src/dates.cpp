// digestcore.parse_date, parse_datetime, parse_date_detailed, find_dates,
// to_gregorian, from_gregorian, DateParser, DateMatch; parse_attribution,
// apply_attribution, Attribution, OutletList: Python bindings of
// digest::DateParser and the attribution parser. Offsets are str indices.
// Missing text (None, NaN, pandas NA) gives None, and missing option values
// mean "not given" (docs/python.md).
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "digest/attribution.hpp"
#include "digest/dates.hpp"
#include "digest/normalize.hpp"
#include "objects.hpp"

namespace digest::python {



namespace {

// Text digestcore produced from the caller's own (so possibly holding the
// bytes of a lone surrogate, encoded with surrogatepass) as a str.
py::object text_out(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogatepass");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// As text_out; None for "" (an absent part).
py::object str_or_none(std::string_view s) {
  if (s.empty()) return py::none();
  return text_out(s);
}

// The UTF-8 of a str for state restored by pickle (lone surrogates kept).
std::string text_in(py::handle o, const char* what) {
  if (o.is_none()) return {};
  if (!PyUnicode_Check(o.ptr()))
    throw py::type_error(std::string(what) + " must be str, not " + type_name(o));
  py::object b = py::reinterpret_steal<py::object>(
      PyUnicode_AsEncodedString(o.ptr(), "utf-8", "surrogatepass"));
  if (!b) throw py::error_already_set();
  return std::string(b.cast<py::bytes>());
}

// Text for HTML: markup characters as references, control characters
// (which HTML does not allow) as U+FFFD.
std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else if (c == 0xC2 && i + 1 < s.size() &&
                   static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
          out += "\xEF\xBF\xBD";  // a C1 control
          ++i;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

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

// Reads text to analyse into `out`; false when it is missing (None, NaN,
// pandas NA): the caller then returns None. Other non-str is a TypeError.
bool read_text(py::handle obj, Utf8& out, const char* what) {
  if (!PyUnicode_Check(obj.ptr())) {
    if (is_missing(obj)) return false;
    throw py::type_error(std::string(what) + " must be str (or None), not " + type_name(obj));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (data) {
    out.view = std::string_view(data, static_cast<std::size_t>(size));
    return true;
  }
  PyErr_Clear();
  out.owned = text_in(obj, what);
  out.view = out.owned;
  return true;
}

// ---- dates in and out ------------------------------------------------------

const char* order_name(DateOrder o) {
  switch (o) {
    case DateOrder::dmy: return "DMY";
    case DateOrder::mdy: return "MDY";
    case DateOrder::ymd: return "YMD";
    default: return nullptr;
  }
}

DateOrder order_of(const py::object& o) {
  if (is_missing(o)) return DateOrder::unspecified;
  std::string s = text_arg(o, "order");
  if (s == "DMY" || s == "dmy") return DateOrder::dmy;
  if (s == "MDY" || s == "mdy") return DateOrder::mdy;
  if (s == "YMD" || s == "ymd") return DateOrder::ymd;
  raise_error(ErrorCode::invalid_argument,
              "unknown order '" + s + "' (expected 'DMY', 'MDY', 'YMD' or None)", "order");
}

Date checked_date(int y, int m, int d, const char* what) {
  if (y < 1400 || y > 9999)
    raise_error(ErrorCode::invalid_argument,
                std::string(what) + ": year " + std::to_string(y) + " is out of range 1400-9999",
                what);
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

// None/NaN/NaT → nullopt; datetime.date (or datetime, pandas Timestamp) or
// an ISO 8601 str → its date; anything else TypeError.
std::optional<Date> date_of(const py::object& o, const char* what) {
  if (is_missing(o)) return std::nullopt;
  if (PyUnicode_Check(o.ptr())) {
    auto r = DateTime::from_iso(text_arg(o, what));
    if (!r.ok()) {
      Error e = r.error();
      e.code = ErrorCode::invalid_argument;
      e.field = what;
      raise_error(e);
    }
    return r->date;
  }
  if (py::isinstance(o, datetime_module().attr("date")))
    return checked_date(o.attr("year").cast<int>(), o.attr("month").cast<int>(),
                        o.attr("day").cast<int>(), what);
  throw py::type_error(std::string(what) +
                       " must be a datetime.date, an ISO 8601 str or None, not " + type_name(o));
}

std::vector<std::string> languages_of(const py::object& o) {
  if (is_missing(o)) return {};
  if (PyUnicode_Check(o.ptr())) return {text_arg(o, "languages")};
  return text_list_arg(o, "languages");
}

// The reference date into `out`, with its time of day when it has one (a
// datetime, or an ISO str with a time): the wall clock, its offset unused.
void read_reference(const py::object& o, DateParseOptions& out) {
  if (is_missing(o)) return;
  if (PyUnicode_Check(o.ptr())) {
    auto r = DateTime::from_iso(text_arg(o, "reference"));
    if (!r.ok()) {
      Error e = r.error();
      e.code = ErrorCode::invalid_argument;
      e.field = "reference";
      raise_error(e);
    }
    out.reference = r->date;
    out.reference_seconds = r->seconds;
    return;
  }
  if (py::isinstance(o, datetime_module().attr("datetime"))) {
    out.reference = checked_date(o.attr("year").cast<int>(), o.attr("month").cast<int>(),
                                 o.attr("day").cast<int>(), "reference");
    out.reference_seconds = o.attr("hour").cast<int>() * 3600 +
                            o.attr("minute").cast<int>() * 60 + o.attr("second").cast<int>();
    return;
  }
  out.reference = date_of(o, "reference");
}

// A flag option: a bool, or numpy's bool (what a boolean column holds; not
// a bool subclass); a missing value is False. Anything else is a TypeError
// rather than its truth value, so that allow_partial="no" is not True.
bool flag_of(const py::object& o, const char* what) {
  if (PyBool_Check(o.ptr())) return o.ptr() == Py_True;
  if (is_missing(o)) return false;
  py::handle type = py::type::handle_of(o);
  const std::string name = type_name(o);
  if (py::str(type.attr("__module__")).cast<std::string>() == "numpy" &&
      (name == "bool_" || name == "bool")) {
    int truth = PyObject_IsTrue(o.ptr());
    if (truth < 0) throw py::error_already_set();
    return truth == 1;
  }
  throw py::type_error(std::string(what) + " must be bool, not " + name);
}

const char* yearless_name(YearlessRule r) {
  return r == YearlessRule::nearest ? "nearest" : "past";
}

YearlessRule yearless_of(const py::object& o) {
  if (is_missing(o)) return YearlessRule::past;
  std::string s = text_arg(o, "yearless");
  if (s == "past") return YearlessRule::past;
  if (s == "nearest") return YearlessRule::nearest;
  raise_error(ErrorCode::invalid_argument,
              "unknown yearless '" + s + "' (expected 'past', 'nearest' or None)", "yearless");
}

DateParseOptions options_of(const py::object& languages, const py::object& order,
                            const py::object& reference, const py::object& allow_partial,
                            const py::object& yearless) {
  DateParseOptions o;
  o.languages = languages_of(languages);
  o.order = order_of(order);
  read_reference(reference, o);
  o.allow_partial = flag_of(allow_partial, "allow_partial");
  o.yearless = yearless_of(yearless);
  return o;
}

// The reference as given: a date, or a naive datetime when it has a time.
py::object reference_out(const DateParseOptions& o) {
  if (!o.reference) return py::none();
  if (!o.reference_seconds) return py_date(*o.reference);
  return py_datetime(*o.reference, *o.reference_seconds, std::nullopt);
}

// date when there is no time, else datetime (DateMatch.value, readings).
py::object to_value(const DateTime& dt) {
  return dt.seconds ? py_datetime(dt) : py_date(dt.date);
}

py::object date_or_none(const std::optional<DateTime>& dt) {
  return dt ? py_date(dt->date) : py::object(py::none());
}
py::object datetime_or_none(const std::optional<DateTime>& dt) {
  return dt ? py_datetime(*dt) : py::object(py::none());
}

// Pickled form of a DateTime: (year, month, day, seconds, offset minutes).
py::object dt_state(const std::optional<DateTime>& dt) {
  if (!dt) return py::none();
  auto opt = [](const std::optional<std::int32_t>& v) {
    return v ? py::object(py::int_(*v)) : py::object(py::none());
  };
  return py::make_tuple(int(dt->date.year()), int(dt->date.month()), int(dt->date.day()),
                        opt(dt->seconds), opt(dt->utc_offset_minutes));
}
std::optional<DateTime> dt_from_state(py::handle h) {
  if (h.is_none()) return std::nullopt;
  auto t = h.cast<py::tuple>();
  if (t.size() != 5) throw py::value_error("bad pickled date");
  DateTime dt(checked_date(t[0].cast<int>(), t[1].cast<int>(), t[2].cast<int>(), "date"));
  if (!t[3].is_none()) dt.seconds = t[3].cast<std::int32_t>();
  if (!t[4].is_none()) dt.utc_offset_minutes = t[4].cast<std::int32_t>();
  return dt;
}

CalendarKind calendar_of(const py::handle& o) {
  std::string s = text_arg(o, "calendar");
  if (s == "gregorian") return CalendarKind::gregorian;
  if (s == "persian" || s == "solar-hijri" || s == "jalali") return CalendarKind::persian;
  if (s == "islamic-umalqura" || s == "islamic" || s == "hijri" || s == "umalqura")
    return CalendarKind::islamic_umalqura;
  raise_error(ErrorCode::invalid_argument,
              "unknown calendar '" + s + "' (gregorian, persian, islamic-umalqura)", "calendar");
}

py::tuple calendar_state(const CalendarDate& c) {
  return py::make_tuple(calendar_name(c.calendar), c.year, c.month, c.day);
}
CalendarDate calendar_from_state(py::handle h) {
  auto t = h.cast<py::tuple>();
  if (t.size() != 4) throw py::value_error("bad pickled calendar date");
  return CalendarDate{calendar_of(t[0]), t[1].cast<int>(), t[2].cast<int>(), t[3].cast<int>()};
}

// ---- spans -----------------------------------------------------------------

using Span = std::pair<std::size_t, std::size_t>;
using OptSpan = std::optional<Span>;

// Maps byte offsets into `text` to str indices, in any order.
struct IndexMap {
  std::vector<std::size_t> bytes, indices;
  IndexMap(std::string_view text, std::vector<std::size_t> offsets) : bytes(std::move(offsets)) {
    std::sort(bytes.begin(), bytes.end());
    bytes.erase(std::unique(bytes.begin(), bytes.end()), bytes.end());
    indices = byte_to_str_indices(text, bytes);
  }
  std::size_t operator()(std::size_t byte) const {
    return indices[static_cast<std::size_t>(std::lower_bound(bytes.begin(), bytes.end(), byte) -
                                            bytes.begin())];
  }
};

py::object span_out(const OptSpan& s) {
  return s ? py::object(py::make_tuple(s->first, s->second)) : py::object(py::none());
}
OptSpan span_in(py::handle h) {
  if (h.is_none()) return std::nullopt;
  auto t = h.cast<py::tuple>();
  if (t.size() != 2) throw py::value_error("bad pickled span");
  return Span{t[0].cast<std::size_t>(), t[1].cast<std::size_t>()};
}

std::string short_repr(std::string_view s, std::size_t max_chars = 40) {
  py::object text = text_out(s);
  if (py::len(text) > max_chars)
    text = py::object(text[py::slice(0, static_cast<py::ssize_t>(max_chars), 1)]) + py::str("…");
  return py::repr(text);
}

// ---- DateMatch -------------------------------------------------------------

// A DateMatch with str-index offsets.
struct PyDateMatch {
  DateMatch m;
  std::size_t start = 0, end = 0;

  bool operator==(const PyDateMatch& o) const {
    return m.value == o.m.value && m.written == o.m.written && start == o.start &&
           end == o.end && m.ambiguous == o.m.ambiguous && m.readings == o.m.readings &&
           m.language == o.m.language && m.has_weekday == o.m.has_weekday &&
           m.weekday_mismatch == o.m.weekday_mismatch && m.time_unread == o.m.time_unread &&
           m.zone_named == o.m.zone_named && m.relative == o.m.relative &&
           m.precision == o.m.precision;
  }
};

DatePrecision precision_of(py::handle h) {
  std::string s = text_arg(h, "precision");
  for (DatePrecision p : {DatePrecision::day, DatePrecision::month, DatePrecision::year})
    if (s == precision_name(p)) return p;
  throw py::value_error("bad pickled DateMatch precision '" + s + "'");
}

std::vector<PyDateMatch> wrap_matches(std::vector<DateMatch> found, std::string_view text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(found.size() * 2);
  for (const auto& m : found) {
    offsets.push_back(m.begin);
    offsets.push_back(m.end);
  }
  IndexMap idx(text, std::move(offsets));
  std::vector<PyDateMatch> out;
  out.reserve(found.size());
  for (auto& m : found) {
    PyDateMatch p;
    p.start = idx(m.begin);
    p.end = idx(m.end);
    p.m = std::move(m);
    out.push_back(std::move(p));
  }
  return out;
}

py::tuple date_match_state(const PyDateMatch& p) {
  py::list readings;
  for (const auto& r : p.m.readings) readings.append(dt_state(r));
  return py::make_tuple(dt_state(p.m.value), calendar_state(p.m.written), p.start, p.end,
                        p.m.ambiguous, readings, p.m.language, p.m.has_weekday,
                        p.m.weekday_mismatch, p.m.time_unread, p.m.zone_named, p.m.relative,
                        precision_name(p.m.precision));
}

// 13 fields; 9 in the pickles of earlier versions (the rest at their defaults).
PyDateMatch date_match_from_state(const py::tuple& t) {
  if (t.size() != 9 && t.size() != 13) throw py::value_error("bad pickled DateMatch");
  PyDateMatch p;
  p.m.value = dt_from_state(t[0]);
  p.m.written = calendar_from_state(t[1]);
  p.start = t[2].cast<std::size_t>();
  p.end = t[3].cast<std::size_t>();
  p.m.ambiguous = t[4].cast<bool>();
  for (py::handle r : t[5].cast<py::list>()) p.m.readings.push_back(*dt_from_state(r));
  p.m.language = text_in(t[6], "language");
  p.m.has_weekday = t[7].cast<bool>();
  p.m.weekday_mismatch = t[8].cast<bool>();
  if (t.size() == 13) {
    p.m.time_unread = t[9].cast<bool>();
    p.m.zone_named = t[10].cast<bool>();
    p.m.relative = t[11].cast<bool>();
    p.m.precision = precision_of(t[12]);
  }
  return p;
}

std::string date_match_repr(const PyDateMatch& p) {
  std::string v;
  if (p.m.value) {
    v = p.m.value->to_iso();
  } else {
    v = "ambiguous:";
    for (std::size_t i = 0; i < p.m.readings.size(); ++i)
      v += (i ? " | " : " ") + p.m.readings[i].to_iso();
  }
  // Only what a reader could misread: a partial date shows its first day.
  if (p.m.precision != DatePrecision::day) v += std::string(" (") + precision_name(p.m.precision) + ")";
  return "<digestcore.DateMatch " + v + " " + calendar_name(p.m.written.calendar) + " [" +
         std::to_string(p.start) + ":" + std::to_string(p.end) + "]>";
}

// ---- parsing ---------------------------------------------------------------

const DateParser& default_parser() {
  static const DateParser* p = new DateParser();
  return *p;
}

// The parser for an option set of the module-level functions, from a cache of
// the last 16 option sets (most recent first): building a parser costs more
// than parsing a date, and a caller passes the same options call after call.
std::shared_ptr<const DateParser> cached_parser(DateParseOptions options) {
  constexpr std::size_t kKept = 16;
  static std::mutex mu;
  static std::vector<std::shared_ptr<const DateParser>> kept;
  std::lock_guard<std::mutex> lock(mu);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!(kept[i]->options() == options)) continue;
    std::rotate(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(i),
                kept.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    return kept.front();
  }
  kept.insert(kept.begin(), std::make_shared<const DateParser>(std::move(options)));
  if (kept.size() > kKept) kept.pop_back();
  return kept.front();
}

// The parser for one call of a module-level function: the default one, or
// the cached one for the call's options.
struct ParserArg {
  std::shared_ptr<const DateParser> own;
  const DateParser* parser = nullptr;
  ParserArg(const py::object& languages, const py::object& order, const py::object& reference,
            const py::object& allow_partial, const py::object& yearless) {
    if (is_missing(languages) && is_missing(order) && is_missing(reference) &&
        is_missing(yearless) && !flag_of(allow_partial, "allow_partial")) {
      parser = &default_parser();
    } else {
      own = cached_parser(options_of(languages, order, reference, allow_partial, yearless));
      parser = own.get();
    }
  }
};

py::object parse_date_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  if (!read_text(text, t, "text")) return py::none();
  return date_or_none(p.parse(t.view));
}

py::object parse_datetime_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  if (!read_text(text, t, "text")) return py::none();
  return datetime_or_none(p.parse(t.view));
}

py::object parse_detailed_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  if (!read_text(text, t, "text")) return py::none();
  auto m = p.parse_detailed(t.view);
  if (!m) return py::none();
  std::vector<DateMatch> one;
  one.push_back(std::move(*m));
  return py::cast(std::move(wrap_matches(std::move(one), t.view)[0]));
}

py::object find_dates_py(const DateParser& p, const py::handle& text) {
  Utf8 t;
  if (!read_text(text, t, "text")) return py::none();
  std::vector<DateMatch> found;
  {
    py::gil_scoped_release release;
    found = p.find_dates(t.view);
  }
  return py::cast(wrap_matches(std::move(found), t.view));
}

// (languages, order, reference, allow_partial, yearless): the constructor's
// arguments.
py::tuple parser_state(const DateParser& p) {
  const DateParseOptions& o = p.options();
  const char* order = order_name(o.order);
  return py::make_tuple(py::cast(o.languages), order ? py::object(py::str(order)) : py::none(),
                        reference_out(o), py::bool_(o.allow_partial),
                        py::str(yearless_name(o.yearless)));
}

bool same_options(const DateParser& a, const DateParser& b) { return a.options() == b.options(); }

// ---- attribution -------------------------------------------------------------

// Attribution with str-index spans; the span of an absent part is nullopt.
struct PyAttribution {
  Attribution a;  // its TextSpans are byte offsets (not shown in Python)
  std::vector<Span> author_spans;
  OptSpan outlet_span, place_span, date_span, excerpt_span;
  Span header_span{0, 0};

  bool operator==(const PyAttribution& o) const {
    return a.authors == o.a.authors && author_spans == o.author_spans && a.outlet == o.a.outlet &&
           outlet_span == o.outlet_span && a.source == o.a.source && a.place == o.a.place &&
           place_span == o.place_span && a.date == o.a.date && date_span == o.date_span &&
           a.date_ambiguous == o.a.date_ambiguous && a.written_date == o.a.written_date &&
           a.excerpt == o.a.excerpt && excerpt_span == o.excerpt_span &&
           header_span == o.header_span && a.method == o.a.method;
  }
};

PyAttribution wrap(Attribution a, std::string_view line) {
  std::vector<std::size_t> offsets;
  auto add = [&](const TextSpan& s) {
    offsets.push_back(s.begin);
    offsets.push_back(s.end);
  };
  for (const auto& s : a.author_spans) add(s);
  for (const TextSpan* s : {&a.outlet_span, &a.place_span, &a.date_span, &a.excerpt_span,
                            &a.header_span})
    add(*s);
  IndexMap idx(line, std::move(offsets));
  auto span = [&](const TextSpan& s) { return Span{idx(s.begin), idx(s.end)}; };
  auto part = [&](bool present, const TextSpan& s) -> OptSpan {
    if (!present) return std::nullopt;
    return span(s);
  };
  PyAttribution p;
  for (const auto& s : a.author_spans) p.author_spans.push_back(span(s));
  p.outlet_span = part(!a.outlet.empty(), a.outlet_span);
  p.place_span = part(!a.place.empty(), a.place_span);
  // An ambiguous date has no value but is in the line: its span is kept.
  p.date_span = part(!a.date_span.empty(), a.date_span);
  p.excerpt_span = part(!a.excerpt.empty(), a.excerpt_span);
  p.header_span = span(a.header_span);
  p.a = std::move(a);
  return p;
}

py::tuple attribution_state(const PyAttribution& p) {
  py::list spans;
  for (const auto& s : p.author_spans) spans.append(span_out(s));
  py::list authors;
  for (const auto& s : p.a.authors) authors.append(text_out(s));
  return py::make_tuple(authors, spans, text_out(p.a.outlet), span_out(p.outlet_span),
                        text_out(p.a.source), text_out(p.a.place), span_out(p.place_span),
                        dt_state(p.a.date), span_out(p.date_span), p.a.date_ambiguous,
                        calendar_state(p.a.written_date), text_out(p.a.excerpt),
                        span_out(p.excerpt_span), span_out(p.header_span), text_out(p.a.method));
}

PyAttribution attribution_from_state(const py::tuple& t) {
  if (t.size() != 15) throw py::value_error("bad pickled Attribution");
  PyAttribution p;
  for (py::handle h : t[0].cast<py::list>()) p.a.authors.push_back(text_in(h, "authors"));
  for (py::handle h : t[1].cast<py::list>()) p.author_spans.push_back(*span_in(h));
  p.a.outlet = text_in(t[2], "outlet");
  p.outlet_span = span_in(t[3]);
  p.a.source = text_in(t[4], "source");
  p.a.place = text_in(t[5], "place");
  p.place_span = span_in(t[6]);
  p.a.date = dt_from_state(t[7]);
  p.date_span = span_in(t[8]);
  p.a.date_ambiguous = t[9].cast<bool>();
  p.a.written_date = calendar_from_state(t[10]);
  p.a.excerpt = text_in(t[11], "excerpt");
  p.excerpt_span = span_in(t[12]);
  p.header_span = *span_in(t[13]);
  p.a.method = text_in(t[14], "method");
  if (p.author_spans.size() != p.a.authors.size()) throw py::value_error("bad pickled Attribution");
  return p;
}

std::string attribution_repr(const PyAttribution& p) {
  std::string out = "<digestcore.Attribution";
  if (!p.a.authors.empty()) {
    py::list authors;
    for (const auto& s : p.a.authors) authors.append(text_out(s));
    out += " authors=" + std::string(py::repr(authors));
  }
  if (!p.a.outlet.empty()) out += " outlet=" + short_repr(p.a.outlet);
  if (!p.a.source.empty()) out += " source=" + short_repr(p.a.source);
  if (!p.a.place.empty()) out += " place=" + short_repr(p.a.place);
  if (p.a.date) out += " date=" + p.a.date->to_iso();
  else if (p.a.date_ambiguous) out += " date=ambiguous";
  if (!p.a.excerpt.empty()) out += " excerpt=" + short_repr(p.a.excerpt);
  out += " method=" + std::string(py::repr(text_out(p.a.method))) + ">";
  return out;
}

// A small table of the parts present. Every value is escaped and isolated
// in <bdi>, so that neither markup nor bidi controls in a clipping leak out
// of their cell.
py::object attribution_html(const PyAttribution& p) {
  std::string out = "<table class=\"digestcore-attribution\">";
  auto row = [&](const char* label, const std::string& cell) {
    out += "<tr><th style=\"text-align:left\">";
    out += label;
    out += "</th><td style=\"text-align:left\">" + cell + "</td></tr>";
  };
  auto value = [](std::string_view s) { return "<bdi>" + html_escape(s) + "</bdi>"; };
  if (!p.a.authors.empty()) {
    std::string cell;
    for (std::size_t i = 0; i < p.a.authors.size(); ++i)
      cell += (i ? "; " : "") + value(p.a.authors[i]);
    row(p.a.authors.size() == 1 ? "author" : "authors", cell);
  }
  if (!p.a.outlet.empty()) row("outlet", value(p.a.outlet));
  if (!p.a.source.empty()) row("source", value(p.a.source));
  if (!p.a.place.empty()) row("place", value(p.a.place));
  if (p.a.date) row("date", value(p.a.date->to_iso()));
  else if (p.a.date_ambiguous) row("date", "ambiguous");
  if (!p.a.excerpt.empty()) row("excerpt", value(p.a.excerpt));
  row("method", value(p.a.method));
  out += "</table>";
  // A lone surrogate of the line shows as U+FFFD: HTML has no form for it.
  PyObject* html = PyUnicode_DecodeUTF8(out.data(), static_cast<Py_ssize_t>(out.size()), "replace");
  if (!html) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(html);
}

// ---- outlet lists ------------------------------------------------------------

// digestcore.OutletList. SimpleOutletList cannot list what it holds, so the
// names it accepted are kept beside it (by search key) for pickling and ==.
struct OutletNames final : PyOutletLookup {
  SimpleOutletList l;
  std::map<std::string, std::string> ids;  // search key → outlet id, as in `l`
  const OutletLookup& lookup() const override { return l; }

  // The caller holds mu exclusively.
  bool add(std::string_view id, std::string_view name) {
    if (!l.add(id, name)) return false;
    auto key = Normalizer::shared().search_key(name);
    if (key.ok()) ids.emplace(std::move(key).value(), std::string(id));
    return true;
  }
};

// The `sources` argument with a missing value as None. An OutletLookup is
// not asked whether it equals itself (that would compare it whole).
py::object sources_arg(const py::object& sources) {
  if (py::isinstance<PyOutletLookup>(sources) || py::isinstance<py::dict>(sources)) return sources;
  return is_missing(sources) ? py::object(py::none()) : sources;
}

// The (id, name) pairs of OutletList's `sources` argument, read with the GIL.
std::vector<std::pair<std::string, std::string>> names_of(const py::object& sources) {
  std::vector<std::pair<std::string, std::string>> out;
  if (sources_arg(sources).is_none()) return out;
  if (py::isinstance<py::dict>(sources)) {
    for (auto [key, names] : sources.cast<py::dict>()) {
      std::string id = text_arg(key, "sources key (outlet id)");
      if (PyUnicode_Check(names.ptr())) {
        out.emplace_back(id, text_arg(names, "sources name"));
      } else {
        for (auto& n : text_list_arg(names, "sources names")) out.emplace_back(id, std::move(n));
      }
      out.emplace_back(id, id);  // the id names its outlet too
    }
    return out;
  }
  if (PyUnicode_Check(sources.ptr()) || !py::isinstance<py::iterable>(sources))
    throw py::type_error("sources must be None, a dict {id: name or [names]} or an iterable of "
                         "digestcore.Source, not " + type_name(sources));
  for (py::handle h : sources) {
    if (!py::isinstance<PySource>(h))
      throw py::type_error("sources must hold digestcore.Source objects, not " + type_name(h));
    const Source& s = h.cast<const PySource&>().s;
    out.emplace_back(s.id, s.name);
    out.emplace_back(s.id, s.id);
    for (const auto& a : s.aliases) out.emplace_back(s.id, a);
  }
  return out;
}

std::unique_ptr<OutletNames> outlets_from(const std::vector<std::pair<std::string, std::string>>& names) {
  auto out = std::make_unique<OutletNames>();
  for (const auto& [id, name] : names) out->add(id, name);
  return out;
}

void init_dates(py::module_& m) {
  py::class_<PyDateMatch>(
      m, "DateMatch",
      "One date read from a text (parse_date_detailed, find_dates): its value, the calendar "
      "and language it was written in, its str-index span, and whether it is ambiguous. "
      "Picklable; equal when every field is.")
      .def_property_readonly(
          "value",
          [](const PyDateMatch& p) -> py::object {
            return p.m.value ? to_value(*p.m.value) : py::object(py::none());
          },
          "datetime.date, or datetime.datetime when the text gave a time; None when ambiguous. "
          "For one type, read .date or .datetime.")
      .def_property_readonly(
          "date", [](const PyDateMatch& p) { return date_or_none(p.m.value); },
          "The Gregorian datetime.date; None when ambiguous.")
      .def_property_readonly(
          "datetime", [](const PyDateMatch& p) { return datetime_or_none(p.m.value); },
          "As a datetime.datetime (midnight when the text has no time, aware when it gives an "
          "offset or zone); None when ambiguous.")
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
      .def_property_readonly(
          "ambiguous", [](const PyDateMatch& p) { return p.m.ambiguous; },
          "True when two or more readings fit (03/04/2021 without an order).")
      .def_property_readonly(
          "readings",
          [](const PyDateMatch& p) {
            py::list l;
            for (const auto& r : p.m.readings) l.append(to_value(r));
            return l;
          },
          "Every reading when ambiguous (date, or datetime with a time), else [].")
      .def_property_readonly(
          "language", [](const PyDateMatch& p) { return str_or_none(p.m.language); },
          "Language of the month or weekday name read ('en', 'fa', ...); None for numeric "
          "forms.")
      .def_property_readonly(
          "has_weekday", [](const PyDateMatch& p) { return p.m.has_weekday; },
          "True when the text named a weekday.")
      .def_property_readonly(
          "weekday_mismatch", [](const PyDateMatch& p) { return p.m.weekday_mismatch; },
          "True when the weekday named does not fall on the date (the date is still given).")
      .def_property_readonly(
          "precision", [](const PyDateMatch& p) { return precision_name(p.m.precision); },
          "'day', or for a partial date (allow_partial=True) 'month' ('August 2021': the "
          "value is the 1st) or 'year' ('2021': January 1st).")
      .def_property_readonly(
          "relative", [](const PyDateMatch& p) { return p.m.relative; },
          "True when read against the reference ('yesterday', '3 hours ago', 'last Monday').")
      .def_property_readonly(
          "time_unread", [](const PyDateMatch& p) { return p.m.time_unread; },
          "True when a time or zone next to the date could not be read ('15:15 XYZT'): the "
          "date is given without what was not read (there, the offset).")
      .def_property_readonly(
          "zone_named", [](const PyDateMatch& p) { return p.m.zone_named; },
          "True when the UTC offset came from a zone name ('ET', 'Asia/Tehran') at this date "
          "rather than a fixed offset.")
      .def(
          "__eq__",
          [](const PyDateMatch& a, const py::object& o) -> py::object {
            if (!py::isinstance<PyDateMatch>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == o.cast<const PyDateMatch&>());
          },
           DG_SIG("__eq__(self, other, /)", "True when every field is equal."))
      .def("__repr__", &date_match_repr, DG_SIG("__repr__(self)", "The value, calendar and span."))
      .def(py::pickle(&date_match_state, &date_match_from_state));

  py::class_<DateParser>(
      m, "DateParser",
      DG_SIG("DateParser(languages=None, order=None, reference=None, *, allow_partial=False, "
             "yearless=None)",
             "A reusable date parser with fixed options (those of parse_date). Thread-safe; "
             "picklable; equal when the options are."))
      .def(py::init([](const py::object& languages, const py::object& order,
                       const py::object& reference, const py::object& allow_partial,
                       const py::object& yearless) {
             return DateParser(options_of(languages, order, reference, allow_partial, yearless));
           }),
           py::arg("languages") = py::none(), py::arg("order") = py::none(),
           py::arg("reference") = py::none(), py::kw_only(), py::arg("allow_partial") = false,
           py::arg("yearless") = py::none(),
           DG_SIG("__init__(self, languages=None, order=None, reference=None, *, "
                  "allow_partial=False, yearless=None)",
                  "languages: a BCP 47 tag or a list of them (None: every supported "
                  "language); order: 'DMY', 'MDY' or 'YMD' for all-numeric dates (None: "
                  "decide from the numbers); reference: the datetime.date, datetime.datetime "
                  "or ISO str that relative and year-less forms are read against (None: they "
                  "are no date), whose time of day (a datetime, or an ISO str with a time) "
                  "'3 hours ago' needs; allow_partial: read 'August 2021' and '2021' (see "
                  "DateMatch.precision); yearless: 'past' (the default: the latest on or "
                  "before the reference) or 'nearest' for year-less dates. NaN and pandas "
                  "NaT/NA count as None."))
      .def_property_readonly(
          "languages", [](const DateParser& p) { return p.options().languages; },
          "The language tags given ([] for every supported language).")
      .def_property_readonly(
          "order",
          [](const DateParser& p) -> py::object {
            const char* o = order_name(p.options().order);
            return o ? py::object(py::str(o)) : py::object(py::none());
          },
          "'DMY', 'MDY', 'YMD', or None.")
      .def_property_readonly(
          "reference", [](const DateParser& p) { return reference_out(p.options()); },
          "The reference: a datetime.date, a naive datetime.datetime when its time of day "
          "was given, or None.")
      .def_property_readonly(
          "allow_partial", [](const DateParser& p) { return p.options().allow_partial; },
          "True when month-year and year-only dates are read.")
      .def_property_readonly(
          "yearless", [](const DateParser& p) { return yearless_name(p.options().yearless); },
          "'past' or 'nearest': where a year-less date falls relative to the reference.")
      .def("parse_date", &parse_date_py, py::arg("text"),
           DG_SIG("parse_date(self, text)", "As digestcore.parse_date with this parser's options."))
      .def("parse_datetime", &parse_datetime_py, py::arg("text"),
           DG_SIG("parse_datetime(self, text)",
                  "As digestcore.parse_datetime with this parser's options."))
      .def("parse_detailed", &parse_detailed_py, py::arg("text"),
           DG_SIG("parse_detailed(self, text)",
                  "As digestcore.parse_date_detailed with this parser's options."))
      .def("find_dates", &find_dates_py, py::arg("text"),
           DG_SIG("find_dates(self, text)", "As digestcore.find_dates with this parser's options."))
      .def(
          "__eq__",
          [](const DateParser& a, const py::object& o) -> py::object {
            if (!py::isinstance<DateParser>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(same_options(a, o.cast<const DateParser&>()));
          },
           DG_SIG("__eq__(self, other, /)", "True when the options are equal."))
      .def(
          "__repr__",
          [](const DateParser& p) {
            py::tuple s = parser_state(p);
            return "DateParser(languages=" + std::string(py::repr(s[0])) +
                   ", order=" + std::string(py::repr(s[1])) +
                   ", reference=" + std::string(py::repr(s[2])) +
                   ", allow_partial=" + std::string(py::repr(s[3])) +
                   ", yearless=" + std::string(py::repr(s[4])) + ")";
          },
          DG_SIG("__repr__(self)", "The constructor call that makes this parser."))
      .def(py::pickle(&parser_state, [](const py::tuple& t) {
        // 3 fields in the pickles of earlier versions.
        if (t.size() == 3)
          return DateParser(options_of(t[0], t[1], t[2], py::bool_(false), py::none()));
        if (t.size() != 5) throw py::value_error("bad pickled DateParser");
        return DateParser(options_of(t[0], t[1], t[2], t[3], t[4]));
      }));

  m.def(
      "parse_date",
      [](const py::handle& text, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& allow_partial,
         const py::object& yearless) {
        ParserArg p(languages, order, reference, allow_partial, yearless);
        return parse_date_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(), py::kw_only(), py::arg("allow_partial") = false,
      py::arg("yearless") = py::none(),
      DG_SIG("parse_date(text, languages=None, order=None, reference=None, *, allow_partial=False, "
             "yearless=None)",
             "The date `text` holds, as a datetime.date (any time in the text is dropped), or "
             "None: no date, an impossible or ambiguous one, or missing text (None, NaN, pandas "
             "NA). languages: a BCP 47 tag or a list of them (None = every supported one); "
             "order: 'DMY', 'MDY' or 'YMD' for all-numeric dates; reference: a datetime.date, "
             "datetime.datetime or ISO str that relative ('yesterday') and year-less forms are "
             "read against ('3 hours ago' needs its time of day: a datetime, or an ISO str "
             "with a time); allow_partial: read 'August 2021' and '2021' as their first day; "
             "yearless: 'past' (default) or 'nearest', where a year-less date falls relative "
             "to the reference. Missing option values count as None."));
  m.def(
      "parse_datetime",
      [](const py::handle& text, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& allow_partial,
         const py::object& yearless) {
        ParserArg p(languages, order, reference, allow_partial, yearless);
        return parse_datetime_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(), py::kw_only(), py::arg("allow_partial") = false,
      py::arg("yearless") = py::none(),
      DG_SIG("parse_datetime(text, languages=None, order=None, reference=None, *, allow_partial=False, "
             "yearless=None)",
             "As parse_date, always as a datetime.datetime: midnight when the text has no "
             "time; aware (a fixed-offset tzinfo) when it gives an offset or zone, naive "
             "otherwise. None as for parse_date."));
  m.def(
      "parse_date_detailed",
      [](const py::handle& text, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& allow_partial,
         const py::object& yearless) {
        ParserArg p(languages, order, reference, allow_partial, yearless);
        return parse_detailed_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(), py::kw_only(), py::arg("allow_partial") = false,
      py::arg("yearless") = py::none(),
      DG_SIG("parse_date_detailed(text, languages=None, order=None, reference=None, *, allow_partial=False, "
             "yearless=None)",
             "A DateMatch (value, calendar, language, span, ambiguity) or None; an ambiguous "
             "date is returned with value None and its readings."));
  m.def(
      "find_dates",
      [](const py::handle& text, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& allow_partial,
         const py::object& yearless) {
        ParserArg p(languages, order, reference, allow_partial, yearless);
        return find_dates_py(*p.parser, text);
      },
      py::arg("text"), py::arg("languages") = py::none(), py::arg("order") = py::none(),
      py::arg("reference") = py::none(), py::kw_only(), py::arg("allow_partial") = false,
      py::arg("yearless") = py::none(),
      DG_SIG("find_dates(text, languages=None, order=None, reference=None, *, allow_partial=False, "
             "yearless=None)",
             "Every date inside a longer text, in order, as DateMatch objects with str-index "
             "spans (ambiguous ones included); None for missing text. The GIL is released."));
  m.def(
      "to_gregorian",
      [](const py::handle& calendar, int year, int month, int day) -> py::object {
        auto d = to_gregorian(CalendarDate{calendar_of(calendar), year, month, day});
        if (!d) return py::none();
        return py_date(*d);
      },
      py::arg("calendar"), py::arg("year"), py::arg("month"), py::arg("day"),
      DG_SIG("to_gregorian(calendar, year, month, day)",
             "The Gregorian datetime.date of a date in `calendar` ('persian', "
             "'islamic-umalqura' or 'gregorian'), or None when there is no such date."));
  m.def(
      "from_gregorian",
      [](const py::object& date, const py::handle& calendar) -> py::object {
        CalendarKind kind = calendar_of(calendar);
        auto d = date_of(date, "date");
        if (!d) return py::none();
        auto c = from_gregorian(*d, kind);
        if (!c) return py::none();
        return py::make_tuple(c->year, c->month, c->day);
      },
      py::arg("date"), py::arg("calendar"),
      DG_SIG("from_gregorian(date, calendar)",
             "(year, month, day) of a datetime.date (or ISO str) in `calendar`; None when out "
             "of the calendar's range or when date is missing (None, NaN, NaT)."));
  m.attr("DATE_LANGUAGES") = py::tuple(py::cast(supported_date_languages()));

  // ---- attribution ----
  py::class_<PyOutletLookup>(
      m, "OutletLookup",
      "Anything that names known outlets for parse_attribution (OutletList, "
      "SourceRegistry). Not made directly.");
  py::class_<OutletNames, PyOutletLookup>(
      m, "OutletList",
      DG_SIG("OutletList(sources=None)",
             "Outlets by the search key of their names and aliases: the minimal registry for "
             "parse_attribution. Safe to share between threads: add() takes its lock "
             "exclusively, find() shares it. Picklable; equal when the same names lead to "
             "the same outlets."))
      .def(py::init([](const py::object& sources) { return outlets_from(names_of(sources)); }),
           py::arg("sources") = py::none(),
           DG_SIG("__init__(self, sources=None)",
                  "sources: None, a dict {id: name or [names]} or an iterable of Source (its "
                  "name, id and aliases). Each id names its own outlet too."))
      .def(
          "add",
          [](OutletNames& l, Str id, Str name) {
            return nogil_exclusive(l.mu, [&] { return l.add(id.value, name.value); });
          },
          py::arg("id"), py::arg("name"),
          DG_SIG("add(self, id, name)",
                 "Adds a name of outlet `id`; False when the name belongs to another id (it "
                 "keeps its first owner) or has no letters or digits."))
      .def(
          "find",
          [](const OutletNames& l, const py::handle& text) -> py::object {
            Utf8 t;
            if (!read_text(text, t, "text")) return py::none();
            auto id = nogil_shared(l.mu, [&] { return l.l.find_outlet(t.view); });
            return id ? text_out(*id) : py::object(py::none());
          },
          py::arg("text"),
          DG_SIG("find(self, text)",
                 "The id of the outlet `text` names (compared by search key), or None."))
      .def(
          "__len__", [](const OutletNames& l) { return with_shared(l.mu, [&] { return l.ids.size(); }); },
          DG_SIG("__len__(self)", "The number of names (distinct search keys)."))
      .def(
          "__eq__",
          [](const OutletNames& a, const py::object& o) -> py::object {
            if (!py::isinstance<OutletNames>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const auto& b = o.cast<const OutletNames&>();
            bool same;
            {
              py::gil_scoped_release nogil;
              LockSet locks;
              locks.shared(a.mu).shared(b.mu);
              locks.lock();
              same = a.ids == b.ids;
            }
            return py::bool_(same);
          },
           DG_SIG("__eq__(self, other, /)", "True when both hold the same names for the same ids."))
      .def(
          "__repr__",
          [](const OutletNames& l) {
            auto [names, outlets] = with_shared(l.mu, [&] {
              std::map<std::string_view, int> distinct;
              for (const auto& [key, id] : l.ids) distinct[id] = 1;
              return std::make_pair(l.ids.size(), distinct.size());
            });
            return "<digestcore.OutletList " + std::to_string(outlets) +
                   (outlets == 1 ? " outlet, " : " outlets, ") + std::to_string(names) +
                   (names == 1 ? " name>" : " names>");
          },
          DG_SIG("__repr__(self)", "How many outlets and names it holds."))
      .def(py::pickle(
          [](const OutletNames& l) {
            auto pairs = with_shared(l.mu, [&] {
              return std::vector<std::pair<std::string, std::string>>(l.ids.begin(), l.ids.end());
            });
            py::list out;
            for (const auto& [key, id] : pairs) out.append(py::make_tuple(text_out(id), text_out(key)));
            return py::make_tuple(out);
          },
          [](const py::tuple& t) {
            if (t.size() != 1 || !py::isinstance<py::list>(t[0]))
              throw py::value_error("bad pickled OutletList");
            std::vector<std::pair<std::string, std::string>> names;
            for (py::handle h : t[0].cast<py::list>()) {
              if (!py::isinstance<py::tuple>(h) || py::len(h) != 2)
                throw py::value_error("bad pickled OutletList");
              auto pair = h.cast<py::tuple>();
              names.emplace_back(text_in(pair[0], "id"), text_in(pair[1], "name"));
            }
            return outlets_from(names);  // keys are their own keys: search_key is idempotent
          }));

  py::class_<PyAttribution>(
      m, "Attribution",
      "The header of a clipping, from parse_attribution: authors, outlet (and its registry "
      "source id), place, date and excerpt, each with its str-index span in the line. A part "
      "the line does not have is None, and so is its span. Picklable; shows as a table in "
      "notebooks.")
      .def_property_readonly(
          "authors",
          [](const PyAttribution& p) {
            py::list l;
            for (const auto& s : p.a.authors) l.append(text_out(s));
            return l;
          },
          "The authors as written, without 'By'; [] when none.")
      .def_property_readonly(
          "outlet", [](const PyAttribution& p) { return str_or_none(p.a.outlet); },
          "The outlet as written, or None.")
      .def_property_readonly(
          "source", [](const PyAttribution& p) { return str_or_none(p.a.source); },
          "The registry's source id for the outlet; None when no registry knew it.")
      .def_property_readonly(
          "place", [](const PyAttribution& p) { return str_or_none(p.a.place); },
          "The place (dateline) as written, or None.")
      .def_property_readonly(
          "date", [](const PyAttribution& p) { return date_or_none(p.a.date); },
          "The datetime.date; None when the date is ambiguous (see date_ambiguous).")
      .def_property_readonly(
          "datetime", [](const PyAttribution& p) { return datetime_or_none(p.a.date); },
          "The date as a datetime.datetime (midnight when the line gives no time; aware when "
          "it gives an offset or zone); None when ambiguous.")
      .def_property_readonly(
          "date_ambiguous", [](const PyAttribution& p) { return p.a.date_ambiguous; },
          "True when the line's date has two readings (date is None, date_span is set).")
      .def_property_readonly(
          "excerpt", [](const PyAttribution& p) { return str_or_none(p.a.excerpt); },
          "The text after the header's separator, or None when there is none.")
      .def_property_readonly(
          "method", [](const PyAttribution& p) { return text_out(p.a.method); },
          "'registry' when the registry named the outlet, else 'heuristic'.")
      .def_property_readonly(
          "author_spans",
          [](const PyAttribution& p) {
            py::list l;
            for (const auto& s : p.author_spans) l.append(span_out(s));
            return l;
          },
          "(start, end) str indices of each author, in the order of authors.")
      .def_property_readonly(
          "outlet_span", [](const PyAttribution& p) { return span_out(p.outlet_span); },
          "(start, end) of the outlet, or None.")
      .def_property_readonly(
          "place_span", [](const PyAttribution& p) { return span_out(p.place_span); },
          "(start, end) of the place, or None.")
      .def_property_readonly(
          "date_span", [](const PyAttribution& p) { return span_out(p.date_span); },
          "(start, end) of the date (set even when it is ambiguous).")
      .def_property_readonly(
          "excerpt_span", [](const PyAttribution& p) { return span_out(p.excerpt_span); },
          "(start, end) of the excerpt, or None.")
      .def_property_readonly(
          "header_span", [](const PyAttribution& p) { return span_out(p.header_span); },
          "(start, end) from the line's start to the end of the separator.")
      .def(
          "__eq__",
          [](const PyAttribution& a, const py::object& o) -> py::object {
            if (!py::isinstance<PyAttribution>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a == o.cast<const PyAttribution&>());
          },
           DG_SIG("__eq__(self, other, /)", "True when every part and span is equal."))
      .def("__repr__", &attribution_repr,
           DG_SIG("__repr__(self)", "Every part present: authors, outlet, source, place, date, "
                                    "excerpt (shortened) and method."))
      .def("_repr_html_", &attribution_html,
           DG_SIG("_repr_html_(self)", "The parts present as an HTML table (for notebooks); "
                                       "every value escaped and bidi-isolated."))
      .def(py::pickle(&attribution_state, &attribution_from_state));

  m.def(
      "parse_attribution",
      [](const py::handle& line, const py::object& sources, const py::object& languages,
         const py::object& order, const py::object& reference) -> py::object {
        Utf8 t;
        if (!read_text(line, t, "line")) return py::none();
        LookupArg lookup(sources_arg(sources));
        AttributionOptions o;
        o.dates = date_options(languages, order, reference);
        std::optional<Attribution> a;
        {
          py::gil_scoped_release release;
          std::shared_lock<std::shared_mutex> lock;
          if (lookup.mu)
            lock = std::shared_lock<std::shared_mutex>(const_cast<std::shared_mutex&>(*lookup.mu));
          a = parse_attribution(t.view, lookup.lookup, o);
        }
        if (!a) return py::none();
        return py::cast(wrap(std::move(*a), t.view));
      },
      py::arg("line"), py::arg("sources") = py::none(), py::arg("languages") = py::none(),
      py::arg("order") = py::none(), py::arg("reference") = py::none(),
      DG_SIG("parse_attribution(line, sources=None, languages=None, order=None, reference=None)",
             "The Attribution of the header `line` opens with ('Author, Outlet, Place, Date:… "
             "text'), or None (no header, or missing line). sources: None, an OutletList or "
             "SourceRegistry, a dict {id: name or [names]} or Source objects; it tells outlets "
             "from authors and places. languages, order, reference: as for parse_date."));
  m.def(
      "apply_attribution",
      [](PyPost& post, const py::object& sources, const py::object& languages,
         const py::object& order, const py::object& reference) {
        post.check_writable("authors");
        LookupArg lookup(sources_arg(sources));
        AttributionOptions o;
        o.dates = date_options(languages, order, reference);
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
      DG_SIG("apply_attribution(post, sources=None, *, languages=None, order=None, reference=None)",
             "Fills the post's missing authors, source, place and published_on from an "
             "attribution line opening its excerpt (else body); the text is kept. True when a "
             "field was filled. A collection's post (a live view) is changed in the "
             "collection; a Digest's post is read-only (AttributeError). "
             "Collection.curate(fill_from_attribution=True) does this for every post of a "
             "collection."));

  for (const char* name : {"DateMatch", "DateParser", "OutletList", "Attribution"})
    pickle_any_protocol(m.attr(name));
}

}  // namespace

DateParseOptions date_options(const py::object& languages, const py::object& order,
                              const py::object& reference) {
  return options_of(languages, order, reference, py::bool_(false), py::none());
}

py::object attribution_object(Attribution a, std::string_view line) {
  return py::cast(wrap(std::move(a), line));
}

DIGEST_PY_MODULE(30, init_dates);

}  // namespace digest::python
