// digestcore.parse_date_batch, parse_datetime_batch, parse_attribution_batch,
// search_key_batch, tag_batch: the per-text functions over a whole column in
// one call.
//
// The texts are read once with the GIL held: a str's UTF-8 where CPython
// keeps it (the call holds the str objects), NumPy's fixed-width UCS-4
// encoded into one buffer, and Arrow data (pyarrow, pandas' Arrow-backed str,
// anything with the Arrow PyCapsule interface) in place through the C data
// interface. Each distinct text is then computed once, in C++ with the GIL
// released, split over several threads for large inputs; a Gazetteer or
// outlet lookup is locked (shared) once for the whole batch. Results come
// back in the input's shape: a list for a list or tuple, built here; for
// NumPy, pandas and Arrow, digestcore/_batch.py wraps buffers built here, so
// no Python object is made per element unless the output type is made of
// them (object arrays). Missing in (None, NaN, pandas NA/NaT, Arrow null) is
// missing out.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "digest/arrow.hpp"
#include "digest/attribution.hpp"
#include "digest/dates.hpp"
#include "digest/entities.hpp"
#include "digest/normalize.hpp"
#include "objects.hpp"


namespace digest::python {

namespace {

// Up to this many distinct texts run on one thread when `threads` is None.
constexpr std::size_t kSplitAbove = 20000;
// Texts computed between two checks for Ctrl-C (20 ms of dates, 0.2 s of
// attribution lines).
constexpr std::size_t kBlock = 65536;

std::string element(std::size_t i) { return "values[" + std::to_string(i) + "]"; }

py::object& batch_helpers() {
  static py::object* m = new py::object(py::module_::import("digestcore._batch"));
  return *m;
}

// ---- the column of texts -----------------------------------------------------

// Arrow data taken from a stream: this call releases it (with the GIL held,
// as a producer's release callback may need it).
struct OwnedArrow {
  ArrowArrayStream stream{};
  ArrowSchema schema{};
  std::vector<std::unique_ptr<ArrowArray>> arrays;  // stable addresses: columns point at them
  ~OwnedArrow() {
    for (auto& a : arrays)
      if (a->release) a->release(a.get());
    if (schema.release) schema.release(&schema);
    if (stream.release) stream.release(&stream);
  }
};

struct Column {
  std::vector<std::string_view> texts;  // data() == nullptr: a missing value
  std::string utf8;                     // bytes of the texts of a NumPy str array
  std::vector<py::object> keep;         // what `texts` points into: str objects, Arrow capsules
  std::unique_ptr<OwnedArrow> owned;
  bool large = false;  // an input chunk was large_string: Arrow output is too

  std::size_t size() const { return texts.size(); }
  static bool missing(std::string_view t) { return t.data() == nullptr; }
};

// Python objects: str, or a missing value. `seq` becomes a tuple (unless it
// is one), which `c` keeps: the str objects then live, unchanged, until the
// call returns, so the texts point at their UTF-8 (CPython keeps it on the
// object) with no copy, and stay valid with the GIL released. A list could
// change under us if a missing-value check ran Python code; the tuple cannot.
void read_objects(Column& c, py::handle seq_in) {
  py::object seq = PyTuple_Check(seq_in.ptr())
                       ? py::reinterpret_borrow<py::object>(seq_in)
                       : py::reinterpret_steal<py::object>(PySequence_Tuple(seq_in.ptr()));
  if (!seq) throw py::error_already_set();
  const auto n = static_cast<std::size_t>(PyTuple_GET_SIZE(seq.ptr()));
  c.texts.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* o = PyTuple_GET_ITEM(seq.ptr(), static_cast<Py_ssize_t>(i));
    if (PyUnicode_Check(o)) {
      Py_ssize_t len = 0;
      const char* d = PyUnicode_AsUTF8AndSize(o, &len);
      if (!d) {
        PyErr_Clear();
        text_arg(o, element(i).c_str());  // raises: a lone surrogate has no UTF-8
        throw BindingBug("a str without UTF-8 that text_arg accepted");
      }
      c.texts[i] = std::string_view(d, static_cast<std::size_t>(len));
    } else if (!is_missing(o)) {
      throw py::type_error(element(i) + " must be str or a missing value (None, NaN, pandas NA), not " +
                           type_name(o));
    }
  }
  c.keep.push_back(std::move(seq));
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A NumPy str array: `n` rows of `width` UCS-4 code units (native order),
// trailing NULs not part of the text (NumPy's rule).
void read_ucs4(Column& c, py::handle codes, std::size_t n, std::size_t width) {
  Py_buffer view;
  if (PyObject_GetBuffer(codes.ptr(), &view, PyBUF_C_CONTIGUOUS) != 0) throw py::error_already_set();
  std::unique_ptr<Py_buffer, void (*)(Py_buffer*)> hold(&view, PyBuffer_Release);
  if (static_cast<std::size_t>(view.len) < n * width * 4) throw BindingBug("short UCS-4 buffer");
  const auto* units = static_cast<const std::uint32_t*>(view.buf);
  std::vector<std::size_t> ends(n);
  c.utf8.reserve(n * width);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t* row = units + i * width;
    std::size_t len = width;
    while (len > 0 && row[len - 1] == 0) --len;
    for (std::size_t k = 0; k < len; ++k) {
      std::uint32_t cp = row[k];
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        raise_error(ErrorCode::invalid_argument,
                    std::string(cp > 0x10FFFF ? "code point " : "lone surrogate ") + code +
                        " at str index " + std::to_string(k) + " is not text (it has no UTF-8 form)",
                    element(i));
      }
      append_utf8(c.utf8, cp);
    }
    ends[i] = c.utf8.size();
  }
  c.texts.resize(n);  // views once `utf8` has stopped growing
  for (std::size_t i = 0, start = 0; i < n; start = ends[i++])
    c.texts[i] = std::string_view(c.utf8.data() + start, ends[i] - start);
}

