// The one JSON writer: every JSON document the library writes (collections,
// feeds, digests, registries, gazetteers) goes through it. Strings are
// escaped by append_json_string (ill-formed UTF-8 becomes U+FFFD); kept
// values (ExtraField::raw_json) are written minified when they are valid JSON
// and as a string of their text otherwise, so the output is always valid.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digest/json.hpp"
#include "json/json_internal.hpp"

namespace digest::json_detail {

constexpr std::size_t kExtraNestingLimit = std::size_t(1) << 20;

class Writer {
 public:
  Writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  void open(char c) {
    prefix();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (pretty_ && !empty) newline();
    out_ += c;
  }
  void key(std::string_view k) {
    prefix();
    append_json_string(out_, k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
  }
  void string(std::string_view s) {
    prefix();
    append_json_string(out_, s);
  }
  void raw(std::string_view r) {
    prefix();
    out_ += r;
  }
  // A JSON value kept as text (ExtraField::raw_json).
  void extra(std::string_view raw_json) {
    prefix();
    std::size_t mark = out_.size();
    if (!json_detail::check_raw_json(raw_json, kExtraNestingLimit, &out_).ok) {
      out_.resize(mark);
      append_json_string(out_, raw_json);
    }
  }
  // Arrays of strings stay on one line, pretty or not.
  void strings(const std::vector<std::string>& v) {
    prefix();
    out_ += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out_ += pretty_ ? ", " : ",";
      append_json_string(out_, v[i]);
    }
    out_ += ']';
  }

  void member(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }
  void member_if(std::string_view k, const std::string& s) {
    if (!s.empty()) member(k, s);
  }
  void bool_member(std::string_view k, bool b) {
    key(k);
    raw(b ? "true" : "false");
  }
  void strings_if(std::string_view k, const std::vector<std::string>& v) {
    if (v.empty()) return;
    key(k);
    strings(v);
  }

 private:
  void prefix() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    if (pretty_) newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
  }

  std::string& out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> first_;
};

// A source record as every document writes it (collections, JSON Lines,
// JSON Feed's "_digestcore", registries): export.cpp.
void write_source(Writer& w, const Source& s);
// A post as the own format writes it (every field, extra fields last).
void write_post(Writer& w, const Post& p);
// One JSON Feed item, and a feed's members up to its open "items" array
// (export.cpp).
void write_feed_item(Writer& w, const Post& p);
void open_feed_items(Writer& w, const FeedOptions& options);
// The rest of a feed after its items: the "_digestcore" object (the
// sources, then what `extension` writes) when there is something to put in
// it, and the end of the document (the caller adds the final newline).
void close_feed(Writer& w, std::span<const Source> sources,
                const std::function<void(Writer&)>& extension);
bool is_post_field(std::string_view name);
// A JSON Feed 1.1 of `c`; `extension`, when set, writes more members into the
// top-level "_digestcore" object (after "sources"). For digests' feeds.
std::string write_json_feed(const Collection& c, const FeedOptions& options,
                            const std::function<void(Writer&)>& extension);

}  // namespace digest::json_detail
