// digestcore.iter_posts: the posts of a file one at a time, read by
// PostStream (json.hpp) on a thread of its own, so a file of any size is
// walked in bounded memory. Each post is a standalone Post (the reader keeps
// nothing once it is handed over). The same reader is an Arrow stream
// (export_posts_arrow_stream), for a table without a Post object per row.
#include <cerrno>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "bindings.hpp"
#include "digest/arrow.hpp"
#include "digest/json.hpp"
#include "objects.hpp"

namespace digest::python {

namespace {

constexpr std::size_t kTakeAtOnce = 256;

struct PostReader {
  std::unique_ptr<PostStream> stream;  // null once closed or at the end
  std::vector<Post> buffered;
  std::size_t at = 0;
  // One __next__ or Arrow batch at a time, and the report and sources
  // below; taken with the GIL released.
  std::mutex mu;
  std::string name;
  // Once the file has been read to its end: what the import read and the
  // sources the file defined.
  std::optional<ImportReport> report;
  std::vector<Source> sources;
  // The error an Arrow stream over the reader met, for to_arrow to raise
  // as digestcore's own error in place of the consumer's.
  std::optional<Error> arrow_error;

  // Stops the reading thread (mu held) and, when every post read was
  // handed out, keeps the report and the sources.
  void end_locked() {
    std::unique_ptr<PostStream> dying = std::move(stream);
    const bool all_handed_out = at >= buffered.size();
    buffered.clear();
    at = 0;
    if (dying && all_handed_out && dying->report()) {
      report = *dying->report();
      const auto all = dying->sources()->sources();
      sources.assign(all.begin(), all.end());
    }
    dying.reset();  // joins the reading thread
  }

  // Called with the GIL held; waits for the reading thread without it (it
  // may be finishing a batch).
  void close() {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu);
    end_locked();
  }

  // Python frees a reader with the GIL held: the reading thread is stopped
  // and joined without it. (A thread blocked reading standard input ends
  // only when the input does.)
  ~PostReader() {
    if (!stream) return;
    py::gil_scoped_release nogil;
    stream.reset();
  }

  // For the Arrow stream, on whatever thread its consumer calls from: the
  // posts not yet handed out first, then the stream's.
  Result<std::size_t> pull(std::vector<Post>& out, std::size_t max) {
    std::lock_guard<std::mutex> lock(mu);
    std::size_t n = 0;
    while (at < buffered.size() && n < max) {
      out.push_back(std::move(buffered[at++]));
      ++n;
    }
    if (n > 0 || !stream) return n;
    Result<std::size_t> got = stream->next_batch(out, max);
    if (!got.ok()) arrow_error = got.error();
    else if (*got == 0) end_locked();
    return got;
  }

  py::object next() {
    std::optional<Post> ready;
    // Fast path: a post already taken from the stream (try_lock: no waiting
    // with the GIL held).
    if (mu.try_lock()) {
      std::unique_lock<std::mutex> lock(mu, std::adopt_lock);
      if (at < buffered.size()) ready = std::move(buffered[at++]);
    }
    Result<std::size_t> got = std::size_t(0);
    if (!ready) {
      py::gil_scoped_release nogil;
      std::lock_guard<std::mutex> lock(mu);
      if (at >= buffered.size()) {
        buffered.clear();
        at = 0;
        if (stream) got = stream->next_batch(buffered, kTakeAtOnce);
      }
      if (at < buffered.size()) ready = std::move(buffered[at++]);
    }
    // Python objects only once the lock is free (objects.hpp, rule 2).
    if (ready) return py::cast(PyPost::standalone(std::move(*ready)));
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();  // Ctrl-C while waiting
    close();
    if (!got.ok()) raise_error(got.error());
    throw py::stop_iteration();
  }
};

void free_stream_capsule(PyObject* capsule) {
  auto* s = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule, "arrow_array_stream"));
  if (!s) {
    PyErr_Clear();
    return;
  }
  if (s->release) s->release(s);  // not taken by a consumer
  delete s;
}

// __arrow_c_stream__: the stream keeps the reader alive, and its batches
// are built without the GIL when the consumer releases it.
py::object arrow_stream(const std::shared_ptr<PostReader>& reader, std::size_t rows) {
  auto stream = std::make_unique<ArrowArrayStream>();
  stream->release = nullptr;
  unwrap(export_posts_arrow_stream(
      [reader](std::vector<Post>& out, std::size_t max) { return reader->pull(out, max); },
      stream.get(), rows));
  py::object capsule = py::reinterpret_steal<py::object>(
      PyCapsule_New(stream.get(), "arrow_array_stream", free_stream_capsule));
  if (!capsule) {
    stream->release(stream.get());
    throw py::error_already_set();
  }
  stream.release();
  return capsule;
}

template <class T>
T locked_copy(PostReader& r, T PostReader::*member) {
  py::gil_scoped_release nogil;
  std::lock_guard<std::mutex> lock(r.mu);
  return r.*member;
}

