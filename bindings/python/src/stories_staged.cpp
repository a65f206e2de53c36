// Near duplicates in stages (digest/stories.hpp, "near duplicates in
// stages"): the private calls digestcore.dask runs on each partition. Each is
// a translation of one C++ step over NumPy arrays: arguments read with the
// GIL held, the step run without it, the answer handed to NumPy without a
// copy where it is an array.
#include <pybind11/numpy.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "digest/stories.hpp"
#include "objects.hpp"
#include "stories_args.hpp"

namespace digest::python {
namespace {

using namespace story_args;

template <class T>
py::array_t<T, py::array::c_style | py::array::forcecast> array_arg(py::handle obj, const char* what) {
  auto a = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(obj);
  if (!a) throw py::type_error(std::string(what) + " must be a 1-D array of integers, not " + type_name(obj));
  if (a.ndim() != 1)
    raise_error(ErrorCode::invalid_argument, std::string(what) + " must be 1-D", what);
  return a;
}

DuplicateOptions options_of(py::handle threshold, py::handle permutations, py::handle seed,
                            py::handle min_texts, py::handle threads) {
  DuplicateArgs a;
  a.threshold = py::reinterpret_borrow<py::object>(threshold);
  a.permutations = py::reinterpret_borrow<py::object>(permutations);
  a.seed = py::reinterpret_borrow<py::object>(seed);
  a.boilerplate_min_texts = py::reinterpret_borrow<py::object>(min_texts);
  a.threads = py::reinterpret_borrow<py::object>(threads);
  return duplicate_options(a);
}

LshParams lsh_of(const DuplicateOptions& o) {
  return lsh_params(jaccard_from_similarity(o.threshold), o.minhash.permutations);
}

// Source ids aligned with the texts: "" for None (one shared source).
std::vector<std::string_view> sources_arg(py::handle obj, std::size_t n, py::object& keep) {
  std::vector<std::string_view> out(n);
  if (obj.is_none()) return out;
  py::tuple t = aligned_arg(obj, n, "sources");
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* o = PyTuple_GET_ITEM(t.ptr(), static_cast<Py_ssize_t>(i));
    if (is_missing(o)) continue;
    if (!PyUnicode_Check(o))
      throw py::type_error(element("sources", i) + " must be str or None, not " + type_name(o));
    Py_ssize_t len = 0;
    const char* d = PyUnicode_AsUTF8AndSize(o, &len);
    if (!d) throw py::error_already_set();
    out[i] = std::string_view(d, static_cast<std::size_t>(len));
  }
  keep = std::move(t);
  return out;
}

// {source id: iterable of hashes} as the C++ Boilerplate.
Boilerplate boilerplate_arg(py::handle obj) {
  if (!PyDict_Check(obj.ptr()))
    throw py::type_error("boilerplate must be a dict of source id to hashes, not " + type_name(obj));
  Boilerplate out;
  for (auto item : py::reinterpret_borrow<py::dict>(obj)) {
    if (!PyUnicode_Check(item.first.ptr()))
      throw py::type_error("boilerplate keys must be str source ids, not " + type_name(item.first));
    auto hashes = array_arg<std::uint64_t>(item.second, "boilerplate hashes");
    std::vector<std::uint64_t> v(hashes.data(), hashes.data() + hashes.size());
    std::sort(v.begin(), v.end());
    out.emplace_back(item.first.cast<std::string>(), std::move(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

py::tuple lsh_for(py::handle threshold, py::handle permutations) {
  const DuplicateOptions o = options_of(threshold, permutations, py::int_(1), py::int_(0), py::none());
  const LshParams p = lsh_of(o);
  return py::make_tuple(p.bands, p.rows);
}

py::tuple edges(py::handle texts, py::handle permutations, py::handle seed, py::handle threads) {
  const DuplicateOptions o = options_of(py::float_(0.8), permutations, seed, py::int_(0), threads);
  need_numpy("_stories_edges");
  Texts t = texts_arg(texts);
  std::vector<std::int64_t> text;
  std::vector<std::uint64_t> hash, fingerprint(t.views.size());
  {
    py::gil_scoped_release nogil;
    const std::vector<EdgeSentences> e = edge_sentences(t.views, o);
    for (std::size_t i = 0; i < e.size(); ++i) {
      fingerprint[i] = e[i].fingerprint;
      for (std::uint64_t h : e[i].hashes) {
        text.push_back(static_cast<std::int64_t>(i));
        hash.push_back(h);
      }
    }
  }
  return py::make_tuple(owned_array(std::move(text)), owned_array(std::move(hash)),
                        owned_array(std::move(fingerprint)));
}

py::tuple sketch(py::handle texts, py::handle sources, py::handle boilerplate, py::handle threshold,
                 py::handle permutations, py::handle seed, py::handle threads) {
  const DuplicateOptions o = options_of(threshold, permutations, seed, py::int_(0), threads);
  need_numpy("_stories_sketch");
  Texts t = texts_arg(texts);
  const std::size_t n = t.views.size();
  py::object keep_sources;
  const std::vector<std::string_view> src = sources_arg(sources, n, keep_sources);
  std::optional<Boilerplate> boiler;
  if (!boilerplate.is_none()) boiler = boilerplate_arg(boilerplate);
  const LshParams lsh = lsh_of(o);
  TextSketches sk;
  std::vector<std::uint64_t> keys;
  {
    py::gil_scoped_release nogil;
    std::vector<DuplicateInput> in(n);
    for (std::size_t i = 0; i < n; ++i) in[i] = {t.views[i], std::nullopt, src[i]};
    sk = sketch_texts(in, o, boiler ? &*boiler : nullptr);
    keys = band_keys(sk.signatures, lsh);
  }
  std::vector<std::int64_t> offsets(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    offsets[i + 1] = offsets[i] + static_cast<std::int64_t>(sk.shingles[i].size());
  std::vector<std::uint32_t> values;
  values.reserve(static_cast<std::size_t>(offsets[n]));
  for (auto& sh : sk.shingles) {
    values.insert(values.end(), sh.begin(), sh.end());
    std::vector<std::uint32_t>().swap(sh);
  }
  return py::make_tuple(owned_array(std::move(offsets)), owned_array(std::move(values)),
                        owned_array(std::move(keys), {static_cast<py::ssize_t>(n),
                                                      static_cast<py::ssize_t>(lsh.bands)}));
}

py::tuple pairs_of_buckets(py::handle keys_in, py::handle ids_in) {
  auto keys = array_arg<std::uint64_t>(keys_in, "keys");
  auto ids = array_arg<std::int64_t>(ids_in, "ids");
  if (keys.size() != ids.size())
    raise_error(ErrorCode::invalid_argument, "keys and ids differ in length", "ids");
  std::vector<std::int64_t> a, b;
  {
    py::gil_scoped_release nogil;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> rows(static_cast<std::size_t>(keys.size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
      rows[i] = {keys.data()[i], static_cast<std::uint64_t>(ids.data()[i])};
    const auto pairs = keyed_candidate_pairs(std::move(rows));
    for (const auto& [x, y] : pairs) {
      a.push_back(static_cast<std::int64_t>(x));
      b.push_back(static_cast<std::int64_t>(y));
    }
  }
  return py::make_tuple(owned_array(std::move(a)), owned_array(std::move(b)));
}

// Shingle sets as Arrow list data: set i is values[offsets[i], offsets[i+1]).
struct ShingleLists {
  py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> offsets;
  py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast> values;
  std::size_t size() const { return offsets.size() ? static_cast<std::size_t>(offsets.size()) - 1 : 0; }
  std::span<const std::uint32_t> operator[](std::size_t i) const {
    const std::int64_t* o = offsets.data();
    return {values.data() + o[i], static_cast<std::size_t>(o[i + 1] - o[i])};
  }
};

ShingleLists lists_arg(py::handle offsets, py::handle values, const char* what) {
  ShingleLists l{array_arg<std::int64_t>(offsets, what), array_arg<std::uint32_t>(values, what)};
  const auto total = static_cast<std::int64_t>(l.values.size());
  const std::int64_t* o = l.offsets.data();
  for (py::ssize_t i = 0; i < l.offsets.size(); ++i)
    if (o[i] < 0 || o[i] > total || (i > 0 && o[i] < o[i - 1]))
      raise_error(ErrorCode::invalid_argument,
                  std::string(what) + " offsets must rise within the values, not at " + std::to_string(i), what);
  return l;
}

py::array_t<double> similarities(py::handle offsets_a, py::handle values_a, py::handle offsets_b,
                                 py::handle values_b) {
  const ShingleLists a = lists_arg(offsets_a, values_a, "a");
  const ShingleLists b = lists_arg(offsets_b, values_b, "b");
  if (a.size() != b.size()) raise_error(ErrorCode::invalid_argument, "a and b differ in length", "b");
  std::vector<double> out(a.size());
  {
    py::gil_scoped_release nogil;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = similarity(a[i], b[i]);
  }
  return owned_array(std::move(out));
}

py::tuple roots(py::handle a_in, py::handle b_in) {
  auto a = array_arg<std::int64_t>(a_in, "a");
  auto b = array_arg<std::int64_t>(b_in, "b");
  if (a.size() != b.size()) raise_error(ErrorCode::invalid_argument, "a and b differ in length", "b");
  std::vector<std::int64_t> nodes, root;
  {
    py::gil_scoped_release nogil;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> joined(static_cast<std::size_t>(a.size()));
    for (std::size_t i = 0; i < joined.size(); ++i)
      joined[i] = {static_cast<std::uint64_t>(a.data()[i]), static_cast<std::uint64_t>(b.data()[i])};
    for (const auto& [x, r] : component_roots(joined)) {
      nodes.push_back(static_cast<std::int64_t>(x));
      root.push_back(static_cast<std::int64_t>(r));
    }
  }
  return py::make_tuple(owned_array(std::move(nodes)), owned_array(std::move(root)));
}

void init_stories_staged(py::module_& m) {
  m.def("_stories_lsh", &lsh_for, py::arg("threshold"), py::arg("permutations"),
        DG_SIG("_stories_lsh(threshold, permutations)", "(bands, rows) of banded LSH for a similarity threshold."));
  m.def("_stories_boilerplate_enabled",
        [](std::size_t min_texts, std::size_t total) {
          DuplicateOptions o;
          o.boilerplate_min_texts = min_texts;
          return boilerplate_enabled(o, total);
        },
        py::arg("min_texts"), py::arg("total"),
        DG_SIG("_stories_boilerplate_enabled(min_texts, total)", "Whether boilerplate is learned for this many texts."));
  m.def("_stories_edges", &edges, py::arg("texts"), py::kw_only(), py::arg("permutations") = 128,
        py::arg("seed") = 1, py::arg("threads") = py::none(),
        DG_SIG("_stories_edges(texts, *, permutations=128, seed=1, threads=None)",
               "(text, hash, fingerprint): each edge sentence's text number and hash, and every text's fingerprint."));
  m.def("_stories_sketch", &sketch, py::arg("texts"), py::arg("sources"), py::arg("boilerplate"),
        py::kw_only(), py::arg("threshold") = 0.8, py::arg("permutations") = 128, py::arg("seed") = 1,
        py::arg("threads") = py::none(),
        DG_SIG("_stories_sketch(texts, sources, boilerplate, *, threshold=0.8, permutations=128, seed=1, threads=None)",
               "(offsets, values, band_keys): the shingle sets as Arrow list data and an (n, bands) uint64 array."));
  m.def("_stories_bucket_pairs", &pairs_of_buckets, py::arg("keys"), py::arg("ids"),
        DG_SIG("_stories_bucket_pairs(keys, ids)",
               "(a, b): the distinct candidate pairs of the buckets of (band key, text number) rows."));
  m.def("_stories_similarity", &similarities, py::arg("offsets_a"), py::arg("values_a"),
        py::arg("offsets_b"), py::arg("values_b"),
        DG_SIG("_stories_similarity(offsets_a, values_a, offsets_b, values_b)",
               "The similarity of each pair of shingle sets, given as Arrow list data."));
  m.def("_stories_component_roots", &roots, py::arg("a"), py::arg("b"),
        DG_SIG("_stories_component_roots(a, b)",
               "(nodes, roots): each text of a joined pair and the smallest text of its component."));
}

}  // namespace

DIGEST_PY_MODULE(61, init_stories_staged);

}  // namespace digest::python
