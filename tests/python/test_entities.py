"""digestcore.SourceRegistry and digestcore.Gazetteer.

Entities and outlets are invented for the tests; the spellings of the issue
text are used only as strings to match.
"""

import json

import pytest

import digestcore

REGISTRY = {
    "sources": [
        {"id": "northgate", "name": "Northgate Ledger", "aliases": ["The Northgate Ledger"],
         "url": "https://www.northgate-ledger.example/", "language": "en", "country": "GB"},
        {"id": "kavir", "name": "Kavir Daily", "aliases": ["کویر دیلی"],
         "domain": "kavirdaily.example", "language": "fa", "country": "IR"},
        {"id": "mondo", "name": "Mondoweiss"},
        {"id": "kestrel-post", "name": "Kestrel Post"},
        {"id": "kestrel-host", "name": "Kestrel Host"},
    ]
}


@pytest.fixture()
def registry(tmp_path):
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(REGISTRY, ensure_ascii=False), encoding="utf-8")
    return digestcore.SourceRegistry.load(path)


@pytest.fixture()
def gazetteer():
    g = digestcore.Gazetteer()
    g.add("org.pmoi", [("MEK", True), ("PMOI", True)])
    g.add("org.pmoi", ["Mojahedin-e Khalq", "People's Mojahedin Organization of Iran",
                       "سازمان مجاهدین خلق"])
    g.add("outlet.kavir", ["Kavir Daily", "کویر دیلی"])
    g.add("place.kavir", "Kavir")
    g.add("place.iraq", ["Iraq", "عراق"])
    return g


def test_registry_resolve(registry):
    assert len(registry) == 5
    m = registry.resolve("northgate ledger")
    assert (m.id, m.method, m.score) == ("northgate", "name", 1.0)
    assert registry.resolve("كوير ديلي").id == "kavir"
    m = registry.resolve("https://news.kavirdaily.example/a/1")
    assert (m.id, m.method) == ("kavir", "domain")
    m = registry.resolve("Nondoweiss")
    assert (m.id, m.method) == ("mondo", "fuzzy")
    assert m.score == pytest.approx(0.9)
    assert m.matched == "Mondoweiss"
    assert registry.resolve("Nondowiess") is None
    assert registry.resolve("Nondowiess", min_score=0.8).id == "mondo"
    assert registry.resolve("Nondoweiss", fuzzy=False) is None
    assert registry.resolve("Kestrel Most") is None  # equally close to two sources
    assert registry.resolve("") is None
    assert "kavir" in registry and registry.find("nope") is None
    assert registry.find("kavir").url == "kavirdaily.example"


def test_registry_round_trip_and_errors(registry, tmp_path):
    again = digestcore.SourceRegistry.from_json(registry.to_json())
    assert [s.id for s in again.sources] == [s.id for s in registry.sources]
    path = tmp_path / "out.json"
    registry.save(path)
    assert len(digestcore.SourceRegistry.load(path)) == 5
    with pytest.raises(digestcore.ParseError) as e:
        digestcore.SourceRegistry.from_json('{"sources": [{"id": "a"}, {"id": 3}]}')
    assert e.value.field == "sources[1].id"
    assert e.value.offset == 33
    with pytest.raises(ValueError):
        digestcore.SourceRegistry.from_json(b"")
    with pytest.raises(digestcore.Error):
        digestcore.SourceRegistry.load(tmp_path / "missing.json")
    reg = digestcore.SourceRegistry()
    reg.add(digestcore.Source("x", "Ex Weekly"))
    with pytest.raises(digestcore.ParseError):
        reg.add(digestcore.Source("x", "Again"))


def test_registry_sets_post_sources(registry):
    c = digestcore.Collection()
    c.add_post(digestcore.Post("p1", "A title", source="Nondoweiss"))
    c.add_post(digestcore.Post("p2", "Another", url="https://kavirdaily.example/x"))
    assert registry.resolve_posts(c) == 2
    assert c["p1"].source == "mondo"
    assert c["p2"].source == "kavir"


def test_find_spans_are_str_indices(gazetteer):
    text = "«Kavir Daily»: the PMOI’s view on Mojāhedin-e  Khalq and Iraq"
    ms = gazetteer.find(text)
    assert [m.entity for m in ms] == ["outlet.kavir", "org.pmoi", "org.pmoi", "place.iraq"]
    for m in ms:
        assert text[m.start:m.end] == m.text
    assert ms[1].text == "PMOI"
    assert ms[1].alias == "PMOI"
    assert ms[2].text == "Mojāhedin-e  Khalq"
    entity, alias, start, end, surface = ms[0]  # a named tuple
    assert (entity, surface) == ("outlet.kavir", "Kavir Daily")