void init_stream(py::module_& m) {
  py::class_<PostReader, std::shared_ptr<PostReader>>(m, "PostReader",
                         "The posts of a file, one at a time (iter_posts). Iterate over it, or "
                         "use it in a with block to stop reading early.")
      .def("__iter__", [](py::object self) { return self; },
           DG_SIG("__iter__(self)", "The reader itself."))
      .def("__next__", &PostReader::next,
           DG_SIG("__next__(self)",
                  "The next post (a standalone Post); StopIteration at the end. An error in the "
                  "file is raised where it is met, after the posts before it."))
      .def_property_readonly(
          "report",
          [](PostReader& r) -> py::object {
            auto report = locked_copy(r, &PostReader::report);
            if (!report) return py::none();
            return py::cast(*report);
          },
          "Once the file has been read to its end: its ImportReport (posts read, skipped "
          "records, repairs, duplicates); None before, or when reading stopped early.")
      .def_property_readonly(
          "sources",
          [](PostReader& r) -> py::object {
            if (!locked_copy(r, &PostReader::report)) return py::none();
            return frozen_sources(locked_copy(r, &PostReader::sources));
          },
          "Once the file has been read to its end: the sources it defined (read-only "
          "copies); None before.")
      .def(
          "__arrow_c_stream__",
          [](const std::shared_ptr<PostReader>& r, const py::object&) {
            return arrow_stream(r, 16384);
          },
          py::arg("requested_schema") = py::none(),
          DG_SIG("__arrow_c_stream__(self, requested_schema=None)",
                 "The posts not yet read, as an Arrow stream capsule (the columns of "
                 "Collection.to_arrow, 16384 rows a batch): pyarrow, polars or DuckDB read the "
                 "file into columns without a Post object per row. It reads the reader's "
                 "posts; once it has given its end, report and sources are set. The requested "
                 "schema is not applied."))
      .def(
          "_arrow_stream",
          [](const std::shared_ptr<PostReader>& r, std::size_t rows) {
            if (rows == 0) raise_error(ErrorCode::invalid_argument, "rows must be at least 1",
                                       "rows");
            return arrow_stream(r, rows);
          },
          py::arg("rows"),
          DG_SIG("_arrow_stream(self, rows)",
                 "__arrow_c_stream__ with batches of at most rows posts (used by to_arrow)."))
      .def(
          "_raise_arrow_error",
          [](PostReader& r) {
            auto error = locked_copy(r, &PostReader::arrow_error);
            if (error) raise_error(*error);
          },
          DG_SIG("_raise_arrow_error(self)",
                 "Raises the error an Arrow stream over the reader met, if any (used by "
                 "to_arrow)."))
      .def("close", &PostReader::close,
           DG_SIG("close(self)", "Stops reading; the iterator then ends. Safe to call twice."))
      .def("__enter__", [](py::object self) { return self; },
           DG_SIG("__enter__(self)", "The reader itself."))
      .def("__exit__",
           [](PostReader& r, const py::args&) {
             r.close();
             return false;
           },
           DG_SIG("__exit__(self, *args)", "Closes the reader."));

  m.def(
      "iter_posts",
      [](const py::object& path, std::optional<Str> format, bool skip_bad_records, bool strict,
         std::optional<std::string> encoding, const std::string& on_duplicate) {
        ImportOptions o;
        o.format = input_format(format);
        o.skip_bad_records = skip_bad_records;
        o.strict = strict;
        if (encoding) o.encoding = *encoding;
        o.on_duplicate = on_duplicate_arg(on_duplicate);
        if (o.on_duplicate == OnDuplicate::replace || o.on_duplicate == OnDuplicate::merge)
          raise_error(ErrorCode::invalid_argument,
                      "iter_posts keeps no earlier posts: on_duplicate must be 'error' or "
                      "'keep_first'",
                      "on_duplicate");
        auto reader = std::make_shared<PostReader>();
        reader->name = path_arg(path);
        reader->stream = std::make_unique<PostStream>(reader->name, std::move(o));
        return reader;
      },
      py::arg("path"), py::kw_only(), py::arg("format") = py::none(),
      py::arg("skip_bad_records") = false, py::arg("strict") = false,
      py::arg("encoding") = py::none(), py::arg("on_duplicate") = "error",
      DG_SIG("iter_posts(path, *, format=None, skip_bad_records=False, strict=False, "
             "encoding=None, on_duplicate='error')",
             "The posts of a file one at a time, as standalone Posts, read on a thread of "
             "its own: JSON Lines and RSS/Atom files of any size take bounded memory (other "
             "formats are read whole first). Repeated ids are found as in Collection.load; "
             "on_duplicate is 'error' or 'keep_first'. Returns a PostReader."));
}

}  // namespace

DIGEST_PY_MODULE(15, init_stream);

}  // namespace digest::python