void add_chunk(Column& c, const ArrowSchema& schema, const ArrowArray& array) {
  const std::string_view format = schema.format ? schema.format : "";
  if (format == "n") {  // the null type: every entry missing
    c.texts.insert(c.texts.end(), static_cast<std::size_t>(std::max<std::int64_t>(array.length, 0)),
                   std::string_view());
    return;
  }
  const bool text = format == "u" || format == "U" || format == "vu";
  if (!text || schema.dictionary || array.dictionary)
    throw py::type_error("values must hold text: an Arrow array of string, large_string or "
                         "string_view, not format '" + std::string(format) + "'" +
                         (schema.dictionary ? " (dictionary-encoded: decode it first)" : ""));
  Result<ArrowTextColumn> col = ArrowTextColumn::view(schema, array);
  if (!col.ok()) raise_error(col.error());
  if (format == "U") c.large = true;
  c.texts.reserve(c.texts.size() + static_cast<std::size_t>(col->size()));
  for (std::int64_t i = 0; i < col->size(); ++i) {
    if (col->is_null(i)) {
      c.texts.emplace_back();
    } else {
      std::string_view v = col->value(i);
      c.texts.push_back(v.data() ? v : std::string_view("", 0));  // empty is not missing
    }
  }
}

// Anything with __arrow_c_array__ (read in place while its capsules live) or
// __arrow_c_stream__ (every chunk taken from the stream).
void read_arrow(Column& c, py::handle obj) {
  if (py::hasattr(obj, "__arrow_c_array__")) {
    py::tuple pair = obj.attr("__arrow_c_array__")();
    if (pair.size() != 2) throw py::type_error("__arrow_c_array__ must return two capsules");
    auto* schema = static_cast<ArrowSchema*>(PyCapsule_GetPointer(pair[0].ptr(), "arrow_schema"));
    if (!schema) throw py::error_already_set();
    auto* array = static_cast<ArrowArray*>(PyCapsule_GetPointer(pair[1].ptr(), "arrow_array"));
    if (!array) throw py::error_already_set();
    c.keep.push_back(pair);
    add_chunk(c, *schema, *array);
    return;
  }
  py::object capsule = obj.attr("__arrow_c_stream__")();
  auto* src = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule.ptr(), "arrow_array_stream"));
  if (!src) throw py::error_already_set();
  c.owned = std::make_unique<OwnedArrow>();
  ArrowArrayStream& stream = c.owned->stream;
  stream = *src;
  src->release = nullptr;  // moved: the capsule no longer releases it
  auto check = [&](int rc) {
    if (rc == 0) return;
    const char* why = stream.get_last_error ? stream.get_last_error(&stream) : nullptr;
    raise_error(ErrorCode::invalid_argument,
                std::string("values: the Arrow stream failed: ") + (why ? why : std::strerror(rc)));
  };
  check(stream.get_schema(&stream, &c.owned->schema));
  for (;;) {
    auto array = std::make_unique<ArrowArray>();
    array->release = nullptr;
    check(stream.get_next(&stream, array.get()));
    if (!array->release) break;  // end of stream
    c.owned->arrays.push_back(std::move(array));
    add_chunk(c, c.owned->schema, *c.owned->arrays.back());
  }
}

// ---- where results go ------------------------------------------------------------