def test_find_persian_and_arabic(gazetteer):
    fa = "به گزارش کویر دیلی، سازمان مجاهدين خلق در عراق"
    ms = gazetteer.find(fa)
    assert [m.entity for m in ms] == ["outlet.kavir", "org.pmoi", "place.iraq"]
    assert [fa[m.start:m.end] for m in ms] == ["کویر دیلی", "سازمان مجاهدين خلق", "عراق"]
    ar = "قالت صحيفة كوير ديلي"
    ms = gazetteer.find(ar)
    assert [(m.entity, m.text) for m in ms] == [("outlet.kavir", "كوير ديلي")]
    # bytes in, byte offsets out
    ms = gazetteer.find(fa.encode())
    assert fa.encode()[ms[0].start:ms[0].end] == "کویر دیلی".encode()


def test_negatives(gazetteer):
    assert gazetteer.find("MEKONG and the Iraqi side") == []
    assert gazetteer.find("mek") == []
    assert gazetteer.find("") == []
    assert digestcore.Gazetteer().find("anything") == []


def test_gazetteer_json(tmp_path, gazetteer):
    path = tmp_path / "g.json"
    gazetteer.save(path)
    g = digestcore.Gazetteer.load(path)
    assert len(g) == len(gazetteer) == 4
    assert g.alias_count == gazetteer.alias_count
    assert g.entity("org.pmoi")["aliases"][0] == ("MEK", True)
    with pytest.raises(digestcore.ParseError) as e:
        digestcore.Gazetteer.from_json('{"entities": [{"id": "a", "aliases": [1]}]}')
    assert e.value.field == "entities[0].aliases[0]"
    with pytest.raises(digestcore.Error):
        digestcore.Gazetteer.from_json("[" * 100 + "]" * 100)
    with pytest.raises(ValueError):
        gazetteer.add("x", ["!!!"])
    with pytest.raises(TypeError):
        gazetteer.add("x", [3])


def test_tagging(gazetteer):
    c = digestcore.Collection()
    c.add_post(digestcore.Post("p1", "Kavir Daily on Iraq", body="Iraq. Iraq. The PMOI."))
    c.add_post(digestcore.Post("p2", "Nothing"))
    tags = gazetteer.tag(c)
    assert tags == {"p1": {"place.iraq": 3, "org.pmoi": 1, "outlet.kavir": 1}, "p2": {}}
    assert list(tags["p1"]) == ["place.iraq", "org.pmoi", "outlet.kavir"]
    assert [p.id for p in digestcore.select_by_entity(c, tags, "org.pmoi")] == ["p1"]
    assert digestcore.apply_entity_tags(c, tags) == 3
    assert "entity:org.pmoi" in c["p1"].tags


def test_hundred_thousand_aliases():
    g = digestcore.Gazetteer()
    for i in range(20000):
        g.add(f"e{i}", [f"Name{i} Alpha", f"Name{i} Beta", f"Nm{i}", f"N{i} X", f"Zed {i}"])
    assert g.alias_count == 100000
    g.compile()
    ms = g.find("Name19999 Beta met Zed 7 and Nm123.")
    assert [(m.entity, m.text) for m in ms] == [("e19999", "Name19999 Beta"), ("e7", "Zed 7"),
                                                 ("e123", "Nm123")]


# ---- constructors, merges, missing values, pickling --------------------------------

def test_gazetteer_constructors_and_merges(tmp_path, gazetteer):
    path = tmp_path / "g.json"
    gazetteer.save(path)
    loaded = digestcore.Gazetteer.load(path)  # static: a new gazetteer
    assert isinstance(loaded, digestcore.Gazetteer) and loaded == gazetteer
    assert digestcore.Gazetteer.from_json(gazetteer.to_json()) == gazetteer
    assert digestcore.Gazetteer.from_json(gazetteer.to_json().encode()) == gazetteer
    g = digestcore.Gazetteer()
    g.add("extra", "Zarvand")
    assert g.add_file(str(path)) is None and len(g) == 5  # merged into g
    assert g.add_json('{"entities": [{"id": "more", "aliases": ["Sarvan"]}]}') is None
    assert g.entity_ids[0] == "extra" and "more" in g and len(g) == 6
    before = g.to_json()
    with pytest.raises(digestcore.ParseError):
        g.add_json('{"entities": [{"id": "ok", "aliases": ["Fine"]}, {"id": 3}]}')
    assert g.to_json() == before  # all or nothing
    with pytest.raises(TypeError, match="data"):
        digestcore.Gazetteer.from_json(None)
    with pytest.raises(TypeError, match="path"):
        g.add_file(3)


def test_loads_is_deprecated_but_works():
    g = digestcore.Gazetteer()
    with pytest.warns(DeprecationWarning, match="from_json"):
        same = g.loads('{"entities": [{"id": "a", "aliases": ["Alpha"]}]}')
    assert same is g and "a" in g


