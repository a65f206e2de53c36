// Importing RSS and Atom (see feed_import.hpp): bytes → FeedInput (UTF-8)
// → FeedParser (libxml2 SAX) → drafts → posts in a temporary collection,
// committed to the caller's at the end like every import.
#include "feeds/feed_import.hpp"

#include <cerrno>
#include <cstring>
#include <optional>
#include <new>
#include <string>
#include <unordered_set>
#include <vector>

#include "feeds/feed_input.hpp"
#include "feeds/feed_items.hpp"
#include "feeds/feed_parser.hpp"
#include "json/json_internal.hpp"
#include "model/id_set.hpp"
#include "text/safe.hpp"

namespace digest::feed_detail {

namespace {

constexpr std::size_t kChunk = 1u << 20;

struct Stop {
  Error error;
};

class FeedImport final : public FeedSink {
 public:
  FeedImport(Collection& target, const ImportOptions& opt)
      : target_(target), opt_(opt), input_(opt.encoding),
        parser_(*this, opt.max_line_bytes, opt.max_depth * 4 + 16) {
    report_.format = JsonFormat::xml_feed;
  }

  // Feeds a chunk of the input; throws Stop when the import must end.
  void push(std::string_view bytes, bool last) {
    bytes_ += bytes.size();
    utf8_.clear();
    Status st = input_.push(bytes, last, utf8_);
    if (!st) {
      Error e = std::move(st).error();
      e.file = opt_.source_name;
      throw Stop{std::move(e)};
    }
    parser_.push(utf8_, last);
    hand_over_streamed();
    if (parser_.saw_root() && parser_.kind() == FeedKind::unknown) not_a_feed();
    if (opt_.on_progress) opt_.on_progress(ImportProgress{bytes_, total_, posts_seen_});
    if (opt_.should_stop && opt_.should_stop())
      throw Stop{error(ErrorCode::cancelled, "import stopped on request", 0)};
  }

  Result<ImportReport> finish() {
    if (!parser_.saw_root()) {
      throw Stop{error(ErrorCode::parse_error,
                       bytes_ == 0 ? "the input is empty"
                                   : "no XML element found: not an RSS or Atom feed",
                       parser_.line())};
    }
    if (parser_.in_item()) {
      problem("the input ends inside an item; what was read of it is kept", parser_.line(), 0,
              false);
      if (!opt_.strict) parser_.close_open_elements();
      if (const Error* e = pending()) throw Stop{*e};
      hand_over_streamed();
    }
    input_warnings();
    if (!channel_seen_) channel(parser_.channel());  // a feed without items
    Status st = json_detail::commit_import(target_, std::move(temp_), opt_, report_);
    if (!st) return std::move(st).error();
    return std::move(report_);
  }

  void set_total(std::uint64_t total) { total_ = total; }
  const std::string& source_name() const { return opt_.source_name; }

  // --- FeedSink --------------------------------------------------------------
  void channel(const ChannelDraft& c) override {
    channel_seen_ = true;
    channel_ = c;
    Source s = channel_source(c);
    if (s.id.empty()) return;  // a feed without title or link: posts name no source
    source_id_ = s.id;
    if (opt_.validate_only) {
      ++report_.sources_added;
      return;
    }
    if (const Source* old = target_.find_source(s.id); old && *old == s) return;  // re-polled
    ++report_.sources_added;
    Status st = temp_.add_source(std::move(s));
    (void)st;  // one channel per feed: the id cannot repeat
  }

  void item(ItemDraft&& d) override {
    ++posts_seen_;
    std::uint64_t line = d.line;
    Warn warn = [&](ErrorCode code, std::string msg) { warning(code, std::move(msg), line); };
    Result<Post> r = item_post(std::move(d), channel_, source_id_, opt_.strict, warn);
    if (!r) {
      Error e = error(r.error().code, r.error().message, line);
      if (!opt_.skip_bad_records) return throw_later(std::move(e));
      skipped(std::move(e));
      return;
    }
    add_post(std::move(r).value(), line);
  }

