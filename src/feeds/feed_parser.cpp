// The libxml2 SAX2 side of the feed reader (see feed_parser.hpp).
#include "feeds/feed_parser.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <memory>
#include <new>

#include "text/trim.hpp"
#include "text/url.hpp"

namespace digest::feed_detail {

namespace {

enum Ns : int { kNone, kAtom, kAtom03, kRss10, kRss090, kRdf, kDc, kContentNs, kMedia, kXml, kOther };

int ns_of(const xmlChar* uri) {
  if (!uri) return kNone;
  std::string_view u(reinterpret_cast<const char*>(uri));
  if (u == "http://www.w3.org/2005/Atom") return kAtom;
  if (u == "http://purl.org/atom/ns#") return kAtom03;
  if (u == "http://purl.org/rss/1.0/") return kRss10;
  if (u == "http://my.netscape.com/rdf/simple/0.9/") return kRss090;
  if (u == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return kRdf;
  if (u == "http://purl.org/dc/elements/1.1/" || u == "http://purl.org/dc/terms/") return kDc;
  if (u == "http://purl.org/rss/1.0/modules/content/") return kContentNs;
  if (u.starts_with("http://search.yahoo.com/mrss")) return kMedia;
  if (u == "http://www.w3.org/XML/1998/namespace") return kXml;
  return kOther;
}

bool rss_core(int ns) { return ns == kNone || ns == kRss10 || ns == kRss090; }
bool atom_core(int ns) { return ns == kAtom || ns == kAtom03; }

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// Attribute `name` (no namespace, or the xml namespace when xml_ns) of a
// SAX2 attribute array; libxml2 leaves "&#38;" for an escaped "&".
std::string attr(int n, const xmlChar** a, std::string_view name, bool xml_ns = false) {
  for (int i = 0; i < n; ++i) {
    const xmlChar** at = a + 5 * i;
    if (sv(at[0]) != name) continue;
    if (xml_ns != (ns_of(at[2]) == kXml)) continue;
    std::string v(reinterpret_cast<const char*>(at[3]), static_cast<std::size_t>(at[4] - at[3]));
    for (std::size_t p = v.find("&#38;"); p != std::string::npos; p = v.find("&#38;", p + 1))
      v.replace(p, 5, "&");
    return v;
  }
  return {};
}

void escape_markup(std::string& out, std::string_view s, bool quote) {
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (quote && c == '"') out += "&quot;";
    else out += c;
  }
}

std::string trim(std::string_view s) { return std::string(detail::trim(s)); }

// The fields collected, named by what happens at their end.
enum Field : int {
  kNoField, kTitle, kLink, kGuid, kPublished, kUpdated, kAuthor, kTag, kSummary, kContent,
  kLanguage, kComments, kAuthorName, kAuthorEmail, kChanTitle, kChanLink, kChanDescription,
  kChanLanguage, kChanId, kOutlet,
};

enum Mode : int { kText, kHtml, kXhtml };

}  // namespace

struct FeedParser::Impl {
  FeedParser& p;
  int field = kNoField;
  int mode = kText;
  std::size_t field_depth = 0;

  xmlParserCtxtPtr ctxt() const { return static_cast<xmlParserCtxtPtr>(p.ctxt_); }

  static FeedParser::Impl& of(void* ctx) { return *static_cast<FeedParser::Impl*>(ctx); }

  void problem(std::string msg, std::uint64_t line, std::uint64_t column, bool fatal) {
    p.sink_.problem(std::move(msg), line, column, fatal);
  }

  const std::string& base() const {
    return p.stack_.empty() ? p.bases_[0] : p.bases_[p.stack_.back().base];
  }
  std::string resolve(std::string_view url) const {
    std::string u = trim(url);
    if (u.empty()) return u;
    if (!base().empty()) u = detail::resolve_url(base(), u);
    if (!p.channel_.link.empty() && u.find("://") == std::string::npos)
      u = detail::resolve_url(p.channel_.link, u);
    return u;
  }

  void begin(int f, int m) {
    field = f;
    mode = m;
    field_depth = p.stack_.size();
    p.text_.clear();
    p.text_capped_ = false;
  }

  void append(std::string_view s) {
    if (p.text_.size() + s.size() > p.max_field_) {
      p.text_capped_ = true;
      s = s.substr(0, p.max_field_ > p.text_.size() ? p.max_field_ - p.text_.size() : 0);
    }
    p.text_.append(s);
  }

