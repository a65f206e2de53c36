// What data people need beyond the model: Arrow export and import through
// the PyCapsule interface (the pandas layer is digestcore/_frames.py),
// selections and summaries, digests from a collection, dicts, and pickling
// of the model types.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "bindings.hpp"
#include "digest/arrow.hpp"
#include "digest/curate.hpp"
#include "digest/digest.hpp"
#include "digest/render.hpp"
#include "digest/json.hpp"
#include "objects.hpp"

namespace digest::python {

namespace {

using CollectionPtr = std::shared_ptr<PyCollection>;
using DigestPtr = std::shared_ptr<Digest>;

// ---- Arrow capsules ----------------------------------------------------------

void free_schema_capsule(PyObject* capsule) {
  auto* s = static_cast<ArrowSchema*>(PyCapsule_GetPointer(capsule, "arrow_schema"));
  if (!s) {
    PyErr_Clear();
    return;
  }
  if (s->release) s->release(s);  // not taken by a consumer
  delete s;
}

void free_array_capsule(PyObject* capsule) {
  auto* a = static_cast<ArrowArray*>(PyCapsule_GetPointer(capsule, "arrow_array"));
  if (!a) {
    PyErr_Clear();
    return;
  }
  if (a->release) a->release(a);
  delete a;
}

// One exported record batch, handed to a consumer once through
// __arrow_c_array__ (pyarrow.record_batch(obj) and friends).
struct ArrowBatch {
  std::unique_ptr<ArrowSchema> schema = std::make_unique<ArrowSchema>();
  std::unique_ptr<ArrowArray> array = std::make_unique<ArrowArray>();
  ArrowBatch() {
    schema->release = nullptr;
    array->release = nullptr;
  }
  ArrowBatch(ArrowBatch&&) = default;
  ~ArrowBatch() {
    if (schema && schema->release) schema->release(schema.get());
    if (array && array->release) array->release(array.get());
  }
  py::tuple take() {
    if (!schema || !array || !array->release)
      throw py::value_error("this Arrow batch was already handed to a consumer");
    py::object s = py::reinterpret_steal<py::object>(
        PyCapsule_New(schema.get(), "arrow_schema", free_schema_capsule));
    if (!s) throw py::error_already_set();
    schema.release();
    py::object a = py::reinterpret_steal<py::object>(
        PyCapsule_New(array.get(), "arrow_array", free_array_capsule));
    if (!a) throw py::error_already_set();
    array.release();
    return py::make_tuple(s, a);
  }
};

template <class F>
ArrowBatch export_batch(F&& fill) {
  ArrowBatch b;
  Status s = fill(b.schema.get(), b.array.get());
  unwrap(std::move(s));
  return b;
}

// The ArrowArrayStream inside a capsule from __arrow_c_stream__, moved out so
// that the capsule's destructor no longer owns it.
ArrowArrayStream take_stream(py::handle capsule) {
  auto* p = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule.ptr(), "arrow_array_stream"));
  if (!p) throw py::error_already_set();
  if (!p->release) throw py::value_error("the Arrow stream was already consumed");
  ArrowArrayStream out = *p;
  p->release = nullptr;
  return out;
}

// ---- post and source state (pickling, dicts) ---------------------------------

py::object iso_or_none(const std::optional<DateTime>& d) {
  return d ? py::object(py::str(d->to_iso())) : py::object(py::none());
}

std::optional<DateTime> iso_arg(py::handle o, const char* what) {
  if (o.is_none()) return std::nullopt;
  return unwrap(DateTime::from_iso(text_arg(o, what)));
}

py::list extra_state(const std::vector<ExtraField>& extra) {
  py::list out;
  for (const auto& x : extra) out.append(py::make_tuple(Str{x.name}, Str{x.raw_json}));
  return out;
}

std::vector<ExtraField> extra_from_state(py::handle o) {
  std::vector<ExtraField> out;
  for (py::handle item : o) {
    auto t = item.cast<py::tuple>();
    out.push_back({text_arg(t[0], "extra name"), text_arg(t[1], "extra value")});
  }
  return out;
}