enum class Layout {
  list,    // a list of Python objects, built here
  numpy,   // dates as int64 with NaT; other results as Python objects for shaper.objects()
  pandas,  // dates as int64 with NaT; text, lists and attributions as Arrow buffers
  arrow,   // Arrow buffers: validity bitmaps, int32 dates, int64 timestamps, offsets
};

struct Target {
  Layout layout = Layout::list;
  py::object shaper;  // _batch.py's object that wraps the buffers (none for a list)
};

Target read_values(Column& c, py::handle values) {
  if (PyList_Check(values.ptr()) || PyTuple_Check(values.ptr())) {
    read_objects(c, values);
    return {};
  }
  py::tuple how = batch_helpers().attr("prepare")(values);  // (kind, data, (n, width), shaper)
  const std::string kind = how[0].cast<std::string>();
  if (kind == "objects") {
    read_objects(c, how[1]);
  } else if (kind == "ucs4") {
    auto size = how[2].cast<std::pair<std::size_t, std::size_t>>();
    read_ucs4(c, how[1], size.first, size.second);
  } else if (kind == "arrow") {
    read_arrow(c, how[1]);
  } else {
    throw BindingBug("_batch.prepare gave an unknown kind");
  }
  Target t;
  t.shaper = how[3];
  const std::string layout = t.shaper.attr("layout").cast<std::string>();
  t.layout = layout == "arrow"    ? Layout::arrow
             : layout == "pandas" ? Layout::pandas
             : layout == "numpy"  ? Layout::numpy
                                  : Layout::list;  // another iterable, read as a tuple
  return t;
}

// ---- threads and errors ------------------------------------------------------------

// The `threads` argument, checked before any work: 0 for None (choose), else >= 1.
std::size_t threads_arg(const py::object& threads) {
  if (threads.is_none()) return 0;
  if (!PyLong_Check(threads.ptr()) || PyBool_Check(threads.ptr()))
    throw py::type_error("threads must be an int or None, not " + type_name(threads));
  int overflow = 0;
  long long k = PyLong_AsLongLongAndOverflow(threads.ptr(), &overflow);
  if (overflow < 0 || (overflow == 0 && k < 1))
    raise_error(ErrorCode::invalid_argument, "threads must be at least 1 (or None)", "threads");
  return overflow > 0 || k > 1024 ? 1024 : static_cast<std::size_t>(k);
}

// Threads for n texts: as asked (never more than n), or for None one below
// kSplitAbove texts and the machine's cores above, with 10,000 texts or more each.
std::size_t thread_count(std::size_t asked, std::size_t n) {
  if (asked == 0) {
    if (n <= kSplitAbove) return 1;
    std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(cores, n / (kSplitAbove / 2)));
  }
  return std::max<std::size_t>(1, std::min(asked, n));
}

// Runs work(begin, end) over [0, n) cut into `k` contiguous parts, one per
// thread (this thread takes the first, and any a thread could not be started
// for). Call it with the GIL released; `work` must not touch Python.
template <class Work>
void split(std::size_t n, std::size_t k, Work&& work) {
  if (k <= 1 || n < 2) {
    work(std::size_t{0}, n);
    return;
  }
  auto bound = [&](std::size_t j) { return n / k * j + std::min(j, n % k); };
  std::vector<std::exception_ptr> errors(k);
  auto run = [&](std::size_t j) {
    try {
      work(bound(j), bound(j + 1));
    } catch (...) {
      errors[j] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(k - 1);
  for (std::size_t j = 1; j < k; ++j) {
    try {
      pool.emplace_back(run, j);
    } catch (const std::system_error&) {
      break;
    }
  }
  run(0);
  for (std::size_t j = pool.size() + 1; j < k; ++j) run(j);
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// The error of the lowest-numbered element that failed, across threads.
class FirstError {
 public:
  void note(std::size_t i, Error e) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!error_ || i < index_) {
      index_ = i;
      error_ = std::move(e);
    }
  }
  // With the GIL held: raises it, naming the element.
  void raise_if_any() {
    if (!error_) return;
    Error e = std::move(*error_);
    e.field = element(index_);
    raise_error(e);
  }

 private:
  std::mutex mu_;
  std::size_t index_ = 0;
  std::optional<Error> error_;
};

// ---- the work: each distinct text once -----------------------------------------

// The elements to compute: each distinct text once, its answer then copied
// to the repeats (the idea of pandas.to_datetime's cache). Columns repeat a
// lot (the dates of posts, the outlets' names), and finding the repeats costs
// ~20 ns a text where the cheapest call here costs ~150 ns.
struct Plan {
  std::vector<std::size_t> todo;    // the present elements to compute, ascending
  std::vector<std::uint32_t> same;  // same[i]: the first element with i's text (empty: none)

  // The element whose answer element i shares (i itself unless it repeats one).
  std::size_t first(std::size_t i) const { return same.empty() ? i : same[i]; }

  // Runs part(b, e) over the positions [0, todo.size()) of `todo`, in blocks
  // of kBlock, each block split over `threads` threads; part returns false
  // to stop (after an error). The caller releases the GIL; between blocks it
  // is taken back to check for a signal (Ctrl-C), as imports do. Returns
  // false when a signal stopped the run: its exception is set, to be raised
  // once the caller holds the GIL again.
  template <class Part>
  bool run_parts(std::size_t threads, Part&& part) const {
    std::atomic<bool> stop{false};
    for (std::size_t b = 0; b < todo.size() && !stop; b += kBlock) {
      if (b > 0) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) return false;
      }
      const std::size_t e = std::min(todo.size(), b + kBlock);
      split(e - b, threads, [&](std::size_t lo, std::size_t hi) {
        if (!part(b + lo, b + hi)) stop = true;
      });
    }
    return true;
  }

  // run_parts with f(i) for each element i of `todo`; f returns false to stop.
  template <class F>
  bool run(std::size_t threads, F&& f) const {
    return run_parts(threads, [&](std::size_t b, std::size_t e) {
      for (std::size_t j = b; j < e; ++j)
        if (!f(todo[j])) return false;
      return true;
    });
  }

  // Copies each computed answer to the repeats of its text.
  template <class T>
  void fill(std::vector<T>& out) const {
    for (std::size_t i = 0; i < same.size(); ++i)
      if (same[i] != i) out[i] = out[same[i]];
  }
};

