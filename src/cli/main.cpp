// digestcore command-line tool: a thin shell over the C++ API.
#include <charconv>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "digest/curate.hpp"
#include "digest/digest.hpp"
#include "digest/io.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"
#include "digest/sources.hpp"
#include "digest/stories.hpp"
#include "digest/version.h"

namespace {

// The options every command that reads inputs takes (docs/feeds.md).
#define INPUT_OPTIONS_HELP                                                             \
  "  --input-format FMT  detect (default), own, jsonl, jsonfeed, wordpress, rss\n"     \
  "                      (RSS or Atom; also 'atom')\n"                                 \
  "  --encoding ENC      the inputs' character encoding (windows-1251, ...),\n"       \
  "                      overriding a BOM or an XML declaration\n"                     \
  "  --on-duplicate P    error (default), keep-first, replace or merge: what\n"       \
  "                      to do with a post whose id or canonical URL is\n"            \
  "                      already there (polling a feed again adds nothing)\n"         \
  "  --strict            reject deviations instead of repairing them (tags as\n"      \
  "                      one string, RFC 822 dates, items without ids, ...)\n"

const char* const kMainHelp =
    "usage: digestcore <command> [options]\n"
    "\n"
    "Multilingual press digests from JSON collections and RSS/Atom feeds.\n"
    "\n"
    "commands:\n"
    "  digest    build the digest of a period and render it\n"
    "  site      write the static clippings site of a collection\n"
    "  convert   convert collections and feeds to the JSON formats\n"
    "  check     validate collections and report bad records\n"
    "  stories   group near-duplicate posts and link them into stories\n"
    "\n"
    "Run 'digestcore <command> --help' for a command's options.\n"
    "options:\n"
    "  -h, --help      show this help\n"
    "  --version       show the version\n";

const char* const kDigestHelp =
    "usage: digestcore digest INPUT... (--period PERIOD | --week YYYY-Www)\n"
    "                         [--format markdown|html|json|jsonfeed] [--group-by G] [--rank R]\n"
    "                         [--locale TAG] [--title TEMPLATE] [--entities FILE] [-o FILE]\n"
    "\n"
    "INPUT may be '-' for standard input.\n"
    "Selects the posts of a period (by posted date, else published date) from\n"
    "every INPUT, puts them in sections, ranks them and renders the digest.\n"
    "\n"
    "options:\n"
    "  --period PERIOD     2021-W36 (ISO week), 2021-08 or 1400-06 (month,\n"
    "                      Gregorian or Solar Hijri), 2021-08-12/2021-08-18,\n"
    "                      P7D/2021-09-10 or week-ending:2021-09-10 (seven days\n"
    "                      ending that day), week-ending:fri, last-7-days\n"
    "  --week YYYY-Www     the same as --period for an ISO week\n"
    "  --reference DATE    the day relative periods count from (default: today)\n"
    "  --format FMT        markdown (default), html, json, or jsonfeed\n"
    "  --group-by G        source (default), entity, story, or none\n"
    "  --rank R            date (oldest first, default), newest, outlets, entities\n"
    "  --stories           one item per story ('also in' for the other outlets)\n"
    "  --per-section N     at most N items per section\n"
    "  --limit N           at most N items in the digest\n"
    "  --locale TAG        labels and dates: en (default), fr, de, es, fa, ar, ...\n"
    "  --title TEMPLATE    the title; {period}, {first}, {last}, {label}, {count}\n"
    "                      are filled in (default: e.g. 'Weekly Digest – Sep 12, 2021')\n"
    INPUT_OPTIONS_HELP
    "  --attribution       fill missing authors, outlet, place and published date\n"
    "                      from the attribution line opening each excerpt\n"
    "  --sources FILE      a source registry (JSON) naming the known outlets;\n"
    "                      posts whose outlet it recognises are filed under it\n"
    "  --entities FILE     a gazetteer (JSON): tag each post with the entities\n"
    "                      it mentions ('entity:ID' tags); names entity sections\n"
    "  -o, --output FILE   write to FILE instead of standard output\n"
    "  -h, --help          show this help\n";

const char* const kSiteHelp =
    "usage: digestcore site INPUT... -o DIR [--title TEXT] [--locale TAG]\n"
    "                       [--periods week|month|persian-month|week-ending:DAY]\n"
    "\n"
    "Writes the static clippings site of every INPUT's posts under DIR:\n"
    "index.html (every clipping, newest first, with the digests among them),\n"
    "digests/ (a page per period), sources/ (a page per outlet) and feed.json.\n"
    "Links are relative: open DIR/index.html from disk or serve DIR.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR    the folder to write (created if missing; required)\n"
    "  --title TEXT        the site's title (default: Clippings)\n"
    "  --locale TAG        labels and dates of every page (default: en)\n"
    "  --periods P         digest pages per ISO week (default), month,\n"
    "                      persian-month, or week-ending:fri (any weekday)\n"
    "  --digest-title T    title template of the digest pages (see digest --help)\n"
    "  --group-by G, --rank R, --stories, --per-section N\n"
    "                      the digest pages' sections, as for digest\n"
    "  --page-size N       clippings per index page (default: 200)\n"
    "  --base-url URL      absolute URL the site will live at (for feed.json)\n"
    INPUT_OPTIONS_HELP
    "  --attribution, --sources FILE, --entities FILE   as for digest\n"
    "  -h, --help          show this help\n";

const char* const kConvertHelp =
    "usage: digestcore convert INPUT... --to own|jsonl|jsonfeed [--input-format FMT] [-o FILE]\n"
    "\n"
    "Reads every INPUT ('-' is standard input) into one collection and writes\n"
    "it in another format.\n"
    "\n"
    "options:\n"
    "  --to FMT            own (default), jsonl, or jsonfeed\n"
    "  --attribution       fill missing authors, outlet, place and published date\n"
    "                      from the attribution line opening each excerpt\n"
    "  --sources FILE      a source registry (JSON) naming the known outlets;\n"
    "                      posts whose outlet it recognises are filed under it\n"
    "  --entities FILE     a gazetteer (JSON): tag each post with the entities\n"
    "                      it mentions ('entity:ID' tags)\n"
    "  --stories           set each post's cluster and story: the ids of its\n"
    "                      near-duplicate cluster and its story (the defaults\n"
    "                      of the stories command; --entities links stories)\n"
    INPUT_OPTIONS_HELP
    "  -o, --output FILE   write to FILE instead of standard output\n"
    "  -h, --help          show this help\n";

const char* const kStoriesHelp =
    "usage: digestcore stories INPUT... [--threshold X] [--window-days N] [--entities FILE]\n"
    "                          [--format text|json] [--input-format FMT] [-o FILE]\n"
    "\n"
    "INPUT may be '-' for standard input.\n"
    "Groups posts whose texts are near duplicates into clusters, links clusters\n"
    "that share names, entities, numbers and dates into stories (across\n"
    "languages), and prints each story with its posts, the pairs that joined\n"
    "each cluster (estimated and verified similarity, rule) and the links\n"
    "that joined its clusters (score, shared anchors).\n"
    "\n"
    "options:\n"
    "  --threshold X       similarity of near duplicates (the share of words\n"
    "                      they have in common), in (0, 1] (default 0.8)\n"
    "  --window-days N     compare and link only posts dated at most N days\n"
    "                      apart (default: clusters any dates, links 3 days)\n"
    "  --entities FILE     a gazetteer (JSON) whose entities link stories\n"
    "  --format FMT        text (default) or json\n"
    "  --attribution       fill missing outlet and dates from attribution lines\n"
    "  --sources FILE      a source registry (JSON): file posts under its outlets\n"
    INPUT_OPTIONS_HELP
    "  -o, --output FILE   write to FILE instead of standard output\n"
    "  -h, --help          show this help\n";

const char* const kCheckHelp =
    "usage: digestcore check INPUT... [--input-format FMT]\n"
    "\n"
    "Reads every INPUT ('-' is standard input), skipping bad records, and\n"
    "prints one line per bad record with its position and reason, as it meets\n"
    "them, then one 'warning:' line per repair made while reading liberally\n"
    "(an RFC 822 date, tags written as one string, malformed XML recovered,\n"
    "mojibake). Exits 1 if any record was bad. Records are checked, not kept:\n"
    "memory stays small whatever the size of the inputs (ids repeated across\n"
    "two INPUTs are not reported).\n"
    "\n"
    "options:\n"
    INPUT_OPTIONS_HELP
    "  -h, --help          show this help\n";

struct UsageError {
  std::string message;
};

struct Args {
  std::vector<std::string> inputs;
  std::string week, format, to, input_format = "detect", title, output, sources, entities;
  std::string encoding, on_duplicate = "error";
  bool strict = false;
  std::optional<std::string> threshold, window_days;  // given, even if empty
  bool help = false;
  bool attribution = false;
  bool stories = false;
  std::map<std::string, std::string> values;  // every valued option, by name
  std::string value(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  }
};

// `valued`: the options of the command that take a value; `flags`: those
// that take none (besides -h and --help).
Args parse_args(int argc, char** argv, int first, const std::vector<std::string>& valued,
                const std::vector<std::string>& flags = {}) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      a.help = true;
      continue;
    }
    if (arg == "--attribution" || arg == "--stories" || arg == "--strict") {
      bool allowed = arg == "--strict";  // every command reads inputs
      for (const auto& f : flags) allowed |= (f == arg);
      if (!allowed) throw UsageError{"unknown option '" + arg + "'"};
      (arg == "--stories" ? a.stories : arg == "--strict" ? a.strict : a.attribution) = true;
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      std::string name = arg, value;
      bool has_value = false;
      if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
        name = arg.substr(0, eq);
        value = arg.substr(eq + 1);
        has_value = true;
      }
      if (name == "-o") name = "--output";
      // Every command reads inputs: the input options are always known.
      bool known = name == "--encoding" || name == "--on-duplicate" || name == "--input-format";
      for (const auto& v : valued) known |= (v == name);
      if (!known) throw UsageError{"unknown option '" + name + "'"};
      if (!has_value) {
        if (i + 1 >= argc) throw UsageError{"option '" + name + "' needs a value"};
        value = argv[++i];
      }
      a.values[name] = value;
      if (name == "--week") a.week = value;
      else if (name == "--format") a.format = value;
      else if (name == "--to") a.to = value;
      else if (name == "--input-format") a.input_format = value;
      else if (name == "--title") a.title = value;
      else if (name == "--output") a.output = value;
      else if (name == "--sources") a.sources = value;
      else if (name == "--entities") a.entities = value;
      else if (name == "--threshold") a.threshold = value;
      else if (name == "--window-days") a.window_days = value;
      else if (name == "--encoding") a.encoding = value;
      else if (name == "--on-duplicate") a.on_duplicate = value;
      continue;
    }
    a.inputs.push_back(arg);
  }
  return a;
}