// Every field, as values that pickle anywhere (dates as ISO 8601 text, which
// keeps the offset and whether there is a time). cluster and story (0.3) come
// last, so that a 13-item state pickled before them still loads.
py::tuple post_state(const Post& p) {
  return py::make_tuple(Str{p.id}, Str{p.title}, Str{p.url}, iso_or_none(p.posted_on),
                        iso_or_none(p.published_on), p.authors, Str{p.source}, Str{p.place},
                        Str{p.excerpt}, Str{p.body}, Str{p.language}, p.tags,
                        extra_state(p.extra), Str{p.cluster}, Str{p.story});
}

Post post_from_state(const py::tuple& t) {
  if (t.size() != 13 && t.size() != 15) throw py::value_error("not a pickled digestcore.Post");
  Post p;
  p.id = text_arg(t[0], "id");
  p.title = text_arg(t[1], "title");
  p.url = text_arg(t[2], "url");
  p.posted_on = iso_arg(t[3], "posted_on");
  p.published_on = iso_arg(t[4], "published_on");
  p.authors = text_list_arg(t[5], "authors");
  p.source = text_arg(t[6], "source");
  p.place = text_arg(t[7], "place");
  p.excerpt = text_arg(t[8], "excerpt");
  p.body = text_arg(t[9], "body");
  p.language = text_arg(t[10], "language");
  p.tags = text_list_arg(t[11], "tags");
  p.extra = extra_from_state(t[12]);
  if (t.size() == 15) {
    p.cluster = text_arg(t[13], "cluster");
    p.story = text_arg(t[14], "story");
  }
  return p;
}

py::tuple source_state(const Source& s) {
  return py::make_tuple(Str{s.id}, Str{s.name}, s.aliases, Str{s.url}, Str{s.language},
                        Str{s.country}, extra_state(s.extra));
}

Source source_from_state(const py::tuple& t) {
  if (t.size() != 7) throw py::value_error("not a pickled digestcore.Source");
  Source s;
  s.id = text_arg(t[0], "id");
  s.name = text_arg(t[1], "name");
  s.aliases = text_list_arg(t[2], "aliases");
  s.url = text_arg(t[3], "url");
  s.language = text_arg(t[4], "language");
  s.country = text_arg(t[5], "country");
  s.extra = extra_from_state(t[6]);
  return s;
}

// The row to_dicts gives: the columns of to_arrow (docs/arrow.md).
py::dict post_dict(const Post& p) {
  py::dict d;
  d["id"] = Str{p.id};
  d["title"] = text_or_none(p.title);
  d["url"] = text_or_none(p.url);
  d["source"] = text_or_none(p.source);
  d["place"] = text_or_none(p.place);
  d["excerpt"] = text_or_none(p.excerpt);
  d["body"] = text_or_none(p.body);
  d["language"] = text_or_none(p.language);
  d["authors"] = p.authors;
  d["tags"] = p.tags;
  auto date = [&](const char* name, const std::optional<DateTime>& v) {
    std::string n(name);
    d[py::str(n)] = utc_datetime_to_python(v);
    d[py::str(n + "_has_time")] = v && v->seconds.has_value();
    d[py::str(n + "_utc_offset")] = v && v->utc_offset_minutes
                                        ? py::object(py::int_(*v->utc_offset_minutes))
                                        : py::object(py::none());
  };
  date("posted_on", p.posted_on);
  date("published_on", p.published_on);
  d["cluster"] = text_or_none(p.cluster);
  d["story"] = text_or_none(p.story);
  d["extra"] = p.extra.empty() ? py::object(py::none()) : py::cast(Str{extra_fields_to_json(p.extra)});
  return d;
}

// ---- periods and filters -------------------------------------------------------

Date day_arg(py::handle o, const char* what) {
  std::optional<DateTime> d = datetime_from_python(o, what);
  if (!d) raise_error(ErrorCode::invalid_argument, std::string(what) + " is missing", what);
  return d->date;
}

}  // namespace

// A period: a str parse_period reads ('2021-W33', '2021-08', '1400-06',
// '2021-08-12/2021-08-18', 'P7D/2021-09-10', 'last-7-days', ...), a Period,
// or a (first, last) pair of dates.
Period period_arg(py::handle o, std::optional<Date> reference) {
  if (py::isinstance<Period>(o)) return o.cast<Period>();
  if (PyUnicode_Check(o.ptr())) {
    PeriodOptions po;
    po.reference = reference;
    return unwrap(parse_period(text_arg(o, "period"), po));
  }
  if (py::isinstance<py::tuple>(o) || py::isinstance<py::list>(o)) {
    auto seq = o.cast<py::sequence>();
    if (seq.size() != 2)
      throw py::type_error("period must be a period str, a Period or (first, last)");
    Date first = day_arg(seq[0], "first"), last = day_arg(seq[1], "last");
    if (last < first)
      raise_error(ErrorCode::invalid_argument, "the period ends before it starts", "period");
    return unwrap(range_period(first, last));
  }
  throw py::type_error("period must be a period str, a Period or (first, last), not " +
                       type_name(o));
}