  void send_channel() {
    if (p.channel_sent_) return;
    p.channel_sent_ = true;
    p.sink_.channel(p.channel_);
  }

  void start(const xmlChar* local, const xmlChar* uri, int nattr, const xmlChar** attrs) {
    int ns = ns_of(uri);
    std::string_view name = sv(local);
    if (p.stack_.size() >= p.max_depth_) {
      p.sink_.problem("elements nested deeper than " + std::to_string(p.max_depth_), p.line(), 0,
                      true);
      xmlStopParser(ctxt());
      p.stopped_ = true;
      return;
    }
    // Inside a field with markup (Atom xhtml, or HTML written as elements).
    if (field != kNoField && p.stack_.size() >= field_depth) {
      if (mode != kText) {
        p.text_ += '<';
        p.text_.append(name);
        for (int i = 0; i < nattr; ++i) {
          const xmlChar** at = attrs + 5 * i;
          p.text_ += ' ';
          p.text_.append(sv(at[0]));
          p.text_ += "=\"";
          escape_markup(p.text_, std::string_view(reinterpret_cast<const char*>(at[3]),
                                                  static_cast<std::size_t>(at[4] - at[3])),
                        true);
          p.text_ += '"';
        }
        p.text_ += '>';
      }
      push_element(ns, name, nattr, attrs);
      return;
    }
    push_element(ns, name, nattr, attrs);
    const std::size_t depth = p.stack_.size();  // this element's depth, root = 1
    if (!p.saw_root_) {
      p.saw_root_ = true;
      if (name == "rss" && rss_core(ns)) p.kind_ = FeedKind::rss;
      else if (name == "RDF" && ns == kRdf) p.kind_ = FeedKind::rdf;
      else if (name == "feed" && (atom_core(ns) || ns == kNone)) p.kind_ = FeedKind::atom;
      else if (name == "channel" && rss_core(ns)) p.kind_ = FeedKind::rss;  // no <rss> wrapper
      else {
        p.foreign_root_ = std::string(name);
        xmlStopParser(ctxt());
        p.stopped_ = true;
      }
      return;
    }
    const bool atom = p.kind_ == FeedKind::atom;
    std::string_view parent = depth >= 2 ? std::string_view(p.stack_[depth - 2].name) : "";
    if (!p.in_item_) {
      bool is_item = atom ? (name == "entry" && (atom_core(ns) || ns == kNone))
                          : (name == "item" && rss_core(ns));
      if (is_item) {
        send_channel();
        p.in_item_ = true;
        p.item_depth_ = depth;
        p.item_ = ItemDraft{};
        p.item_.line = p.line();
        p.item_.language = p.stack_.back().lang;
        return;
      }
      // Channel fields: direct children of <channel> or <feed>.
      bool chan = atom ? (depth == 2) : (parent == "channel");
      if (!chan) return;
      if (atom && atom_core(ns)) {
        if (name == "title") begin(kChanTitle, html_mode(nattr, attrs));
        else if (name == "id") begin(kChanId, kText);
        else if (name == "subtitle" || name == "tagline") begin(kChanDescription, html_mode(nattr, attrs));
        else if (name == "link") take_link(nattr, attrs, true);
      } else if (!atom && rss_core(ns)) {
        if (name == "title") begin(kChanTitle, kHtml);
        else if (name == "link") begin(kChanLink, kText);
        else if (name == "description") begin(kChanDescription, kHtml);
        else if (name == "language") begin(kChanLanguage, kText);
      } else if (ns == kDc && name == "language") {
        begin(kChanLanguage, kText);
      }
      return;
    }
    // Item fields.
    ItemDraft& it = p.item_;
    const bool direct = depth == p.item_depth_ + 1;
    if (ns == kMedia && (name == "content" || name == "thumbnail")) {
      it.enclosures.push_back({attr(nattr, attrs, "url"), attr(nattr, attrs, "type"),
                               attr(nattr, attrs, "fileSize"),
                               name == "thumbnail" ? "thumbnail" : attr(nattr, attrs, "medium")});
      return;
    }
    if (p.author_depth_ && ns != kOther) {  // inside an Atom <author>
      if (name == "name") begin(kAuthorName, kText);
      else if (name == "email") begin(kAuthorEmail, kText);
      return;
    }
    if (!direct) return;
    if (atom && atom_core(ns)) {
      if (name == "title") begin(kTitle, html_mode(nattr, attrs));
      else if (name == "link") take_link(nattr, attrs, false);
      else if (name == "id") {
        it.guid_permalink = false;  // an Atom id names the entry; it is not its page
        begin(kGuid, kText);
      } else if (name == "published" || name == "issued") begin(kPublished, kText);
      else if (name == "updated" || name == "modified") begin(kUpdated, kText);
      else if (name == "summary") {
        begin(kSummary, html_mode(nattr, attrs));
        it.summary_html = mode != kText;
      } else if (name == "content") {
        std::string src = attr(nattr, attrs, "src");
        if (!src.empty() && it.link.empty()) it.link = resolve(src);
        begin(kContent, html_mode(nattr, attrs));
        it.content_html = mode != kText;
      } else if (name == "author") {
        p.author_depth_ = static_cast<int>(depth);
        p.author_name_.clear();
        p.author_email_.clear();
      } else if (name == "category") {
        std::string term = attr(nattr, attrs, "term");
        if (term.empty()) term = attr(nattr, attrs, "label");
        term = trim(std::move(term));
        if (!term.empty()) it.tags.push_back(std::move(term));
      }
    } else if (!atom && rss_core(ns)) {
      if (name == "title") begin(kTitle, kHtml), it.title_html = true;
      else if (name == "link") begin(kLink, kText);
      else if (name == "guid") {
        std::string pl = attr(nattr, attrs, "isPermaLink");
        it.guid_permalink = !(pl == "false" || pl == "False" || pl == "FALSE" || pl == "0");
        begin(kGuid, kText);
      } else if (name == "pubDate") begin(kPublished, kText);
      else if (name == "description") begin(kSummary, kHtml);
      else if (name == "author") begin(kAuthor, kText);
      else if (name == "category") begin(kTag, kText);
      else if (name == "comments") begin(kComments, kText);
      else if (name == "source") begin(kOutlet, kText);
      else if (name == "enclosure") {
        it.enclosures.push_back({resolve(attr(nattr, attrs, "url")), attr(nattr, attrs, "type"),
                                 attr(nattr, attrs, "length"), ""});
      }
    } else if (ns == kDc) {
      if (name == "creator" || name == "contributor") begin(kAuthor, kText);
      else if (name == "date" || name == "issued" || name == "created") begin(kPublished, kText);
      else if (name == "modified") begin(kUpdated, kText);
      else if (name == "subject") begin(kTag, kText);
      else if (name == "language") begin(kLanguage, kText);
      else if (name == "title" && it.title.empty()) begin(kTitle, kHtml), it.title_html = true;
    } else if (ns == kContentNs && name == "encoded") {
      begin(kContent, kHtml);
    }
  }