digest::JsonFormat input_format(const std::string& name) {
  if (name == "detect") return digest::JsonFormat::detect;
  if (name == "own") return digest::JsonFormat::own;
  if (name == "jsonl") return digest::JsonFormat::json_lines;
  if (name == "jsonfeed") return digest::JsonFormat::json_feed;
  if (name == "wordpress") return digest::JsonFormat::wordpress;
  if (name == "rss" || name == "atom" || name == "xml") return digest::JsonFormat::xml_feed;
  throw UsageError{"unknown input format '" + name +
                   "' (detect, own, jsonl, jsonfeed, wordpress, rss, atom)"};
}

digest::OnDuplicate on_duplicate(const std::string& name) {
  if (name == "error") return digest::OnDuplicate::error;
  if (name == "keep-first" || name == "keep_first") return digest::OnDuplicate::keep_first;
  if (name == "replace") return digest::OnDuplicate::replace;
  if (name == "merge") return digest::OnDuplicate::merge;
  throw UsageError{"unknown --on-duplicate '" + name + "' (error, keep-first, replace, merge)"};
}

// Progress on standard error, when it is a terminal and the input is big
// enough to wait for: "reading feed.xml: 512 MB of 1024 MB, 120000 posts".
void show_progress(const std::string& name, const digest::ImportProgress& p) {
  static const bool tty = ::isatty(2) != 0;
  if (!tty || (p.bytes_total && p.bytes_total < (64u << 20))) return;
  if (p.bytes_total)
    std::fprintf(stderr, "\rreading %s: %llu of %llu MB, %zu posts ", name.c_str(),
                 static_cast<unsigned long long>(p.bytes_read >> 20),
                 static_cast<unsigned long long>(p.bytes_total >> 20), p.posts);
  else
    std::fprintf(stderr, "\rreading %s: %llu MB, %zu posts ", name.c_str(),
                 static_cast<unsigned long long>(p.bytes_read >> 20), p.posts);
  if (p.bytes_total && p.bytes_read >= p.bytes_total) std::fputs("\n", stderr);
}

