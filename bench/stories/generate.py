#!/usr/bin/env python3
"""A labelled near-duplicate corpus: invented news stories, edited re-posts of
them, and hard negatives. Deterministic for a given seed; pure Python.

    python3 bench/stories/generate.py --stories 40 --variants 4 --seed 7 --out corpus.jsonl

Each line is one text:

  {"id", "text", "story", "kind", "edits", "edit_fraction", "date", "source",
   "lang", and for negatives "negative_of" and "shared"}

* kind "original": a story of about --words words (headline, then paragraphs),
  English mostly, some French, Persian and Arabic (--languages).
* kind "variant": the original re-posted with 1 to 3 controlled edits and the
  same "story" label, dated 0 to 3 days later. "edits" lists them as
  {"kind", "words"}. edit_fraction counts the words that change what the text
  says (substitute, drop_sentence, boilerplate, headline) over the original's
  words and stays <= --max-edit; edits the search key undoes (reorder, case,
  letter_variants, digits) count 0 words.
* kind "negative": a different story (its own label) about the original's
  people, organisation and place, with about --negative-shared of its words
  copied from the original's sentences ("shared" is the measured share).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordbanks as wb  # noqa: E402

WORD = re.compile(r"\w+")
SLOT = re.compile(r"\{(\w+)\}")
A_AN = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")
FR_DE_LE = re.compile(r"\b(de|De|à|À) le\b")
FR_ELISION = re.compile(r"\b([Dd]|[Qq]u)e (?=[aeiouyéèêàâîôûhAEIOUÉÈÀ])")
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LANGS = ("en", "fr", "fa", "ar")
CONTENT_EDITS = ("substitute", "drop_sentence", "boilerplate", "headline")
NEUTRAL_EDITS = {"en": ("reorder", "case"), "fr": ("reorder", "case"),
                 "fa": ("reorder", "letter_variants", "digits"),
                 "ar": ("reorder", "letter_variants", "digits")}


def words(text: str) -> list[str]:
    return WORD.findall(text)


def plural_en(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def digits(n: int, lang: str) -> str:
    table = {"fa": FA_DIGITS, "ar": AR_DIGITS}.get(lang)
    return "".join(table[int(c)] for c in str(n)) if table else str(n)


# ---- stories ---------------------------------------------------------------------

@dataclasses.dataclass
class Doc:
    headline: str
    paragraphs: list[list[str]]
    header: str | None = None
    footer: str | None = None

    def render(self) -> str:
        lines = [self.header] if self.header else []
        lines.append(self.headline)
        lines += [" ".join(p) for p in self.paragraphs if p]
        if self.footer:
            lines.append(self.footer)
        return "\n\n".join(lines)

    def copy(self) -> "Doc":
        return Doc(self.headline, [list(p) for p in self.paragraphs], self.header, self.footer)


def invent_entities(lang: str, rng: random.Random) -> dict[str, str]:
    """Two people with roles, two organisations and two places."""
    n = wb.NAME_PARTS
    out: dict[str, str] = {}
    for suffix in ("", "2"):
        if lang in ("en", "fr"):
            place = rng.choice(n["place_a"]) + rng.choice(n["place_b"])
            if lang == "en":
                place = place if rng.random() < 0.5 else f"{place} {rng.choice(wb.EN_PLACE_KINDS)}"
                org = f"{place.split()[0]} {rng.choice(wb.EN_ORG_TYPES)}"
                given, role = rng.choice(n["given_en"]), rng.choice(wb.EN_ROLES)
            else:
                place = f"{rng.choice(wb.FR_PLACE_KINDS)}-{place}"
                org = f"{rng.choice(wb.FR_ORG_TYPES)} de {place}"
                given, role = rng.choice(n["given_fr"]), rng.choice(wb.FR_ROLES)
            person = f"{given} {rng.choice(n['sur_a'])}{rng.choice(n['sur_b'])}"
        elif lang == "fa":
            place = rng.choice(n["fa_a"]) + rng.choice(n["fa_b"])
            org = f"{rng.choice(wb.FA_ORG_TYPES)} {place}"
            person = f"{rng.choice(n['fa_given'])} {rng.choice(n['fa_sur'])}"
            role = rng.choice(wb.FA_ROLES)
        else:
            place = f"{rng.choice(n['ar_a'])} {rng.choice(n['ar_b'])}"
            org = f"{rng.choice(wb.AR_ORG_TYPES)} في {place}"
            person = f"{rng.choice(n['ar_given'])} {rng.choice(n['ar_sur'])}"
            role = rng.choice(wb.AR_ROLES)
        out.update({"P" + suffix: person, "R" + suffix: role, "O" + suffix: org, "L" + suffix: place})
    return out


class Story:
    """One story's vocabulary: its entities and a sample of the language's banks."""

    def __init__(self, lang: str, rng: random.Random, entities: dict[str, str] | None = None):
        self.lang = lang
        self.entities = entities or invent_entities(lang, rng)
        s = rng.sample
        if lang == "en":
            topic = list(dict.fromkeys(wb.EN_TOPICS[rng.choice(sorted(wb.EN_TOPICS))].split()))
            self.nouns = s(topic, 16) + s(wb.EN_GENERAL_NOUNS, 6)
            self.adjectives = s(wb.EN_ADJECTIVES, 10)
            self.verbs = s(sorted(wb.EN_VERBS), 10)
        elif lang == "fr":
            self.nouns = s(wb.FR_NOUNS, 18)
            self.adjectives = s(wb.FR_ADJECTIVES, 10)
            self.verbs = s(wb.FR_VERBS, 10)
        elif lang == "fa":
            self.nouns = s(wb.FA_NOUNS, 18)
            self.adjectives = s(wb.FA_ADJECTIVES, 10)
            self.verbs = s(wb.FA_VERBS, 8)
        else:
            self.nouns = s(wb.AR_NOUNS, 18)
            self.adjectives = s(wb.AR_ADJECTIVES, 10)
            self.verbs = s(wb.AR_MASDARS, 8)
        bank = {"en": (wb.EN_WEEKDAYS, wb.EN_MONTHS), "fr": (wb.FR_WEEKDAYS, wb.FR_MONTHS),
                "fa": (wb.FA_WEEKDAYS, wb.FA_MONTHS), "ar": (wb.AR_WEEKDAYS, wb.AR_MONTHS)}[lang]
        # A story happens around one or two days and months.
        self.weekdays = s(bank[0], 2)
        self.months = s(bank[1], 2)

    def draw(self, slot: str, rng: random.Random) -> str:
        lang = self.lang
        if slot in self.entities:
            return self.entities[slot]
        c = rng.choice
        if slot == "N":
            noun = c(self.nouns)
            return noun[0] if lang in ("fr", "ar") else noun.replace("_", " ")
        if slot == "Np":
            noun = c(self.nouns)
            return noun[1] if lang == "fr" else plural_en(noun.replace("_", " "))
        if slot == "A":
            adj = c(self.adjectives)
            return adj[0] if lang == "ar" else adj
        if slot == "NA":  # Arabic noun with an agreeing adjective
            noun, gender = c(self.nouns)
            adj = c(self.adjectives)
            return f"{noun} {adj[0] if gender == 'm' else adj[1]}"
        if slot == "V":
            verb = c(self.verbs)
            return {"en": wb.EN_VERBS.get(verb, verb), "fa": verb[0]}.get(lang, verb)
        if slot == "Vf":
            return c(self.verbs)[1]
        if slot in ("Vb", "Vm"):
            return c(self.verbs)
        if slot == "D":
            return c(self.weekdays)
        if slot == "M":
            return c(self.months)
        if slot == "cur":
            return wb.CURRENCY[lang]
        ranges = {"n": (2, 40), "k": (120, 9800), "pct": (5, 90), "dn": (1, 28)}
        if slot in ranges:
            return digits(rng.randint(*ranges[slot]), lang)
        raise KeyError(f"unknown slot {{{slot}}}")

    def fill(self, template: str, rng: random.Random) -> str:
        text = SLOT.sub(lambda m: self.draw(m.group(1), rng), template)
        if self.lang == "en":
            text = A_AN.sub(r"\1n ", text)
        elif self.lang == "fr":
            text = FR_DE_LE.sub(lambda m: {"de": "du", "De": "Du", "à": "au", "À": "Au"}[m.group(1)], text)
            text = FR_ELISION.sub(r"\1'", text)
        if self.lang in ("en", "fr"):  # capitalise the first word, after any quote mark
            m = re.search(r"\w", text)
            if m and m.group().isalpha():
                text = text[: m.start()] + text[m.start()].upper() + text[m.start() + 1:]
        return text

    def templates(self) -> tuple[list[str], list[str]]:
        return {"en": (wb.EN_HEADLINES, wb.EN_SENTENCES), "fr": (wb.FR_HEADLINES, wb.FR_SENTENCES),
                "fa": (wb.FA_HEADLINES, wb.FA_SENTENCES), "ar": (wb.AR_HEADLINES, wb.AR_SENTENCES)}[self.lang]

    def headline(self, rng: random.Random) -> str:
        return self.fill(rng.choice(self.templates()[0]), rng)

    def sentences(self, target_words: int, rng: random.Random) -> list[str]:
        pool = list(self.templates()[1])
        rng.shuffle(pool)
        out, count = [], 0
        while count < target_words:
            if not pool:
                pool = list(self.templates()[1])
                rng.shuffle(pool)
            sentence = self.fill(pool.pop(), rng)
            out.append(sentence)
            count += len(words(sentence))
        return out

    def write(self, target_words: int, rng: random.Random) -> Doc:
        headline = self.headline(rng)
        body = self.sentences(max(1, target_words - len(words(headline))), rng)
        return Doc(headline, paragraphs(body, rng))


def paragraphs(sentences: list[str], rng: random.Random) -> list[list[str]]:
    out, i = [], 0
    while i < len(sentences):
        size = rng.choice((2, 2, 3))
        out.append(sentences[i:i + size])
        i += size
    return out


# ---- edits -----------------------------------------------------------------------

def outlets(lang: str) -> dict[str, tuple[str, str]]:
    return {"en": wb.EN_BOILERPLATE, "fr": wb.FR_BOILERPLATE,
            "fa": wb.FA_BOILERPLATE, "ar": wb.AR_BOILERPLATE}[lang]


_CLASSES: dict[str, dict[str, list[str]]] = {}


def word_classes(lang: str) -> dict[str, list[str]]:
    """The words an edit may swap for another of the same kind, by kind."""
    if lang not in _CLASSES:
        if lang == "en":
            nouns = [w for t in wb.EN_TOPICS.values() for w in t.split() if "_" not in w]
            nouns = sorted(set(nouns + wb.EN_GENERAL_NOUNS))
            c = {"noun": nouns, "plural": [plural_en(n) for n in nouns], "adj": wb.EN_ADJECTIVES,
                 "verb": sorted(wb.EN_VERBS), "participle": sorted(set(wb.EN_VERBS.values()))}
        elif lang == "fr":
            c = {"noun": [n[0].split("'")[-1].split()[-1] for n in wb.FR_NOUNS],
                 "plural": [n[1] for n in wb.FR_NOUNS], "adj": wb.FR_ADJECTIVES, "verb": wb.FR_VERBS}
        elif lang == "fa":
            c = {"noun": wb.FA_NOUNS, "adj": wb.FA_ADJECTIVES}
        else:
            c = {"noun_m": [n for n, g in wb.AR_NOUNS if g == "m"],  # keeps adjectives agreeing
                 "noun_f": [n for n, g in wb.AR_NOUNS if g == "f"],
                 "adj": [a[0] for a in wb.AR_ADJECTIVES],
                 "adj_f": [a[1] for a in wb.AR_ADJECTIVES],
                 "masdar": [m for m in wb.AR_MASDARS if " " not in m]}
        _CLASSES[lang] = c
    return _CLASSES[lang]


def replacement(word: str, lang: str, rng: random.Random) -> str | None:
    """A synonym, another word of the same kind, or another number; None when
    the word is none of these (function words stay)."""
    synonyms = {"en": wb.EN_SYNONYMS, "fr": wb.FR_SYNONYMS,
                "fa": wb.FA_SYNONYMS, "ar": wb.AR_SYNONYMS}[lang]
    low = word.lower()
    new = synonyms.get(low)
    if new is None and word.isdigit():  # a corrected figure: near the old one
        n = int(word)
        return digits(max(1, n + rng.choice((-1, 1)) * rng.randint(1, max(1, n // 10))), lang)
    if new is None:
        for options in word_classes(lang).values():
            if low in options:
                new = rng.choice([w for w in options if w != low])
                break
    if new is None:
        return None
    return new.capitalize() if word[:1].isupper() and lang in ("en", "fr") else new


def substitute(doc: Doc, budget: int, story: Story, rng: random.Random) -> int:
    """Replaces up to `budget` words of the body, each by one of its kind."""
    done = 0
    spans = [(p, s, m.start(), m.end()) for p, para in enumerate(doc.paragraphs)
             for s, sentence in enumerate(para) for m in WORD.finditer(sentence)]
    rng.shuffle(spans)
    picked: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for p, s, b, e in spans:
        if done >= budget:
            break
        new = replacement(doc.paragraphs[p][s][b:e], story.lang, rng)
        if new is None or done + len(words(new)) > budget:
            continue
        picked.setdefault((p, s), []).append((b, e, new))
        done += len(words(new))
    for (p, s), edits in picked.items():  # right to left, so offsets hold
        sentence = doc.paragraphs[p][s]
        for b, e, new in sorted(edits, reverse=True):
            sentence = sentence[:b] + new + sentence[e:]
        doc.paragraphs[p][s] = A_AN.sub(r"\1n ", sentence) if story.lang == "en" else sentence
    return done


def drop_sentences(doc: Doc, budget: int, rng: random.Random) -> int:
    done = 0
    while True:
        choices = [(p, s) for p, para in enumerate(doc.paragraphs) for s, sent in enumerate(para)
                   if done + len(words(sent)) <= budget]
        if not choices or sum(map(len, doc.paragraphs)) <= 2:
            return done
        p, s = rng.choice(choices)
        done += len(words(doc.paragraphs[p].pop(s)))
        if rng.random() < 0.6:
            return done


def add_boilerplate(doc: Doc, budget: int, source: str, rng: random.Random, lang: str) -> int:
    header, footer = outlets(lang)[source]
    options = [(h, f) for h, f in ((header, None), (None, footer), (header, footer))
               if len(words(h or "")) + len(words(f or "")) <= budget]
    if not options:
        return 0
    doc.header, doc.footer = rng.choice(options)
    return len(words(doc.header or "")) + len(words(doc.footer or ""))


def change_headline(doc: Doc, budget: int, story: Story, rng: random.Random) -> int:
    for _ in range(8):
        new = story.headline(rng)
        cost = max(len(words(new)), len(words(doc.headline)))
        if new != doc.headline and cost <= budget:
            doc.headline = new
            return cost
    return 0


def reorder(doc: Doc, rng: random.Random) -> bool:
    if len(doc.paragraphs) < 2:
        return False
    i, j = rng.sample(range(len(doc.paragraphs)), 2)
    doc.paragraphs[i], doc.paragraphs[j] = doc.paragraphs[j], doc.paragraphs[i]
    return True


def map_text(doc: Doc, fn) -> None:
    doc.headline = fn(doc.headline)
    doc.paragraphs = [[fn(s) for s in p] for p in doc.paragraphs]


def change_case(doc: Doc, rng: random.Random) -> None:
    how = rng.choice(("headline_upper", "all_lower", "sentence_upper"))
    if how == "headline_upper":
        doc.headline = doc.headline.upper()
    elif how == "all_lower":
        map_text(doc, str.lower)
    else:
        p = rng.randrange(len(doc.paragraphs))
        doc.paragraphs[p] = [s.upper() for s in doc.paragraphs[p]]


def letter_variants(doc: Doc, lang: str) -> None:
    """What another keyboard or spelling habit gives: the key unifies these."""
    if lang == "fa":  # Persian text typed with Arabic letters
        table = str.maketrans({"ی": "ي", "ک": "ك"})
        map_text(doc, lambda s: s.translate(table))
    else:  # Arabic typed on a Persian keyboard, ta marbuta as ha, bare alef
        table = str.maketrans({"ي": "ی", "ك": "ک", "أ": "ا", "إ": "ا"})
        map_text(doc, lambda s: re.sub(r"ة\b", "ه", s.translate(table)))


def change_digits(doc: Doc, lang: str, rng: random.Random) -> None:
    own = FA_DIGITS if lang == "fa" else AR_DIGITS
    target = rng.choice(("0123456789", AR_DIGITS if lang == "fa" else FA_DIGITS))
    table = str.maketrans(own, target)
    map_text(doc, lambda s: s.translate(table))


def make_variant(original: Doc, story: Story, base_words: int, max_edit: float, source: str,
                 rng: random.Random) -> tuple[Doc, list[dict], int]:
    """A re-post with 1 to 3 edits; content edits within max_edit of base_words."""
    lang = story.lang
    doc = original.copy()
    kinds = list(CONTENT_EDITS) + list(NEUTRAL_EDITS[lang])
    chosen = rng.sample(kinds, rng.choices((1, 2, 3), (0.45, 0.35, 0.2))[0])
    budget = int(rng.uniform(0.02, max_edit) * base_words)
    content = [k for k in chosen if k in CONTENT_EDITS]
    edits, spent = [], 0
    for kind in chosen:
        if kind in CONTENT_EDITS:
            # Split what is left evenly among the content edits still to come.
            share = (budget - spent) // (len(content) - content.index(kind))
            n = {"substitute": lambda: substitute(doc, share, story, rng),
                 "drop_sentence": lambda: drop_sentences(doc, share, rng),
                 "boilerplate": lambda: add_boilerplate(doc, share, source, rng, lang),
                 "headline": lambda: change_headline(doc, share, story, rng)}[kind]()
            if n:
                edits.append({"kind": kind, "words": n})
                spent += n
        elif kind == "reorder":
            if reorder(doc, rng):
                edits.append({"kind": kind, "words": 0})
        else:
            {"case": lambda: change_case(doc, rng),
             "letter_variants": lambda: letter_variants(doc, lang),
             "digits": lambda: change_digits(doc, lang, rng)}[kind]()
            edits.append({"kind": kind, "words": 0})
    if not edits:  # every chosen edit was too big for the budget: substitutions then
        n = substitute(doc, max(1, budget), story, rng)
        edits.append({"kind": "substitute", "words": n})
        spent += n
    return doc, edits, spent


def simple_words(text: str) -> set[str]:
    return {w.casefold() for w in words(text)}


def make_negative(original: Doc, story: Story, target_words: int, shared: float,
                  rng: random.Random) -> tuple[Doc, float]:
    """Another story about the same people, organisation and place, with about
    `shared` of its words in sentences copied from the original."""
    other = Story(story.lang, rng, entities=story.entities)
    own = other.sentences(target_words, rng)
    theirs = [s for p in original.paragraphs for s in p]
    rng.shuffle(theirs)
    total = sum(len(words(s)) for s in own)
    copied: list[str] = []
    while theirs and sum(len(words(s)) for s in copied) < shared * total:
        copied.append(theirs.pop())
        if len(own) > 1:
            total -= len(words(own.pop(rng.randrange(len(own)))))
        total += len(words(copied[-1]))
    body = own + copied
    rng.shuffle(body)
    doc = Doc(other.headline(rng), paragraphs(body, rng))
    share = sum(len(words(s)) for s in copied) / max(1, len(words(doc.render())))
    return doc, share


# ---- corpus ----------------------------------------------------------------------

def parse_languages(spec: str) -> dict[str, float]:
    out = {}
    for part in spec.split(","):
        lang, _, weight = part.partition("=")
        if lang not in LANGS:
            raise argparse.ArgumentTypeError(f"unknown language {lang!r} (one of {', '.join(LANGS)})")
        out[lang] = float(weight or 1)
    return out


def generate(stories: int, variants: int, seed: int, *, negatives: int | None = None,
             target_words: int = 150, max_edit: float = 0.10, negative_shared: float = 1 / 3,
             languages: dict[str, float] | None = None) -> list[dict]:
    rng = random.Random(seed)
    languages = languages or {"en": 0.7, "fr": 0.1, "fa": 0.1, "ar": 0.1}
    negatives = stories // 2 if negatives is None else negatives
    start = dt.date(2031, 3, 1)
    records: list[dict] = []
    originals = []
    for i in range(stories):
        lang = rng.choices(list(languages), list(languages.values()))[0]
        story = Story(lang, rng)
        doc = story.write(target_words, rng)
        label = f"s{i:05d}"
        date = start + dt.timedelta(days=rng.randrange(300))
        source = rng.choice(sorted(outlets(lang)))
        base = len(words(doc.render()))
        originals.append((label, story, doc, date))
        records.append({"id": f"{label}-o", "text": doc.render(), "story": label, "kind": "original",
                        "edits": [], "edit_fraction": 0.0, "date": date.isoformat(),
                        "source": source, "lang": lang})
        for j in range(1, variants + 1):
            vsource = rng.choice(sorted(outlets(lang)))
            vdoc, edits, spent = make_variant(doc, story, base, max_edit, vsource, rng)
            records.append({"id": f"{label}-v{j}", "text": vdoc.render(), "story": label,
                            "kind": "variant", "edits": edits, "edit_fraction": round(spent / base, 4),
                            "date": (date + dt.timedelta(days=rng.randint(0, 3))).isoformat(),
                            "source": vsource, "lang": lang})
    for m, (label, story, doc, date) in enumerate(rng.sample(originals, min(negatives, len(originals)))):
        ndoc, share = make_negative(doc, story, target_words, negative_shared, rng)
        records.append({"id": f"{label}-n{m}", "text": ndoc.render(), "story": f"{label}-n{m}",
                        "kind": "negative", "edits": [], "edit_fraction": 0.0,
                        "date": (date + dt.timedelta(days=rng.randint(-10, 30))).isoformat(),
                        "source": rng.choice(sorted(outlets(story.lang))), "lang": story.lang,
                        "negative_of": label, "shared": round(share, 3)})
    records.sort(key=lambda r: (r["date"], r["id"]))  # a feed, oldest first
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=1000, help="originals (default 1000)")
    ap.add_argument("--variants", type=int, default=4, help="variants of each original (default 4)")
    ap.add_argument("--negatives", type=int, default=None, help="hard negatives (default stories/2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", type=int, default=150, help="words per original (default 150)")
    ap.add_argument("--max-edit", type=float, default=0.10,
                    help="most words a variant's edits may change, as a fraction (default 0.10)")
    ap.add_argument("--negative-shared", type=float, default=1 / 3,
                    help="share of a negative's words copied from its original (default 1/3)")
    ap.add_argument("--languages", type=parse_languages, default="en=0.7,fr=0.1,fa=0.1,ar=0.1",
                    help="weights, e.g. en=0.7,fr=0.1,fa=0.1,ar=0.1")
    ap.add_argument("--out", default="-", help="JSON Lines file (default: standard output)")
    a = ap.parse_args(argv)
    if a.stories < 0 or a.variants < 0 or not 0 < a.max_edit < 1 or a.words < 10:
        ap.error("need --stories >= 0, --variants >= 0, 0 < --max-edit < 1, --words >= 10")
    records = generate(a.stories, a.variants, a.seed, negatives=a.negatives, target_words=a.words,
                       max_edit=a.max_edit, negative_shared=a.negative_shared, languages=a.languages)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if a.out == "-":
        sys.stdout.write(lines)
    else:
        Path(a.out).write_text(lines, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