  static int html_mode(int nattr, const xmlChar** attrs) {
    std::string type = attr(nattr, attrs, "type");
    if (type == "html" || type == "text/html") return kHtml;
    if (type == "xhtml" || type == "application/xhtml+xml") return kXhtml;
    if (type == "escaped") return kHtml;  // Atom 0.3 mode="escaped"
    std::string m = attr(nattr, attrs, "mode");
    if (m == "escaped") return kHtml;
    return kText;
  }

  // Atom <link>: the alternate HTML page is the post's link.
  void take_link(int nattr, const xmlChar** attrs, bool channel) {
    std::string rel = attr(nattr, attrs, "rel");
    std::string type = attr(nattr, attrs, "type");
    std::string href = attr(nattr, attrs, "href");
    if (href.empty()) return;
    if (rel == "enclosure" && !channel) {
      p.item_.enclosures.push_back({resolve(href), type, attr(nattr, attrs, "length"), ""});
      return;
    }
    // Only an alternate link is the post's page: "self" is the Atom entry
    // document, "related" and "via" are other pages.
    int rank = -1;
    if (rel.empty() || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate")
      rank = (type.empty() || type == "text/html" || type == "application/xhtml+xml") ? 3 : 2;
    if (rank < 0) return;
    if (channel) {
      if (rank >= 2 && p.channel_.link.empty()) p.channel_.link = resolve(href);
      return;
    }
    if (rank > p.item_.link_rank) {
      p.item_.link = resolve(href);
      p.item_.link_rank = rank;
    }
  }

  void push_element(int ns, std::string_view name, int nattr, const xmlChar** attrs) {
    std::size_t base = p.stack_.empty() ? 0 : p.stack_.back().base;
    std::string lang = p.stack_.empty() ? std::string() : p.stack_.back().lang;
    std::string xb = attr(nattr, attrs, "base", true);
    if (!xb.empty()) {
      p.bases_.push_back(detail::resolve_url(p.bases_[base], trim(xb)));
      base = p.bases_.size() - 1;
    }
    std::string xl = attr(nattr, attrs, "lang", true);
    if (!xl.empty()) lang = trim(std::move(xl));
    p.stack_.push_back({ns, std::string(name), base, std::move(lang)});
  }

  // libxml2 recovers from "<a><b></a>" by closing the innermost element
  // (b) for each end tag, whatever its name; the tag actually written comes
  // with the mismatch error just before. Closing down to it instead keeps
  // items and fields whole around unclosed HTML (<br>, <p>) in descriptions.
  std::string written_end;

  void end_tag() {
    if (written_end.empty()) return end();
    std::string name = std::move(written_end);
    written_end.clear();
    std::size_t k = p.stack_.size();
    while (k > 0 && p.stack_[k - 1].name != name) --k;
    if (k == 0) return;  // a stray end tag: nothing of ours closes
    while (p.stack_.size() >= k) end();
  }

  void end() {
    if (p.stack_.empty()) return;
    const std::size_t depth = p.stack_.size();
    if (field != kNoField && depth > field_depth) {  // a child inside a field
      if (mode != kText) {
        p.text_ += "</";
        p.text_ += p.stack_.back().name;
        p.text_ += '>';
      }
      pop();
      return;
    }
    if (field != kNoField && depth == field_depth) finish_field();
    if (p.author_depth_ && depth == static_cast<std::size_t>(p.author_depth_)) {
      std::string who = trim(p.author_name_.empty() ? p.author_email_ : p.author_name_);
      if (!who.empty()) p.item_.authors.push_back(std::move(who));
      p.author_depth_ = 0;
    }
    if (p.in_item_ && depth == p.item_depth_) {
      p.in_item_ = false;
      ++p.items_;
      p.sink_.item(std::move(p.item_));
      p.item_ = ItemDraft{};
    }
    pop();
  }

  void pop() {
    std::size_t base = p.stack_.back().base;
    p.stack_.pop_back();
    if (base != 0 && base == p.bases_.size() - 1 &&
        (p.stack_.empty() || p.stack_.back().base != base))
      p.bases_.pop_back();
  }

  void finish_field() {
    std::string& t = p.text_;
    ItemDraft& it = p.item_;
    int f = field;
    field = kNoField;
    if (p.text_capped_)
      p.sink_.problem("a field longer than " + std::to_string(p.max_field_) + " bytes was cut",
                      p.line(), 0, false);
    switch (f) {
      case kTitle: it.title = trim(std::move(t)); it.title_html = mode != kText; break;
      case kLink: {
        std::string l = resolve(t);
        if (!l.empty() && it.link_rank < 3) it.link = std::move(l), it.link_rank = 3;
        break;
      }
      case kGuid: it.guid = trim(std::move(t)); break;
      case kPublished: if (it.published.empty()) it.published = trim(std::move(t)); break;
      case kUpdated: if (it.updated.empty()) it.updated = trim(std::move(t)); break;
      case kAuthor: {
        std::string a = trim(std::move(t));
        if (!a.empty()) it.authors.push_back(std::move(a));
        break;
      }
      case kTag: {
        std::string a = trim(std::move(t));
        if (!a.empty()) it.tags.push_back(std::move(a));
        break;
      }
      case kSummary: it.summary = std::move(t); it.summary_html = mode != kText; break;
      case kContent: it.content = std::move(t); it.content_html = mode != kText; break;
      case kLanguage: it.language = trim(std::move(t)); break;
      case kComments: it.comments = resolve(t); break;
      case kOutlet: it.outlet = trim(t); break;
      case kAuthorName: p.author_name_ = std::move(t); break;
      case kAuthorEmail: p.author_email_ = std::move(t); break;
      case kChanTitle: p.channel_.title = trim(std::move(t)); p.channel_.title_html = mode != kText; break;
      case kChanLink: if (p.channel_.link.empty()) p.channel_.link = resolve(t); break;
      case kChanDescription: p.channel_.description = std::move(t); break;
      case kChanLanguage: p.channel_.language = trim(std::move(t)); break;
      case kChanId: p.channel_.id = trim(std::move(t)); break;
      default: break;
    }
    t.clear();
  }

  void chars(const xmlChar* s, int len) {
    if (field == kNoField || len <= 0) return;
    std::string_view text(reinterpret_cast<const char*>(s), static_cast<std::size_t>(len));
    if (mode == kXhtml) {  // XHTML text nodes: escape back into markup
      std::string esc;
      escape_markup(esc, text, false);
      append(esc);
    } else {
      append(text);
    }
  }
};

namespace {

// Feeds use prefixes they never declare ("dc:creator" without xmlns:dc):
// libxml2 reports the element with no namespace, so the usual prefixes
// name theirs.
const xmlChar* namespace_of_prefix(const xmlChar* prefix) {
  std::string_view p = sv(prefix);
  const char* uri = p == "dc"        ? "http://purl.org/dc/elements/1.1/"
                    : p == "content" ? "http://purl.org/rss/1.0/modules/content/"
                    : p == "media"   ? "http://search.yahoo.com/mrss/"
                    : p == "atom"    ? "http://www.w3.org/2005/Atom"
                                     : nullptr;
  return reinterpret_cast<const xmlChar*>(uri);
}

void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, int,
              const xmlChar**, int nattr, int, const xmlChar** attrs) {
  if (!uri && prefix) uri = namespace_of_prefix(prefix);
  FeedParser::Impl::of(ctx).start(local, uri, nattr, attrs);
}
void on_end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  FeedParser::Impl::of(ctx).end_tag();
}
void on_chars(void* ctx, const xmlChar* s, int len) { FeedParser::Impl::of(ctx).chars(s, len); }

void on_error(void* ctx, xmlErrorPtr e) {
  if (!e || e->level == XML_ERR_WARNING) return;  // not a problem with the feed's content
  auto& impl = FeedParser::Impl::of(ctx);
  if (e->code == XML_ERR_TAG_NAME_MISMATCH && e->str2) impl.written_end = e->str2;
  std::string msg = e->message ? e->message : "malformed XML";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  impl.problem(std::move(msg), static_cast<std::uint64_t>(e->line > 0 ? e->line : 0),
                      static_cast<std::uint64_t>(e->int2 > 0 ? e->int2 : 0),
                      e->level == XML_ERR_FATAL);
}

}  // namespace

