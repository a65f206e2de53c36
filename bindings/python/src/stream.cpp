// digestcore.iter_posts: the posts of a file one at a time, read by
// PostStream (json.hpp) on a thread of its own, so a file of any size is
// walked in bounded memory. Each post is a standalone Post (the reader keeps
// nothing once it is handed over).
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "bindings.hpp"
#include "digest/json.hpp"
#include "objects.hpp"

namespace digest::python {

namespace {

constexpr std::size_t kTakeAtOnce = 256;

struct PostReader {
  std::unique_ptr<PostStream> stream;  // null once closed or at the end
  std::vector<Post> buffered;
  std::size_t at = 0;
  std::mutex mu;  // one __next__ at a time; taken with the GIL released
  std::string name;
  // Once the file has been read to its end: what the import read and the
  // sources the file defined.
  std::optional<ImportReport> report;
  std::vector<Source> sources;

  // Stops the reading thread and waits for it, with the GIL released (it
  // may be finishing a batch). Called with the GIL held. The report and the
  // sources are kept once the GIL is back, so that the properties, which
  // read them with the GIL held, never race with this.
  void close() {
    std::optional<ImportReport> final_report;
    std::vector<Source> final_sources;
    {
      py::gil_scoped_release nogil;
      std::lock_guard<std::mutex> lock(mu);
      std::unique_ptr<PostStream> dying = std::move(stream);
      const bool all_handed_out = at >= buffered.size();
      buffered.clear();
      at = 0;
      if (dying && all_handed_out && dying->report()) {
        final_report = *dying->report();
        const auto all = dying->sources()->sources();
        final_sources.assign(all.begin(), all.end());
      }
      dying.reset();  // joins the reading thread
    }
    if (final_report) {
      report = std::move(final_report);
      sources = std::move(final_sources);
    }
  }

  // Python frees a reader with the GIL held: the reading thread is stopped
  // and joined without it. (A thread blocked reading standard input ends
  // only when the input does.)
  ~PostReader() {
    if (!stream) return;
    py::gil_scoped_release nogil;
    stream.reset();
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

void init_stream(py::module_& m) {
  py::class_<PostReader>(m, "PostReader",
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
            if (!r.report) return py::none();
            return py::cast(*r.report);
          },
          "Once the file has been read to its end: its ImportReport (posts read, skipped "
          "records, repairs, duplicates); None before, or when reading stopped early.")
      .def_property_readonly(
          "sources",
          [](PostReader& r) -> py::object {
            if (!r.report) return py::none();
            return frozen_sources(r.sources);
          },
          "Once the file has been read to its end: the sources it defined (read-only "
          "copies); None before.")
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
        auto reader = std::make_unique<PostReader>();
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
