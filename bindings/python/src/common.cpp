// Helpers shared by the binding files: arguments (text, lists, paths,
// dates), the `sources` argument of the attribution calls, and the
// read-only rules of Post and Source objects.
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "bindings.hpp"
#include "objects.hpp"

#include <datetime.h>  // after Python.h (bindings.hpp)

namespace digest::python {

std::string type_name(py::handle obj) {
  return py::str(py::type::handle_of(obj).attr("__name__"));
}

std::string text_arg(py::handle obj, const char* what) {
  if (!PyUnicode_Check(obj.ptr()))
    throw py::type_error(std::string(what ? what : "argument") + " must be str, not " +
                         type_name(obj));
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (data) return std::string(data, static_cast<std::size_t>(size));
  PyErr_Clear();
  // Only a lone surrogate makes a str impossible to encode as UTF-8.
  std::string where = what ? std::string() : std::string(" in a str argument");
  const Py_ssize_t n = PyUnicode_GET_LENGTH(obj.ptr());
  for (Py_ssize_t i = 0; i < n; ++i) {
    Py_UCS4 ch = PyUnicode_READ_CHAR(obj.ptr(), i);
    if (ch >= 0xD800 && ch <= 0xDFFF) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(ch));
      raise_error(ErrorCode::invalid_argument,
                  std::string("lone surrogate ") + code + " at str index " + std::to_string(i) +
                      where + " is not text (it has no UTF-8 form)",
                  what ? what : "");
    }
  }
  raise_error(ErrorCode::invalid_argument, "str cannot be encoded as UTF-8" + where,
              what ? what : "");
}

bool is_missing(py::handle obj) {
  if (obj.is_none()) return true;
  if (PyUnicode_Check(obj.ptr()) || PyLong_Check(obj.ptr())) return false;
  if (PyFloat_Check(obj.ptr())) return std::isnan(PyFloat_AS_DOUBLE(obj.ptr()));
  // Scalars only: a Series or an array is a value, not a missing one.
  std::string type = type_name(obj);
  if (type == "NAType" || type == "NaTType") return true;
  if (type.rfind("float", 0) != 0 && type != "datetime64" && type != "timedelta64") return false;
  // numpy's float32/float16 NaN and NaT: unequal to themselves. Not
  // PyObject_RichCompareBool, which answers "equal" for an object and itself
  // without asking it.
  PyObject* ne = PyObject_RichCompare(obj.ptr(), obj.ptr(), Py_NE);
  if (!ne) {
    PyErr_Clear();
    return false;
  }
  int truth = PyObject_IsTrue(ne);
  Py_DECREF(ne);
  if (truth < 0) PyErr_Clear();
  return truth == 1;
}

std::string optional_text_arg(py::handle obj, const char* what) {
  if (!PyUnicode_Check(obj.ptr()) && is_missing(obj)) return {};
  return text_arg(obj, what);
}

py::object text_or_none(std::string_view s) {
  if (s.empty()) return py::none();
  return py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogateescape"));
}

std::vector<std::string> text_list_arg(py::handle obj, const char* what) {
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()))
    throw py::type_error(std::string(what) + " must be a list of str, not " + type_name(obj));
  std::vector<std::string> out;
  PyObject* it = PyObject_GetIter(obj.ptr());
  if (!it) {
    PyErr_Clear();
    throw py::type_error(std::string(what) + " must be a list of str, not " + type_name(obj));
  }
  py::object iter = py::reinterpret_steal<py::object>(it);
  std::size_t i = 0;
  while (PyObject* item = PyIter_Next(iter.ptr())) {
    py::object hold = py::reinterpret_steal<py::object>(item);
    std::string name = std::string(what) + "[" + std::to_string(i++) + "]";
    out.push_back(text_arg(hold, name.c_str()));
  }
  if (PyErr_Occurred()) throw py::error_already_set();
  return out;
}

std::string path_arg(py::handle obj, const char* what) {
  static py::object* fsencode = new py::object(py::module_::import("os").attr("fsencode"));
  py::object b;
  try {
    b = (*fsencode)(obj);
  } catch (py::error_already_set& e) {
    if (e.matches(PyExc_TypeError))
      throw py::type_error(std::string(what) + " must be str, bytes or os.PathLike, not " +
                           type_name(obj));
    throw;
  }
  return std::string(b.cast<py::bytes>());
}