FeedParser::FeedParser(FeedSink& sink, std::size_t max_field_bytes, std::size_t max_depth)
    : sink_(sink), max_field_(max_field_bytes), max_depth_(max_depth),
      impl_(std::make_unique<Impl>(Impl{*this})) {
  bases_.emplace_back();  // the document's own base: unknown
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_chars;
  sax.cdataBlock = on_chars;
  sax.serror = on_error;
  // No getEntity, entityDecl, externalSubset or resolveEntity: entities the
  // document declares are never stored or expanded (no "billion laughs"),
  // and no DTD or external entity is ever loaded.
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, impl_.get(), nullptr, 0, nullptr);
  if (!ctxt) throw std::bad_alloc();
  xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                              XML_PARSE_NOWARNING);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  ctxt_ = ctxt;
}

FeedParser::~FeedParser() {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctxt_);
  if (ctxt) {
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
  }
}

void FeedParser::push(std::string_view utf8, bool last) {
  if (stopped_) return;
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctxt_);
  // xmlParseChunk takes an int size: feed large buffers in pieces.
  constexpr std::size_t kPiece = 1u << 24;
  do {
    std::size_t n = utf8.size() < kPiece ? utf8.size() : kPiece;
    bool end = last && n == utf8.size();
    xmlParseChunk(ctxt, utf8.data(), static_cast<int>(n), end ? 1 : 0);
    utf8.remove_prefix(n);
    if (stopped_) return;
  } while (!utf8.empty());
}

void FeedParser::close_open_elements() {
  while (!stack_.empty()) impl_->end();
}

void FeedParser::stop() {
  if (!stopped_) xmlStopParser(static_cast<xmlParserCtxtPtr>(ctxt_));
  stopped_ = true;
}

std::uint64_t FeedParser::line() const {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctxt_);
  int l = ctxt && ctxt->input ? ctxt->input->line : 0;
  return l > 0 ? static_cast<std::uint64_t>(l) : 0;
}

}  // namespace digest::feed_detail
