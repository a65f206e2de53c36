// Stories and near duplicates (digest/stories.hpp): minhash, lsh_clusters,
// cluster_near_duplicates, near_duplicates, Collection.clusters /
// near_duplicates / stories, and NearDuplicateIndex. Thin translations: the
// arguments are read with the GIL held, the C++ call runs with it released
// (and the collection's, gazetteer's or index's lock taken after), and the
// results are wrapped without copying them again (the result objects share
// one immutable C++ result).
//
// Texts: an iterable of str; None, NaN and pandas NA are read as empty text,
// which has no shingles and so never joins a cluster (a singleton; a row of
// 0xFFFFFFFF in minhash).
#include <pybind11/numpy.h>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "digest/stories.hpp"
#include "objects.hpp"
#include "stories_args.hpp"

namespace digest::python {

namespace {

using namespace story_args;
using CollectionPtr = std::shared_ptr<PyCollection>;

// ---- results ------------------------------------------------------------------

py::list int_list(const std::vector<std::size_t>& v) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), PyLong_FromSize_t(v[i]));
  return out;
}

py::list member_lists(const DuplicateResult& r) {
  py::list out(r.clusters.size());
  for (std::size_t c = 0; c < r.clusters.size(); ++c)
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(c), int_list(r.clusters[c].members).release().ptr());
  return out;
}

// A cluster's members as ids: the representative first, then the others in
// input order.
py::list id_list(const Cluster& c, const std::vector<std::string>& ids) {
  py::list out;
  out.append(Str{ids[c.representative]});
  for (std::size_t m : c.members)
    if (m != c.representative) out.append(Str{ids[m]});
  return out;
}

using DuplicatesPtr = std::shared_ptr<const DuplicateResult>;

// digestcore.DuplicateResult and its clusters: views of one immutable result.
struct PyDuplicates {
  DuplicatesPtr r;
};
struct PyCluster {
  DuplicatesPtr r;
  std::size_t index = 0;
  const Cluster& get() const { return r->clusters[index]; }
};

// A StoryResult with the ids of the collection's posts when it was made
// (posts are only appended and their ids never change, so they stay right).
struct StoryData {
  StoryResult r;
  std::vector<std::string> ids;
};
using StoriesPtr = std::shared_ptr<const StoryData>;
struct PyStories {
  StoriesPtr s;
};
struct PyStory {
  StoriesPtr s;
  std::size_t index = 0;
  const Story& get() const { return s->r.stories[index]; }
};
struct PyStoryLink {
  std::string a, b;
  double score = 0;
  std::vector<std::string> shared;
};

struct PyIndex {
  NearDuplicateIndex index;
  mutable std::shared_mutex mu;
  explicit PyIndex(NearDuplicateIndex i) : index(std::move(i)) {}
};
using IndexPtr = std::shared_ptr<PyIndex>;

// A similarity for a repr: four significant digits (0.8947, 0.8, 1).
std::string number(double v) {
  char out[32];
  std::snprintf(out, sizeof out, "%.4g", v);
  return out;
}

std::vector<std::string> post_ids(const Collection& c) {
  std::vector<std::string> ids;
  ids.reserve(c.size());
  for (const Post& p : c.posts()) ids.push_back(p.id);
  return ids;
}

// ---- the calls ------------------------------------------------------------------

py::object minhash(py::handle texts, py::handle permutations, py::handle seed, py::handle threads) {
  DuplicateArgs a;
  a.permutations = py::reinterpret_borrow<py::object>(permutations);
  a.seed = py::reinterpret_borrow<py::object>(seed);
  a.threads = py::reinterpret_borrow<py::object>(threads);
  const DuplicateOptions o = duplicate_options(a);
  need_numpy("minhash");
  Texts t = texts_arg(texts);
  SignatureMatrix m;
  {
    py::gil_scoped_release nogil;
    m = MinHasher(o.minhash).signatures(t.views, o.threads);
  }
  // The array takes the C++ buffer as it is: no copy, no object per value.
  return owned_array(std::move(m.values), {static_cast<py::ssize_t>(t.views.size()),
                                           static_cast<py::ssize_t>(m.permutations)});
}