Plan plan_for(const Column& c) {
  const std::size_t n = c.size();
  Plan p;
  p.todo.reserve(n);
  if (n >= std::numeric_limits<std::uint32_t>::max()) {  // no room for the indices: compute all
    for (std::size_t i = 0; i < n; ++i)
      if (!Column::missing(c.texts[i])) p.todo.push_back(i);
    return p;
  }
  // Open addressing, linear probing; a slot holds an element's index + 1.
  std::size_t mask = 15;
  while (mask < 2 * n) mask = mask * 2 + 1;
  std::vector<std::uint32_t> slots(mask + 1, 0);
  const std::hash<std::string_view> hash;
  p.same.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    p.same[i] = static_cast<std::uint32_t>(i);
    const std::string_view t = c.texts[i];
    if (Column::missing(t)) continue;
    std::size_t at = hash(t) & mask;
    while (slots[at] != 0 && c.texts[slots[at] - 1] != t) at = (at + 1) & mask;
    if (slots[at] != 0) {
      p.same[i] = slots[at] - 1;
    } else {
      slots[at] = static_cast<std::uint32_t>(i + 1);
      p.todo.push_back(i);
    }
  }
  return p;
}

// ---- output buffers ------------------------------------------------------------------

// A bytearray of `bytes` (uninitialised) and its storage; NumPy and pyarrow
// wrap it without a copy.
struct Buffer {
  py::object obj;
  char* data = nullptr;
  explicit Buffer(std::size_t bytes) {
    PyObject* o = PyByteArray_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(bytes));
    if (!o) throw py::error_already_set();
    obj = py::reinterpret_steal<py::object>(o);
    data = PyByteArray_AS_STRING(o);
  }
  template <class T>
  T* as() {
    return reinterpret_cast<T*>(data);  // bytearray storage is malloc-aligned
  }
};

// An Arrow validity bitmap (bit i set: element i present).
struct Validity {
  Buffer bits;
  std::size_t nulls = 0;
  explicit Validity(std::size_t n) : bits((n + 7) / 8) { std::memset(bits.data, 0, (n + 7) / 8); }
  void set(std::size_t i, bool present) {
    if (present) bits.data[i >> 3] = static_cast<char>(bits.data[i >> 3] | (1 << (i & 7)));
    else ++nulls;
  }
  // None when nothing is missing, as pyarrow likes it.
  py::object buffer() const { return nulls ? bits.obj : py::object(py::none()); }
};