namespace {

// A list filter: None (no condition), one str, or an iterable of str.
std::vector<std::string> names_arg(py::handle o, const char* what) {
  if (is_missing(o)) return {};
  if (PyUnicode_Check(o.ptr())) return {text_arg(o, what)};
  return text_list_arg(o, what);
}

py::dict summary_dict(const CollectionSummary& s) {
  auto pairs = [](const std::vector<std::pair<std::string, std::size_t>>& v) {
    py::list out;
    for (const auto& [k, n] : v) out.append(py::make_tuple(text_or_none(k), n));
    return out;
  };
  py::dict d;
  d["posts"] = s.posts;
  d["sources"] = s.sources;
  d["undated"] = s.undated;
  d["first"] = s.first ? datetime_to_python(DateTime(*s.first)) : py::object(py::none());
  d["last"] = s.last ? datetime_to_python(DateTime(*s.last)) : py::object(py::none());
  d["by_source"] = pairs(s.by_source);
  d["by_language"] = pairs(s.by_language);
  d["by_week"] = pairs(s.by_week);
  return d;
}

bool digests_equal(const Digest& a, const Digest& b) { return a == b; }

// The digest options of Collection.digest and Collection.write_site.
DigestOptions digest_options_arg(std::optional<Str> title, const std::string& group_by,
                                 const std::string& rank, const std::string& locale, bool stories,
                                 std::size_t per_section, std::size_t limit) {
  DigestOptions o;
  if (title) o.title = std::move(*title).value;
  auto g = group_by_from_name(group_by);
  if (!g) raise_error(ErrorCode::invalid_argument,
                      "group_by must be 'source', 'entity', 'story' or 'none', not '" + group_by + "'",
                      "group_by");
  auto r = rank_from_name(rank);
  if (!r) raise_error(ErrorCode::invalid_argument,
                      "rank must be 'date', 'newest', 'outlets' or 'entities', not '" + rank + "'",
                      "rank");
  o.group_by = *g;
  o.rank = *r;
  o.locale = locale;
  o.collapse_stories = stories;
  o.per_section = per_section;
  o.limit = limit;
  return o;
}

const PyGazetteer* gazetteer_arg(py::handle entities) {
  if (entities.is_none()) return nullptr;
  if (!py::isinstance<PyGazetteer>(entities))
    throw py::type_error("entities must be a Gazetteer or None, not " + type_name(entities));
  return &entities.cast<const PyGazetteer&>();
}

void init_frames(py::module_& m) {
  py::class_<ArrowBatch>(m, "ArrowBatch",
                         "One record batch exported through the Arrow PyCapsule interface; "
                         "pyarrow.record_batch(batch) takes it (once).")
      .def("__arrow_c_array__",
           [](ArrowBatch& b, py::handle requested_schema) { return b.take(); },
           py::arg("requested_schema") = py::none(),
           DG_SIG("__arrow_c_array__(self, requested_schema=None)",
                  "The (schema, array) capsules of the Arrow C data interface. The requested "
                  "schema is not honoured: the columns are those of docs/arrow.md."));

  auto post = py::reinterpret_borrow<py::class_<PyPost>>(m.attr("Post"));
  post.def(
          "to_dict", [](const PyPost& p) { return post_dict(p.copy()); },
          DG_SIG("to_dict(self)",
                 "The post as a dict with the keys of Collection.to_arrow's columns: None for "
                 "absent values, dates as aware datetimes in UTC with *_has_time and "
                 "*_utc_offset (minutes), extra as a JSON object str or None."))
      .def(py::pickle([](const PyPost& p) { return post_state(p.copy()); },
                      [](const py::tuple& t) { return PyPost::standalone(post_from_state(t)); }));

  auto source = py::reinterpret_borrow<py::class_<PySource>>(m.attr("Source"));
  source.def(py::pickle([](const PySource& s) { return source_state(s.s); },
                        [](const py::tuple& t) { return PySource{source_from_state(t), false}; }));

  auto period = py::reinterpret_borrow<py::class_<Period>>(m.attr("Period"));
  period
      .def(py::pickle(
          [](const Period& p) {
            return py::make_tuple(DateTime(p.first).date_iso(), DateTime(p.last).date_iso(),
                                  p.label, static_cast<int>(p.kind), static_cast<int>(p.calendar));
          },
          [](const py::tuple& t) {
            // 0.2 pickles hold (first, last, label); 0.3 adds kind and calendar.
            if (t.size() != 3 && t.size() != 5) throw py::value_error("not a pickled digestcore.Period");
            Period p;
            p.first = unwrap(DateTime::from_iso(text_arg(t[0], "first"))).date;
            p.last = unwrap(DateTime::from_iso(text_arg(t[1], "last"))).date;
            p.label = text_arg(t[2], "label");
            if (t.size() == 5) {
              int kind = t[3].cast<int>(), calendar = t[4].cast<int>();
              if (kind < 0 || kind > 4 || calendar < 0 || calendar > 1)
                throw py::value_error("not a pickled digestcore.Period");
              p.kind = static_cast<PeriodKind>(kind);
              p.calendar = static_cast<PeriodCalendar>(calendar);
            }
            return p;
          }))
      .def(
          "__eq__",
          [](const Period& a, py::handle b) {
            return py::isinstance<Period>(b) && a == b.cast<const Period&>();
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)",
                 "Equal when first, last and label are (False for a non-Period)."))
      .def("__hash__", [](const Period& p) { return py::hash(py::str(p.label)); },
           DG_SIG("__hash__(self)", "The hash of the label, so periods can be dict keys."));

