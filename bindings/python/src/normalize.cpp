// digestcore.normalize, search_key, tokens, ...: Python bindings of
// digest::Normalizer. Text comes in as str (offsets are str indices) or as
// bytes holding UTF-8 (offsets are byte offsets); the GIL is released while
// the core works.
#include <string>
#include <string_view>
#include <vector>

#include "bindings.hpp"
#include "digest/normalize.hpp"

namespace digest::python {

namespace {

// The UTF-8 of a str or bytes argument. A str with lone surrogates (which
// Python allows) is encoded with "surrogatepass": the normaliser then sees
// ill-formed UTF-8 and replaces it (lenient) or reports it (strict), and
// every surrogate stays one str index.
struct Text {
  std::string bytes;
  bool is_str = true;
};

Text take_text(const py::handle& obj) {
  Text t;
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data) {
      t.bytes.assign(data, static_cast<std::size_t>(size));
      return t;
    }
    PyErr_Clear();
    py::object enc = py::reinterpret_steal<py::object>(
        PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
    if (!enc) throw py::error_already_set();
    char* buf = nullptr;
    Py_ssize_t len = 0;
    if (PyBytes_AsStringAndSize(enc.ptr(), &buf, &len) != 0) throw py::error_already_set();
    t.bytes.assign(buf, static_cast<std::size_t>(len));
    return t;
  }
  if (PyBytes_Check(obj.ptr()) || PyByteArray_Check(obj.ptr())) {
    t.is_str = false;
    t.bytes = std::string(py::bytes(py::reinterpret_borrow<py::object>(obj)));
    return t;
  }
  throw py::type_error("text must be str or bytes (UTF-8), not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

// Error offsets stay byte offsets into the UTF-8 (as for every ParseError);
// for str input the message also gives the str index.
template <class T>
T unwrap_text(Result<T>&& r, const Text& t) {
  if (!r.ok()) {
    Error e = std::move(r).error();
    if (t.is_str && e.offset) {
      auto idx = byte_to_str_indices(t.bytes, {static_cast<std::size_t>(*e.offset)});
      e.message += " (str index " + std::to_string(idx[0]) + ")";
    }
    raise_error(e);
  }
  return std::move(r).value();
}

// The result string as the same type as the input.
py::object out_text(const std::string& s, const Text& t) {
  if (t.is_str) return py::str(s);
  return py::bytes(s);
}

NormalForm parse_form(const std::string& form) {
  if (form == "nfc" || form == "NFC") return NormalForm::nfc;
  if (form == "nfkc" || form == "NFKC") return NormalForm::nfkc;
  if (form == "display") return NormalForm::display;
  Error e(ErrorCode::invalid_argument,
          "unknown normal form '" + form + "' (expected 'nfc', 'nfkc' or 'display')");
  raise_error(e);
}

struct PyToken {
  std::string key;
  std::size_t start;
  std::size_t end;
};

std::vector<PyToken> make_tokens(const std::vector<Token>& toks, const Text& t) {
  std::vector<PyToken> out;
  out.reserve(toks.size());
  if (!t.is_str) {
    for (const Token& k : toks) out.push_back({k.key, k.begin, k.end});
    return out;
  }
  // Begins ascend; ends ascend too (tokens do not nest), but convert each
  // list separately to keep byte_to_str_indices' walk linear.
  std::vector<std::size_t> begins, ends;
  begins.reserve(toks.size());
  ends.reserve(toks.size());
  for (const Token& k : toks) {
    begins.push_back(k.begin);
    ends.push_back(k.end);
  }
  auto b = byte_to_str_indices(t.bytes, begins);
  auto e = byte_to_str_indices(t.bytes, ends);
  for (std::size_t i = 0; i < toks.size(); ++i) out.push_back({toks[i].key, b[i], e[i]});
  return out;
}

const Normalizer& pick(bool strict) {
  return strict ? Normalizer::shared_strict() : Normalizer::shared();
}

py::object do_normalize(const Normalizer& n, py::handle text, const std::string& form) {
  NormalForm f = parse_form(form);
  Text t = take_text(text);
  Result<std::string> r = [&] {
    py::gil_scoped_release nogil;
    return n.normalize(t.bytes, f);
  }();
  return out_text(unwrap_text(std::move(r), t), t);
}

template <class Method>
py::object do_string(const Normalizer& n, py::handle text, Method m) {
  Text t = take_text(text);
  Result<std::string> r = [&] {
    py::gil_scoped_release nogil;
    return (n.*m)(t.bytes);
  }();
  return out_text(unwrap_text(std::move(r), t), t);
}

std::vector<PyToken> do_tokens(const Normalizer& n, py::handle text) {
  Text t = take_text(text);
  Result<std::vector<Token>> r = [&] {
    py::gil_scoped_release nogil;
    return n.tokens(t.bytes);
  }();
  return make_tokens(unwrap_text(std::move(r), t), t);
}

std::string do_script(const Normalizer& n, py::handle text) {
  Text t = take_text(text);
  py::gil_scoped_release nogil;
  return n.dominant_script(t.bytes);
}

// A Python-side Normalizer: wraps one of the two shared instances (the ICU
// state is process-wide, so there is nothing to gain from more).
struct PyNormalizer {
  bool strict = false;
  const Normalizer& get() const { return pick(strict); }
};

void init_normalize(py::module_& m) {
  py::class_<PyToken>(m, "Token",
                      "A word of a text: its search-key form and its span text[start:end] in "
                      "the text given to tokens() (str indices for str, byte offsets for bytes).")
      .def(py::init([](std::string key, std::size_t start, std::size_t end) {
             return PyToken{std::move(key), start, end};
           }),
           py::arg("key"), py::arg("start"), py::arg("end"))
      .def_readonly("key", &PyToken::key)
      .def_readonly("start", &PyToken::start)
      .def_readonly("end", &PyToken::end)
      .def("__eq__",
           [](const PyToken& a, const py::object& o) -> py::object {
             if (!py::isinstance<PyToken>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             const PyToken& b = o.cast<const PyToken&>();
             return py::bool_(a.key == b.key && a.start == b.start && a.end == b.end);
           })
      .def("__hash__",
           [](const PyToken& a) { return py::hash(py::make_tuple(a.key, a.start, a.end)); })
      .def("__iter__",
           [](const PyToken& a) {
             return py::iter(py::make_tuple(a.key, a.start, a.end));
           })
      .def("__repr__", [](const PyToken& a) {
        return "Token(key=" + std::string(py::repr(py::str(a.key))) +
               ", start=" + std::to_string(a.start) + ", end=" + std::to_string(a.end) + ")";
      });

  m.def(
      "normalize",
      [](py::handle text, const std::string& form, bool strict) {
        return do_normalize(pick(strict), text, form);
      },
      py::arg("text"), py::arg("form") = "nfc", py::arg("strict") = false,
      "Normalises text: form='nfc' or 'nfkc' (Unicode), or 'display' (NFC plus typographic "
      "clean-up: whitespace collapsed and trimmed, zero-width characters removed, ellipses "
      "and dashes made consistent; no case or accent folding). With strict=True, ill-formed "
      "UTF-8 (lone surrogates in a str) raises ParseError; otherwise it becomes U+FFFD.");
  m.def(
      "search_key",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::search_key);
      },
      py::arg("text"), py::arg("strict") = false,
      "The key for search, matching and de-duplication: case-folded, marks removed, "
      "Arabic-script letters unified, digits to ASCII, punctuation as separators, single "
      "spaces. Idempotent.");
  m.def(
      "latin_key",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::latin_key);
      },
      py::arg("text"), py::arg("strict") = false,
      "A cross-script key: search_key(transliterate(search_key(text))), ASCII only.");
  m.def(
      "transliterate",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::transliterate);
      },
      py::arg("text"), py::arg("strict") = false,
      "Transliterates text with ICU 'Any-Latin; Latin-ASCII'.");
  m.def(
      "tokens", [](py::handle text, bool strict) { return do_tokens(pick(strict), text); },
      py::arg("text"), py::arg("strict") = false,
      "Word tokens of the search key of text, as a list of Token(key, start, end), where "
      "text[start:end] is the token's surface in text.");
  m.def(
      "dominant_script", [](py::handle text) { return do_script(Normalizer::shared(), text); },
      py::arg("text"),
      "ISO 15924 code of the script most letters of text are in ('Latn', 'Arab', 'Cyrl', "
      "...), 'Zyyy' when it has none.");

  py::class_<PyNormalizer>(m, "Normalizer",
                           "The normaliser, with its UTF-8 mode fixed. Thread-safe; the module "
                           "functions use shared instances of it.")
      .def(py::init([](bool strict) { return PyNormalizer{strict}; }), py::arg("strict") = false)
      .def_property_readonly("strict", [](const PyNormalizer& n) { return n.strict; })
      .def(
          "normalize",
          [](const PyNormalizer& n, py::handle text, const std::string& form) {
            return do_normalize(n.get(), text, form);
          },
          py::arg("text"), py::arg("form") = "nfc")
      .def(
          "search_key",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::search_key);
          },
          py::arg("text"))
      .def(
          "latin_key",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::latin_key);
          },
          py::arg("text"))
      .def(
          "transliterate",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::transliterate);
          },
          py::arg("text"))
      .def(
          "tokens", [](const PyNormalizer& n, py::handle text) { return do_tokens(n.get(), text); },
          py::arg("text"))
      .def(
          "dominant_script",
          [](const PyNormalizer& n, py::handle text) { return do_script(n.get(), text); },
          py::arg("text"))
      .def("__repr__", [](const PyNormalizer& n) {
        return std::string("Normalizer(strict=") + (n.strict ? "True" : "False") + ")";
      });
}

}  // namespace

DIGEST_PY_MODULE(20, init_normalize);

}  // namespace digest::python
