// C API over digest::Normalizer.
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/normalize.hpp"

struct dg_normalizer {
  explicit dg_normalizer(digest::NormalizerOptions o) : normalizer(o) {}
  digest::Normalizer normalizer;
};

struct dg_token_list {
  std::vector<digest::Token> tokens;
};

namespace {

const digest::Normalizer& pick(const dg_normalizer* n) {
  return n ? n->normalizer : digest::Normalizer::shared();
}

int put_buffer(digest::Result<std::string>&& r, dg_buffer** out) {
  if (!r.ok()) return dg::set_error(r.error());
  auto buf = std::make_unique<dg_buffer>();
  buf->bytes = std::move(r).value();
  *out = buf.release();
  return DG_OK;
}

template <class F>
int string_call(const char* text, size_t text_len, dg_buffer** out, F&& fn) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    return put_buffer(fn(t), out);
  });
}

// Script codes as static strings: a few dozen at most, interned for the
// life of the process (std::set nodes do not move).
const char* intern(const std::string& code) {
  static std::mutex mu;
  static auto* codes = new std::set<std::string>();
  std::lock_guard<std::mutex> lock(mu);
  return codes->insert(code).first->c_str();
}

}  // namespace

extern "C" {

DG_API int dg_normalizer_options_init(dg_normalizer_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_NORMALIZER_OPTIONS_VERSION)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "unknown dg_normalizer_options version " + std::to_string(version));
    *opts = dg_normalizer_options DG_NORMALIZER_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_normalizer_new(const dg_normalizer_options* opts, dg_normalizer** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    digest::NormalizerOptions o;
    if (opts) {
      if (opts->version != DG_NORMALIZER_OPTIONS_VERSION)
        return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_normalizer_options version " +
                                                        std::to_string(opts->version));
      if (opts->utf8 == DG_UTF8_STRICT) o.utf8 = digest::Utf8Mode::strict;
      else if (opts->utf8 == DG_UTF8_LENIENT) o.utf8 = digest::Utf8Mode::lenient;
      else return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_utf8_mode value");
    }
    *out = new dg_normalizer(o);
    return DG_OK;
  });
}

DG_API void dg_normalizer_free(dg_normalizer* normalizer) { delete normalizer; }

DG_API int dg_normalize(const dg_normalizer* normalizer, const char* text, size_t text_len,
                        dg_normal_form form, dg_buffer** out) {
  digest::NormalForm f;
  switch (form) {
    case DG_NORMAL_NFC: f = digest::NormalForm::nfc; break;
    case DG_NORMAL_NFKC: f = digest::NormalForm::nfkc; break;
    case DG_NORMAL_DISPLAY: f = digest::NormalForm::display; break;
    default:
      return dg::guard([]() -> int { return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_normal_form value"); });
  }
  return string_call(text, text_len, out,
                     [&](std::string_view t) { return pick(normalizer).normalize(t, f); });
}

DG_API int dg_search_key(const dg_normalizer* normalizer, const char* text, size_t text_len,
                         dg_buffer** out) {
  return string_call(text, text_len, out,
                     [&](std::string_view t) { return pick(normalizer).search_key(t); });
}

DG_API int dg_latin_key(const dg_normalizer* normalizer, const char* text, size_t text_len,
                        dg_buffer** out) {
  return string_call(text, text_len, out,
                     [&](std::string_view t) { return pick(normalizer).latin_key(t); });
}

DG_API int dg_transliterate(const dg_normalizer* normalizer, const char* text, size_t text_len,
                            dg_buffer** out) {
  return string_call(text, text_len, out,
                     [&](std::string_view t) { return pick(normalizer).transliterate(t); });
}

DG_API int dg_dominant_script(const dg_normalizer* normalizer, const char* text,
                              size_t text_len, const char** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    *out = intern(pick(normalizer).dominant_script(t));
    return DG_OK;
  });
}

DG_API int dg_tokens(const dg_normalizer* normalizer, const char* text, size_t text_len,
                     dg_token_list** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    auto r = pick(normalizer).tokens(t);
    if (!r.ok()) return dg::set_error(r.error());
    auto list = std::make_unique<dg_token_list>();
    list->tokens = std::move(r).value();
    *out = list.release();
    return DG_OK;
  });
}

DG_API void dg_token_list_free(dg_token_list* list) { delete list; }

DG_API int dg_token_list_size(const dg_token_list* list, size_t* out) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    *out = list->tokens.size();
    return DG_OK;
  });
}

DG_API int dg_token_list_at(const dg_token_list* list, size_t index, const char** out_key,
                            size_t* out_key_len, size_t* out_begin, size_t* out_end) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (index >= list->tokens.size())
      return dg::set_error(DG_E_INVALID_ARGUMENT, "token index " + std::to_string(index) +
                                               " is out of range (size " +
                                               std::to_string(list->tokens.size()) + ")");
    const digest::Token& tok = list->tokens[index];
    if (out_key) *out_key = tok.key.c_str();
    if (out_key_len) *out_key_len = tok.key.size();
    if (out_begin) *out_begin = tok.begin;
    if (out_end) *out_end = tok.end;
    return DG_OK;
  });
}

}  // extern "C"