SignatureMatrix signatures_arg(py::handle obj) {
  need_numpy("lsh_clusters");
  py::array a = py::array::ensure(obj);
  const std::string want = "signatures must be a 2-D array of uint32, as minhash returns";
  if (!a) throw py::type_error(want + ", not " + type_name(obj));
  const py::dtype dt = a.dtype();
  if (dt.kind() != 'u' || dt.itemsize() != 4)
    throw py::type_error(want + ", not an array of " + std::string(py::str(dt)) +
                         " (numpy.asarray(x, dtype=numpy.uint32) converts one)");
  if (a.ndim() != 2)
    raise_error(ErrorCode::invalid_argument,
                want + ", not a " + std::to_string(a.ndim()) + "-D array", "signatures");
  // C order and native byte order (a copy only when it is not already so).
  auto c = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>::ensure(a);
  if (!c) throw py::error_already_set();
  SignatureMatrix m;
  m.permutations = static_cast<std::size_t>(a.shape(1));
  m.values.assign(c.data(), c.data() + c.size());
  return m;
}

py::list lsh_cluster_lists(py::handle signatures, py::handle threshold, py::handle bands,
                           py::handle rows) {
  const double t = float_arg(threshold, "threshold");
  std::optional<LshParams> lsh;
  if (bands.is_none() != rows.is_none())
    raise_error(ErrorCode::invalid_argument, "give both bands and rows, or neither",
                bands.is_none() ? "bands" : "rows");
  if (!bands.is_none())
    lsh = LshParams{  // their range is lsh_clusters' to check
        static_cast<std::size_t>(int_arg(bands, "bands", 0, std::numeric_limits<int>::max())),
        static_cast<std::size_t>(int_arg(rows, "rows", 0, std::numeric_limits<int>::max()))};
  SignatureMatrix m = signatures_arg(signatures);
  Result<DuplicateResult> r = [&] {
    py::gil_scoped_release nogil;
    return lsh_clusters(m, t, lsh);
  }();
  return member_lists(unwrap(std::move(r)));
}

DuplicateResult duplicates_of(py::handle texts, const DuplicateArgs& a, py::handle dates,
                              py::handle sources) {
  const DuplicateOptions o = duplicate_options(a);
  Texts t = texts_arg(texts);
  const std::size_t n = t.views.size();
  std::vector<DuplicateInput> in(n);
  for (std::size_t i = 0; i < n; ++i) in[i].text = t.views[i];
  if (!is_missing(dates)) {
    py::tuple d = aligned_arg(dates, n, "dates");
    for (std::size_t i = 0; i < n; ++i) {
      std::optional<DateTime> dt = datetime_from_python(d[i], element("dates", i).c_str());
      if (dt) in[i].date = dt->date;
    }
  }
  std::vector<std::string> source_ids;
  if (!is_missing(sources)) {
    py::tuple s = aligned_arg(sources, n, "sources");
    source_ids.resize(n);
    for (std::size_t i = 0; i < n; ++i) source_ids[i] = optional_text_arg(s[i], element("sources", i).c_str());
    for (std::size_t i = 0; i < n; ++i) in[i].source = source_ids[i];
  }
  Result<DuplicateResult> r = [&] {
    py::gil_scoped_release nogil;
    return find_near_duplicates(in, o);
  }();
  return unwrap(std::move(r));
}

DuplicateArgs args_of(py::handle threshold, py::handle permutations, py::handle seed,
                      py::handle window_days, py::handle boilerplate_min_texts, py::handle threads) {
  DuplicateArgs a;
  a.threshold = py::reinterpret_borrow<py::object>(threshold);
  a.permutations = py::reinterpret_borrow<py::object>(permutations);
  a.seed = py::reinterpret_borrow<py::object>(seed);
  a.window_days = py::reinterpret_borrow<py::object>(window_days);
  a.boilerplate_min_texts = py::reinterpret_borrow<py::object>(boilerplate_min_texts);
  a.threads = py::reinterpret_borrow<py::object>(threads);
  return a;
}

DuplicateResult collection_duplicates(const PyCollection& c, const DuplicateArgs& a,
                                      std::vector<std::string>* ids) {
  const DuplicateOptions o = duplicate_options(a);
  Result<DuplicateResult> r = nogil_shared(c.mu, [&] {
    if (ids) *ids = post_ids(c.c);
    return find_duplicates(c.c, o);
  });
  return unwrap(std::move(r));
}

