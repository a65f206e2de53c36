"""digestcore.normalize / search_key / tokens / transliterate / dominant_script."""

import threading

import pytest

import digestcore

try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis is optional
    given = None


# ---- search key: rules per script ---------------------------------------------
KEY_CASES = [
    ("People’s Mojahedin", "peoples mojahedin"),
    ("PEOPLE'S MOJAHEDIN", "peoples mojahedin"),
    ("Mojāhedin", "mojahedin"),
    ("Straße", "strasse"),
    ("ﬁnal", "final"),
    ("ＦＵＬＬ", "full"),
    ("Crème brûlée", "creme brulee"),
    ("well-known, “quoted”", "well known quoted"),
    ("۱۴۰۰", "1400"),
    ("١٤٠١", "1401"),
    ("علي", "علی"),
    ("كتاب", "کتاب"),
    ("مدرسة", "مدرسه"),
    ("أحمد", "احمد"),
    ("مُحَمَّد", "محمد"),
    ("كـــتاب", "کتاب"),
    ("ﻻ", "لا"),
    ("می‌خواهم", "می خواهم"),
    ("ЁЛКА", "елка"),
    ("Йошкар-Ола", "йошкар ола"),
    ("ΣΟΦΊΑ", "σοφια"),
    ("中华人民共和国", "中华人民共和国"),
    ("", ""),
]


@pytest.mark.parametrize("text,expected", KEY_CASES)
def test_search_key(text, expected):
    assert digestcore.search_key(text) == expected
    assert digestcore.search_key(expected) == expected


@pytest.mark.parametrize(
    "a,b",
    [("Iran", "Iraq"), ("1400", "1401"), ("کتاب", "کباب"), ("شیر", "سیر"), ("мой", "мои")],
)
def test_different_words_stay_different(a, b):
    assert digestcore.search_key(a) != digestcore.search_key(b)


# ---- forms -------------------------------------------------------------------
def test_forms():
    assert digestcore.normalize("e\u0301") == "é"
    assert digestcore.normalize("e\u0301", form="nfc") == "é"
    assert digestcore.normalize("ﬁ", form="nfkc") == "fi"
    assert digestcore.normalize("  wait...  see\u00a0this ", form="display") == "wait… see this"
    assert digestcore.normalize("10—20", form="display") == "10–20"
    assert digestcore.normalize("a - b", form="display") == "a — b"
    assert digestcore.normalize("می‌خواهم", form="display") == "می‌خواهم"
    assert digestcore.normalize("Mojāhedin", form="display") == "Mojāhedin"
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.normalize("x", form="nfd")
    with pytest.raises(ValueError):
        digestcore.normalize("x", form="bogus")
    with pytest.raises(TypeError):
        digestcore.normalize(42)


# ---- tokens ------------------------------------------------------------------
def test_tokens_offsets_are_str_indices():
    text = "  «People’s» MOJĀHEDIN, ۱۴۰۰ كتاب‌ها"
    toks = digestcore.tokens(text)
    assert [t.key for t in toks] == ["peoples", "mojahedin", "1400", "کتاب", "ها"]
    assert [text[t.start:t.end] for t in toks] == ["People’s", "MOJĀHEDIN", "۱۴۰۰", "كتاب", "ها"]
    t = toks[0]
    assert (t.key, t.start, t.end) == tuple(t)
    assert t == digestcore.Token("peoples", 3, 11)
    assert "peoples" in repr(t)


def test_tokens_astral_and_bytes():
    text = "😀 Ａbc 😀 déf"
    toks = digestcore.tokens(text)
    assert [text[t.start:t.end] for t in toks] == ["Ａbc", "déf"]
    raw = text.encode()
    btoks = digestcore.tokens(raw)
    assert [raw[t.start:t.end].decode() for t in btoks] == ["Ａbc", "déf"]


# ---- UTF-8 -------------------------------------------------------------------
def test_invalid_utf8_lenient_and_strict():
    assert digestcore.search_key(b"ab\xffcd") == b"ab cd"
    assert digestcore.normalize(b"ab\xe2\x82", form="nfc") == "ab\ufffd".encode()
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.search_key(b"ab\xe2\x82x", strict=True)
    assert err.value.offset == 2
    # Lone surrogates in a str are ill-formed too.
    assert digestcore.search_key("a\udc80b") == "a b"
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.tokens("ab\ud800", strict=True)
    assert "str index 2" in str(err.value)
    toks = digestcore.tokens("x\ud800 yy")
    assert [(t.start, t.end) for t in toks] == [(0, 1), (3, 5)]
    strict = digestcore.Normalizer(strict=True)
    assert strict.strict
    with pytest.raises(digestcore.ParseError):
        strict.normalize(b"\xc0\xaf")
    assert strict.search_key("Fine") == "fine"


