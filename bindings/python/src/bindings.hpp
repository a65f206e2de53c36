// Shared by the files of digestcore._core. Each module's bindings live in
// their own file and register an init function with DIGEST_PY_MODULE, so that
// adding a module touches no shared file.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <string_view>
#include <vector>

#include "digest/result.hpp"

namespace digest::python {

namespace py = pybind11;

using InitFunction = void (*)(py::module_&);

// Registers `fn` to run when _core is imported, after the core bindings
// (exceptions, model). `order` sorts registrations (lower first).
struct Registration {
  Registration(int order, InitFunction fn);
};

#define DIGEST_PY_MODULE(order, fn) \
  static ::digest::python::Registration digest_py_registration_##fn(order, fn)

// Raises the Python exception that matches error.code (ParseError for
// parse_error, ... ), with .line, .offset, .field, .file set.
[[noreturn]] void raise_error(const Error& error);

template <class T>
T unwrap(Result<T>&& r) {
  if (!r.ok()) raise_error(r.error());
  return std::move(r).value();
}
inline void unwrap(Status&& s) {
  if (!s.ok()) raise_error(s.error());
}

// Converts between UTF-8 byte offsets into `utf8` and Python str indices
// (code points). `byte_offsets` must be ascending.
std::vector<std::size_t> byte_to_str_indices(std::string_view utf8,
                                             const std::vector<std::size_t>& byte_offsets);

}  // namespace digest::python