PyStories collection_stories(const PyCollection& c, py::handle entities, py::handle window_days,
                             py::handle link_threshold, py::handle threshold,
                             bool across_languages_only) {
  StoryOptions o;
  DuplicateArgs a;
  a.threshold = py::reinterpret_borrow<py::object>(threshold);
  o.duplicates = duplicate_options(a);
  // Ranges of window_days and link_threshold: cluster_stories checks them.
  o.window_days = static_cast<int>(int_arg(window_days, "window_days", std::numeric_limits<int>::min(),
                                           std::numeric_limits<int>::max()));
  o.link_threshold = float_arg(link_threshold, "link_threshold");
  o.across_languages_only = across_languages_only;
  const PyGazetteer* gazetteer = nullptr;
  if (!entities.is_none()) {
    if (!py::isinstance<PyGazetteer>(entities))
      throw py::type_error("entities must be a Gazetteer or None, not " + type_name(entities));
    gazetteer = &entities.cast<const PyGazetteer&>();
    o.entities = &gazetteer->g;
  }
  auto data = std::make_shared<StoryData>();
  Result<StoryResult> r = [&]() -> Result<StoryResult> {
    py::gil_scoped_release nogil;
    LockSet locks;
    locks.shared(c.mu);
    if (gazetteer) locks.shared(gazetteer->mu);
    locks.lock();
    data->ids = post_ids(c.c);
    return cluster_stories(c.c, o);
  }();
  data->r = unwrap(std::move(r));
  return PyStories{std::move(data)};
}

// ---- docstrings shared by several defs ---------------------------------------------

#define DG_DUP_SIG(name)                                                                  \
  name "(texts, threshold=0.8, *, permutations=128, seed=1, window_days=None, dates=None, " \
       "sources=None, boilerplate_min_texts=3, threads=None)"

#define DG_DUP_ARGS                                                                            \
  " texts: an iterable of str (list, tuple, NumPy array, pandas Series, pyarrow Array); None " \
  "and NaN are empty text, which joins nothing. threshold: the Jaccard similarity of the "     \
  "texts' word sets (from their search keys) to join two texts, in (0, 1]; candidates from "   \
  "MinHash signatures (permutations, seed) and banded LSH are verified exactly. window_days: " \
  "only texts dated at most this many days apart are compared (dates: a sequence aligned "     \
  "with texts of datetime.date, datetime, ISO 8601 str or None; undated texts meet every "     \
  "text). sources: a sequence of source ids aligned with texts; sentences found in at least "  \
  "boilerplate_min_texts texts of one source (credit lines, footers) are left out (0: keep "   \
  "them). threads: None uses every core; the answer does not depend on it. The GIL is "       \
  "released."

