"""Build the labelled `check-po` accuracy data from Django's own translations.

Run once (the result is committed under tests/fixtures/checkpo/django/):

    pip download --no-deps django -d /tmp/dj && (cd /tmp/dj && unzip -q django-*.whl)
    python benchmarks/build_checkpo_django_data.py /tmp/dj/django

The glossary below holds terms that Django's Albanian, Georgian and Armenian
translators use consistently. It was found semi-automatically (for frequent
English words, the target-word prefix with the best Dice score across all
entries, `--suggest`) and then checked by hand against the entries.

Labelling: an entry "uses the term" when its msgid contains the English term
and its translation has a word sharing a long prefix with each content word of
the target term (a deliberately loose rule, independent of the matcher); the
entries where that rule and a reading disagree were looked at one by one and
are fixed in OVERRIDES. Entries whose translator chose another word are left
out (the benchmark measures the matcher, not Django's consistency).

Django is © the Django Software Foundation and contributors, BSD 3-Clause
licence; the extracted entries keep that licence (see the fixture's NOTICE).
"""

from __future__ import annotations

import collections
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from moci_vocab.checkpo.source_match import english_variants, source_key  # noqa: E402
from moci_vocab.checkpo.target_match import tokens  # noqa: E402

OUT = REPO / "tests" / "fixtures" / "checkpo" / "django"
LANGS = ("sq", "ka", "hy")

# English term → {lang: the term Django's translators use (dictionary form)}.
GLOSSARY: dict[str, dict[str, str]] = {
    "password": {"sq": "fjalëkalim", "ka": "პაროლი", "hy": "գաղտնաբառ"},
    "user": {"sq": "përdorues", "ka": "მომხმარებელი", "hy": "օգտագործող"},
    "username": {
        "sq": "emër përdoruesi",
        "ka": "მომხმარებლის სახელი",
        "hy": "օգտագործողի անուն",
    },
    "object": {"sq": "objekt", "ka": "ობიექტი", "hy": "օբյեկտ"},
    "date": {"sq": "datë", "ka": "თარიღი", "hy": "ամսաթիվ"},
    "time": {"sq": "kohë", "ka": "დრო", "hy": "ժամանակ"},
    "file": {"sq": "kartelë", "ka": "ფაილი", "hy": "ֆայլ"},
    "address": {"sq": "adresë", "ka": "მისამართი", "hy": "հասցե"},
    "action": {"sq": "veprim", "ka": "ქმედება", "hy": "գործողություն"},
    "error": {"sq": "gabim", "ka": "შეცდომა", "hy": "սխալ"},
    "model": {"sq": "model", "ka": "მოდელი", "hy": "մոդել"},
    "page": {"sq": "faqe", "ka": "გვერდი", "hy": "էջ"},
    "field": {"sq": "fushë", "ka": "ველი", "hy": "դաշտ"},
    "site": {"sq": "sajt", "ka": "საიტი", "hy": "կայք"},
    "integer": {"sq": "numër i plotë", "ka": "მთელი რიცხვი", "hy": "ամբողջ թիվ"},
    "number": {"sq": "numër", "ka": "რიცხვი", "hy": "թիվ"},
    "permission": {"sq": "leje", "ka": "უფლება", "hy": "իրավունք"},
    "documentation": {"sq": "dokumentim", "ka": "დოკუმენტაცია", "hy": "դոկումենտացիա"},
    "list": {"sq": "listë", "ka": "სია", "hy": "ցուցակ"},
    "session": {"sq": "sesion", "ka": "სესია", "hy": "սեսսիա"},
    "redirect": {"sq": "ridrejtim", "ka": "გადამისამართება", "hy": "վերահղում"},
    "image": {"sq": "figurë", "ka": "გამოსახულება", "hy": "պատկեր"},
    "history": {"sq": "historik", "ka": "ისტორია", "hy": "պատմություն"},
    "value": {"sq": "vlerë", "ka": "მნიშვნელობა", "hy": "արժեք"},
    "server": {"sq": "shërbyes", "ka": "სერვერი", "hy": "սերվեր"},
    "group": {"sq": "grup", "ka": "ჯგუფი", "hy": "խումբ"},
    "database": {"sq": "bazë të dhënash", "ka": "მონაცემთა ბაზა", "hy": "տվյալների բազա"},
}
CONNECTORS = {"i", "e", "të", "së"}

