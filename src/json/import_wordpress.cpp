// WordPress REST API posts, an array (/wp-json/wp/v2/posts) or one post
// (/wp-json/wp/v2/posts/<id>), with _embed for
// authors and tags): rendered HTML turned into text, date_gmt preferred
// over the local date, post_tag terms as tags.
#include "feeds/feed_items.hpp"
#include "json/importer.hpp"

namespace digest::json_detail {

// HTML from a field, as text.
void Importer::html_field(od::value& v, std::string& out, std::size_t level) {
  const char* at = loc(v);
  std::string html;
  if (!get_string(v, html, level)) {
    out.clear();
    return;
  }
  std::string error;
  if (!json_detail::html_to_text(html, out, error)) fail(ErrorCode::limit_exceeded, error, at);
}

void Importer::read_wp_post(od::value& v, std::size_t level) {
  const char* at = loc(v);
  od::object o = get_object(v, level);
  const std::size_t in = level + 1;
  Post p;
  std::optional<DateTime> local, gmt;
  auto rendered = [&](od::value& val, std::string& out) {
    if (type_of(val) != od::json_type::object) {
      html_field(val, out, in);
      return;
    }
    od::object ro = get_object(val, in);
    each_field(ro, [&](std::string_view k, od::value& rv) {
      if (k == "rendered")
        html_field(rv, out, in + 1);
      else
        take_raw(rv, in + 1, false);
    });
  };
  each_field(o, [&](std::string_view key, od::value& val) {
    if (key == "id") {
      get_id(val, p.id, in, true);
    } else if (key == "date_gmt") {
      get_date(val, gmt, in, true);
    } else if (key == "date") {
      get_date(val, local, in);
    } else if (key == "link") {
      get_string(val, p.url, in);
    } else if (key == "title") {
      rendered(val, p.title);
    } else if (key == "excerpt") {
      rendered(val, p.excerpt);
    } else if (key == "content") {
      rendered(val, p.body);
    } else if (key == "_embedded") {
      od::object emb = get_object(val, in);
      each_field(emb, [&](std::string_view k, od::value& ev) {
        if (k == "author") {
          od::array authors = get_array(ev, in + 1);
          each_element(authors, [&](std::size_t, od::value& av) {
            od::object ao = get_object(av, in + 2);
            each_field(ao, [&](std::string_view ak, od::value& f) {
              std::string name;
              if (ak == "name" && get_string(f, name, in + 3))
                p.authors.push_back(std::move(name));
              else if (ak != "name")
                take_raw(f, in + 3, false);
            });
          });
        } else if (k == "wp:term") {
          od::array groups = get_array(ev, in + 1);
          each_element(groups, [&](std::size_t, od::value& gv) {
            od::array terms = get_array(gv, in + 2);
            each_element(terms, [&](std::size_t, od::value& tv) {
              od::object to = get_object(tv, in + 3);
              std::string taxonomy, name;
              each_field(to, [&](std::string_view tk, od::value& f) {
                if (tk == "taxonomy")
                  get_string(f, taxonomy, in + 4);
                else if (tk == "name")
                  get_string(f, name, in + 4);
                else
                  take_raw(f, in + 4, false);
              });
              if (taxonomy == "post_tag" && !name.empty()) {
                std::string text, error;
                if (!json_detail::html_to_text(name, text, error)) text = name;
                p.tags.push_back(std::move(text));
              }
            });
          });
        } else {
          take_raw(ev, in + 1, false);
        }
      });
    } else {
      take_raw(val, in, false);
    }
  });
  p.posted_on = gmt ? gmt : local;
  repair_text_fields(p, at);
  add_post(std::move(p), at);
}

void Importer::run_wordpress() {
  od::json_type t;
  if (auto e = doc_->type().get(t)) fail_json(e, here());
  if (t == od::json_type::object) {  // one post: /wp/v2/posts/<id>
    od::value v;
    if (auto e = doc_->get_value().get(v)) fail_json(e, here());
    record([&] { read_wp_post(v, 0); });
    check_trailing();
    return;
  }
  od::array root;
  auto e = doc_->get_array().get(root);
  if (e == simdjson::INCORRECT_TYPE)
    fail(ErrorCode::wrong_type, "expected an array of WordPress posts, or one post",
         buf_.data(), true);
  if (e) fail_json(e, here());
  check_level(1, buf_.data());
  each_element(root, [&](std::size_t, od::value& el) { record([&] { read_wp_post(el, 1); }); });
  check_trailing();
}

}  // namespace digest::json_detail