digest::ImportOptions import_options(const Args& a) {
  digest::ImportOptions options;
  options.format = input_format(a.input_format);
  options.encoding = a.encoding;
  options.on_duplicate = on_duplicate(a.on_duplicate);
  options.strict = a.strict;
  return options;
}

// "-" is standard input.
digest::Result<digest::ImportReport> import_input(digest::Collection& c, const std::string& path,
                                                  digest::ImportOptions options) {
  options.source_name = path == "-" ? "<stdin>" : path;
  options.on_progress = [name = options.source_name](const digest::ImportProgress& p) {
    show_progress(name, p);
  };
  return digest::import_file(c, path, options);
}

// Dictionaries may come from standard input too.
std::string dictionary_path(const std::string& path) {
  return path == "-" ? "/dev/stdin" : path;
}

bool report(const digest::Error& e) {
  std::fprintf(stderr, "digestcore: %s\n", e.to_string().c_str());
  return false;
}

// The dictionaries the curation options name (--sources, --entities).
struct Dictionaries {
  std::optional<digest::SourceRegistry> registry;
  std::optional<digest::Gazetteer> gazetteer;
};

// The --sources and --entities dictionaries, into `dicts`.
bool load_dictionaries(const Args& a, Dictionaries& dicts) {
  if (!a.sources.empty()) {
    auto r = digest::load_source_registry(dictionary_path(a.sources));
    if (!r.ok()) return report(r.error());
    dicts.registry.emplace(std::move(r).value());
  }
  if (!a.entities.empty()) {
    auto g = digest::load_gazetteer(dictionary_path(a.entities));
    if (!g.ok()) return report(g.error());
    dicts.gazetteer.emplace(std::move(g).value());
  }
  return true;
}