// Arrow text buffers of n optional strings: (offsets, data, validity or
// None, null count, large). `get(i)` gives a string_view, data() == nullptr
// for a null. Offsets are 64-bit when `large` or when 32 bits cannot hold them.
template <class Get>
py::tuple text_buffers(std::size_t n, bool large, Get&& get) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += get(i).size();
  large = large || total > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());
  Buffer offsets((n + 1) * (large ? 8 : 4)), data(total);
  Validity valid(n);
  std::size_t pos = 0;
  auto put = [&](std::size_t k, std::size_t v) {
    if (large) offsets.as<std::int64_t>()[k] = static_cast<std::int64_t>(v);
    else offsets.as<std::int32_t>()[k] = static_cast<std::int32_t>(v);
  };
  put(0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view s = get(i);
    valid.set(i, s.data() != nullptr);
    if (!s.empty()) std::memcpy(data.data + pos, s.data(), s.size());
    pos += s.size();
    put(i + 1, pos);
  }
  return py::make_tuple(offsets.obj, data.obj, valid.buffer(), valid.nulls, large);
}

py::object str_of(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// A list of n objects made by make(i). With `share`, a repeated text gets
// the object made for its first occurrence (for immutable answers: date,
// datetime, str).
template <class Make>
py::object object_list(std::size_t n, Make&& make, const Plan* share = nullptr) {
  py::list out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t first = share ? share->first(i) : i;
    PyObject* item;
    if (first != i) {
      item = PyList_GET_ITEM(out.ptr(), static_cast<Py_ssize_t>(first));
      Py_INCREF(item);
    } else {
      item = make(i).release().ptr();
    }
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), item);
  }
  return out;
}

py::object none() { return py::none(); }

// Pauses the cyclic GC while many new containers are made (the tag lists):
// they hold only str, so cannot form cycles, and otherwise the collector
// scans the growing heap again and again (a third of the time for 100,000
// lists).
class GcPause {
 public:
#if PY_VERSION_HEX >= 0x030A0000
  GcPause() : was_enabled_(PyGC_Disable() == 1) {}
  ~GcPause() {
    if (was_enabled_) PyGC_Enable();
  }

 private:
  bool was_enabled_;
#endif
};

// ---- dates ---------------------------------------------------------------------

std::int64_t epoch_days(const Date& d) {
  static const Date epoch(1970, 1, 1);
  return (d - epoch).days();
}

// Microseconds since 1970-01-01T00:00Z: the text's offset applied, a text
// without one read as UTC (as Collection.to_arrow does), midnight without a time.
std::int64_t epoch_micros(const DateTime& dt) {
  std::int64_t s = epoch_days(dt.date) * 86400 + dt.seconds.value_or(0) -
                   std::int64_t{dt.utc_offset_minutes.value_or(0)} * 60;
  return s * 1000000;
}

// The buffers of a date column (with_time false) or a timestamp column. For
// Arrow: int32 days or int64 microseconds and a validity bitmap; for NumPy
// and pandas: int64 with NumPy's NaT for a missing value.
py::tuple date_buffers(const std::vector<std::optional<DateTime>>& r, Layout layout, bool with_time) {
  const std::size_t n = r.size();
  constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();
  if (layout == Layout::arrow) {
    Buffer values(n * (with_time ? 8 : 4));
    Validity valid(n);
    for (std::size_t i = 0; i < n; ++i) {
      valid.set(i, r[i].has_value());
      if (with_time) values.as<std::int64_t>()[i] = r[i] ? epoch_micros(*r[i]) : 0;
      else values.as<std::int32_t>()[i] = r[i] ? static_cast<std::int32_t>(epoch_days(r[i]->date)) : 0;
    }
    return py::make_tuple(values.obj, valid.buffer(), valid.nulls);
  }
  Buffer values(n * 8);
  std::size_t nulls = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!r[i]) ++nulls;
    values.as<std::int64_t>()[i] = !r[i] ? nat : with_time ? epoch_micros(*r[i]) : epoch_days(r[i]->date);
  }
  return py::make_tuple(values.obj, py::none(), nulls);
}

py::object dates_out(const std::vector<std::optional<DateTime>>& r, const Target& t, bool with_time,
                     const Plan& plan) {
  if (t.layout == Layout::list) {
    if (with_time)
      return object_list(r.size(), [&](std::size_t i) { return r[i] ? py_datetime(*r[i]) : none(); }, &plan);
    return object_list(r.size(), [&](std::size_t i) { return r[i] ? py_date(r[i]->date) : none(); }, &plan);
  }
  return t.shaper.attr(with_time ? "datetimes" : "dates")(*date_buffers(r, t.layout, with_time));
}

py::object parse_dates(const py::handle& values, const py::object& languages, const py::object& order,
                       const py::object& reference, const py::object& threads, bool with_time) {
  const std::size_t asked = threads_arg(threads);
  const DateParser parser(date_options(languages, order, reference));
  Column c;
  Target target = read_values(c, values);
  const Plan plan = plan_for(c);
  std::vector<std::optional<DateTime>> out(c.size());
  bool done;
  {
    py::gil_scoped_release nogil;
    done = plan.run(thread_count(asked, plan.todo.size()), [&](std::size_t i) {
      out[i] = parser.parse(c.texts[i]);
      return true;
    });
  }
  if (!done) throw py::error_already_set();  // Ctrl-C
  plan.fill(out);
  return dates_out(out, target, with_time, plan);
}