  void problem(std::string message, std::uint64_t line, std::uint64_t column, bool fatal) override {
    std::string msg = "malformed XML: " + message;
    if (column) msg += " (column " + std::to_string(column) + ")";
    if (opt_.strict) throw_later(error(ErrorCode::parse_error, std::move(msg), line));
    else warning(ErrorCode::parse_error, std::move(msg), line);
  }

  const Error* pending() const { return pending_ ? &*pending_ : nullptr; }

  // The posts of the last chunk, to on_post (streaming). An error stops the
  // parser where it is met, so these are the posts read before it.
  void hand_over_streamed() {
    if (streamed_.empty()) return;
    std::vector<Post> batch;
    batch.swap(streamed_);
    for (Post& p : batch) opt_.on_post(std::move(p));
  }

 private:
  Error error(ErrorCode code, std::string message, std::uint64_t line) const {
    Error e(code, std::move(message));
    e.file = opt_.source_name;
    e.line = line;
    return e;
  }

  // libxml2 calls back from C: a Stop must not unwind through it. Kept
  // and thrown once the chunk returns (check_pending).
  void throw_later(Error e) {
    if (!pending_) pending_ = std::move(e);
    parser_.stop();
  }

  void warning(ErrorCode code, std::string message, std::uint64_t line) {
    ++report_.warnings_count;
    if (report_.warnings.size() < opt_.max_warnings_kept)
      report_.warnings.push_back(error(code, std::move(message), line));
  }

  void skipped(Error&& e) {
    ++report_.skipped_count;
    if (opt_.on_skipped) opt_.on_skipped(e);
    else if (report_.skipped.size() < opt_.max_skipped_kept) report_.skipped.push_back(std::move(e));
  }

  void add_post(Post&& p, std::uint64_t line) {
    const bool policy = opt_.on_duplicate != OnDuplicate::error;
    auto duplicate = [&](const char* where) {
      Error e = error(ErrorCode::duplicate_id,
                      "duplicate post id " + detail::quote_for_message(p.id) + where, line);
      if (!opt_.skip_bad_records) throw_later(std::move(e));
      else skipped(std::move(e));
    };
    // An id met earlier in this input: resolved by the policy, as merge would.
    // Checking and streaming (on_post) keep the ids only, as digests.
    const bool ids_only = opt_.validate_only || bool(opt_.on_post);
    const bool by_url = ids_only && !opt_.validate_only && opt_.on_duplicate == OnDuplicate::keep_first;
    Post* old = ids_only ? nullptr : temp_.find_post(p.id);
    bool earlier = ids_only ? (by_url && target_.find_post(p.id)) || !seen_posts_.add(p, by_url)
                            : old != nullptr;
    if (earlier) {
      if (!policy) return duplicate(" (earlier in the input)");
      json_detail::count_duplicate(report_, opt_.on_duplicate);
      if (old) merge_duplicate_post(*old, std::move(p), opt_.on_duplicate);
      return;
    }
    if (!policy && target_.find_post(p.id)) return duplicate(" (already in the collection)");
    if (report_.posts_added >= opt_.max_posts)
      return throw_later(error(ErrorCode::limit_exceeded,
                               "more than " + std::to_string(opt_.max_posts) +
                                   " posts in one import",
                               line));
    ++report_.posts_added;
    if (ids_only) {
      // Handed over once libxml2 returns: on_post may throw, and nothing may
      // unwind through C frames.
      if (!opt_.validate_only) streamed_.push_back(std::move(p));
      return;
    }
    Status st = temp_.add_post(std::move(p));
    if (!st) throw_later(error(st.error().code, st.error().message, line));
  }

  void not_a_feed() {
    throw Stop{error(ErrorCode::parse_error,
                     "this looks like " + describe_foreign_root(parser_.foreign_root()) +
                         ", not a feed; digestcore reads RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed, "
                         "WordPress REST posts, its own JSON and JSON Lines",
                     1)};
  }

