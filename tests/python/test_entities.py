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
    g = digestcore.Gazetteer().load(path)
    assert len(g) == len(gazetteer) == 4
    assert g.alias_count == gazetteer.alias_count
    assert g.entity("org.pmoi")["aliases"][0] == ("MEK", True)
    with pytest.raises(digestcore.ParseError) as e:
        digestcore.Gazetteer().loads('{"entities": [{"id": "a", "aliases": [1]}]}')
    assert e.value.field == "entities[0].aliases[0]"
    with pytest.raises(digestcore.Error):
        digestcore.Gazetteer().loads("[" * 100 + "]" * 100)
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