void init_stories(py::module_& m) {
  // ---- result types ----
  py::class_<JoinedPair>(m, "JoinedPair",
                         "One pair of texts that joined a cluster, as the explanation of why: "
                         "a and b (input indices), the MinHash estimate, the verified Jaccard "
                         "and the rule.")
      .def_readonly("a", &JoinedPair::a, "The first text's index (the smaller).")
      .def_readonly("b", &JoinedPair::b, "The second text's index.")
      .def_readonly("estimated", &JoinedPair::estimated,
                    "Their similarity estimated from the MinHash signatures.")
      .def_readonly("verified", &JoinedPair::verified,
                    "Their exact Jaccard similarity (the estimate again for rule 'estimated').")
      .def_property_readonly(
          "rule", [](const JoinedPair& p) { return std::string(join_rule_name(p.rule)); },
          "'exact' (same search key), 'near_duplicate' (verified similarity at or above the "
          "threshold) or 'estimated' (signatures only: lsh_clusters).")
      .def(
          "__eq__",
          [](const JoinedPair& a, py::handle b) {
            return py::isinstance<JoinedPair>(b) && a == b.cast<const JoinedPair&>();
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)", "Equal when every field is (False for another type)."))
      .def("__repr__",
           [](const JoinedPair& p) {
             return "<digestcore.JoinedPair " + std::to_string(p.a) + "-" + std::to_string(p.b) +
                    " " + std::string(join_rule_name(p.rule)) + " verified=" + number(p.verified) +
                    " estimated=" + number(p.estimated) + ">";
           },
           DG_SIG("__repr__(self)", "<digestcore.JoinedPair a-b rule verified=… estimated=…>"));
  m.attr("JoinedPair").attr("__hash__") = py::none();

  py::class_<PyCluster>(m, "Cluster",
                        "Texts that are near duplicates of each other: their indices, the "
                        "representative and the pairs that joined them (a spanning tree).")
      .def_property_readonly("representative", [](const PyCluster& c) { return c.get().representative; },
                             "The index of the text that stands for the cluster: the earliest "
                             "dated, then the longest, then the first (lsh_clusters: the first).")
      .def_property_readonly("members", [](const PyCluster& c) { return int_list(c.get().members); },
                             "The indices of the texts, ascending (representative included).")
      .def_property_readonly("pairs", [](const PyCluster& c) { return c.get().pairs; },
                             "The JoinedPair list that joined the members: len(members) - 1 "
                             "pairs, a spanning tree.")
      .def("__len__", [](const PyCluster& c) { return c.get().members.size(); },
           DG_SIG("__len__(self)", "The number of members."))
      .def("__repr__",
           [](const PyCluster& c) {
             return "<digestcore.Cluster " + std::to_string(c.get().members.size()) +
                    " members, representative " + std::to_string(c.get().representative) + ">";
           },
           DG_SIG("__repr__(self)", "<digestcore.Cluster N members, representative I>"));

  py::class_<PyDuplicates>(m, "DuplicateResult",
                           "Near-duplicate clusters of some texts (near_duplicates, "
                           "Collection.near_duplicates): every text is in exactly one cluster, "
                           "singletons included; clusters are ordered by their smallest member.")
      .def_property_readonly(
          "clusters",
          [](const PyDuplicates& d) {
            py::list out(d.r->clusters.size());
            for (std::size_t k = 0; k < d.r->clusters.size(); ++k) out[k] = py::cast(PyCluster{d.r, k});
            return out;
          },
          "The Cluster list, by smallest member.")
      .def_property_readonly(
          "cluster_of",
          [](const PyDuplicates& d) {
            py::list out(d.r->cluster_of.size());
            for (std::size_t i = 0; i < d.r->cluster_of.size(); ++i)
              PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), PyLong_FromUnsignedLong(d.r->cluster_of[i]));
            return out;
          },
          "For each text (input index), the index of its cluster in clusters.")
      .def_property_readonly(
          "stats",
          [](const PyDuplicates& d) {
            const DuplicateStats& s = d.r->stats;
            py::dict out;
            out["bands"] = s.lsh.bands;
            out["rows"] = s.lsh.rows;
            out["candidate_pairs"] = s.candidate_pairs;
            out["verified_pairs"] = s.verified_pairs;
            out["boilerplate_sentences"] = s.boilerplate_sentences;
            return out;
          },
          "A dict: bands and rows of the LSH, candidate_pairs (pairs that shared a band and "
          "were examined), verified_pairs (of them, those at or above the threshold), "
          "boilerplate_sentences (sentences left out as boilerplate).")
      .def("__len__", [](const PyDuplicates& d) { return d.r->clusters.size(); },
           DG_SIG("__len__(self)", "The number of clusters."))
      .def("__repr__",
           [](const PyDuplicates& d) {
             return "<digestcore.DuplicateResult " + std::to_string(d.r->clusters.size()) +
                    " clusters of " + std::to_string(d.r->cluster_of.size()) + " texts>";
           },
           DG_SIG("__repr__(self)", "<digestcore.DuplicateResult N clusters of N texts>"));

  py::class_<PyStoryLink>(m, "StoryLink",
                          "Why two clusters belong to one story: a post of each, the anchor "
                          "score and the anchors they share.")
      .def_property_readonly("a", [](const PyStoryLink& l) { return Str{l.a}; },
                             "The id of a post of one cluster.")
      .def_property_readonly("b", [](const PyStoryLink& l) { return Str{l.b}; },
                             "The id of a post of the other cluster.")
      .def_readonly("score", &PyStoryLink::score, "The anchor score, in [0, 1].")
      .def_property_readonly(
          "shared",
          [](const PyStoryLink& l) {
            py::list out;
            for (const auto& s : l.shared) out.append(Str{s});
            return out;
          },
          "The anchors both posts have: 'entity:ID', 'name:KEY', 'number:N', 'date:YYYY-MM-DD'.")
      .def("__repr__",
           [](const PyStoryLink& l) {
             return "<digestcore.StoryLink " + l.a + " ~ " + l.b + " score=" + number(l.score) +
                    " shared=" + std::to_string(l.shared.size()) + ">";
           },
           DG_SIG("__repr__(self)", "<digestcore.StoryLink a ~ b score=… shared=N>"));

  py::class_<PyStory>(m, "Story",
                      "Posts about one event, in any language: near-duplicate clusters linked by "
                      "what survives translation (entities, names, numbers, dates).")
      .def_property_readonly("id", [](const PyStory& s) { return Str{s.get().id}; },
                             "'story-' + the representative post's id.")
      .def_property_readonly("representative",
                             [](const PyStory& s) { return Str{s.s->ids[s.get().representative]}; },
                             "The id of the post that stands for the story.")
      .def_property_readonly(
          "posts",
          [](const PyStory& s) {
            py::list out;
            for (std::size_t i : s.get().posts) out.append(Str{s.s->ids[i]});
            return out;
          },
          "The ids of its posts, in collection order.")
      .def_property_readonly(
          "clusters",
          [](const PyStory& s) {
            py::list out;
            for (std::size_t k : s.get().clusters)
              out.append(id_list(s.s->r.duplicates.clusters[k], s.s->ids));
            return out;
          },
          "Its near-duplicate clusters, each a list of post ids with the cluster's "
          "representative first, then the others in collection order.")
      .def_property_readonly(
          "links",
          [](const PyStory& s) {
            py::list out;
            for (const StoryLink& l : s.get().links)
              out.append(py::cast(PyStoryLink{s.s->ids[l.a], s.s->ids[l.b], l.score, l.shared}));
            return out;
          },
          "The StoryLink list that joined its clusters (len(clusters) - 1 links).")
      .def("__len__", [](const PyStory& s) { return s.get().posts.size(); },
           DG_SIG("__len__(self)", "The number of posts."))
      .def("__repr__",
           [](const PyStory& s) {
             return "<digestcore.Story " + s.get().id + ": " + std::to_string(s.get().posts.size()) +
                    " posts in " + std::to_string(s.get().clusters.size()) + " clusters>";
           },
           DG_SIG("__repr__(self)", "<digestcore.Story id: N posts in N clusters>"));

  py::class_<PyStories>(m, "StoryResult",
                        "The stories of a collection (Collection.stories): every post is in "
                        "exactly one story; stories are ordered by their first post.")
      .def_property_readonly(
          "stories",
          [](const PyStories& r) {
            py::list out(r.s->r.stories.size());
            for (std::size_t k = 0; k < r.s->r.stories.size(); ++k) out[k] = py::cast(PyStory{r.s, k});
            return out;
          },
          "The Story list.")
      .def_property_readonly(
          "duplicates",
          [](const PyStories& r) {
            return PyDuplicates{DuplicatesPtr(r.s, &r.s->r.duplicates)};
          },
          "The near-duplicate clusters the stories are made of, as a DuplicateResult whose "
          "indices are positions in the collection's posts.")
      .def_property_readonly(
          "story_of",
          [](const PyStories& r) {
            py::list out(r.s->r.story_of.size());
            for (std::size_t i = 0; i < r.s->r.story_of.size(); ++i)
              PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), PyLong_FromUnsignedLong(r.s->r.story_of[i]));
            return out;
          },
          "For each post (its position in the collection's posts), the index of its story in "
          "stories.")
      .def("__len__", [](const PyStories& r) { return r.s->r.stories.size(); },
           DG_SIG("__len__(self)", "The number of stories."))
      .def("__repr__",
           [](const PyStories& r) {
             return "<digestcore.StoryResult " + std::to_string(r.s->r.stories.size()) +
                    " stories of " + std::to_string(r.s->r.story_of.size()) + " posts>";
           },
           DG_SIG("__repr__(self)", "<digestcore.StoryResult N stories of N posts>"));

  // ---- functions ----
  m.def("minhash", &minhash, py::arg("texts"), py::kw_only(), py::arg("permutations") = 128,
        py::arg("seed") = 1, py::arg("threads") = py::none(),
        DG_SIG("minhash(texts, *, permutations=128, seed=1, threads=None)",
               "The MinHash signatures of texts (an iterable of str; None and NaN are empty "
               "text): a NumPy array of shape (len(texts), permutations) and dtype uint32, "
               "one row per text, over the words of each text's search key (character 3-grams "
               "for short texts and scripts written without spaces). The same seed gives the "
               "same values on every machine, so signatures made in several processes can be "
               "stacked and clustered with lsh_clusters. A text without words gets a row of "
               "0xFFFFFFFF, which matches nothing. permutations: 1 to 1024. threads: None "
               "uses every core. The GIL is released."));
  m.def("lsh_clusters", &lsh_cluster_lists, py::arg("signatures"), py::arg("threshold") = 0.8,
        py::kw_only(), py::arg("bands") = py::none(), py::arg("rows") = py::none(),
        DG_SIG("lsh_clusters(signatures, threshold=0.8, *, bands=None, rows=None)",
               "Clusters of rows of a signature matrix (a 2-D uint32 array, as minhash "
               "returns; rows may come from several calls stacked with numpy.vstack, with the "
               "same permutations and seed): candidate pairs from banded LSH, joined when "
               "their estimated similarity reaches threshold. bands and rows (both or neither) "
               "override the LSH bands chosen for the threshold. Returns a list of clusters, "
               "each a list of row indices in ascending order; every row is in exactly one "
               "cluster (singletons too), clusters ordered by smallest member. The GIL is "
               "released."));
  m.def(
      "cluster_near_duplicates",
      [](py::handle texts, py::handle threshold, py::handle permutations, py::handle seed,
         py::handle window_days, py::handle dates, py::handle sources,
         py::handle boilerplate_min_texts, py::handle threads) {
        DuplicateResult r = duplicates_of(
            texts, args_of(threshold, permutations, seed, window_days, boilerplate_min_texts, threads),
            dates, sources);
        return member_lists(r);
      },
      py::arg("texts"), py::arg("threshold") = 0.8, py::kw_only(), py::arg("permutations") = 128,
      py::arg("seed") = 1, py::arg("window_days") = py::none(), py::arg("dates") = py::none(),
      py::arg("sources") = py::none(), py::arg("boilerplate_min_texts") = 3,
      py::arg("threads") = py::none(),
      DG_SIG(DG_DUP_SIG("cluster_near_duplicates"),
             "Near-duplicate clusters of texts, as a list of clusters, each a list of text "
             "indices in ascending order; every index is in exactly one cluster (singletons "
             "too), clusters ordered by smallest member. near_duplicates gives the same "
             "clusters with their representatives and the pairs that joined them." DG_DUP_ARGS));
  m.def(
      "near_duplicates",
      [](py::handle texts, py::handle threshold, py::handle permutations, py::handle seed,
         py::handle window_days, py::handle dates, py::handle sources,
         py::handle boilerplate_min_texts, py::handle threads) {
        DuplicateResult r = duplicates_of(
            texts, args_of(threshold, permutations, seed, window_days, boilerplate_min_texts, threads),
            dates, sources);
        return PyDuplicates{std::make_shared<const DuplicateResult>(std::move(r))};
      },
      py::arg("texts"), py::arg("threshold") = 0.8, py::kw_only(), py::arg("permutations") = 128,
      py::arg("seed") = 1, py::arg("window_days") = py::none(), py::arg("dates") = py::none(),
      py::arg("sources") = py::none(), py::arg("boilerplate_min_texts") = 3,
      py::arg("threads") = py::none(),
      DG_SIG(DG_DUP_SIG("near_duplicates"),
             "Near-duplicate clusters of texts as a DuplicateResult: each Cluster with its "
             "representative (the earliest dated, then the longest, then the first text) and "
             "the JoinedPair list that explains it, cluster_of, and stats." DG_DUP_ARGS));

  // ---- Collection ----
  auto coll = py::reinterpret_borrow<py::class_<PyCollection, CollectionPtr>>(m.attr("Collection"));
  coll.def(
          "near_duplicates",
          [](const PyCollection& c, py::handle threshold, py::handle window_days,
             py::handle permutations, py::handle seed, py::handle boilerplate_min_texts,
             py::handle threads) {
            DuplicateResult r = collection_duplicates(
                c, args_of(threshold, permutations, seed, window_days, boilerplate_min_texts, threads),
                nullptr);
            return PyDuplicates{std::make_shared<const DuplicateResult>(std::move(r))};
          },
          py::arg("threshold") = 0.8, py::kw_only(), py::arg("window_days") = py::none(),
          py::arg("permutations") = 128, py::arg("seed") = 1,
          py::arg("boilerplate_min_texts") = 3, py::arg("threads") = py::none(),
          DG_SIG("near_duplicates(self, threshold=0.8, *, window_days=None, permutations=128, "
                 "seed=1, boilerplate_min_texts=3, threads=None)",
                 "The near-duplicate clusters of the posts as a DuplicateResult whose indices "
                 "are positions in collection.posts. Each post is read as its title, excerpt "
                 "and body, dated by its digest date (posted_on, else published_on) and "
                 "grouped by source for boilerplate; the arguments are those of "
                 "digestcore.near_duplicates. The collection is locked (shared) with the GIL "
                 "released."))
      .def(
          "clusters",
          [](const PyCollection& c, py::handle threshold, py::handle window_days,
             py::handle permutations, py::handle seed, py::handle boilerplate_min_texts,
             py::handle threads) {
            std::vector<std::string> ids;
            DuplicateResult r = collection_duplicates(
                c, args_of(threshold, permutations, seed, window_days, boilerplate_min_texts, threads),
                &ids);
            py::list out(r.clusters.size());
            for (std::size_t k = 0; k < r.clusters.size(); ++k) out[k] = id_list(r.clusters[k], ids);
            return out;
          },
          py::arg("threshold") = 0.8, py::kw_only(), py::arg("window_days") = py::none(),
          py::arg("permutations") = 128, py::arg("seed") = 1,
          py::arg("boilerplate_min_texts") = 3, py::arg("threads") = py::none(),
          DG_SIG("clusters(self, threshold=0.8, *, window_days=None, permutations=128, seed=1, "
                 "boilerplate_min_texts=3, threads=None)",
                 "The near-duplicate clusters of the posts as lists of post ids: the "
                 "cluster's representative (the earliest post, then the longest) first, then "
                 "the others in collection order. Every post is in exactly one list "
                 "(singletons too); lists are ordered by their first post in the collection. "
                 "As near_duplicates, which also gives the pairs that joined them."))
      .def(
          "stories",
          [](const PyCollection& c, py::handle entities, py::handle window_days,
             py::handle link_threshold, py::handle threshold, bool across_languages_only) {
            return collection_stories(c, entities, window_days, link_threshold, threshold,
                                      across_languages_only);
          },
          py::kw_only(), py::arg("entities") = py::none(), py::arg("window_days") = 3,
          py::arg("link_threshold") = 0.35, py::arg("threshold") = 0.8,
          py::arg("across_languages_only") = false,
          DG_SIG("stories(self, *, entities=None, window_days=3, link_threshold=0.35, "
                 "threshold=0.8, across_languages_only=False)",
                 "The posts grouped into stories across languages, as a StoryResult: "
                 "near-duplicate clusters (threshold, as Collection.near_duplicates) linked "
                 "when their posts share enough anchors (score at least link_threshold) within "
                 "window_days days: entities of the Gazetteer `entities` when given, Latin keys "
                 "of capitalised names, numbers and dates. across_languages_only links only "
                 "posts in different languages. The collection and the gazetteer are locked "
                 "(shared) with the GIL released."));

  // ---- the incremental index ----
  py::class_<NearDuplicateIndex::Match>(m, "IndexMatch",
                                        "What NearDuplicateIndex.add or query found: the most "
                                        "similar earlier text, its cluster and the similarity.")
      .def_property_readonly("id", [](const NearDuplicateIndex::Match& x) { return Str{x.id}; },
                             "The id of the most similar text already in the index.")
      .def_property_readonly("cluster", [](const NearDuplicateIndex::Match& x) { return Str{x.cluster}; },
                             "Its cluster: the id of the first text added to that cluster.")
      .def_readonly("similarity", &NearDuplicateIndex::Match::similarity,
                    "The verified Jaccard similarity, at or above the index's threshold.")
      .def(
          "__eq__",
          [](const NearDuplicateIndex::Match& a, py::handle b) {
            if (!py::isinstance<NearDuplicateIndex::Match>(b)) return false;
            const auto& o = b.cast<const NearDuplicateIndex::Match&>();
            return a.id == o.id && a.cluster == o.cluster && a.similarity == o.similarity;
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)", "Equal when every field is (False for another type)."))
      .def("__repr__",
           [](const NearDuplicateIndex::Match& x) {
             return "<digestcore.IndexMatch " + x.id + " (cluster " + x.cluster +
                    ") similarity=" + number(x.similarity) + ">";
           },
           DG_SIG("__repr__(self)", "<digestcore.IndexMatch id (cluster c) similarity=…>"));
  m.attr("IndexMatch").attr("__hash__") = py::none();

  auto optional_day = [](py::handle date) -> std::optional<Date> {
    std::optional<DateTime> d = datetime_from_python(date, "date");
    if (!d) return std::nullopt;
    return d->date;
  };

  py::class_<PyIndex, IndexPtr> index(
      m, "NearDuplicateIndex",
      "Texts added one at a time (day by day); each add answers whether the text is a near "
      "duplicate of one already added, and of which cluster, without rebuilding. Safe to "
      "share between threads: add takes the index's lock exclusively, query and save share "
      "it. Picklable; save and load write and read it as a file.");
  index
      .def(py::init([](py::handle threshold, py::handle window_days, py::handle permutations,
                       py::handle seed) {
             DuplicateArgs a;
             a.threshold = py::reinterpret_borrow<py::object>(threshold);
             a.window_days = py::reinterpret_borrow<py::object>(window_days);
             a.permutations = py::reinterpret_borrow<py::object>(permutations);
             a.seed = py::reinterpret_borrow<py::object>(seed);
             return std::make_shared<PyIndex>(NearDuplicateIndex(duplicate_options(a)));
           }),
           py::arg("threshold") = 0.8, py::kw_only(), py::arg("window_days") = py::none(),
           py::arg("permutations") = 128, py::arg("seed") = 1,
           DG_SIG("__init__(self, threshold=0.8, *, window_days=None, permutations=128, seed=1)",
                  "An empty index. threshold, permutations and seed as for near_duplicates; "
                  "window_days: a text dated more than this many days from an earlier one "
                  "does not match it (undated texts match any)."))
      .def(
          "add",
          [optional_day](PyIndex& self, py::handle id_arg, py::handle text, py::handle date) {
            const std::string id = text_arg(id_arg, "id");
            std::string t = optional_text_arg(text, "text");
            std::optional<Date> d = optional_day(date);
            auto r = nogil_exclusive(self.mu, [&] { return self.index.add(id, t, d); });
            return unwrap(std::move(r));
          },
          py::arg("id"), py::arg("text"), py::arg("date") = py::none(),
          DG_SIG("add(self, id, text, date=None)",
                 "Adds text under id (a non-empty str, new to the index; ParseError for an id "
                 "already added, and nothing changes) and returns what query would have "
                 "answered before: an IndexMatch, or None when no earlier text reaches the "
                 "threshold. date: a datetime.date, datetime, ISO 8601 str or None. The GIL is "
                 "released."))
      .def(
          "query",
          [optional_day](const PyIndex& self, py::handle text, py::handle date) {
            std::string t = optional_text_arg(text, "text");
            std::optional<Date> d = optional_day(date);
            return nogil_shared(self.mu, [&] { return self.index.query(t, d); });
          },
          py::arg("text"), py::arg("date") = py::none(),
          DG_SIG("query(self, text, date=None)",
                 "The IndexMatch of the most similar text added so far that reaches the "
                 "threshold (within window_days of date, when both are dated), or None. "
                 "Changes nothing."))
      .def(
          "save",
          [](const PyIndex& self, py::handle path) {
            std::string p = path_arg(path);
            Status s = nogil_shared(self.mu, [&] { return self.index.save(p); });
            unwrap(std::move(s));
          },
          py::arg("path"),
          DG_SIG("save(self, path)",
                 "Writes the index to a file (str or os.PathLike) atomically: the file holds "
                 "the old or the new index, never a mix."))
      .def_static(
          "load",
          [](py::handle path) {
            std::string p = path_arg(path);
            Result<NearDuplicateIndex> r = [&] {
              py::gil_scoped_release nogil;
              return NearDuplicateIndex::load(p);
            }();
            return std::make_shared<PyIndex>(unwrap(std::move(r)));
          },
          py::arg("path"),
          DG_SIG("load(path)",
                 "An index read from a file that save wrote; MissingFileError when there is "
                 "none, ParseError (with .offset) when it is not a saved index."))
      .def_property_readonly(
          "threshold",
          [](const PyIndex& self) { return with_shared(self.mu, [&] { return self.index.options().threshold; }); },
          "The Jaccard similarity a match reaches.")
      .def_property_readonly(
          "window_days",
          [](const PyIndex& self) {
            std::optional<int> w = with_shared(self.mu, [&] { return self.index.options().window_days; });
            return w ? py::object(py::int_(*w)) : py::object(py::none());
          },
          "The date window in days, or None.")
      .def_property_readonly(
          "permutations",
          [](const PyIndex& self) {
            return with_shared(self.mu, [&] { return self.index.options().minhash.permutations; });
          },
          "The number of MinHash permutations.")
      .def_property_readonly(
          "seed",
          [](const PyIndex& self) { return with_shared(self.mu, [&] { return self.index.options().minhash.seed; }); },
          "The MinHash seed.")
      .def("__len__",
           [](const PyIndex& self) { return with_shared(self.mu, [&] { return self.index.size(); }); },
           DG_SIG("__len__(self)", "The number of texts added."))
      .def("__repr__",
           [](const PyIndex& self) {
             auto [n, t] = with_shared(self.mu, [&] {
               return std::make_pair(self.index.size(), self.index.options().threshold);
             });
             return "<digestcore.NearDuplicateIndex " + std::to_string(n) + " texts, threshold " +
                    number(t) + ">";
           },
           DG_SIG("__repr__(self)", "<digestcore.NearDuplicateIndex N texts, threshold T>"))
      .def(py::pickle(
          [](const PyIndex& self) {
            std::string bytes = nogil_shared(self.mu, [&] { return self.index.to_bytes(); });
            return py::make_tuple(py::bytes(bytes));
          },
          [](const py::tuple& t) {
            if (t.size() != 1 || !PyBytes_Check(t[0].ptr()))
              throw py::value_error("not a pickled digestcore.NearDuplicateIndex");
            std::string_view bytes(PyBytes_AS_STRING(t[0].ptr()),
                                   static_cast<std::size_t>(PyBytes_GET_SIZE(t[0].ptr())));
            Result<NearDuplicateIndex> r = [&] {
              py::gil_scoped_release nogil;  // the tuple holds the bytes
              return NearDuplicateIndex::from_bytes(bytes);
            }();
            return std::make_shared<PyIndex>(unwrap(std::move(r)));
          }));
  m.attr("NearDuplicateIndex").attr("__hash__") = py::none();
  pickle_any_protocol(m.attr("NearDuplicateIndex"));
}

}  // namespace

DIGEST_PY_MODULE(60, init_stories);

}  // namespace digest::python