  void input_warnings() {
    if (!input_.unknown_declared().empty())
      problem_or_warn(ErrorCode::invalid_argument,
                      "the feed declares the unknown encoding " +
                          detail::quote_for_message(input_.unknown_declared()) + "; read as UTF-8");
    if (input_.bytes_repaired())
      problem_or_warn(ErrorCode::invalid_utf8,
                      std::to_string(input_.bytes_repaired()) +
                          " bytes that are not UTF-8 read as Windows-1252 (the first at byte " +
                          std::to_string(input_.first_repaired_offset()) + ")");
    if (input_.unmapped())
      problem_or_warn(ErrorCode::invalid_utf8,
                      std::to_string(input_.unmapped()) + " bytes that " + input_.charset() +
                          " does not map replaced by U+FFFD (the first at byte " +
                          std::to_string(input_.first_unmapped_offset()) + ")");
    if (input_.ampersands_escaped())
      warning(ErrorCode::parse_error,
              std::to_string(input_.ampersands_escaped()) +
                  " \"&\" that start no reference read as \"&amp;\"",
              input_.first_ampersand_line());
    if (input_.entities_rewritten())
      warning(ErrorCode::parse_error,
              std::to_string(input_.entities_rewritten()) +
                  " HTML entity names, which XML does not define, read as characters",
              0);
  }

  void problem_or_warn(ErrorCode code, std::string message) {
    if (opt_.strict) throw Stop{error(code, std::move(message), 0)};
    warning(code, std::move(message), 0);
  }

  Collection& target_;
  const ImportOptions& opt_;
  Collection temp_;
  ImportReport report_;
  FeedInput input_;
  FeedParser parser_;
  std::string utf8_;
  ChannelDraft channel_;
  bool channel_seen_ = false;
  std::string source_id_;
  std::uint64_t bytes_ = 0, total_ = 0;
  std::size_t posts_seen_ = 0;
  std::optional<Error> pending_;
  detail::SeenPosts seen_posts_;  // validate_only, on_post: what the posts were, for duplicates
  std::vector<Post> streamed_;  // on_post: read in this chunk, not yet handed over

  friend Result<ImportReport> run(FeedImport&, std::string_view, std::FILE*);
};

void check_pending(const FeedImport& f) {
  if (const Error* e = f.pending()) throw Stop{*e};
}

Result<ImportReport> run(FeedImport& f, std::string_view head, std::FILE* file) {
  try {
    if (!file) {
      // In memory: pushed in chunks so that progress and cancellation work.
      do {
        std::size_t n = head.size() < kChunk ? head.size() : kChunk;
        f.push(head.substr(0, n), n == head.size());
        check_pending(f);
        head.remove_prefix(n);
      } while (!head.empty());
    } else {
      f.push(head, false);
      check_pending(f);
      std::vector<char> buf(kChunk);
      while (true) {
        std::size_t n = std::fread(buf.data(), 1, buf.size(), file);
        if (std::ferror(file)) {
          Error e(ErrorCode::io_error, std::string("cannot read the file: ") + std::strerror(errno));
          e.file = f.source_name();
          return e;
        }
        bool eof = n < buf.size();
        f.push(std::string_view(buf.data(), n), eof);
        check_pending(f);
        if (eof) break;
      }
    }
    return f.finish();
  } catch (Stop& s) {
    return std::move(s.error);
  }
}

}  // namespace

std::string describe_foreign_root(std::string_view root) {
  std::string r(root);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  if (r == "html" || r == "head" || r == "body") return "an HTML page";
  if (r == "opml") return "an OPML outline (a list of feeds)";
  if (r == "svg") return "an SVG image";
  std::string out = "an XML document whose root element is <";
  detail::append_for_message(out, root, 60);
  out += '>';
  return out;
}

Result<ImportReport> import_feed_memory(Collection& target, std::string_view bytes,
                                        const ImportOptions& options) {
  FeedImport f(target, options);
  f.set_total(bytes.size());
  return run(f, bytes, nullptr);
}

Result<ImportReport> import_feed_stream(Collection& target, std::string_view head,
                                        std::FILE* file, std::uint64_t total,
                                        const ImportOptions& options) {
  FeedImport f(target, options);
  f.set_total(total);
  return run(f, head, file);
}

}  // namespace digest::feed_detail