// Repairs are worth knowing, not worth a screenful: a count and the first few.
void report_warnings(const digest::ImportReport& r, const std::string& path) {
  std::size_t shown = 0;
  for (const auto& w : r.warnings) {
    if (++shown > 3) break;
    std::fprintf(stderr, "digestcore: warning: %s\n", w.to_string().c_str());
  }
  if (r.warnings_count > 3)
    std::fprintf(stderr, "digestcore: %zu more warnings ('digestcore check %s' lists them)\n",
                 r.warnings_count - 3, path.c_str());
}

// Loads every input into `c` and curates it as the options say (the
// library's one curation step; `stories`, when set, is its step 4); returns
// false after printing the error. The dictionaries stay in `dicts` for the
// caller; with tag_entities false the gazetteer tags no post.
bool load_inputs(digest::Collection& c, const Args& a, Dictionaries& dicts,
                 const std::optional<digest::StoryOptions>& stories = {},
                 bool tag_entities = true) {
  if (a.inputs.empty()) throw UsageError{"no INPUT file given"};
  digest::ImportOptions options = import_options(a);
  if (!load_dictionaries(a, dicts)) return false;
  for (const auto& path : a.inputs) {
    auto r = import_input(c, path, options);
    if (!r.ok()) return report(r.error());
    report_warnings(*r, path);
  }
  digest::CurateOptions curate;
  curate.fill_from_attribution = a.attribution;
  curate.sources = dicts.registry ? &*dicts.registry : nullptr;
  curate.entities = dicts.gazetteer && tag_entities ? &*dicts.gazetteer : nullptr;
  curate.stories = stories;
  auto curated = digest::curate(c, curate);
  if (!curated.ok()) return report(curated.error());
  return true;
}

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) {
      std::fprintf(stderr, "digestcore: cannot write to standard output: %s\n",
                   std::strerror(errno));
      return false;
    }
    return true;
  }
  // Atomic: the file is the old or the new content, never a mix.
  if (digest::Status s = digest::write_file_atomic(path, text); !s) return report(s.error());
  return true;
}

