// The clippings site (render.hpp): index pages of every clipping, newest
// first, with the digests among them; a page per digest period and per
// source; feed.json. Pages link each other relatively, so the folder works
// from disk or behind any web server.
#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <unordered_map>

#include "digest/io.hpp"
#include "digest/render.hpp"
#include "render/html_parts.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

// A file name from anything: ASCII letters and digits kept (lower-cased),
// runs of anything else become one '-'. Never empty, never a dot name.
std::string slug_of(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

// Unique slugs: a second "kavir" becomes "kavir-2".
struct SlugSet {
  std::set<std::string> taken;
  std::string add(std::string_view text) {
    std::string base = slug_of(text), s = base;
    for (int n = 2; !taken.insert(s).second; ++n) s = base + "-" + std::to_string(n);
    return s;
  }
};

// The period of `kind` holding `day`.
Result<Period> period_holding(Date day, const SiteOptions& o) {
  using namespace boost::gregorian;
  if (o.week_ends) {
    int ahead = (*o.week_ends - day.day_of_week().as_number() + 7) % 7;
    return week_ending(day + days(ahead));
  }
  if (o.digest_periods == PeriodKind::month) {
    if (o.month_calendar == PeriodCalendar::gregorian)
      return month_period(day.year(), day.month(), PeriodCalendar::gregorian);
    // The Solar Hijri year starts in March: the month is in year - 622 or - 621.
    for (int y = day.year() - 622; y <= day.year() - 621; ++y)
      for (int m = 1; m <= 12; ++m) {
        auto p = month_period(y, m, PeriodCalendar::persian);
        if (p.ok() && p->first <= day && day <= p->last) return p;
      }
    return Error(ErrorCode::invalid_argument, "no Solar Hijri month holds " + to_iso_extended_string(day));
  }
  return iso_week_of(day);
}

bool newest_first(const Post* a, const Post* b) {
  auto da = a->digest_date(), db = b->digest_date();
  if (da.has_value() != db.has_value()) return da.has_value();  // undated last
  if (da && *da != *db) return *da > *db;
  auto secs = [](const Post* p) {
    const auto& when = p->posted_on ? p->posted_on : p->published_on;
    return when && when->seconds ? *when->seconds : -1;
  };
  if (secs(a) != secs(b)) return secs(a) > secs(b);
  return a->id < b->id;
}

struct DigestPage {
  Period period;
  Digest digest;
  std::string path;  // "digests/<slug>.html"
};

struct Site {
  const Collection& c;
  const SiteOptions& o;
  const DigestLabels& labels;
  std::vector<SiteFile> files;

  std::string outlet_name(std::string_view source) const {
    if (const Source* s = c.find_source(source)) return s->name.empty() ? s->id : s->name;
    return std::string(source);
  }

  std::vector<std::pair<std::string, std::string>> nav(std::string_view up) const {
    std::string u(up);
    return {{o.title, u + "index.html"},
            {labels.digest, u + "digests/index.html"},
            {labels.source_many, u + "sources/index.html"},
            {"JSON Feed", u + "feed.json"}};
  }

  void add_page(std::string path, std::string_view title, std::string_view up,
                const std::function<void(std::string&)>& body) {
    std::string out;
    auto links = nav(up);
    html::open_page(out, title, o.locale, links);
    body(out);
    html::close_page(out);
    files.push_back({std::move(path), std::move(out)});
  }

  void clippings(std::string& out, std::span<const Post* const> posts) const {
    html::ClippingContext cx{&labels, o.locale, [this](std::string_view s) { return outlet_name(s); },
                             nullptr, 2};
    for (const Post* p : posts) html::append_clipping(out, *p, cx);
  }

  void heading(std::string& out, std::string_view text, std::size_t count) const {
    out += "<h1>";
    html::append_isolated(out, text);
    out += "</h1>\n<p class=\"period\">";
    html::append_text(out, format_count(count, o.locale) + " " +
                               (count == 1 ? labels.post_one : labels.post_many));
    out += "</p>\n";
  }
};

}  // namespace