  auto coll = py::reinterpret_borrow<py::class_<PyCollection, CollectionPtr>>(m.attr("Collection"));
  coll.def(
          "_arrow_posts",
          [](const PyCollection& c) {
            return nogil_shared(c.mu, [&] {
              return export_batch([&](ArrowSchema* s, ArrowArray* a) {
                return export_posts_arrow(c.c.posts(), s, a);
              });
            });
          },
          DG_SIG("_arrow_posts(self)", "The posts as an ArrowBatch (used by to_arrow)."))
      .def(
          "_arrow_sources",
          [](const PyCollection& c) {
            return nogil_shared(c.mu, [&] {
              return export_batch([&](ArrowSchema* s, ArrowArray* a) {
                return export_sources_arrow(c.c.sources(), s, a);
              });
            });
          },
          DG_SIG("_arrow_sources(self)", "The sources as an ArrowBatch (used by sources_to_arrow)."))
      .def(
          "_import_arrow",
          [](PyCollection& c, py::handle posts, py::handle sources, bool ignore_unknown) {
            ArrowImportOptions o;
            o.ignore_unknown_columns = ignore_unknown;
            std::optional<ArrowArrayStream> ps, ss;
            if (!posts.is_none()) ps = take_stream(posts);
            if (!sources.is_none()) ss = take_stream(sources);
            Result<ArrowImportReport> r = nogil_exclusive(c.mu, [&]() -> Result<ArrowImportReport> {
              // Both into a scratch collection first, so that a bad source
              // table leaves the collection without the posts either.
              Collection scratch;
              ArrowImportReport report;
              if (ss) {
                auto rs = import_sources_arrow(scratch, &*ss, o);
                if (!rs) {
                  if (ps && ps->release) ps->release(&*ps);
                  return std::move(rs).error();
                }
                report.sources_added = rs->sources_added;
              }
              if (ps) {
                auto rp = import_posts_arrow(scratch, &*ps, o);
                if (!rp) return std::move(rp).error();
                report.posts_added = rp->posts_added;
              }
              if (Status s = c.c.merge(std::move(scratch)); !s) return std::move(s).error();
              return report;
            });
            ArrowImportReport report = unwrap(std::move(r));
            return py::make_tuple(report.posts_added, report.sources_added);
          },
          py::arg("posts"), py::arg("sources"), py::arg("ignore_unknown_columns"),
          DG_SIG("_import_arrow(self, posts, sources, ignore_unknown_columns)",
                 "Adds posts and sources from Arrow stream capsules (used by from_arrow); all "
                 "or nothing. Returns (posts_added, sources_added)."))
      .def(
          "select",
          [](const CollectionPtr& c, py::handle first, py::handle last, py::handle ids,
             py::handle sources, py::handle languages, py::handle tags) {
            PostFilter f;
            if (!is_missing(first)) f.first = day_arg(first, "first");
            if (!is_missing(last)) f.last = day_arg(last, "last");
            f.ids = names_arg(ids, "ids");
            f.sources = names_arg(sources, "sources");
            f.languages = names_arg(languages, "languages");
            f.tags = names_arg(tags, "tags");
            auto out = std::make_shared<PyCollection>();
            out->c = nogil_shared(c->mu, [&] { return select_posts(c->c, f); });
            return out;
          },
          py::arg("first") = py::none(), py::arg("last") = py::none(), py::kw_only(),
          py::arg("ids") = py::none(), py::arg("sources") = py::none(),
          py::arg("languages") = py::none(), py::arg("tags") = py::none(),
          DG_SIG("select(self, first=None, last=None, *, ids=None, sources=None, "
                 "languages=None, tags=None)",
                 "A new Collection of copies of the posts that meet every condition given, in "
                 "insertion order, with the sources they name: digest date (posted_on, else "
                 "published_on) within [first, last] (dates, datetimes or ISO 8601 str; None "
                 "for no bound), and id, source id, language or any tag among those given (a "
                 "str or a list of str, e.g. a pandas Series of ids)."))
      .def(
          "digest",
          [](const PyCollection& c, py::handle period, std::optional<Str> title, Str group_by,
             Str rank, Str locale, bool stories, std::size_t per_section, std::size_t limit,
             py::handle entities, py::handle reference) {
            std::optional<Date> ref;
            if (!reference.is_none()) ref = day_arg(reference, "reference");
            Period p = period_arg(period, ref);
            DigestOptions o = digest_options_arg(std::move(title), group_by, rank, locale, stories,
                                                 per_section, limit);
            PublishOptions publish;
            const PyGazetteer* g = gazetteer_arg(entities);
            if (g) publish.entities = &g->g;
            Result<Digest> r = [&] {
              py::gil_scoped_release nogil;
              LockSet locks;
              locks.shared(c.mu);
              if (g) locks.shared(g->mu);
              locks.lock();
              return publish_digest(c.c, p, o, publish);
            }();
            return std::make_shared<Digest>(unwrap(std::move(r)));
          },
          py::arg("period"), py::kw_only(), py::arg("title") = py::none(),
          py::arg("group_by") = "source", py::arg("rank") = "date", py::arg("locale") = "en",
          py::arg("stories") = false, py::arg("per_section") = 0, py::arg("limit") = 0,
          py::arg("entities") = py::none(), py::arg("reference") = py::none(),
          DG_SIG("digest(self, period, *, title=None, group_by='source', rank='date', "
                 "locale='en', stories=False, per_section=0, limit=0, entities=None, "
                 "reference=None)",
                 "The digest of `period`: a period str ('2021-W33', '2021-08', '1400-06', "
                 "'2021-08-12/2021-08-18', 'P7D/2021-09-10', 'week-ending:fri', "
                 "'last-7-days'; relative forms count from `reference`, default today), a "
                 "Period, or a (first, last) pair of dates. group_by: 'source', 'entity', "
                 "'story' or 'none'; rank: 'date', 'newest', 'outlets' or 'entities'; locale: "
                 "labels and dates ('en', 'fr', 'de', 'es', 'fa', 'ar', ...); title: a template "
                 "with {period} {first} {last} {label} {count}; stories: one item per story; "
                 "entities: a Gazetteer naming entity sections (and tagging the period's posts "
                 "when none is tagged). Stories are found over the period's posts when none "
                 "has one. See docs/digest.md."))
      .def(
          "write_site",
          [](const PyCollection& c, py::object dir, Str title, Str locale, Str periods,
             std::optional<Str> digest_title, Str group_by, Str rank, bool stories,
             std::size_t per_section, std::size_t page_size, Str base_url, py::handle entities) {
            std::string folder = py::str(dir).cast<std::string>();
            SiteOptions site;
            site.title = std::move(title).value;
            site.locale = std::move(locale).value;
            site.digest = digest_options_arg(std::move(digest_title), group_by, rank, site.locale,
                                             stories, per_section, 0);
            site.page_size = page_size;
            site.base_url = std::move(base_url).value;
            unwrap(set_site_periods(site, periods.value));
            const PyGazetteer* g = gazetteer_arg(entities);
            if (g) site.digest.entity_name = entity_names(g->g);
            Result<std::vector<std::string>> r = [&] {
              py::gil_scoped_release nogil;
              LockSet locks;
              locks.shared(c.mu);
              if (g) locks.shared(g->mu);
              locks.lock();
              return write_site(c.c, folder, site);
            }();
            return unwrap(std::move(r));
          },
          py::arg("dir"), py::kw_only(), py::arg("title") = "Clippings", py::arg("locale") = "en",
          py::arg("periods") = "week", py::arg("digest_title") = py::none(),
          py::arg("group_by") = "source", py::arg("rank") = "date", py::arg("stories") = false,
          py::arg("per_section") = 0, py::arg("page_size") = 200, py::arg("base_url") = "",
          py::arg("entities") = py::none(),
          DG_SIG("write_site(self, dir, *, title='Clippings', locale='en', periods='week', "
                 "digest_title=None, group_by='source', rank='date', stories=False, "
                 "per_section=0, page_size=200, base_url='', entities=None)",
                 "Writes the static clippings site under `dir` (a str or path, created if "
                 "missing): index.html (every clipping newest first, the digests among them), "
                 "digests/ (one page per 'week', 'month', 'persian-month' or "
                 "'week-ending:fri'), sources/ and feed.json, with relative links. Returns the "
                 "paths written."))
      .def(
          "summary",
          [](const PyCollection& c) {
            CollectionSummary s = nogil_shared(c.mu, [&] { return summarize(c.c); });
            return summary_dict(s);
          },
          DG_SIG("summary(self)",
                 "Counts at a glance, as a dict: posts, sources, undated, first and last "
                 "digest dates, and (key, count) lists by_source and by_language (most first) "
                 "and by_week (in time order). Absent keys are None."))
      .def(py::pickle(
          [](const PyCollection& c) {
            std::string json = nogil_shared(c.mu, [&] {
              ExportOptions o;
              o.pretty = false;
              return export_json(c.c, o);
            });
            return py::make_tuple(py::bytes(json));
          },
          [](const py::tuple& t) {
            if (t.size() != 1) throw py::value_error("not a pickled digestcore.Collection");
            std::string json = t[0].cast<std::string>();
            auto out = std::make_shared<PyCollection>();
            Result<ImportReport> r = [&] {
              py::gil_scoped_release nogil;
              ImportOptions o;
              o.format = JsonFormat::own;
              return import_json(out->c, json, o);
            }();
            unwrap(std::move(r));
            return out;
          }));