// Gives a class with py::pickle a __reduce_ex__ that works for every pickle
// protocol: pybind11's own needs protocol 2 or later, and protocols 0 and 1
// abort the interpreter.
void pickle_any_protocol(py::handle cls) {
  static py::object* newobj = new py::object(py::module_::import("copyreg").attr("__newobj__"));
  py::setattr(cls, "__reduce_ex__",
              py::cpp_function(
                  [](py::handle self, py::handle) {
                    return py::make_tuple(*newobj, py::make_tuple(py::type::handle_of(self)),
                                          self.attr("__getstate__")());
                  },
                  py::name("__reduce_ex__"), py::is_method(cls), py::arg("protocol"),
                  DG_SIG("__reduce_ex__(self, protocol)",
                         "Pickle support: (copyreg.__newobj__, (type,), state), any protocol.")));
}

// ---- dates -----------------------------------------------------------------

namespace {

py::object& datetime_module() {
  static py::object* m = new py::object(py::module_::import("datetime"));
  return *m;
}

int int_attr(py::handle o, const char* name) {
  py::object v = o.attr(name);
  if (!PyLong_Check(v.ptr()))
    throw py::type_error(std::string("date field '") + name + "' is not an int");
  return v.cast<int>();
}

Date checked_date(int y, int m, int d, const char* what) {
  if (y < 1400 || y > 9999)
    raise_error(ErrorCode::invalid_argument,
                std::string(what) + ": year " + std::to_string(y) + " is out of range 1400-9999",
                what);
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

}  // namespace

// Dates and datetimes are made with the datetime module's C API (one call
// each, no attribute lookups); a timezone per offset is made once.
namespace {

PyDateTime_CAPI* datetime_api() {
  if (!PyDateTimeAPI) {
    PyDateTime_IMPORT;
    if (!PyDateTimeAPI) throw py::error_already_set();
  }
  return PyDateTimeAPI;
}

py::object steal_or_throw(PyObject* o) {
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// A datetime.timezone of `minutes` east of UTC; cached (the GIL guards the
// cache; it lives as long as the process).
PyObject* timezone_of(int minutes) {
  static auto* zones = new std::unordered_map<int, py::object>();
  auto it = zones->find(minutes);
  if (it != zones->end()) return it->second.ptr();
  datetime_api();
  py::object delta = steal_or_throw(PyDelta_FromDSU(0, minutes * 60, 0));
  py::object tz = minutes == 0 ? py::reinterpret_borrow<py::object>(PyDateTime_TimeZone_UTC)
                               : steal_or_throw(PyTimeZone_FromOffset(delta.ptr()));
  return zones->emplace(minutes, std::move(tz)).first->second.ptr();
}

}  // namespace

py::object py_date(const Date& d) {
  PyDateTime_CAPI* api = datetime_api();
  return steal_or_throw(api->Date_FromDate(d.year(), d.month(), d.day(), api->DateType));
}

py::object py_datetime(const Date& d, int seconds, std::optional<int> offset_minutes) {
  PyDateTime_CAPI* api = datetime_api();
  PyObject* tz = offset_minutes ? timezone_of(*offset_minutes) : Py_None;
  return steal_or_throw(api->DateTime_FromDateAndTime(d.year(), d.month(), d.day(),
                                                      seconds / 3600, (seconds / 60) % 60,
                                                      seconds % 60, 0, tz, api->DateTimeType));
}

py::object py_datetime(const DateTime& dt) {
  return py_datetime(dt.date, dt.seconds.value_or(0), dt.utc_offset_minutes);
}

py::object datetime_to_python(const std::optional<DateTime>& dt) {
  if (!dt) return py::none();
  // A date with an offset but no time cannot be a datetime.date: midnight.
  if (!dt->seconds && !dt->utc_offset_minutes) return py_date(dt->date);
  return py_datetime(*dt);
}

py::object utc_datetime_to_python(const std::optional<DateTime>& dt) {
  if (!dt) return py::none();
  py::object local = py_datetime(dt->date, dt->seconds.value_or(0), 0);
  const int off = dt->utc_offset_minutes.value_or(0);
  if (off == 0 || !dt->seconds) return local;  // a date alone is that day, midnight UTC
  py::object delta = steal_or_throw(PyDelta_FromDSU(0, off * 60, 0));
  return steal_or_throw(PyNumber_Subtract(local.ptr(), delta.ptr()));
}

std::optional<DateTime> datetime_from_python(py::handle o, const char* what) {
  if (o.is_none()) return std::nullopt;
  if (PyUnicode_Check(o.ptr())) {
    auto r = DateTime::from_iso(text_arg(o, what));
    if (!r.ok()) {
      Error e = r.error();
      e.field = what;
      raise_error(e);
    }
    return *r;
  }
  // NaN and pandas' NaT are "missing", like None: both are unequal to themselves.
  if (PyFloat_Check(o.ptr())) {
    if (std::isnan(PyFloat_AS_DOUBLE(o.ptr()))) return std::nullopt;
  } else {
    // Not PyObject_RichCompareBool: it answers "equal" for an object and
    // itself without asking the object.
    PyObject* ne = PyObject_RichCompare(o.ptr(), o.ptr(), Py_NE);
    if (!ne) throw py::error_already_set();
    int truth = PyObject_IsTrue(ne);
    Py_DECREF(ne);
    if (truth < 0) throw py::error_already_set();
    if (truth == 1) return std::nullopt;
  }
  py::object& m = datetime_module();
  if (py::isinstance(o, m.attr("datetime"))) {
    DateTime dt(checked_date(int_attr(o, "year"), int_attr(o, "month"), int_attr(o, "day"), what));
    dt.seconds = int_attr(o, "hour") * 3600 + int_attr(o, "minute") * 60 + int_attr(o, "second");
    py::object off = o.attr("utcoffset")();
    if (!off.is_none())
      dt.utc_offset_minutes = static_cast<int>(off.attr("total_seconds")().cast<double>() / 60);
    return dt;
  }
  if (py::isinstance(o, m.attr("date")))
    return DateTime(checked_date(int_attr(o, "year"), int_attr(o, "month"), int_attr(o, "day"), what));
  throw py::type_error(std::string(what) +
                       " must be a datetime.date, datetime.datetime, an ISO 8601 str or None, "
                       "not " + type_name(o));
}

// ---- sources argument ------------------------------------------------------

LookupArg::LookupArg(const py::object& sources) {
  if (sources.is_none()) return;
  if (py::isinstance<PyOutletLookup>(sources)) {
    keep = sources;
    const auto& l = sources.cast<const PyOutletLookup&>();
    lookup = &l.lookup();
    mu = &l.mu;
    return;
  }
  own = std::make_unique<SimpleOutletList>();
  if (py::isinstance<py::dict>(sources)) {
    for (auto item : sources.cast<py::dict>()) {
      std::string id = text_arg(py::str(item.first), "sources id");
      if (PyUnicode_Check(item.second.ptr())) {
        own->add(id, text_arg(item.second, "sources name"));
      } else {
        for (const std::string& n : text_list_arg(item.second, "sources names")) own->add(id, n);
      }
      own->add(id, id);
    }
  } else {
    for (py::handle h : sources) {
      if (!py::isinstance<PySource>(h))
        throw py::type_error("sources must be None, an OutletList, a SourceRegistry, a dict "
                             "{id: names} or an iterable of digestcore.Source");
      own->add(h.cast<const PySource&>().s);
    }
  }
  lookup = own.get();
}

// ---- read-only objects -----------------------------------------------------

void PyPost::check_writable(const char* field) const {
  if (snapshot)
    throw py::attribute_error(
        std::string("Post.") + field +
        ": this post belongs to a Digest, which is read-only; post.copy() gives a copy you "
        "can change");
  if (coll && std::string_view(field) == "id")
    throw py::attribute_error(
        "Post.id cannot change while the post is in a collection (ids are its keys); "
        "post.copy() gives a standalone copy whose id you can change");
}

void PySource::check_writable(const char* field) const {
  if (frozen)
    throw py::attribute_error(
        std::string("Source.") + field +
        ": this Source is a read-only copy of one held by a Collection, SourceRegistry or "
        "Digest; source.copy() gives a copy you can change (then add it where it belongs)");
}

}  // namespace digest::python