Status set_site_periods(SiteOptions& o, std::string_view periods) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  };
  const std::string p = lower(periods);
  if (p == "week" || p == "iso-week") {
    o.digest_periods = PeriodKind::iso_week;
    o.week_ends.reset();
    return {};
  }
  if (p == "month" || p == "persian-month") {
    o.digest_periods = PeriodKind::month;
    o.month_calendar = p == "month" ? PeriodCalendar::gregorian : PeriodCalendar::persian;
    o.week_ends.reset();
    return {};
  }
  static constexpr std::string_view days[] = {"sunday", "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday"};
  if (p.starts_with("week-ending:")) {
    std::string_view day = std::string_view(p).substr(12);
    for (int d = 0; d < 7; ++d)
      if (day.size() >= 3 && days[d].starts_with(day)) {
        o.digest_periods = PeriodKind::week;
        o.week_ends = d;
        return {};
      }
  }
  Error e(ErrorCode::invalid_argument,
          "not a kind of digest page " + detail::quote_for_message(periods) +
              " (week, month, persian-month, week-ending:fri)");
  e.field = "periods";
  return e;
}

Result<std::vector<SiteFile>> render_site(const Collection& collection, const SiteOptions& options) {
  if (options.page_size == 0)
    return Error(ErrorCode::invalid_argument, "page_size must be at least 1");
  if (options.week_ends && (*options.week_ends < 0 || *options.week_ends > 6))
    return Error(ErrorCode::invalid_argument, "week_ends is a weekday, 0 (Sunday) to 6 (Saturday)");
  if (!options.base_url.empty() &&
      !(options.base_url.starts_with("http://") || options.base_url.starts_with("https://")))
    return Error(ErrorCode::invalid_argument, "base_url must be an absolute http(s) URL");
  DigestOptions digest_options = options.digest;
  digest_options.locale = options.locale;
  // The title template is checked once here, not per page.
  if (auto t = fill_title(digest_options.title, Period{}, options.locale, 0); !t.ok())
    return std::move(t).error();

  Site site{collection, options, digest_labels(options.locale), {}};
  std::vector<const Post*> posts;
  posts.reserve(collection.size());
  for (const Post& p : collection.posts()) posts.push_back(&p);
  std::stable_sort(posts.begin(), posts.end(), newest_first);

  // Digest periods, newest first, one per period holding a dated post.
  std::map<std::pair<Date, Date>, Period, std::greater<>> periods;
  std::unordered_map<Date::date_int_type, bool> seen_days;
  for (const Post* p : posts) {
    auto day = p->digest_date();
    if (!day || !seen_days.emplace(day->day_number(), true).second) continue;
    auto period = period_holding(*day, options);
    if (!period.ok()) return std::move(period).error();
    periods.emplace(std::make_pair(period->first, period->last), *period);
  }
  std::vector<DigestPage> digests;
  SlugSet digest_slugs;
  // Posts are newest first, so a period's posts are one run of them: each
  // digest is built from a collection of its run alone, not by a scan of
  // the whole collection per period.
  std::size_t run_end = 0;
  for (auto& [key, period] : periods) {
    while (run_end < posts.size() && posts[run_end]->digest_date() &&
           *posts[run_end]->digest_date() > period.last)
      ++run_end;
    std::size_t run_begin = run_end;
    while (run_end < posts.size() && posts[run_end]->digest_date() &&
           *posts[run_end]->digest_date() >= period.first)
      ++run_end;
    Collection run;
    for (std::size_t i = run_begin; i < run_end; ++i) {
      const Post* p = posts[i];
      if (!p->source.empty() && !run.find_source(p->source))
        if (const Source* src = collection.find_source(p->source)) (void)run.add_source(*src);
      (void)run.add_post(*p);
    }
    auto d = make_digest(run, period, digest_options);
    if (!d.ok()) return std::move(d).error();
    digests.push_back({period, std::move(d).value(), "digests/" + digest_slugs.add(period.label) + ".html"});
  }
  for (const DigestPage& page : digests) {
    site.add_page(page.path, page.digest.title, "../", [&](std::string& out) {
      html::append_digest_article(out, page.digest, 1);
    });
  }
  site.add_page("digests/index.html", site.labels.digest, "../", [&](std::string& out) {
    out += "<h1>";
    html::append_text(out, site.labels.digest);
    out += "</h1>\n<ul>\n";
    for (const DigestPage& page : digests) {
      out += "<li><a href=\"" + page.path.substr(8) + "\">";
      html::append_isolated(out, page.digest.title);
      out += "</a> · ";
      html::append_text(out, format_period(page.period, options.locale));
      out += "</li>\n";
    }
    out += "</ul>\n";
  });

  // Index pages: clippings newest first; a digest appears the day after its
  // period ends, before the clippings of its last day.
  const std::size_t pages = std::max<std::size_t>(1, (posts.size() + options.page_size - 1) / options.page_size);
  std::size_t next_digest = 0;
  for (std::size_t page = 0; page < pages; ++page) {
    const std::size_t from = page * options.page_size;
    const std::size_t to = std::min(posts.size(), from + options.page_size);
    const std::string name = page == 0 ? "index.html" : "page-" + std::to_string(page + 1) + ".html";
    site.add_page(name, options.title, "", [&](std::string& out) {
      site.heading(out, options.title, posts.size());
      for (std::size_t i = from; i < to; ++i) {
        auto day = posts[i]->digest_date();
        while (next_digest < digests.size() &&
               (!day || digests[next_digest].period.last >= *day)) {
          const DigestPage& d = digests[next_digest++];
          out += "<article class=\"digest-entry\"><h2><a href=\"" + d.path + "\">";
          html::append_isolated(out, d.digest.title);
          out += "</a></h2><p class=\"meta\">";
          html::append_text(out, format_period(d.period, options.locale) + " · " +
                                     format_count(d.digest.post_count(), options.locale) + " " +
                                     (d.digest.post_count() == 1 ? site.labels.post_one
                                                                 : site.labels.post_many));
          out += "</p></article>\n";
        }
        site.clippings(out, std::span<const Post* const>(&posts[i], 1));
      }
      if (pages > 1) {
        out += "<nav class=\"pages\"><ul>";
        for (std::size_t k = 0; k < pages; ++k) {
          std::string href = k == 0 ? "index.html" : "page-" + std::to_string(k + 1) + ".html";
          out += k == page ? "<li>" + std::to_string(k + 1) + "</li>"
                           : "<li><a href=\"" + href + "\">" + std::to_string(k + 1) + "</a></li>";
        }
        out += "</ul></nav>\n";
      }
    });
  }

  // A page per outlet (registered or as written), its clippings newest first.
  std::map<std::string, std::vector<const Post*>> by_source;
  for (const Post* p : posts)
    if (!p->source.empty()) by_source[p->source].push_back(p);
  SlugSet source_slugs;
  std::vector<std::pair<std::string, std::string>> source_pages;  // (name, file)
  for (const auto& entry : by_source) {
    // Named, not structured bindings: clang before 16 cannot capture those.
    const std::string& source = entry.first;
    const std::vector<const Post*>& list = entry.second;
    std::string file = source_slugs.add(source) + ".html";
    std::string name = site.outlet_name(source);
    site.add_page("sources/" + file, name, "../", [&](std::string& out) {
      site.heading(out, name, list.size());
      site.clippings(out, list);
    });
    source_pages.emplace_back(name, file);
  }
  site.add_page("sources/index.html", site.labels.source_many, "../", [&](std::string& out) {
    out += "<h1>";
    html::append_text(out, site.labels.source_many);
    out += "</h1>\n<ul>\n";
    for (const auto& [name, file] : source_pages) {
      out += "<li><a href=\"" + file + "\">";
      html::append_isolated(out, name);
      out += "</a></li>\n";
    }
    out += "</ul>\n";
  });

  Collection newest;
  for (const Source& s : collection.sources()) (void)newest.add_source(s);
  for (const Post* p : posts) (void)newest.add_post(*p);
  FeedOptions feed;
  feed.title = options.title;
  if (!options.base_url.empty()) {
    std::string base = options.base_url;
    if (!base.ends_with('/')) base += '/';
    feed.home_page_url = base + "index.html";
    feed.feed_url = base + "feed.json";
  }
  site.files.push_back({"feed.json", export_json_feed(newest, feed)});
  return std::move(site.files);
}

Result<std::vector<std::string>> write_site(const Collection& collection, const std::string& dir,
                                            const SiteOptions& options) {
  auto files = render_site(collection, options);
  if (!files.ok()) return std::move(files).error();
  namespace fs = std::filesystem;
  std::vector<std::string> written;
  for (const SiteFile& f : *files) {
    fs::path path = fs::path(dir) / f.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      Error e(ErrorCode::io_error, "cannot create folder " + path.parent_path().string() + ": " +
                                       ec.message());
      e.file = dir;
      return e;
    }
    if (Status st = write_file_atomic(path.string(), f.content); !st.ok()) return std::move(st).error();
    written.push_back(path.string());
  }
  return written;
}

}  // namespace digest