// ---- text and lists out ----------------------------------------------------------

// A list of objects as the caller wants it: itself, or through the shaper
// (an object array for NumPy).
py::object objects_out(py::object list, const Target& t) {
  return t.layout == Layout::list ? list : t.shaper.attr("objects")(list);
}

// n optional strings: str objects for a list or NumPy, Arrow buffers for
// pandas (large_string, what its str dtype holds) and Arrow.
template <class View>
py::object texts_out(std::size_t n, const Target& t, bool large, const Plan& plan, View&& view) {
  if (t.layout == Layout::list || t.layout == Layout::numpy) {
    auto make = [&](std::size_t i) {
      std::string_view s = view(i);
      return s.data() ? str_of(s) : none();
    };
    return objects_out(object_list(n, make, &plan), t);
  }
  return t.shaper.attr("strings")(*text_buffers(n, large || t.layout == Layout::pandas, view));
}

// Lists of strings, element i being items[starts[i] .. starts[i + 1]) or
// missing (present[i] false), as Arrow buffers: (list offsets, list
// validity or None, null count, child text buffers).
py::tuple list_buffers(const std::vector<std::size_t>& starts, const std::vector<bool>& present,
                       const std::vector<std::string_view>& items) {
  const std::size_t n = present.size();
  if (items.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    raise_error(ErrorCode::limit_exceeded, "more than 2^31 list items in one batch");
  Buffer offsets((n + 1) * 4);
  Validity valid(n);
  for (std::size_t i = 0; i <= n; ++i) offsets.as<std::int32_t>()[i] = static_cast<std::int32_t>(starts[i]);
  for (std::size_t i = 0; i < n; ++i) valid.set(i, present[i]);
  py::tuple child = text_buffers(items.size(), false, [&](std::size_t k) { return items[k]; });
  return py::make_tuple(offsets.obj, valid.buffer(), valid.nulls, child);
}

// ---- search keys -------------------------------------------------------------------

py::object search_keys(const py::handle& values, bool strict, const py::object& threads) {
  const std::size_t asked = threads_arg(threads);
  const Normalizer& norm = strict ? Normalizer::shared_strict() : Normalizer::shared();
  Column c;
  Target target = read_values(c, values);
  const Plan plan = plan_for(c);
  std::vector<std::optional<std::string>> out(c.size());
  FirstError error;
  bool done;
  {
    py::gil_scoped_release nogil;
    done = plan.run(thread_count(asked, plan.todo.size()), [&](std::size_t i) {
      Result<std::string> key = norm.search_key(c.texts[i]);
      if (!key.ok()) {
        error.note(i, key.error());
        return false;  // a later element of this part cannot hold the first error
      }
      out[i] = std::move(key).value();
      return true;
    });
  }
  if (!done) throw py::error_already_set();
  error.raise_if_any();
  plan.fill(out);
  return texts_out(c.size(), target, c.large, plan, [&](std::size_t i) {
    return out[i] ? std::string_view(*out[i]) : std::string_view();
  });
}

// ---- entity tags -------------------------------------------------------------------

py::object tag_texts(const py::handle& values, const py::object& entities, const py::object& threads) {
  if (!py::isinstance<PyGazetteer>(entities))
    throw py::type_error("entities must be a digestcore.Gazetteer, not " + type_name(entities));
  const PyGazetteer& pg = entities.cast<const PyGazetteer&>();
  const std::size_t asked = threads_arg(threads);
  Column c;
  Target target = read_values(c, values);
  const std::size_t n = c.size();
  const Plan plan = plan_for(c);
  // The entities (indices into entities()) each text names, in order of
  // first mention; ids copied out for those indices while the lock is held.
  std::vector<std::optional<std::vector<std::uint32_t>>> found(n);
  std::vector<std::string> ids;
  FirstError error;
  bool done;
  {
    py::gil_scoped_release nogil;
    std::shared_lock<std::shared_mutex> lock(pg.mu);
    const Gazetteer& g = pg.g;
    const std::size_t count = g.entity_count();
    g.compile();  // once, before the threads share it
    done = plan.run_parts(thread_count(asked, plan.todo.size()), [&](std::size_t b, std::size_t e) {
      std::vector<std::size_t> seen(count, 0);  // seen[entity] == i + 1: listed for text i
      for (std::size_t j = b; j < e; ++j) {
        const std::size_t i = plan.todo[j];
        auto matches = g.find(c.texts[i]);
        if (!matches.ok()) {
          error.note(i, matches.error());
          return false;
        }
        std::vector<std::uint32_t> list;
        for (const EntityMatch& m : *matches) {
          if (seen[m.entity_index] == i + 1) continue;
          seen[m.entity_index] = i + 1;
          list.push_back(static_cast<std::uint32_t>(m.entity_index));
        }
        found[i] = std::move(list);
      }
      return true;
    });
    std::vector<bool> used(count);
    for (const auto& f : found)
      if (f)
        for (std::uint32_t k : *f) used[k] = true;
    ids.resize(count);
    for (std::size_t k = 0; k < count; ++k)
      if (used[k]) ids[k] = g.entities()[k].id;
  }
  if (!done) throw py::error_already_set();
  error.raise_if_any();
  plan.fill(found);

  if (target.layout == Layout::list || target.layout == Layout::numpy) {
    GcPause pause;
    std::vector<py::object> strs(ids.size());  // one str per entity, shared by the lists
    return objects_out(object_list(n, [&](std::size_t i) -> py::object {
                         if (!found[i]) return none();
                         py::list l(found[i]->size());
                         for (std::size_t j = 0; j < found[i]->size(); ++j) {
                           py::object& s = strs[(*found[i])[j]];
                           if (!s) s = str_of(ids[(*found[i])[j]]);
                           PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(j), s.inc_ref().ptr());
                         }
                         return l;
                       }), target);
  }
  std::vector<std::size_t> starts{0};
  std::vector<bool> present(n);
  std::vector<std::string_view> items;
  for (std::size_t i = 0; i < n; ++i) {
    present[i] = found[i].has_value();
    if (found[i])
      for (std::uint32_t k : *found[i]) items.emplace_back(ids[k]);
    starts.push_back(items.size());
  }
  return target.shaper.attr("lists")(*list_buffers(starts, present, items));
}

