// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): items become posts
// (content_html turned into text), 1.0's "author" is read too, the feed's
// language fills items without one, and a "_digestcore" extension carries
// what the feed cannot say (the own post fields, the sources).
#include "feeds/feed_items.hpp"
#include "json/fields.hpp"
#include "json/importer.hpp"
#include "text/safe.hpp"

namespace digest::json_detail {

namespace {

// Own-format post fields that JSON Feed does not define, read when an item
// carries them at item level; -1 for any other name.
int item_level_model_field(std::string_view key) {
  int k = post_field_index(key);
  switch (k) {
    case kPostedOn: case kPublishedOn: case kSource: case kPlace: case kExcerpt: case kBody:
      return k;
    default: return -1;
  }
}

}  // namespace

void Importer::read_feed_item(od::value& v, std::size_t level,
                              const std::string& feed_language,
                              std::vector<std::string>& without_language) {
  const char* at = loc(v);
  od::object o = get_object(v, level);
  const std::size_t in = level + 1;
  Post p, overlay, item_level;
  unsigned overlay_seen = 0, model_seen = 0;
  bool have_text = false, have_authors = false;
  std::string html;
  const char* html_at = nullptr;
  unsigned seen = 0;
  auto once = [&](unsigned bit, od::value& val) {
    if (seen & bit) fail(ErrorCode::parse_error, "duplicate member", loc(val));
    seen |= bit;
  };
  auto read_author = [&](od::value& a) {
    od::object ao = get_object(a, in + 1);
    std::string name;
    bool has_name = false;
    each_field(ao, [&](std::string_view k, od::value& av) {
      if (k == "name")
        has_name = get_string(av, name, in + 2);
      else
        take_raw(av, in + 2, false);
    });
    if (has_name) p.authors.push_back(std::move(name));
  };
  each_field(o, [&](std::string_view key, od::value& val) {
    if (key == "id") {
      once(1, val);
      get_id(val, p.id, in, true);
    } else if (key == "url") {
      once(2, val);
      get_string(val, p.url, in);
    } else if (key == "title") {
      once(4, val);
      get_string(val, p.title, in);
    } else if (key == "content_text") {
      once(8, val);
      have_text = get_string(val, p.body, in);
    } else if (key == "content_html") {
      once(16, val);
      html_at = loc(val);
      if (!get_string(val, html, in)) html_at = nullptr;
    } else if (key == "summary") {
      once(32, val);
      get_string(val, p.excerpt, in);
    } else if (key == "date_published") {
      once(64, val);
      get_date(val, p.posted_on, in);
    } else if (key == "authors") {
      once(128, val);
      p.authors.clear();
      have_authors = true;
      if (type_of(val) == od::json_type::null) return;
      od::array a = get_array(val, in);
      each_element(a, [&](std::size_t, od::value& el) { read_author(el); });
    } else if (key == "author") {  // JSON Feed 1.0
      once(256, val);
      if (have_authors || type_of(val) == od::json_type::null) {
        take_raw(val, in, false);
        return;
      }
      if (type_of(val) == od::json_type::string && !opt_.strict) {
        std::string name;
        const char* aat = loc(val);
        if (get_string(val, name, in) && !name.empty()) p.authors.push_back(std::move(name));
        warn(ErrorCode::wrong_type, "\"author\" is a string, not an object; read as its name",
             aat);
        return;
      }
      read_author(val);
    } else if (key == "tags") {
      once(512, val);
      get_string_array(val, p.tags, in, true);
    } else if (key == "language") {
      once(1024, val);
      get_string(val, p.language, in);
    } else if (key == "_digestcore") {
      once(2048, val);
      if (type_of(val) == od::json_type::null) return;
      od::object ext = get_object(val, in);
      overlay_seen = read_post_fields(ext, overlay, in + 1);
    } else if (int k = item_level_model_field(key); k >= 0) {
      // Not JSON Feed, but the own format's name for a post field: read as
      // that field (an extra of that name could not be written back).
      if (model_seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(val));
      model_seen |= 1u << k;
      switch (k) {
        case kPostedOn: get_date(val, item_level.posted_on, in); break;
        case kPublishedOn: get_date(val, item_level.published_on, in); break;
        case kSource: get_string(val, item_level.source, in); break;
        case kPlace: get_string(val, item_level.place, in); break;
        case kExcerpt: get_string(val, item_level.excerpt, in); break;
        case kBody: get_string(val, item_level.body, in); break;
        default: break;
      }
    } else {
      p.extra.push_back({std::string(key), take_raw(val, in, true)});
    }
  });
  // The same field twice, under its JSON Feed name and its own name, is
  // ambiguous: which one is meant?
  auto clash = [&](int k, unsigned feed_bits, const char* feed_name) {
    if ((model_seen & (1u << k)) && (seen & feed_bits)) {
      path_.push_back({kPostFieldNames[static_cast<std::size_t>(k)], 0, false});
      fail(ErrorCode::parse_error,
           std::string("both \"") + feed_name + "\" and \"" +
               std::string(kPostFieldNames[static_cast<std::size_t>(k)]) + "\" give this field",
           at);
    }
  };
  clash(kExcerpt, 32, "summary");
  clash(kBody, 8 | 16, "content_text");
  clash(kPostedOn, 64, "date_published");
  if (model_seen & (1u << kPostedOn)) p.posted_on = item_level.posted_on;
  if (model_seen & (1u << kPublishedOn)) p.published_on = item_level.published_on;
  if (model_seen & (1u << kSource)) p.source = std::move(item_level.source);
  if (model_seen & (1u << kPlace)) p.place = std::move(item_level.place);
  if (model_seen & (1u << kExcerpt)) p.excerpt = std::move(item_level.excerpt);
  if (model_seen & (1u << kBody)) {
    p.body = std::move(item_level.body);
    have_text = true;
  }
  if (!have_text && html_at) {
    std::string error;
    if (!json_detail::html_to_text(html, p.body, error)) {
      path_.push_back({"content_html", 0, false});
      fail(ErrorCode::limit_exceeded, error, html_at);
    }
  }
  if (overlay_seen & (1u << kId)) p.id = std::move(overlay.id);
  if (overlay_seen & (1u << kTitle)) p.title = std::move(overlay.title);
  if (overlay_seen & (1u << kUrl)) p.url = std::move(overlay.url);
  if (overlay_seen & (1u << kPostedOn)) p.posted_on = overlay.posted_on;
  if (overlay_seen & (1u << kPublishedOn)) p.published_on = overlay.published_on;
  if (overlay_seen & (1u << kAuthors)) p.authors = std::move(overlay.authors);
  if (overlay_seen & (1u << kSource)) p.source = std::move(overlay.source);
  if (overlay_seen & (1u << kPlace)) p.place = std::move(overlay.place);
  if (overlay_seen & (1u << kExcerpt)) p.excerpt = std::move(overlay.excerpt);
  if (overlay_seen & (1u << kBody)) p.body = std::move(overlay.body);
  if (overlay_seen & (1u << kLanguage)) p.language = std::move(overlay.language);
  if (overlay_seen & (1u << kTags)) p.tags = std::move(overlay.tags);
  if (overlay_seen & (1u << kCluster)) p.cluster = std::move(overlay.cluster);
  if (overlay_seen & (1u << kStory)) p.story = std::move(overlay.story);
  for (ExtraField& x : overlay.extra) p.extra.push_back(std::move(x));
  if (p.id.empty() && !opt_.strict) {
    // An item without an id: its URL, else one made from its content.
    if (!p.url.empty()) {
      p.id = p.url;
      warn(ErrorCode::missing_field, "the item has no \"id\"; its \"url\" is used as its id", at);
    } else {
      p.id = feed_detail::content_id(p.title, p.posted_on ? p.posted_on->to_iso() : "", p.excerpt,
                                     p.body);
      warn(ErrorCode::missing_field,
           "the item has no \"id\" or \"url\"; an id is made from its content: " + p.id, at);
    }
  }
  if (p.language.empty() && !(overlay_seen & (1u << kLanguage))) {
    if (!feed_language.empty())
      p.language = feed_language;
    else
      without_language.push_back(p.id);
  }
  repair_text_fields(p, at);
  add_post(std::move(p), at);
}

void Importer::run_feed() {
  od::object root = root_object("a JSON Feed object");
  std::string feed_language;
  std::vector<std::string> without_language;  // filled in once the feed language is known
  bool have_items = false;
  unsigned top_seen = 0;
  each_field(root, [&](std::string_view key, od::value& v) {
    // A member the reader uses may appear once: a second one would silently
    // win or be merged.
    unsigned bit = key == "version" ? 1 : key == "items" ? 2 : key == "language" ? 4
                 : key == "_digestcore" ? 8 : 0;
    if (bit & top_seen) fail(ErrorCode::parse_error, "duplicate member", loc(v), true);
    top_seen |= bit;
    if (key == "version") {
      const char* at = loc(v);
      std::string version;
      get_string(v, version, 1, false);
      if (!version.starts_with("https://jsonfeed.org/version/") &&
          !version.starts_with("http://jsonfeed.org/version/")) {
        if (opt_.strict)
          fail(ErrorCode::parse_error,
               "not a JSON Feed version URL: " + detail::quote_for_message(version), at, true);
        warn(ErrorCode::parse_error,
             "version " + detail::quote_for_message(version) +
                 " is not a JSON Feed version URL (https://jsonfeed.org/version/1.1); read as "
                 "JSON Feed",
             at);
      }
    } else if (key == "items") {
      have_items = true;
      od::array a = get_array(v, 1);
      each_element(a, [&](std::size_t, od::value& el) {
        record([&] { read_feed_item(el, 2, feed_language, without_language); });
      });
    } else if (key == "language") {
      get_string(v, feed_language, 1);
    } else if (key == "_digestcore") {
      od::object ext = get_object(v, 1);
      each_field(ext, [&](std::string_view k, od::value& ev) {
        if (k == "sources")
          read_sources_array(ev, 2);
        else
          take_raw(ev, 2, false);
      });
    } else {
      take_raw(v, 1, false);
    }
  });
  check_trailing();
  if (!have_items) fail(ErrorCode::missing_field, "a JSON Feed needs \"items\"", buf_.data(), true);
  if (!feed_language.empty()) {
    for (const std::string& id : without_language) {
      if (Post* p = temp_.find_post(id)) p->language = feed_language;
    }
  }
}

}  // namespace digest::json_detail
