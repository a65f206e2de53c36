// digestcore._core: exceptions, the registry of module bindings, and the
// module entry point.
#include <algorithm>
#include <cerrno>
#include <utility>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "bindings.hpp"
#include "objects.hpp"

namespace digest::python {

namespace {

std::vector<std::pair<int, InitFunction>>& registry() {
  static std::vector<std::pair<int, InitFunction>> r;
  return r;
}

// Exception classes, created at import time (see init_exceptions).
struct Exceptions {
  py::object base, parse, value, not_found, io, missing_file, limit, internal;
};
Exceptions& exceptions() {
  static Exceptions* e = new Exceptions();  // never destroyed: lives as long as the interpreter
  return *e;
}

py::object make_exception(py::module_& m, const char* name, py::object base,
                          py::object builtin, const char* doc) {
  py::object bases = builtin.is_none() ? py::object(py::make_tuple(base))
                                       : py::object(py::make_tuple(base, builtin));
  py::dict ns;
  ns["__doc__"] = doc;
  ns["__module__"] = "digestcore";
  py::object type = py::reinterpret_borrow<py::object>(
      reinterpret_cast<PyObject*>(&PyType_Type))(name, bases, ns);
  m.attr(name) = type;
  return type;
}

void init_exceptions(py::module_& m) {
  Exceptions& e = exceptions();
  py::object builtins = py::module_::import("builtins");
  e.base = make_exception(m, "Error", builtins.attr("Exception"), py::none(),
                          "Base class of every error digestcore raises.");
  e.value = make_exception(m, "InvalidArgumentError", e.base, builtins.attr("ValueError"),
                           "An argument digestcore cannot take.");
  e.parse = make_exception(m, "ParseError", e.base, builtins.attr("ValueError"),
                           "Malformed input. Has .line (1-based, 0 if unknown), .offset "
                           "(byte offset or None), .field and .file.");
  e.not_found = make_exception(m, "NotFoundError", e.base, builtins.attr("KeyError"),
                               "A lookup found nothing.");
  // Named so as not to shadow the builtins (IOError, FileNotFoundError);
  // each is also the builtin a caller of open() would catch.
  e.io = make_exception(m, "FileError", e.base, builtins.attr("OSError"),
                        "A file could not be read or written (an OSError: has .errno, "
                        ".strerror and .filename).");
  e.missing_file = make_exception(m, "MissingFileError", e.io,
                                  builtins.attr("FileNotFoundError"),
                                  "The file, or a folder on its path, does not exist (a "
                                  "FileNotFoundError).");
  e.limit = make_exception(m, "LimitError", e.base, builtins.attr("ValueError"),
                           "Input over a documented limit (size, depth).");
  e.internal = make_exception(m, "InternalError", e.base, builtins.attr("RuntimeError"),
                              "A bug in digestcore.");
}

// C++ exceptions that must not reach Python as pybind11's defaults
// (RuntimeError "Unable to cast…", IndexError for an out-of-range date).
void init_translators() {
  py::register_local_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const BindingBug& e) {
      set_error(Error(ErrorCode::internal, e.what()));
    } catch (const boost::gregorian::bad_year& e) {
      set_error(Error(ErrorCode::invalid_argument,
                      std::string("date out of range: ") + e.what()));
    } catch (const boost::gregorian::bad_month& e) {
      set_error(Error(ErrorCode::invalid_argument, std::string("bad date: ") + e.what()));
    } catch (const boost::gregorian::bad_day_of_month& e) {
      set_error(Error(ErrorCode::invalid_argument, std::string("bad date: ") + e.what()));
    } catch (const py::cast_error& e) {
      PyErr_SetString(PyExc_TypeError, (std::string("wrong argument type: ") + e.what()).c_str());
    }
  });
}

}  // namespace

Registration::Registration(int order, InitFunction fn) { registry().emplace_back(order, fn); }

void set_error(const Error& error) {
  Exceptions& e = exceptions();
  py::object type;
  switch (error.code) {
    case ErrorCode::parse_error:
    case ErrorCode::invalid_utf8:
    case ErrorCode::wrong_type:
    case ErrorCode::missing_field:
    case ErrorCode::duplicate_id: type = e.parse; break;
    case ErrorCode::invalid_argument: type = e.value; break;
    case ErrorCode::not_found: type = e.not_found; break;
    case ErrorCode::io_error: type = e.io; break;
    case ErrorCode::file_not_found: type = e.missing_file; break;
    case ErrorCode::limit_exceeded: type = e.limit; break;
    default: type = e.internal; break;
  }
  // Messages carry input (ids, paths) that need not be valid UTF-8:
  // "replace" keeps a bad byte from turning the error into UnicodeDecodeError.
  auto text = [](const std::string& s) {
    return py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
  };
  py::object exc = type(text(error.to_string()));
  exc.attr("code") = error_code_name(error.code);
  // Details a message does not have are None, as everywhere in the module.
  auto text_or_none = [&](const std::string& s) { return s.empty() ? py::object(py::none()) : text(s); };
  exc.attr("line") = error.line ? py::object(py::int_(error.line)) : py::object(py::none());
  exc.attr("offset") = error.offset ? py::object(py::int_(*error.offset)) : py::object(py::none());
  exc.attr("field") = text_or_none(error.field);
  exc.attr("file") = text_or_none(error.file);
  exc.attr("message") = text(error.message);
  if (error.code == ErrorCode::io_error || error.code == ErrorCode::file_not_found) {
    // What OSError's handlers read; the errno is only known for a missing file.
    exc.attr("errno") = error.code == ErrorCode::file_not_found ? py::object(py::int_(ENOENT))
                                                                 : py::object(py::none());
    exc.attr("strerror") = text(error.message);
    exc.attr("filename") = text_or_none(error.file);
  }
  PyErr_SetObject(type.ptr(), exc.ptr());
}

void raise_error(const Error& error) {
  set_error(error);
  throw py::error_already_set();
}

void raise_error(ErrorCode code, std::string message, std::string field) {
  Error e(code, std::move(message));
  e.field = std::move(field);
  raise_error(e);
}

std::vector<std::size_t> byte_to_str_indices(std::string_view s,
                                             const std::vector<std::size_t>& byte_offsets) {
  std::vector<std::size_t> out;
  out.reserve(byte_offsets.size());
  std::size_t byte = 0, index = 0;
  for (std::size_t target : byte_offsets) {
    target = std::min(target, s.size());
    if (target < byte) {  // not ascending: restart the walk
      byte = 0;
      index = 0;
    }
    while (byte < target) {
      // Count code points by their lead bytes; continuation bytes add nothing.
      if ((static_cast<unsigned char>(s[byte]) & 0xC0) != 0x80) ++index;
      ++byte;
    }
    // An offset inside a code point maps to the index of that code point's end.
    out.push_back(index);
  }
  return out;
}

}  // namespace digest::python

PYBIND11_MODULE(_core, m) {
  using namespace digest::python;
  m.doc() = "digestcore native core (use the digestcore package, not this module).";
  // Every docstring opens with its own text signature (DG_SIG), which
  // inspect.signature and help() read; pybind11's typed lines would hide it.
  py::options options;
  options.disable_function_signatures();
  m.attr("__version__") = DIGEST_VERSION_STRING_PY;
  init_exceptions(m);
  init_translators();
  auto& r = registry();
  std::stable_sort(r.begin(), r.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, fn] : r) fn(m);
}
