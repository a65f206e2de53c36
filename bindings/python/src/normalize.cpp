// digestcore.normalize, search_key, tokens, ...: Python bindings of
// digest::Normalizer. Text comes in as str (offsets are str indices) or as
// bytes holding UTF-8 (offsets are byte offsets); the GIL is released while
// the core works. Missing text (None, NaN, pandas NA) gives None.
#include <optional>
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

// nullopt when the text is missing (None, NaN, pandas NA): the caller
// returns None. Other types than str and bytes are a TypeError.
std::optional<Text> take_text(const py::handle& obj) {
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
  if (is_missing(obj)) return std::nullopt;
  throw py::type_error("text must be str or bytes (UTF-8), or None, not " + type_name(obj));
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

// ---- Token: a struct sequence (a named tuple built in C) ----------------

PyTypeObject* token_type = nullptr;

PyStructSequence_Field token_fields[] = {
    {"key", "the token's search key"},
    {"start", "start of its span in the text (inclusive)"},
    {"end", "end of its span in the text (exclusive)"},
    {nullptr, nullptr}};

PyStructSequence_Desc token_desc = {
    "digestcore.Token",
    DG_SIG("Token(key, start, end)",
           "A word of a text, a named tuple: its search-key form and its span text[start:end] "
           "in the text given to tokens() (str indices for str, byte offsets for bytes). "
           "Hashable, picklable; compares as a tuple."),
    token_fields, 3};

// A Token from its three fields (steals nothing; null with an exception set
// on failure).
PyObject* new_token(PyObject* key, std::size_t start, std::size_t end) {
  PyObject* t = PyStructSequence_New(token_type);
  if (!t) return nullptr;
  PyObject* a = PyLong_FromSize_t(start);
  PyObject* b = PyLong_FromSize_t(end);
  if (!a || !b) {
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_DECREF(t);
    return nullptr;
  }
  Py_INCREF(key);
  PyStructSequence_SetItem(t, 0, key);
  PyStructSequence_SetItem(t, 1, a);
  PyStructSequence_SetItem(t, 2, b);
  return t;
}

// Token(key, start, end), as documented (a struct sequence's own
// constructor takes one sequence).
PyObject* token_new(PyTypeObject*, PyObject* args, PyObject* kwds) {
  static const char* names[] = {"key", "start", "end", nullptr};
  PyObject* key = nullptr;
  Py_ssize_t start = 0, end = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "Unn:Token", const_cast<char**>(names), &key,
                                   &start, &end))
    return nullptr;
  if (start < 0 || end < 0) {
    PyErr_SetString(PyExc_ValueError, "Token start and end must not be negative");
    return nullptr;
  }
  return new_token(key, static_cast<std::size_t>(start), static_cast<std::size_t>(end));
}

void init_token_type(py::module_& m) {
  token_type = PyStructSequence_NewType(&token_desc);
  if (!token_type) throw py::error_already_set();
  token_type->tp_new = token_new;
  PyType_Modified(token_type);
  py::handle cls(reinterpret_cast<PyObject*>(token_type));
  // Pickled as Token(key, start, end), which the constructor takes.
  py::setattr(cls, "__reduce__",
              py::cpp_function(
                  [](py::handle self) {
                    py::tuple t = py::reinterpret_borrow<py::tuple>(self);
                    return py::make_tuple(py::type::handle_of(self),
                                          py::make_tuple(t[0], t[1], t[2]));
                  },
                  py::name("__reduce__"), py::is_method(cls),
                  DG_SIG("__reduce__(self)", "Pickle support: (Token, (key, start, end)).")));
  m.attr("Token") = py::reinterpret_borrow<py::object>(cls);
}