# (lang, concept, msgid) → True (uses the term) / False (another word: left out),
# where the loose rule and a reading disagree. Filled in by hand.
OVERRIDES: dict[tuple[str, str, str], bool] = {
    # Inflected with a dropped stem vowel, which the loose prefix rule misses:
    ("hy", "group", "groups"): True,  # խմբեր ← խումբ
    ("hy", "integer", "Comma-separated integers"): True,  # ամբողջ թվեր ← ամբողջ թիվ
    ("hy", "number", "numbers"): True,  # թվեր ← թիվ
    # Rephrased: "a user with that name" (անունով օգտագործող), not the term:
    ("hy", "username", "A user with that username already exists."): False,
}


def concept_id(english: str) -> str:
    return english.replace(" ", "-")


def catalogs(django: Path, lang: str):
    import polib

    for path in sorted(django.glob(f"**/locale/{lang}/LC_MESSAGES/*.po")):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural:
                strs = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
            else:
                strs = [entry.msgstr]
            if all(strs):
                yield path.relative_to(django.parent).as_posix(), entry, strs


def loose_uses(translation: str, term: str) -> bool:
    """Every content word of the term has a word in the translation with a long common prefix."""
    toks = tokens(translation)
    for word in tokens(term):
        if word in CONNECTORS:
            continue
        need = min(len(word), max(2, math.ceil(len(word) * 0.6)))
        if not any(t[:need] == word[:need] for t in toks):
            return False
    return True


def source_concepts(msgid: str) -> list[str]:
    """The glossary's English terms in a msgid, longest first where they overlap."""
    key = source_key(msgid)
    found = []
    for english in sorted(GLOSSARY, key=len, reverse=True):
        for variant in english_variants(english, "noun"):
            if variant in key and not any(variant in source_key(f) for f in found):
                found.append(english)
                break
    return found


def build(django: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    glossary = {concept_id(en): {"en": en, **targets} for en, targets in GLOSSARY.items()}
    (OUT / "glossary.json").write_text(
        json.dumps(glossary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for lang in LANGS:
        rows = []
        seen = set()
        for origin, entry, strs in catalogs(django, lang):
            source = entry.msgid + "\n" + (entry.msgid_plural or "")
            for english in source_concepts(source):
                cid = concept_id(english)
                key = (lang, cid, entry.msgid)
                loose = all(loose_uses(text, GLOSSARY[english][lang]) for text in strs)
                uses = OVERRIDES.get(key, loose)
                if not uses or (cid, entry.msgctxt, entry.msgid) in seen:
                    continue
                seen.add((cid, entry.msgctxt, entry.msgid))
                rows.append(
                    {
                        "concept": cid,
                        "msgctxt": entry.msgctxt,
                        "msgid": entry.msgid,
                        "msgid_plural": entry.msgid_plural or None,
                        "msgstr": strs,
                        "origin": origin,
                    }
                )
        path = OUT / f"{lang}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = collections.Counter(row["concept"] for row in rows)
        print(f"{lang}: {len(rows)} labelled entries, {len(counts)} concepts")


def suggest(django: Path) -> None:
    """For frequent English words, the best-aligned target prefix per language (Dice)."""
    for lang in LANGS:
        data = [(source_key(e.msgid), tokens(s[0])) for _o, e, s in catalogs(django, lang)]
        words = collections.Counter(w for key, _t in data for w in set(key.split()) if len(w) > 3)
        for word, count in words.most_common(60):
            with_word = [toks for key, toks in data if f" {word} " in key]
            pref = collections.Counter()
            for toks in with_word:
                pref.update({t[:k] for t in toks for k in range(4, len(t) + 1)})
            total = collections.Counter()
            for _key, toks in data:
                total.update({t[:k] for t in toks for k in range(4, len(t) + 1)} & pref.keys())
            if pref:
                best = max(pref, key=lambda p: (2 * pref[p] / (count + total[p]), len(p)))
                print(
                    f"{lang} {word:<16} {best:<20} {pref[best]}/{count} (everywhere {total[best]})"
                )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "--suggest":
        suggest(folder)
    else:
        build(folder)
