// Argument readers shared by the stories bindings (stories.cpp and
// stories_staged.cpp): texts, aligned columns, ints, seeds, thresholds and
// the options of the near-duplicate calls, with TypeError or
// InvalidArgumentError naming the argument.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pybind11/numpy.h>

#include "bindings.hpp"
#include "digest/stories.hpp"

namespace digest::python::story_args {

std::string element(const char* what, std::size_t i);

// The texts of an iterable, as UTF-8 views into the str objects, which
// `keep` (a tuple: it cannot change while the GIL is released) holds alive.
// None, NaN and pandas NA are empty texts.
struct Texts {
  py::object keep;
  std::vector<std::string_view> views;
};
Texts texts_arg(py::handle obj, const char* what = "texts");

// `obj` as a tuple of `n` items aligned with the texts.
py::tuple aligned_arg(py::handle obj, std::size_t n, const char* what);

// An int (or NumPy integer; not a bool) in [lo, hi].
long long int_arg(py::handle o, const char* what, long long lo, long long hi);
std::uint64_t seed_arg(py::handle o);
// A real number (not a bool); ranges are the C++ layer's to check.
double float_arg(py::handle o, const char* what);
std::optional<int> window_arg(py::handle o);
// 0 (every core) for None.
std::size_t threads_arg(py::handle o);

struct DuplicateArgs {
  py::object threshold = py::float_(0.8);
  py::object permutations = py::int_(128);
  py::object seed = py::int_(1);
  py::object window_days = py::none();
  py::object boilerplate_min_texts = py::int_(3);
  py::object threads = py::none();
};
// The options, validated (MinHasher and the index take them unchecked).
DuplicateOptions duplicate_options(const DuplicateArgs& a);

// numpy, or ImportError saying `who` needs it.
py::object need_numpy(const char* who);

// A NumPy array that owns `v` (no copy).
template <class T>
py::array_t<T> owned_array(std::vector<T>&& v, std::vector<py::ssize_t> shape) {
  auto* held = new std::vector<T>(std::move(v));
  py::capsule owner(held, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  std::vector<py::ssize_t> strides(shape.size());
  py::ssize_t step = sizeof(T);
  for (std::size_t k = shape.size(); k-- > 0;) {
    strides[k] = step;
    step *= shape[k];
  }
  return py::array_t<T>(shape, strides, held->data(), owner);
}

template <class T>
py::array_t<T> owned_array(std::vector<T>&& v) {
  const auto n = static_cast<py::ssize_t>(v.size());
  return owned_array(std::move(v), {n});
}

}  // namespace digest::python::story_args