// The tokens of a text as a list of Token: built from the token key (one
// buffer; each key becomes a str directly), with str indices for str.
py::object token_list(const TokenKey& tk, const Text& t) {
  const std::vector<TokenSpan> spans = tk.spans();
  std::vector<std::size_t> begins, ends;
  if (t.is_str) {
    // Begins ascend; ends ascend too (tokens do not nest), but convert each
    // list separately to keep byte_to_str_indices' walk linear.
    begins.reserve(spans.size());
    ends.reserve(spans.size());
    for (const TokenSpan& s : spans) {
      begins.push_back(s.begin);
      ends.push_back(s.end);
    }
    begins = byte_to_str_indices(t.bytes, begins);
    ends = byte_to_str_indices(t.bytes, ends);
  }
  py::list out(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const TokenSpan& s = spans[i];
    py::object key = py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(
        tk.key.data() + s.key_begin, static_cast<Py_ssize_t>(s.key_end - s.key_begin), "strict"));
    if (!key) throw py::error_already_set();
    PyObject* tok = t.is_str ? new_token(key.ptr(), begins[i], ends[i])
                             : new_token(key.ptr(), s.begin, s.end);
    if (!tok) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), tok);
  }
  return out;
}

const Normalizer& pick(bool strict) {
  return strict ? Normalizer::shared_strict() : Normalizer::shared();
}

py::object do_normalize(const Normalizer& n, py::handle text, const std::string& form) {
  NormalForm f = parse_form(form);
  std::optional<Text> t = take_text(text);
  if (!t) return py::none();
  Result<std::string> r = [&] {
    py::gil_scoped_release nogil;
    return n.normalize(t->bytes, f);
  }();
  return out_text(unwrap_text(std::move(r), *t), *t);
}

template <class Method>
py::object do_string(const Normalizer& n, py::handle text, Method m) {
  std::optional<Text> t = take_text(text);
  if (!t) return py::none();
  Result<std::string> r = [&] {
    py::gil_scoped_release nogil;
    return (n.*m)(t->bytes);
  }();
  return out_text(unwrap_text(std::move(r), *t), *t);
}

py::object do_tokens(const Normalizer& n, py::handle text) {
  std::optional<Text> t = take_text(text);
  if (!t) return py::none();
  Result<TokenKey> r = [&] {
    py::gil_scoped_release nogil;
    return n.token_key(t->bytes);
  }();
  return token_list(unwrap_text(std::move(r), *t), *t);
}

py::object do_script(const Normalizer& n, py::handle text) {
  std::optional<Text> t = take_text(text);
  if (!t) return py::none();
  std::string script;
  {
    py::gil_scoped_release nogil;
    script = n.dominant_script(t->bytes);
  }
  return py::str(script);
}

// A Python-side Normalizer: wraps one of the two shared instances (the ICU
// state is process-wide, so there is nothing to gain from more).
struct PyNormalizer {
  bool strict = false;
  const Normalizer& get() const { return pick(strict); }
};