// Ends the process once its output is out, without tearing down what it
// built: freeing a million posts takes longer than reading them, and the
// system reclaims it all at once.
[[noreturn]] void exit_now(int code) {
  if (std::fflush(stdout) != 0 && code == 0) {
    std::fprintf(stderr, "digestcore: cannot write to standard output: %s\n", std::strerror(errno));
    code = 1;
  }
  std::fflush(stderr);
  std::_Exit(code);
}

// A streamed command's output: standard output, or a file that replaces
// PATH atomically once complete (an error leaves PATH as it was).
struct StreamOutput {
  std::optional<digest::AtomicFile> file;

  bool open(const std::string& path) {
    if (path.empty() || path == "-") return true;
    auto f = digest::AtomicFile::open(path);
    if (!f.ok()) return report(f.error());
    file.emplace(std::move(f).value());
    return true;
  }
  digest::Status write(std::string_view text) {
    if (file) return file->write(text);
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
      return digest::Error(digest::ErrorCode::io_error,
                           std::string("cannot write to standard output: ") + std::strerror(errno));
    return {};
  }
  bool commit() {
    if (!file) return true;
    if (digest::Status st = file->commit(); !st) return report(st.error());
    return true;
  }
};

// A sink's failure, carried out of the import that called it.
struct SinkFailed {
  digest::Error error;
};

// The streamed form of load_inputs: posts are curated in batches (no
// stories) and handed to `sink`; `sources` gets the sources. Commands that
// need every post (stories, site) or a policy that edits earlier posts
// (replace, merge) load whole instead.
bool stream_inputs(digest::Collection& sources, const Args& a, Dictionaries& dicts,
                   const std::function<void(digest::Post&&)>& sink) {
  if (a.inputs.empty()) throw UsageError{"no INPUT file given"};
  if (!load_dictionaries(a, dicts)) return false;
  digest::ImportOptions options = import_options(a);
  options.on_progress = [](const digest::ImportProgress& p) { show_progress("input", p); };
  digest::CurateOptions curate;
  curate.fill_from_attribution = a.attribution;
  curate.sources = dicts.registry ? &*dicts.registry : nullptr;
  curate.entities = dicts.gazetteer ? &*dicts.gazetteer : nullptr;
  try {
    auto r = digest::stream_posts(a.inputs, options, curate, sources, sink);
    if (!r.ok()) return report(r.error());
    for (std::size_t i = 0; i < r->imports.size(); ++i) report_warnings(r->imports[i], a.inputs[i]);
  } catch (SinkFailed& f) {
    return report(f.error);
  }
  return true;
}

bool streamable(const Args& a) {
  const digest::OnDuplicate p = on_duplicate(a.on_duplicate);
  return p == digest::OnDuplicate::error || p == digest::OnDuplicate::keep_first;
}

std::size_t count_option(const Args& a, const std::string& name) {
  const std::string v = a.value(name);
  if (v.empty()) return 0;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size())
    throw UsageError{"option '" + name + "' needs a whole number, not '" + v + "'"};
  return n;
}