// ---- attributions ------------------------------------------------------------------

py::object attributions(const py::handle& values, const py::object& sources,
                        const py::object& languages, const py::object& order,
                        const py::object& reference, const py::object& threads) {
  const std::size_t asked = threads_arg(threads);
  LookupArg lookup(is_missing(sources) ? py::object(py::none()) : sources);
  AttributionOptions options;
  options.dates = date_options(languages, order, reference);
  Column c;
  Target target = read_values(c, values);
  const std::size_t n = c.size();
  const Plan plan = plan_for(c);
  std::vector<std::optional<Attribution>> out(n);
  bool done;
  {
    py::gil_scoped_release nogil;
    std::shared_lock<std::shared_mutex> lock;
    if (lookup.mu) lock = std::shared_lock<std::shared_mutex>(const_cast<std::shared_mutex&>(*lookup.mu));
    done = plan.run(thread_count(asked, plan.todo.size()), [&](std::size_t i) {
      out[i] = parse_attribution(c.texts[i], lookup.lookup, options);
      return true;
    });
  }
  if (!done) throw py::error_already_set();
  plan.fill(out);

  if (target.layout == Layout::list || target.layout == Layout::numpy) {
    return objects_out(object_list(n, [&](std::size_t i) -> py::object {
                         if (!out[i]) return none();
                         return attribution_object(std::move(*out[i]), c.texts[i]);
                       }), target);
  }
  // Columns: authors (list of str), outlet, place, date, excerpt; a part
  // that is absent (or every part, for a line without a header) is null.
  std::vector<std::size_t> starts{0};
  std::vector<bool> present(n);
  std::vector<std::string_view> names;
  std::vector<std::optional<DateTime>> dates(n);
  for (std::size_t i = 0; i < n; ++i) {
    present[i] = out[i].has_value();
    if (out[i]) {
      for (const std::string& a : out[i]->authors) names.emplace_back(a);
      if (out[i]->date) dates[i] = DateTime(out[i]->date->date);
    }
    starts.push_back(names.size());
  }
  const bool large = c.large || target.layout == Layout::pandas;
  auto part = [&](std::string Attribution::*field) {
    return text_buffers(n, large, [&](std::size_t i) {
      if (!out[i] || ((*out[i]).*field).empty()) return std::string_view();
      return std::string_view((*out[i]).*field);
    });
  };
  return target.shaper.attr("attributions")(
      list_buffers(starts, present, names), part(&Attribution::outlet), part(&Attribution::place),
      date_buffers(dates, target.layout, false), part(&Attribution::excerpt));
}

// ---- the module functions --------------------------------------------------------

