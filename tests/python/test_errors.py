"""Bad arguments give digestcore errors or TypeErrors that say what is wrong,
never pybind11's "RuntimeError: Unable to cast…" nor an IndexError from the
date library (issue 9, "smaller points")."""

import datetime as dt
import json
import math

import pytest

import digestcore

SURROGATE = "bad\ud800text"


def no_pybind_wording(exc: BaseException) -> None:
    assert not isinstance(exc, RuntimeError) or isinstance(exc, digestcore.Error)
    assert "Unable to cast" not in str(exc)


@pytest.mark.parametrize("make", [
    lambda: digestcore.Post("a", title=SURROGATE),
    lambda: digestcore.Post(SURROGATE),
    lambda: digestcore.Post("a", authors=["ok", SURROGATE]),
    lambda: digestcore.Post("a", tags=[SURROGATE]),
    lambda: digestcore.Source(SURROGATE),
    lambda: digestcore.Source("s", aliases=[SURROGATE]),
    lambda: digestcore.Collection()[SURROGATE],
    lambda: digestcore.Collection().source(SURROGATE),
    lambda: digestcore.Collection().import_json('{"digestcore": 1, "posts": [{"id": "' + SURROGATE + '"}]}'),
    lambda: digestcore.Collection().to_json(SURROGATE),
    lambda: digestcore.Collection().curate(entity_tag_prefix=SURROGATE),
    lambda: digestcore.Gazetteer().add(SURROGATE, ["alias"]),
    lambda: digestcore.Gazetteer().add("e", [SURROGATE]),
    lambda: digestcore.Gazetteer().add("e", [(SURROGATE, True)]),
    lambda: digestcore.SourceRegistry().find(SURROGATE),
    lambda: digestcore.OutletList({SURROGATE: "name"}),
    lambda: digestcore.OutletList().add("id", SURROGATE),
    lambda: digestcore.parse_date("23 August 2021", languages=[SURROGATE]),
    lambda: digestcore.build_digest(digestcore.Collection(), SURROGATE),
])
def test_lone_surrogates_are_invalid_argument_errors(make):
    with pytest.raises(digestcore.InvalidArgumentError) as info:
        make()
    assert isinstance(info.value, ValueError)
    assert "surrogate U+D800" in str(info.value)
    no_pybind_wording(info.value)


def test_surrogate_error_names_the_field_and_index():
    with pytest.raises(digestcore.InvalidArgumentError) as info:
        digestcore.Post("a", title=SURROGATE)
    assert info.value.field == "title"
    assert "str index 3" in str(info.value)
    p = digestcore.Post("a")
    with pytest.raises(digestcore.InvalidArgumentError):
        p.place = SURROGATE
    c = digestcore.Collection()
    c.add_post(p)
    with pytest.raises(digestcore.InvalidArgumentError):
        c["a"].title = SURROGATE
    assert c["a"].title is None


@pytest.mark.parametrize("make, words", [
    (lambda: digestcore.Post("a", title=5), "title must be str, not int"),
    (lambda: digestcore.Post("a", title=1.5), "title must be str, not float"),
    (lambda: digestcore.Post("a", authors="Jane"), "authors must be a list of str, not str"),
    (lambda: digestcore.Post("a", authors=[1]), "authors[0] must be str, not int"),
    (lambda: digestcore.Post("a", posted_on=3.5), "posted_on must be a datetime.date"),
    (lambda: digestcore.Source("a", aliases=[None]), "aliases[0] must be str, not NoneType"),
    (lambda: digestcore.Collection().import_json(42), "data must be str, bytes or bytearray"),
    (lambda: digestcore.Collection.load(42), "path must be str, bytes or os.PathLike"),
    (lambda: digestcore.Collection().curate(sources="sources.json"), "SourceRegistry"),
    (lambda: digestcore.Gazetteer().add("e", [3]), "an alias is a str"),
    (lambda: digestcore.Gazetteer().add("e", [("A", "yes")]), "(str, bool)"),
    (lambda: digestcore.SourceRegistry().resolve(3), "text must be str or bytes"),
    (lambda: digestcore.SourceRegistry.from_sources(["kavir"]), "Source objects"),
    (lambda: digestcore.apply_entity_tags(digestcore.Collection(), {"p": {"e": "two"}}),
     "counts must be ints"),
    (lambda: digestcore.Collection().add_post("not a post"), "add_post"),
])
def test_wrong_types_are_type_errors_that_say_what_is_wrong(make, words):
    with pytest.raises(TypeError) as info:
        make()
    assert words in str(info.value)
    no_pybind_wording(info.value)


@pytest.mark.parametrize("week", ["1400-W01", "0001-W01", "9999-W53", "2021-W54", "2021-W00"])
def test_weeks_out_of_range_are_parse_errors_not_index_errors(week):
    c = digestcore.Collection()
    with pytest.raises(digestcore.ParseError) as info:
        digestcore.build_digest(c, week)
    assert week in str(info.value)
    with pytest.raises(digestcore.ParseError):
        digestcore.iso_week(week)


def test_dates_out_of_range_are_invalid_argument_errors_not_index_errors():
    for bad in (dt.date(1200, 1, 1), dt.datetime(1399, 12, 31, 23, 59)):
        with pytest.raises(digestcore.InvalidArgumentError) as info:
            digestcore.Post("a", posted_on=bad)
        assert "1400" in str(info.value)
    with pytest.raises(digestcore.Error):
        digestcore.Post("a", published_on="1200-01-01")
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.Collection().select(dt.date(1000, 1, 1), dt.date(2021, 1, 1))
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.parse_date("23 August", reference=dt.date(1200, 1, 1))


def test_nan_and_nat_like_values_are_missing_dates():
    class NaTLike(dt.datetime):  # pandas.NaT: a datetime unequal to itself
        def __ne__(self, other):
            return True

        def __eq__(self, other):
            return False

    nat = NaTLike(2000, 1, 1)
    p = digestcore.Post("a", posted_on=math.nan, published_on=nat)
    assert p.posted_on is None and p.published_on is None
    p.posted_on = dt.date(2021, 8, 17)
    p.posted_on = float("nan")
    assert p.posted_on is None


def test_error_messages_survive_bad_bytes_in_input():
    # An id with bytes that are not UTF-8: the error is a ParseError whose
    # text can be printed, not a UnicodeDecodeError.
    with pytest.raises(digestcore.ParseError) as info:
        digestcore.Collection.from_json(b'{"digestcore": 1, "posts": [{"id": "a\xff"}]}')
    assert str(info.value)
    long_id = "é" * 3000
    c = digestcore.Collection.from_json(json.dumps({"digestcore": 1, "posts": [{"id": long_id}]}))
    with pytest.raises(digestcore.ParseError) as info:
        c.add_post(digestcore.Post(long_id))
    assert "duplicate" in str(info.value)
    str(info.value).encode("utf-8")  # no lone surrogates in the message