// The digest options the digest and site commands share.
digest::DigestOptions digest_options(const Args& a) {
  digest::DigestOptions o;
  if (std::string g = a.value("--group-by"); !g.empty()) {
    auto v = digest::group_by_from_name(g);
    if (!v) throw UsageError{"unknown --group-by '" + g + "' (source, entity, story, none)"};
    o.group_by = *v;
  }
  if (std::string r = a.value("--rank"); !r.empty()) {
    auto v = digest::rank_from_name(r);
    if (!v) throw UsageError{"unknown --rank '" + r + "' (date, newest, outlets, entities)"};
    o.rank = *v;
  }
  if (std::string l = a.value("--locale"); !l.empty()) o.locale = l;
  o.collapse_stories = a.stories;
  o.per_section = count_option(a, "--per-section");
  o.limit = count_option(a, "--limit");
  return o;
}

const std::vector<std::string> kDigestValued = {
    "--group-by", "--rank", "--locale", "--per-section", "--input-format", "--sources",
    "--entities", "--output", "--title"};

int cmd_digest(int argc, char** argv) {
  std::vector<std::string> valued = kDigestValued;
  for (const char* v : {"--week", "--period", "--reference", "--format", "--limit"}) valued.push_back(v);
  Args a = parse_args(argc, argv, 2, valued, {"--attribution", "--stories"});
  if (a.help) {
    std::fputs(kDigestHelp, stdout);
    return 0;
  }
  std::string period_text = a.value("--period");
  if (!a.week.empty()) {
    if (!period_text.empty()) throw UsageError{"give --period or --week, not both"};
    period_text = a.week;
  }
  if (period_text.empty()) throw UsageError{"--period is required (e.g. --period 2021-W33)"};
  std::string format = a.format.empty() ? "markdown" : a.format;
  if (format != "markdown" && format != "html" && format != "json" && format != "jsonfeed")
    throw UsageError{"unknown format '" + format + "' (markdown, html, json, jsonfeed)"};
  digest::PeriodOptions period_options;
  if (std::string ref = a.value("--reference"); !ref.empty()) {
    auto r = digest::DateTime::from_iso(ref);
    if (!r.ok()) throw UsageError{"--reference: " + r.error().to_string()};
    period_options.reference = r->date;
  }
  auto period = digest::parse_period(period_text, period_options);
  if (!period.ok()) throw UsageError{period.error().to_string()};
  digest::DigestOptions options = digest_options(a);
  options.title = a.title;
  // Only the period's posts are kept, read as a stream unless the duplicate
  // policy needs the earlier posts.
  digest::Collection c;  // not torn down: exit_now ends the process
  Dictionaries dicts;
  const digest::Period& in = *period;
  auto keep = [&](digest::Post&& p) {
    auto d = p.digest_date();
    if (!d || *d < in.first || *d > in.last) return;
    if (digest::Status st = c.add_post(std::move(p)); !st) throw SinkFailed{st.error()};
  };
  if (!(streamable(a) ? stream_inputs(c, a, dicts, keep) : load_inputs(c, a, dicts))) return 1;
  digest::PublishOptions publish;
  publish.entities = dicts.gazetteer ? &*dicts.gazetteer : nullptr;
  auto d = digest::publish_digest(c, *period, options, publish);
  if (!d.ok()) {
    report(d.error());
    return 1;
  }
  std::string text;
  if (format == "markdown") text = digest::render_markdown(*d);
  else if (format == "html") text = digest::render_html(*d);
  else if (format == "json") text = digest::render_json(*d);
  else text = digest::render_json_feed(*d);
  exit_now(write_output(a.output, text) ? 0 : 1);
}