def test_add_file_errors(tmp_path, gazetteer):
    # (load's are in test_python_api.py)
    before = gazetteer.to_json()
    with pytest.raises(digestcore.MissingFileError) as e:
        gazetteer.add_file(tmp_path / "missing.json")
    assert e.value.filename == str(tmp_path / "missing.json")
    with pytest.raises(digestcore.FileError):
        gazetteer.add_file(tmp_path)
    assert gazetteer.to_json() == before


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_text_gives_none(registry, gazetteer, missing):
    assert gazetteer.find(missing) is None
    assert registry.resolve(missing) is None


def test_wrong_types_name_the_argument(registry, gazetteer):
    with pytest.raises(TypeError, match="text"):
        gazetteer.find(3)
    with pytest.raises(TypeError, match="text"):
        registry.resolve(["Kavir Daily"])
    with pytest.raises(TypeError, match="tags"):
        digestcore.apply_entity_tags(digestcore.Collection(), [("p1", {})])
    with pytest.raises(TypeError, match="aliases"):
        gazetteer.add("x", 3)


def test_absent_values_are_none(registry, gazetteer):
    e = gazetteer.entity("place.iraq")
    assert e == {"id": "place.iraq", "name": None, "type": None, "aliases": ["Iraq", "عراق"]}
    g = digestcore.Gazetteer()
    g.add_entity("p", name="Person A", type="person", aliases=["A. Person"])
    assert g.entity("p")["type"] == "person"
    m = registry.resolve("https://kavirdaily.example/x")
    assert m.matched == "kavirdaily.example"


def test_reprs(registry, gazetteer):
    assert repr(registry) == "<digestcore.SourceRegistry 5 sources: 'northgate', 'kavir', 'mondo', …>"
    assert repr(digestcore.SourceRegistry()) == "<digestcore.SourceRegistry 0 sources>"
    assert repr(gazetteer) == f"<digestcore.Gazetteer 4 entities, {gazetteer.alias_count} aliases>"
    g = digestcore.Gazetteer()
    g.add("x", "Alpha")
    assert repr(g) == "<digestcore.Gazetteer 1 entity, 1 alias>"
    m = registry.resolve("Nondoweiss")
    assert repr(m) == "<digestcore.SourceMatch id='mondo' method='fuzzy' score=0.9 matched='Mondoweiss'>"
    (match,) = g.find("alpha")
    assert repr(match) == "digestcore.EntityMatch(entity='x', alias='Alpha', start=0, end=5, text='alpha')"


def test_pickle_and_deepcopy(registry, gazetteer):
    import copy
    import pickle

    reg = digestcore.SourceRegistry.from_json(json.dumps(
        {"sources": [{"id": "x", "name": "Ex", "aliases": ["Ēx"], "note": {"kept": [1, 2]}}]}))
    objects = [registry, reg, digestcore.SourceRegistry(), gazetteer, digestcore.Gazetteer(),
               registry.resolve("Nondoweiss"), registry.resolve("کویر دیلی"),
               gazetteer.find("the PMOI in Iraq")[0]]
    for obj in objects:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back == obj and type(back) is type(obj) and repr(back) == repr(obj)
        assert copy.deepcopy(obj) == obj and copy.copy(obj) == obj
    assert registry != reg and gazetteer != digestcore.Gazetteer()
    assert registry != gazetteer and registry != "registry"
    assert pickle.loads(pickle.dumps(reg)).sources[0].aliases == ["Ēx"]
    again = pickle.loads(pickle.dumps(registry))
    for text in ("Nondoweiss", "https://news.kavirdaily.example/a", "كوير ديلي", "Kestrel Most"):
        assert again.resolve(text) == registry.resolve(text)
    m = pickle.loads(pickle.dumps(registry.resolve("kavir daily")))
    assert (m.id, m.source.url, m.source.read_only) == ("kavir", "kavirdaily.example", True)


def test_pickled_gazetteer_tags_the_same(gazetteer):
    import copy
    import pickle

    c = digestcore.Collection()
    c.add_post(digestcore.Post("p1", "Kavir Daily on Iraq", body="Iraq. The PMOI, the MEK, mek."))
    c.add_post(digestcore.Post("p2", "سازمان مجاهدين خلق در عراق", excerpt="کویر دیلی"))
    c.add_post(digestcore.Post("p3", "Nothing here"))
    for back in (pickle.loads(pickle.dumps(gazetteer)), copy.deepcopy(gazetteer)):
        assert back.tag(c) == gazetteer.tag(c)
        assert list(back.tag(c)["p1"]) == list(gazetteer.tag(c)["p1"])  # same order
        for post in c:
            for text in (post.title, post.excerpt, post.body):
                assert back.find(text) == gazetteer.find(text)
        back.add("new", "Zarvand")  # a copy: the original is unchanged
        assert "new" not in gazetteer
