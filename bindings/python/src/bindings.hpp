// Shared by the files of digestcore._core. Each module's bindings live in
// their own file and register an init function with DIGEST_PY_MODULE, so that
// adding a module touches no shared file.
//
// Arguments: text that digestcore stores (ids, titles, names, ...) comes in
// through text_arg / Str, which reject lone surrogates with
// InvalidArgumentError and other types with a TypeError that names the
// argument, instead of pybind11's "Unable to cast". Text that is only
// analysed (normalize, parse_date, find) is read leniently by each module.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/attribution.hpp"
#include "digest/dates.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/model.hpp"
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

// A docstring that opens with the callable's text signature, e.g.
// DG_SIG("load(path, *, format=None)", "A new collection read from a file.").
// CPython reads "name(params)\n--\n\n" as __text_signature__, so
// inspect.signature, help() and stubtest see the real parameters (the module
// turns pybind11's own typed signature lines off). Methods write `self`
// first; defaults must be literals (None, True, 0.85, 'own').
#define DG_SIG(signature, doc) signature "\n--\n\n" doc

// Sets the Python exception that matches error.code (ParseError for
// parse_error, ... ), with .line, .offset, .field, .file set. Needs the GIL.
void set_error(const Error& error);
// set_error, then throws py::error_already_set.
[[noreturn]] void raise_error(const Error& error);
[[noreturn]] void raise_error(ErrorCode code, std::string message, std::string field = {});

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

// ---- arguments -------------------------------------------------------------

// The name of obj's type, for error messages.
std::string type_name(py::handle obj);
// The UTF-8 of a str. `what` names the argument in errors (and is the
// error's .field; may be null): TypeError when obj is not a str,
// InvalidArgumentError (a ValueError) when it holds a lone surrogate, which
// no UTF-8 text can carry.
std::string text_arg(py::handle obj, const char* what);
// True for the values Python's data tools use for "missing": None, a float
// NaN (numpy's too), pandas' NA and NaT (anything unequal to itself).
bool is_missing(py::handle obj);
// Optional text: "" for a missing value (is_missing), else text_arg.
std::string optional_text_arg(py::handle obj, const char* what);
// None for empty text, else a str.
py::object text_or_none(std::string_view s);
// Gives cls a __reduce_ex__ that pickles through its __getstate__ with any
// protocol (pybind11's own aborts the interpreter on protocols 0 and 1).
void pickle_any_protocol(py::handle cls);
// A list of str (any iterable of str, but not a str itself).
std::vector<std::string> text_list_arg(py::handle obj, const char* what);
// os.fspath(path) as UTF-8 (str or bytes paths).
std::string path_arg(py::handle obj, const char* what = "path");

// Text as an argument type in bound signatures: a str, converted with
// text_arg's rules (the argument name is not known there, so errors say
// "a str argument").
struct Str {
  std::string value;
  operator const std::string&() const& { return value; }  // NOLINT: implicit by design
  operator std::string&&() && { return std::move(value); }  // NOLINT
};

// ---- dates -----------------------------------------------------------------

// date, or datetime (naive, or aware with a fixed offset) when there is a time.
py::object datetime_to_python(const std::optional<DateTime>& dt);
// A datetime.date; a datetime.datetime at `seconds` into the day, aware
// when an offset is given (the datetime C API; common.cpp).
py::object py_date(const Date& d);
py::object py_datetime(const Date& d, int seconds, std::optional<int> offset_minutes);
// Always a datetime, as parse_datetime gives it: midnight when there is no
// time, aware when there is an offset.
py::object py_datetime(const DateTime& dt);
// A post's date as Python sees it: an aware datetime in UTC (a date
// without a time is its midnight UTC; a time without an offset is taken as
// UTC), or None. The same instant as the `posted_on` column of to_arrow.
py::object utc_datetime_to_python(const std::optional<DateTime>& dt);
// None, NaN or NaT → nullopt; datetime.date, datetime.datetime or an ISO 8601
// str → the DateTime; anything else TypeError. Years outside 1400–9999 are
// InvalidArgumentError.
std::optional<DateTime> datetime_from_python(py::handle o, const char* what);
// Date parsing options from the Python arguments (dates.cpp).
DateParseOptions date_options(const py::object& languages, const py::object& order,
                              const py::object& reference);
// The Python Attribution of `a`, parsed from `line` (spans as str indices;
// dates.cpp).
py::object attribution_object(Attribution a, std::string_view line);
// Import arguments (core.cpp): format=None, 'detect', 'own', 'jsonl', ...;
// on_duplicate='error', 'keep_first' ('keep-first'), 'replace', 'merge'.
JsonFormat input_format(const std::optional<Str>& name);
OnDuplicate on_duplicate_arg(const std::string& n);
// A period from a str parse_period reads, a Period or a (first, last) pair
// (frames.cpp).
Period period_arg(py::handle o, std::optional<Date> reference);
// Read-only copies of sources as a list of digestcore.Source (core.cpp).
py::list frozen_sources(const std::vector<Source>& sources);

}  // namespace digest::python

namespace pybind11::detail {
template <>
struct type_caster<digest::python::Str> {
  PYBIND11_TYPE_CASTER(digest::python::Str, const_name("str"));
  bool load(handle src, bool) {
    if (!PyUnicode_Check(src.ptr())) return false;  // the dispatcher raises TypeError
    value.value = digest::python::text_arg(src, nullptr);
    return true;
  }
  static handle cast(const digest::python::Str& s, return_value_policy, handle) {
    return PyUnicode_DecodeUTF8(s.value.data(), static_cast<Py_ssize_t>(s.value.size()),
                                "surrogateescape");
  }
};
}  // namespace pybind11::detail