int cmd_site(int argc, char** argv) {
  std::vector<std::string> valued = kDigestValued;
  for (const char* v : {"--periods", "--digest-title", "--page-size", "--base-url"}) valued.push_back(v);
  Args a = parse_args(argc, argv, 2, valued, {"--attribution", "--stories"});
  if (a.help) {
    std::fputs(kSiteHelp, stdout);
    return 0;
  }
  if (a.output.empty() || a.output == "-") throw UsageError{"-o DIR is required (the site's folder)"};
  digest::SiteOptions site;
  site.digest = digest_options(a);
  site.digest.title = a.value("--digest-title");
  site.locale = site.digest.locale;
  if (!a.title.empty()) site.title = a.title;
  if (std::string p = a.value("--periods"); !p.empty())
    if (digest::Status st = digest::set_site_periods(site, p); !st.ok())
      throw UsageError{"--periods: " + st.error().message};
  if (std::size_t n = count_option(a, "--page-size")) site.page_size = n;
  site.base_url = a.value("--base-url");
  digest::Collection c;  // not torn down: exit_now ends the process
  Dictionaries dicts;
  if (!load_inputs(c, a, dicts)) return 1;
  if (dicts.gazetteer) site.digest.entity_name = digest::entity_names(*dicts.gazetteer);
  auto written = digest::write_site(c, a.output, site);
  if (!written.ok()) {
    report(written.error());
    return 1;
  }
  std::fprintf(stderr, "digestcore: wrote %zu files; open %s/index.html\n", written->size(),
               a.output.c_str());
  return 0;
}

int cmd_convert(int argc, char** argv) {
  Args a = parse_args(argc, argv, 2, {"--to", "--input-format", "--output", "--sources", "--entities"},
                      {"--attribution", "--stories"});
  if (a.help) {
    std::fputs(kConvertHelp, stdout);
    return 0;
  }
  std::string to = a.to.empty() ? "own" : a.to;
  if (to != "own" && to != "jsonl" && to != "jsonfeed")
    throw UsageError{"unknown output format '" + to + "' (own, jsonl, jsonfeed)"};
  const digest::JsonFormat format = to == "own"     ? digest::JsonFormat::own
                                    : to == "jsonl" ? digest::JsonFormat::json_lines
                                                    : digest::JsonFormat::json_feed;
  Dictionaries dicts;
  if (!a.stories && streamable(a)) {
    // Streamed: each post is written as it is read, so memory does not grow
    // with the input; sources are written last (docs/performance.md).
    StreamOutput output;
    if (!output.open(a.output)) return 1;
    digest::ExportStream out(format, [&](std::string_view t) { return output.write(t); });
    digest::Collection sources;
    bool ok = stream_inputs(sources, a, dicts, [&](digest::Post&& p) {
      if (digest::Status st = out.add_post(p); !st) throw SinkFailed{st.error()};
    });
    if (!ok) return 1;
    if (digest::Status st = out.finish(sources.sources()); !st) {
      report(st.error());
      return 1;
    }
    exit_now(output.commit() ? 0 : 1);
  }
  digest::Collection c;  // not torn down: exit_now ends the process
  std::optional<digest::StoryOptions> stories;
  if (a.stories) stories.emplace();  // curate links with the --entities gazetteer
  if (!load_inputs(c, a, dicts, stories)) return 1;
  std::string text = to == "own"     ? digest::export_json(c)
                     : to == "jsonl" ? digest::export_json_lines(c)
                                     : digest::export_json_feed(c);
  exit_now(write_output(a.output, text) ? 0 : 1);
}

// --threshold: a number in (0, 1].
double parse_threshold(const std::string& text) {
  double v = 0;
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, v);
  if (text.empty() || r.ec != std::errc() || r.ptr != end || !(v > 0 && v <= 1))
    throw UsageError{"--threshold must be a number in (0, 1], got '" + text + "'"};
  return v;
}

// --window-days: a whole number of days, 0 to 36500.
int parse_window_days(const std::string& text) {
  int v = -1;
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, v);
  if (text.empty() || r.ec != std::errc() || r.ptr != end || v < 0 || v > 36500)
    throw UsageError{"--window-days must be a whole number from 0 to 36500, got '" + text + "'"};
  return v;
}