  auto digest = py::reinterpret_borrow<py::class_<Digest, DigestPtr>>(m.attr("Digest"));
  digest
      .def(
          "_arrow",
          [](const Digest& d) {
            py::gil_scoped_release nogil;
            return export_batch(
                [&](ArrowSchema* s, ArrowArray* a) { return export_digest_arrow(d, s, a); });
          },
          DG_SIG("_arrow(self)", "The digest as an ArrowBatch (used by to_arrow)."))
      .def(
          "__eq__",
          [](const Digest& a, py::handle b) {
            return py::isinstance<Digest>(b) && digests_equal(a, b.cast<const Digest&>());
          },
          py::is_operator(),
          DG_SIG("__eq__(self, other, /)",
                 "Equal when title, period and every section (sources and posts) are "
                 "(False for a non-Digest)."))
      .def(py::pickle(
          [](const Digest& d) {
            std::string json = [&] {
              py::gil_scoped_release nogil;
              return render_json(d, false);
            }();
            return py::make_tuple(py::bytes(json));
          },
          [](const py::tuple& t) {
            if (t.size() != 1) throw py::value_error("not a pickled digestcore.Digest");
            std::string json = t[0].cast<std::string>();
            return std::make_shared<Digest>(unwrap(load_digest_json(json)));
          }));
  m.attr("Digest").attr("__hash__") = py::none();
  for (const char* name : {"Post", "Source", "Period", "Collection", "Digest"})
    pickle_any_protocol(m.attr(name));
}

}  // namespace

DIGEST_PY_MODULE(10, init_frames);

}  // namespace digest::python