# ---- other services ----------------------------------------------------------
def test_transliterate_and_scripts():
    assert digestcore.transliterate("Москва") == "Moskva"
    assert digestcore.latin_key("Москва́") == "moskva"
    assert digestcore.latin_key("علي") == digestcore.latin_key("علی")
    assert digestcore.transliterate("تهران").isascii()
    assert digestcore.dominant_script("سلام دنیا and") == "Arab"
    assert digestcore.dominant_script("Hello") == "Latn"
    assert digestcore.dominant_script("123") == "Zyyy"
    n = digestcore.Normalizer()
    assert n.dominant_script("Привет") == "Cyrl"
    assert n.tokens("a b") == digestcore.tokens("a b")


def test_threads_share_the_normalizer():
    texts = ["People’s Mojahedin", "كتاب يك ۱۴۰۰", "Ελλάδα", "日本語のテキスト"] * 50
    expected = [digestcore.search_key(t) for t in texts]
    expected_tokens = [digestcore.tokens(t) for t in texts]
    errors = []

    def work():
        for t, k, tk in zip(texts, expected, expected_tokens):
            if digestcore.search_key(t) != k or digestcore.tokens(t) != tk:
                errors.append(t)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []


# ---- missing values, types, pickling ---------------------------------------------
FUNCTIONS = [digestcore.normalize, digestcore.search_key, digestcore.latin_key,
             digestcore.transliterate, digestcore.tokens, digestcore.dominant_script]


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_text_gives_none(missing):
    for f in FUNCTIONS:
        assert f(missing) is None, f
    n = digestcore.Normalizer(strict=True)
    for f in (n.normalize, n.search_key, n.latin_key, n.transliterate, n.tokens, n.dominant_script):
        assert f(missing) is None
    assert digestcore.normalize(None, form="display") is None


def test_pandas_missing_values():
    pd = pytest.importorskip("pandas")
    keys = pd.Series(["Mojāhedin", None, float("nan"), pd.NA]).map(digestcore.search_key)
    assert keys.tolist()[0] == "mojahedin" and keys.isna().tolist() == [False, True, True, True]
    for column in (pd.Series(["x"]), pd.Series(["x"]).to_numpy()):
        with pytest.raises(TypeError, match="text"):
            digestcore.search_key(column)  # a whole column is not one missing text


def test_other_types_name_the_argument():
    for f in FUNCTIONS:
        for bad in (42, 1.5, ["text"], object()):
            with pytest.raises(TypeError, match="text"):
                f(bad)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.normalize(None, form="nfd")  # the form is checked first
    with pytest.raises(TypeError):
        digestcore.Token(3, 0, 1)


def test_pickle_and_deepcopy():
    import copy
    import pickle

    objects = [digestcore.Token("peoples", 3, 11), digestcore.Token("", 0, 0),
               digestcore.Normalizer(), digestcore.Normalizer(strict=True)]
    for obj in objects:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back == obj and type(back) is type(obj) and repr(back) == repr(obj)
        assert copy.deepcopy(obj) == obj and copy.copy(obj) == obj
    assert objects[2] != objects[3] and hash(objects[2]) == hash(digestcore.Normalizer())
    assert pickle.loads(pickle.dumps(objects[3])).strict
    toks = digestcore.tokens("«People’s» MOJĀHEDIN")
    assert pickle.loads(pickle.dumps(toks)) == toks
    assert {digestcore.Token("a", 0, 1): 1}[pickle.loads(pickle.dumps(digestcore.Token("a", 0, 1)))] == 1


# ---- properties ----------------------------------------------------------------
if given is not None:

    @settings(max_examples=400, deadline=None)
    @given(st.text())
    def test_key_idempotent(text):
        k = digestcore.search_key(text)
        assert digestcore.search_key(k) == k
        assert k == k.strip() and "  " not in k

    @settings(max_examples=200, deadline=None)
    @given(st.binary())
    def test_key_idempotent_on_bytes(raw):
        k = digestcore.search_key(raw)
        k.decode("utf-8")  # always well-formed
        assert digestcore.search_key(k) == k

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def test_token_offsets_round_trip(text):
        key = digestcore.search_key(text)
        pos = 0
        last = 0
        for t in digestcore.tokens(text):
            assert 0 <= t.start < t.end <= len(text)
            assert t.start >= last
            last = t.start
            at = key.find(t.key, pos)
            assert at >= 0
            pos = at + len(t.key)
            assert t.key in digestcore.search_key(text[t.start:t.end])

    @settings(max_examples=200, deadline=None)
    @given(st.text())
    def test_display_idempotent(text):
        d = digestcore.normalize(text, form="display")
        assert digestcore.normalize(d, form="display") == d