int cmd_stories(int argc, char** argv) {
  Args a = parse_args(argc, argv, 2,
                      {"--threshold", "--window-days", "--entities", "--format", "--input-format",
                       "--output", "--sources"},
                      {"--attribution"});
  if (a.help) {
    std::fputs(kStoriesHelp, stdout);
    return 0;
  }
  const std::string format = a.format.empty() ? "text" : a.format;
  if (format != "text" && format != "json")
    throw UsageError{"unknown format '" + format + "' (text, json)"};
  digest::StoryOptions options;
  if (a.threshold) options.duplicates.threshold = parse_threshold(*a.threshold);
  if (a.window_days) {
    // One window for both: near duplicates compared, and clusters linked.
    options.window_days = parse_window_days(*a.window_days);
    options.duplicates.window_days = options.window_days;
  }
  digest::Collection c;  // not torn down: exit_now ends the process
  Dictionaries dicts;
  // The gazetteer links stories here; tagging posts would change nothing shown.
  if (!load_inputs(c, a, dicts, std::nullopt, false)) return 1;
  options.entities = dicts.gazetteer ? &*dicts.gazetteer : nullptr;
  auto stories = digest::cluster_stories(c, options);
  if (!stories.ok()) {
    report(stories.error());
    return 1;
  }
  auto text = format == "json" ? digest::render_stories_json(c, *stories)
                               : digest::render_stories_text(c, *stories);
  if (!text.ok()) {
    report(text.error());
    return 1;
  }
  exit_now(write_output(a.output, *text) ? 0 : 1);
}

int cmd_check(int argc, char** argv) {
  Args a = parse_args(argc, argv, 2, {"--input-format"});
  if (a.help) {
    std::fputs(kCheckHelp, stdout);
    return 0;
  }
  if (a.inputs.empty()) throw UsageError{"no INPUT file given"};
  digest::ImportOptions options = import_options(a);
  options.skip_bad_records = true;
  options.validate_only = true;
  // Streamed: one line per bad record as it is met, none kept.
  options.on_skipped = [](const digest::Error& e) {
    std::fprintf(stdout, "%s\n", e.to_string().c_str());
  };
  options.max_warnings_kept = std::size_t(-1);
  std::size_t posts = 0, sources = 0, bad = 0, warnings = 0;
  for (const auto& path : a.inputs) {
    digest::Collection none;
    auto r = import_input(none, path, options);
    if (!r.ok()) {
      report(r.error());
      return 1;
    }
    posts += r->posts_added;
    sources += r->sources_added;
    bad += r->skipped_count;
    warnings += r->warnings_count;
    for (const auto& w : r->warnings) std::fprintf(stdout, "warning: %s\n", w.to_string().c_str());
  }
  std::fflush(stdout);
  std::string summary = bad ? ", " + std::to_string(bad) + " bad records skipped" : ", no bad records";
  if (warnings) summary += ", " + std::to_string(warnings) + " repairs (warnings)";
  std::fprintf(stderr, "digestcore: %zu posts, %zu sources%s\n", posts, sources, summary.c_str());
  return bad ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) {
      std::fputs(kMainHelp, stderr);
      return 2;
    }
    std::string_view cmd = argv[1];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      std::fputs(kMainHelp, stdout);
      return 0;
    }
    if (cmd == "--version") {
      std::printf("digestcore %s\n", DG_VERSION_STRING);
      return 0;
    }
    if (cmd == "digest") return cmd_digest(argc, argv);
    if (cmd == "convert") return cmd_convert(argc, argv);
    if (cmd == "site") return cmd_site(argc, argv);
    if (cmd == "check") return cmd_check(argc, argv);
    if (cmd == "stories") return cmd_stories(argc, argv);
    throw UsageError{"unknown command '" + std::string(cmd) + "' (try --help)"};
  } catch (const UsageError& e) {
    std::fprintf(stderr, "digestcore: %s\n", e.message.c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "digestcore: internal error: %s\n", e.what());
    return 3;
  }
}