void init_batch(py::module_& m) {

  m.def(
      "parse_date_batch",
      [](const py::handle& values, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& threads) {
        return parse_dates(values, languages, order, reference, threads, false);
      },
      py::arg("values"), py::kw_only(), py::arg("languages") = py::none(),
      py::arg("order") = py::none(), py::arg("reference") = py::none(),
      py::arg("threads") = py::none(),
      DG_SIG("parse_date_batch(values, *, languages=None, order=None, reference=None, threads=None)",
             "parse_date over a column, in one call: a list or tuple gives a list of "
             "datetime.date or None; a NumPy array a datetime64[D] array (NaT when missing); a "
             "pandas Series a Series of datetime64 with the same index and name; Arrow data "
             "(pyarrow Array or ChunkedArray, or anything with __arrow_c_array__ or "
             "__arrow_c_stream__) a pyarrow date32 Array. Missing values in (None, NaN, pandas "
             "NA/NaT, Arrow nulls) are missing out; anything else that is not a str is a "
             "TypeError, and a str with a lone surrogate an InvalidArgumentError, naming its "
             "index. Each distinct text is computed once. threads: None splits the work over "
             "the machine's cores above 20,000 distinct texts, "
             "an int sets the number of threads."));
  m.def(
      "parse_datetime_batch",
      [](const py::handle& values, const py::object& languages, const py::object& order,
         const py::object& reference, const py::object& threads) {
        return parse_dates(values, languages, order, reference, threads, true);
      },
      py::arg("values"), py::kw_only(), py::arg("languages") = py::none(),
      py::arg("order") = py::none(), py::arg("reference") = py::none(),
      py::arg("threads") = py::none(),
      DG_SIG("parse_datetime_batch(values, *, languages=None, order=None, reference=None, threads=None)",
             "parse_datetime over a column: a list gives datetime.datetime objects (aware when "
             "the text gave an offset, else naive) or None. Columns hold one type, so NumPy "
             "gives datetime64[us], pandas datetime64[us, UTC] and Arrow timestamp[us, UTC]: "
             "the instant in UTC, a text without an offset read as UTC (as Collection.to_arrow "
             "does). Inputs, missing values, errors and threads as for parse_date_batch."));
  m.def("parse_attribution_batch", &attributions, py::arg("values"), py::kw_only(),
        py::arg("sources") = py::none(), py::arg("languages") = py::none(),
        py::arg("order") = py::none(), py::arg("reference") = py::none(),
        py::arg("threads") = py::none(),
        DG_SIG("parse_attribution_batch(values, *, sources=None, languages=None, order=None, "
               "reference=None, threads=None)",
               "parse_attribution over a column: a list gives Attribution objects or None, a "
               "NumPy array an object array of them. A pandas Series gives a DataFrame with "
               "the same index and the columns authors (Arrow list of str), outlet, place, "
               "date (datetime64; the date part) and excerpt (str), so that "
               "df[['authors', 'outlet', 'place', 'date', 'excerpt']] = "
               "parse_attribution_batch(df.text) is one line; Arrow data gives a pyarrow "
               "struct Array with those fields (date as date32). A line without a header, or "
               "missing, is all null; an absent part is null. The source lookup is locked once "
               "for the whole batch. Inputs, errors and threads as for parse_date_batch."));
  m.def("search_key_batch", &search_keys, py::arg("values"), py::kw_only(),
        py::arg("strict") = false, py::arg("threads") = py::none(),
        DG_SIG("search_key_batch(values, *, strict=False, threads=None)",
               "search_key over a column: a list gives str or None, a NumPy array an object "
               "array, a pandas Series a str Series (Arrow-backed; NaN when missing) with the "
               "same index and name, Arrow data a pyarrow string Array. With strict=True, "
               "ill-formed UTF-8 in Arrow data raises ParseError naming the index. Inputs, "
               "errors and threads as for parse_date_batch."));
  m.def("tag_batch", &tag_texts, py::arg("values"), py::arg("entities"), py::kw_only(),
        py::arg("threads") = py::none(),
        DG_SIG("tag_batch(values, entities, *, threads=None)",
               "For each text, the ids of the entities the Gazetteer `entities` finds in it "
               "(as Gazetteer.find), each once, in order of first mention: a list of lists of "
               "str (None when missing), a NumPy object array of lists, a pandas Series of "
               "Arrow lists of str, or a pyarrow list<string> Array. The gazetteer is locked "
               "once for the whole batch, so a thread adding to it waits. Inputs, errors and "
               "threads as for parse_date_batch."));
}

}  // namespace

DIGEST_PY_MODULE(50, init_batch);

}  // namespace digest::python
