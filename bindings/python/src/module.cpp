// digestcore._core: exceptions, the registry of module bindings, and the
// module entry point.
#include <algorithm>
#include <utility>

#include "bindings.hpp"

namespace digest::python {

namespace {

std::vector<std::pair<int, InitFunction>>& registry() {
  static std::vector<std::pair<int, InitFunction>> r;
  return r;
}

// Exception classes, created at import time (see init_exceptions).
struct Exceptions {
  py::object base, parse, value, not_found, io, limit, internal;
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
  e.io = make_exception(m, "IOError", e.base, builtins.attr("OSError"),
                        "A file could not be read or written.");
  e.limit = make_exception(m, "LimitError", e.base, builtins.attr("ValueError"),
                           "Input over a documented limit (size, depth).");
  e.internal = make_exception(m, "InternalError", e.base, builtins.attr("RuntimeError"),
                              "A bug in digestcore.");
}

}  // namespace

Registration::Registration(int order, InitFunction fn) { registry().emplace_back(order, fn); }

void raise_error(const Error& error) {
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
    case ErrorCode::limit_exceeded: type = e.limit; break;
    default: type = e.internal; break;
  }
  py::object exc = type(error.to_string());
  exc.attr("code") = error_code_name(error.code);
  exc.attr("line") = error.line;
  exc.attr("offset") = error.offset ? py::object(py::int_(*error.offset)) : py::object(py::none());
  exc.attr("field") = error.field;
  exc.attr("file") = error.file;
  exc.attr("message") = error.message;
  PyErr_SetObject(type.ptr(), exc.ptr());
  throw py::error_already_set();
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
  m.attr("__version__") = DIGEST_VERSION_STRING_PY;
  init_exceptions(m);
  auto& r = registry();
  std::stable_sort(r.begin(), r.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, fn] : r) fn(m);
}