template <class T>
py::object equal_to(const T& a, const py::object& o) {
  if (!py::isinstance<T>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  return py::bool_(a == o.cast<const T&>());
}

void init_normalize(py::module_& m) {
  init_token_type(m);

  m.def(
      "normalize",
      [](py::handle text, const std::string& form, bool strict) {
        return do_normalize(pick(strict), text, form);
      },
      py::arg("text"), py::arg("form") = "nfc", py::arg("strict") = false,
      DG_SIG("normalize(text, form='nfc', strict=False)",
             "Normalises text (str in, str out; bytes in, bytes out; None or NaN in, None "
             "out): form='nfc' or 'nfkc' (Unicode), or 'display' (NFC plus typographic "
             "clean-up: whitespace collapsed and trimmed, zero-width characters removed, "
             "ellipses and dashes made consistent; no case or accent folding). With "
             "strict=True, ill-formed UTF-8 (lone surrogates in a str) raises ParseError; "
             "otherwise it becomes U+FFFD."));
  m.def(
      "search_key",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::search_key);
      },
      py::arg("text"), py::arg("strict") = false,
      DG_SIG("search_key(text, strict=False)",
             "The key for search, matching and de-duplication: case-folded, marks removed, "
             "Arabic-script letters unified, digits to ASCII, punctuation as separators, "
             "single spaces. Idempotent. None for missing text."));
  m.def(
      "latin_key",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::latin_key);
      },
      py::arg("text"), py::arg("strict") = false,
      DG_SIG("latin_key(text, strict=False)",
             "A cross-script key: search_key(transliterate(search_key(text))), ASCII only. "
             "None for missing text."));
  m.def(
      "transliterate",
      [](py::handle text, bool strict) {
        return do_string(pick(strict), text, &Normalizer::transliterate);
      },
      py::arg("text"), py::arg("strict") = false,
      DG_SIG("transliterate(text, strict=False)",
             "Transliterates text with ICU 'Any-Latin; Latin-ASCII'. None for missing text."));
  m.def(
      "tokens", [](py::handle text, bool strict) { return do_tokens(pick(strict), text); },
      py::arg("text"), py::arg("strict") = false,
      DG_SIG("tokens(text, strict=False)",
             "Word tokens of the search key of text, as a list of Token(key, start, end), "
             "where text[start:end] is the token's surface in text. None for missing text."));
  m.def(
      "dominant_script", [](py::handle text) { return do_script(Normalizer::shared(), text); },
      py::arg("text"),
      DG_SIG("dominant_script(text)",
             "ISO 15924 code of the script most letters of text are in ('Latn', 'Arab', "
             "'Cyrl', ...), 'Zyyy' when it has none; None for missing text."));

  py::class_<PyNormalizer>(
      m, "Normalizer",
      DG_SIG("Normalizer(strict=False)",
             "The normaliser, with its UTF-8 mode fixed: its methods are the module functions "
             "without the strict argument. Thread-safe; picklable; equal when the modes are."))
      .def(py::init([](bool strict) { return PyNormalizer{strict}; }), py::arg("strict") = false,
           DG_SIG("__init__(self, strict=False)",
                  "strict=True: ill-formed UTF-8 raises ParseError instead of becoming U+FFFD."))
      .def_property_readonly(
          "strict", [](const PyNormalizer& n) { return n.strict; },
          "True when ill-formed UTF-8 raises ParseError.")
      .def(
          "normalize",
          [](const PyNormalizer& n, py::handle text, const std::string& form) {
            return do_normalize(n.get(), text, form);
          },
          py::arg("text"), py::arg("form") = "nfc",
          DG_SIG("normalize(self, text, form='nfc')", "As digestcore.normalize in this mode."))
      .def(
          "search_key",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::search_key);
          },
          py::arg("text"),
          DG_SIG("search_key(self, text)", "As digestcore.search_key in this mode."))
      .def(
          "latin_key",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::latin_key);
          },
          py::arg("text"), DG_SIG("latin_key(self, text)", "As digestcore.latin_key in this mode."))
      .def(
          "transliterate",
          [](const PyNormalizer& n, py::handle text) {
            return do_string(n.get(), text, &Normalizer::transliterate);
          },
          py::arg("text"),
          DG_SIG("transliterate(self, text)", "As digestcore.transliterate in this mode."))
      .def(
          "tokens", [](const PyNormalizer& n, py::handle text) { return do_tokens(n.get(), text); },
          py::arg("text"), DG_SIG("tokens(self, text)", "As digestcore.tokens in this mode."))
      .def(
          "dominant_script",
          [](const PyNormalizer& n, py::handle text) { return do_script(n.get(), text); },
          py::arg("text"), DG_SIG("dominant_script(self, text)", "As digestcore.dominant_script."))
      .def(
          "__eq__",
          [](const PyNormalizer& a, const py::object& o) -> py::object {
            if (!py::isinstance<PyNormalizer>(o)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(a.strict == o.cast<const PyNormalizer&>().strict);
          },
           DG_SIG("__eq__(self, other, /)", "True when the modes are equal."))
      .def(
          "__hash__", [](const PyNormalizer& n) { return py::hash(py::bool_(n.strict)); },
          DG_SIG("__hash__(self)", "The hash of the mode."))
      .def(
          "__repr__",
          [](const PyNormalizer& n) {
            return std::string("Normalizer(strict=") + (n.strict ? "True" : "False") + ")";
          },
          DG_SIG("__repr__(self)", "The constructor call that makes this normaliser."))
      .def(py::pickle([](const PyNormalizer& n) { return py::make_tuple(n.strict); },
                      [](const py::tuple& t) {
                        if (t.size() != 1) throw py::value_error("bad pickled Normalizer");
                        return PyNormalizer{t[0].cast<bool>()};
                      }));

  pickle_any_protocol(m.attr("Normalizer"));
}

}  // namespace

DIGEST_PY_MODULE(20, init_normalize);

}  // namespace digest::python
