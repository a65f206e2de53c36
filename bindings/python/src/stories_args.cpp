// Argument readers shared by the stories bindings (stories_args.hpp).
#include "stories_args.hpp"

#include <cstdint>
#include <limits>

#include "objects.hpp"

namespace digest::python::story_args {

std::string element(const char* what, std::size_t i) {
  return std::string(what) + "[" + std::to_string(i) + "]";
}

// ---- arguments ------------------------------------------------------------------

Texts texts_arg(py::handle obj, const char* what) {
  const std::string hint = std::string(what) +
                           " must be an iterable of str (a list, tuple, NumPy array, pandas Series "
                           "or pyarrow Array), not ";
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()) || PyByteArray_Check(obj.ptr()))
    throw py::type_error(hint + type_name(obj));
  py::object seq = py::reinterpret_borrow<py::object>(obj);
  // pyarrow iterates as its own scalars: take its values as str.
  if ((py::hasattr(obj, "__arrow_c_array__") || py::hasattr(obj, "__arrow_c_stream__")) &&
      py::hasattr(obj, "to_pylist"))
    seq = obj.attr("to_pylist")();
  if (!PyTuple_Check(seq.ptr())) {
    PyObject* t = PySequence_Tuple(seq.ptr());
    if (!t) {
      if (!PyErr_ExceptionMatches(PyExc_TypeError)) throw py::error_already_set();
      PyErr_Clear();
      throw py::type_error(hint + type_name(obj));
    }
    seq = py::reinterpret_steal<py::object>(t);
  }
  Texts out;
  const auto n = static_cast<std::size_t>(PyTuple_GET_SIZE(seq.ptr()));
  out.views.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* o = PyTuple_GET_ITEM(seq.ptr(), static_cast<Py_ssize_t>(i));
    if (PyUnicode_Check(o)) {
      Py_ssize_t len = 0;
      const char* d = PyUnicode_AsUTF8AndSize(o, &len);
      if (!d) {
        PyErr_Clear();
        text_arg(o, element(what, i).c_str());  // raises: a lone surrogate has no UTF-8
        throw BindingBug("a str without UTF-8 that text_arg accepted");
      }
      out.views[i] = std::string_view(d, static_cast<std::size_t>(len));
    } else if (is_missing(o)) {
      out.views[i] = std::string_view("", 0);
    } else {
      throw py::type_error(element(what, i) +
                           " must be str or a missing value (None, NaN, pandas NA), not " +
                           type_name(o));
    }
  }
  out.keep = std::move(seq);
  return out;
}

// `obj` as a tuple of `n` items aligned with the texts.
py::tuple aligned_arg(py::handle obj, std::size_t n, const char* what) {
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()))
    throw py::type_error(std::string(what) + " must be a sequence aligned with texts, not " +
                         type_name(obj));
  PyObject* t = PySequence_Tuple(obj.ptr());
  if (!t) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) throw py::error_already_set();
    PyErr_Clear();
    throw py::type_error(std::string(what) + " must be a sequence aligned with texts, not " +
                         type_name(obj));
  }
  py::tuple out = py::reinterpret_steal<py::tuple>(t);
  if (out.size() != n)
    raise_error(ErrorCode::invalid_argument,
                std::string(what) + " has " + std::to_string(out.size()) +
                    " items for " + std::to_string(n) + " texts",
                what);
  return out;
}

// An int (or NumPy integer; not a bool) in [lo, hi], else TypeError or
// InvalidArgumentError naming the argument.
long long int_arg(py::handle o, const char* what, long long lo, long long hi) {
  if (PyBool_Check(o.ptr()) || !PyIndex_Check(o.ptr()))
    throw py::type_error(std::string(what) + " must be an int, not " + type_name(o));
  py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(o.ptr()));
  if (!i) throw py::error_already_set();
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
  if (overflow != 0 || v < lo || v > hi)
    raise_error(ErrorCode::invalid_argument,
                std::string(what) + " must be between " + std::to_string(lo) + " and " +
                    std::to_string(hi) + ", got " + std::string(py::str(i)),
                what);
  return v;
}

std::uint64_t seed_arg(py::handle o) {
  if (PyBool_Check(o.ptr()) || !PyIndex_Check(o.ptr()))
    throw py::type_error("seed must be an int, not " + type_name(o));
  py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(o.ptr()));
  if (!i) throw py::error_already_set();
  const unsigned long long v = PyLong_AsUnsignedLongLong(i.ptr());
  if (v == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
    PyErr_Clear();
    raise_error(ErrorCode::invalid_argument,
                "seed must be between 0 and 2**64 - 1, got " + std::string(py::str(i)), "seed");
  }
  return v;
}

// A real number (float, int, NumPy floating; not a bool). The ranges are the
// C++ layer's to check.
double float_arg(py::handle o, const char* what) {
  const bool real = PyFloat_Check(o.ptr()) || PyLong_Check(o.ptr()) || py::hasattr(o, "__float__");
  if (PyBool_Check(o.ptr()) || PyUnicode_Check(o.ptr()) || !real)
    throw py::type_error(std::string(what) + " must be a float, not " + type_name(o));
  const double v = PyFloat_AsDouble(o.ptr());
  if (v == -1.0 && PyErr_Occurred()) throw py::error_already_set();
  return v;
}

std::optional<int> window_arg(py::handle o) {
  if (is_missing(o)) return std::nullopt;
  return static_cast<int>(int_arg(o, "window_days", 0, std::numeric_limits<int>::max()));
}

// The `threads` argument: 0 (the library chooses: every core) for None.
std::size_t threads_arg(py::handle o) {
  if (o.is_none()) return 0;
  return static_cast<std::size_t>(int_arg(o, "threads", 1, 1024));
}

DuplicateOptions duplicate_options(const DuplicateArgs& a) {
  DuplicateOptions o;
  o.threshold = float_arg(a.threshold, "threshold");
  // 1..1024 is checked by the C++ layer; this bound only keeps the cast sane.
  o.minhash.permutations = static_cast<std::size_t>(
      int_arg(a.permutations, "permutations", 0, std::numeric_limits<int>::max()));
  o.minhash.seed = seed_arg(a.seed);
  o.window_days = window_arg(a.window_days);
  o.boilerplate_min_texts = static_cast<std::size_t>(int_arg(
      a.boilerplate_min_texts, "boilerplate_min_texts", 0, std::numeric_limits<int>::max()));
  o.threads = threads_arg(a.threads);
  unwrap(validate(o));  // MinHasher and NearDuplicateIndex take options unchecked
  return o;
}

py::object need_numpy(const char* who) {
  try {
    return py::module_::import("numpy");
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ImportError)) throw;
    throw py::import_error(std::string(who) + " needs NumPy: pip install numpy");
  }
}

}  // namespace digest::python::story_args
