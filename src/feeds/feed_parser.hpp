// Internal to the feed reader: RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom
// 1.0 (and 0.3) read with libxml2's SAX2 push parser, so a feed of any size
// is read in bounded memory, one chunk of UTF-8 (from FeedInput) at a time.
// Elements are recognised by namespace and local name; each item's fields
// are collected in an ItemDraft and handed to the sink when it ends
// (feed_items.cpp turns drafts into posts). Malformed XML is recovered as
// far as libxml2 can (XML_PARSE_RECOVER) and each problem reported to the
// sink; no DTD is loaded, no entity declared by the document is expanded
// and nothing is fetched from the network or the file system.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest::feed_detail {

enum class FeedKind { unknown, rss, rdf, atom };

struct Enclosure {
  std::string url, type, length, medium;
};

// What a feed says about one item, as written (HTML still HTML).
struct ItemDraft {
  std::uint64_t line = 0;
  std::string title;
  bool title_html = false;  // Atom type="html"/"xhtml", or RSS (HTML allowed)
  std::string link;          // resolved
  int link_rank = -1;        // how good `link` is (alternate html beats others)
  std::string guid;
  bool guid_permalink = true;
  std::string published, updated;  // date text as written
  std::vector<std::string> authors;
  std::vector<std::string> tags;
  std::string summary;  // RSS description, Atom summary: HTML
  bool summary_html = true;
  std::string content;  // content:encoded, Atom content: HTML
  bool content_html = true;
  std::string language;
  std::string comments;
  std::string outlet;  // RSS 2.0 <source>: the outlet an aggregator took the item from
  std::vector<Enclosure> enclosures;
};

struct ChannelDraft {
  std::string title, link, description, language, id;
  bool title_html = false;
};

class FeedSink {
 public:
  virtual ~FeedSink() = default;
  virtual void channel(const ChannelDraft& channel) = 0;  // before the first item
  virtual void item(ItemDraft&& item) = 0;
  // A problem met while reading: `fatal` when libxml2 could not go on.
  virtual void problem(std::string message, std::uint64_t line, std::uint64_t column,
                       bool fatal) = 0;
};

class FeedParser {
 public:
  FeedParser(FeedSink& sink, std::size_t max_field_bytes, std::size_t max_depth);
  ~FeedParser();
  FeedParser(const FeedParser&) = delete;
  FeedParser& operator=(const FeedParser&) = delete;

  // Parses the next chunk of UTF-8; `last` ends the document.
  void push(std::string_view utf8, bool last);

  // Ends every element still open (a truncated feed): fields and the item
  // being read are kept as far as they go.
  void close_open_elements();
  // Stops parsing (from a callback too): later pushes do nothing.
  void stop();

  FeedKind kind() const { return kind_; }
  // The channel as read so far (sent to the sink before the first item).
  const ChannelDraft& channel() const { return channel_; }
  // The root element when it is not a feed root ("html", "svg", …).
  const std::string& foreign_root() const { return foreign_root_; }
  bool saw_root() const { return saw_root_; }
  std::uint64_t line() const;
  std::size_t items_seen() const { return items_; }
  bool in_item() const { return in_item_; }

  struct Impl;  // the libxml2 callbacks (feed_parser.cpp)

 private:
  friend struct Impl;
  FeedSink& sink_;
  void* ctxt_ = nullptr;  // xmlParserCtxtPtr
  std::size_t max_field_;
  std::size_t max_depth_;
  FeedKind kind_ = FeedKind::unknown;
  std::string foreign_root_;
  bool saw_root_ = false;
  bool channel_sent_ = false;
  bool in_item_ = false;
  bool stopped_ = false;
  std::size_t items_ = 0;

  // The element stack: namespace class, local name, xml:base in force.
  struct Element {
    int ns;
    std::string name;
    std::size_t base;  // index into bases_
    std::string lang;
  };
  std::vector<Element> stack_;
  std::vector<std::string> bases_;
  std::size_t item_depth_ = 0;

  // Text of the innermost element being captured, and markup capture for
  // HTML and XHTML fields whose content arrives as child elements.
  std::string text_;
  bool text_capped_ = false;
  std::size_t capture_depth_ = 0;  // 0: not inside a field with child markup
  bool capture_xhtml_ = false;
  std::string* capture_target_ = nullptr;

  ItemDraft item_;
  ChannelDraft channel_;
  int author_depth_ = 0;  // inside an Atom <author>: depth, else 0
  std::string author_name_, author_email_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace digest::feed_detail
