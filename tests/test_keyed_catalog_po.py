"""benchmarks/keyed_catalog_po.py: translations kept outside gettext, paired with the English."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from benchmarks.keyed_catalog_po import (
    QM_MAGIC,
    from_android,
    from_android_modules,
    from_ftl,
    from_ini,
    from_json,
    from_nested_json,
    from_php,
    from_qm,
    from_ts,
    write,
)


def test_mediawiki_messages_pair_by_name_and_leave_out_english_and_metadata(tmp_path):
    core, sub = tmp_path / "i18n", tmp_path / "i18n" / "exif"
    sub.mkdir(parents=True)
    english = {"@metadata": {"authors": []}, "edit": "Edit", "wiki": "Wiki", "gone": "Gone"}
    (core / "en.json").write_text(json.dumps(english), encoding="utf-8")
    (core / "sq.json").write_text(
        json.dumps({"@metadata": {}, "edit": "Redaktoni", "wiki": "Wiki", "new": "Ri"}),
        encoding="utf-8",
    )
    (sub / "en.json").write_text(json.dumps({"edit": "Other", "iso": "ISO"}), encoding="utf-8")
    (sub / "sq.json").write_text(json.dumps({"edit": "Tjetër", "iso": "ISO e"}), encoding="utf-8")

    rows = from_json(tmp_path, "sq", ["i18n"])

    # the same name again in a sub-folder is taken from the first; 'wiki' is the English
    # itself, 'new' has no English, 'gone' no translation
    assert sorted(rows) == [("edit", "Edit", ["Redaktoni"]), ("iso", "ISO", ["ISO e"])]


def test_obs_locale_files_pair_per_module_with_the_module_in_msgctxt(tmp_path):
    locale = tmp_path / "obs-filters" / "locale"
    locale.mkdir(parents=True)
    (locale / "en-US.ini").write_text(
        'Source="Source"\nName="Name"\nHint="Line one\\nline two"\n', encoding="utf-8"
    )
    (locale / "ka-GE.ini").write_text(
        '\ufeffSource="წყარო"\n# a comment\nName="Name"\nHint="ერთი\\nორი"\n', encoding="utf-8"
    )

    rows = from_ini(tmp_path, "ka-GE")

    assert rows == [
        ("obs-filters:Source", "Source", ["წყარო"]),
        ("obs-filters:Hint", "Line one\nline two", ["ერთი\nორი"]),
    ]


def test_qt_ts_keeps_finished_messages_and_numerus_forms_as_a_plural_entry(tmp_path):
    ts = tmp_path / "app_hy.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<TS language="hy"><context><name>Dialog</name>
<message><source>Folder</source><translation>Պանակ</translation></message>
<message><source>Rule</source><comment>@label</comment><translation>Կանոն</translation></message>
<message><source>Later</source><translation type="unfinished">Ուշ</translation></message>
<message><source>Gone</source><translation type="vanished">Չկա</translation></message>
<message numerus="yes"><source>%n file(s)</source>
<translation><numerusform>%n ֆայլ</numerusform><numerusform>%n ֆայլեր</numerusform></translation>
</message></context></TS>""",
        encoding="utf-8",
    )
    rows = from_ts([ts])
    assert rows == [
        ("Dialog", "Folder", ["Պանակ"]),
        ("Dialog|@label", "Rule", ["Կանոն"]),
        ("Dialog", "%n file(s)", ["%n ֆայլ", "%n ֆայլեր"]),
    ]

    out = tmp_path / "app.mo"
    write(rows, "hy", out)
    entries = {e.msgid: e for e in polib.mofile(str(out))}
    assert entries["Rule"].msgctxt == "Dialog|@label"
    assert entries["%n file(s)"].msgid_plural == "%n file(s)"
    assert entries["%n file(s)"].msgstr_plural == {0: "%n ֆայլ", 1: "%n ֆայլեր"}


def test_nested_json_pairs_key_paths_unwraps_a_language_object_and_skips_arb_metadata(tmp_path):
    english, albanian = tmp_path / "en.json", tmp_path / "sq.json"
    english.write_text(
        json.dumps(
            {
                "en": {
                    "toolbar": {"mute": "Mute", "share": {"title": "Share screen"}},
                    "@toolbar": {"description": "ARB metadata"},
                    "brand": "Jitsi",
                    "count": 3,
                }
            }
        ),
        encoding="utf-8",
    )
    albanian.write_text(
        json.dumps(
            {
                "sq": {
                    "toolbar": {"mute": "Heshtoje", "share": {"title": "Ndani ekranin"}},
                    "brand": "Jitsi",
                    "extra": "Shtesë",
                }
            }
        ),
        encoding="utf-8",
    )

    rows = from_nested_json(english, albanian)

    # 'brand' is the English itself, 'extra' has no English, 'count' is no text
    assert rows == [
        ("toolbar.mute", "Mute", ["Heshtoje"]),
        ("toolbar.share.title", "Share screen", ["Ndani ekranin"]),
    ]


def test_php_language_files_pair_by_file_and_key_with_both_quotings(tmp_path):
    english, georgian = tmp_path / "en" / "labels.inc", tmp_path / "ka" / "labels.inc"
    english.parent.mkdir()
    georgian.parent.mkdir()
    english.write_text(
        "<?php\n$labels = [];\n$labels['folder'] = 'Folder';\n"
        "$labels['help'] = \"Arrows: move the row's focus.\nEnter: open\";\n"
        "$lang['a']['b'] = 'It\\'s nested';\n$labels['same'] = 'IMAP';\n",
        encoding="utf-8",
    )
    georgian.write_text(
        "<?php\n$labels['folder'] = 'საქაღალდე';\n"
        '$labels[\'help\'] = "ისრები: \\"სტრიქონი\\"\\nEnter";\n'
        "$lang['a']['b'] = 'ჩადგმული';\n$labels['same'] = 'IMAP';\n",
        encoding="utf-8",
    )

    rows = from_php([english], [georgian])

    assert rows == [
        ("labels:folder", "Folder", ["საქაღალდე"]),
        (
            "labels:help",
            "Arrows: move the row's focus.\nEnter: open",
            ['ისრები: "სტრიქონი"\nEnter'],
        ),
        ("labels:a.b", "It's nested", ["ჩადგმული"]),
    ]


def test_fluent_folders_pair_by_file_and_message_id(tmp_path, monkeypatch):
    pytest.importorskip("fluent.syntax")
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    english, armenian = tmp_path / "templates", tmp_path / "hy-AM"
    english.mkdir()
    armenian.mkdir()
    (english / "decks.ftl").write_text(
        "decks-add-deck = Add Deck\ndecks-count = { $count } decks\n", encoding="utf-8"
    )
    (english / "sync.ftl").write_text("sync-now = Sync now\n", encoding="utf-8")
    (armenian / "decks.ftl").write_text("decks-add-deck = Ավելացնել կապուկ\n", encoding="utf-8")

    rows = from_ftl(english, armenian)

    assert rows == [("decks:decks-add-deck", "Add Deck", ["Ավելացնել կապուկ"])]


def _qm_message(source: str, context: str, translations: list[str]) -> bytes:
    """One message of a .qm file's messages section, as lrelease writes it."""
    out = b""
    for text in translations:
        data = text.encode("utf-16-be")
        out += b"\x03" + len(data).to_bytes(4, "big") + data
    for tag, text in ((6, source), (7, context)):
        data = text.encode("utf-8")
        out += bytes([tag]) + len(data).to_bytes(4, "big") + data
    return out + b"\x01"


def test_compiled_qt_translations_pair_each_message_with_its_english(tmp_path):
    messages = (
        _qm_message("Player", "ActivityConfig", ["მოთამაშე"])
        + _qm_message("%n level(s)", "Menu", ["%n დონე", "%n დონე"])
        + _qm_message("Unfinished", "Menu", [""])
    )
    qm = tmp_path / "gcompris_ka.qm"
    qm.write_bytes(QM_MAGIC + b"\x69" + len(messages).to_bytes(4, "big") + messages)

    # the empty translation is left out; a numerus message keeps its forms
    assert from_qm(qm) == [
        ("ActivityConfig", "Player", ["მოთამაშე"]),
        ("Menu", "%n level(s)", ["%n დონე", "%n დონე"]),
    ]


def test_android_strings_pair_by_name_with_plurals_and_escapes(tmp_path):
    english, armenian = tmp_path / "values.xml", tmp_path / "values-hy.xml"
    english.write_text(
        """<resources>
<string name="page">Page</string>
<string name="saved">Can\'t save <b>the article</b></string>
<string name="app" translatable="false">Wikipedia</string>
<plurals name="pages"><item quantity="one">%d page</item>
<item quantity="other">%d pages</item></plurals>
</resources>""",
        encoding="utf-8",
    )
    armenian.write_text(
        """<resources>
<string name="page">Էջ</string>
<string name="saved">Չհաջողվեց պահել <b>հոդվածը</b>\\n</string>
<string name="app">Վիքիպեդիա</string>
<plurals name="pages"><item quantity="other">%d էջ</item><item quantity="one">%d էջ</item></plurals>
</resources>""",
        encoding="utf-8",
    )

    rows = from_android(english, armenian)

    # 'app' is not to be translated; the plural's English is its "other" item
    assert rows == [
        ("page", "Page", ["Էջ"]),
        ("saved", "Can't save the article", ["Չհաջողվեց պահել հոդվածը\n"]),
        ("pages", "%d pages", ["%d էջ", "%d էջ"]),
    ]


def test_android_modules_name_each_message_after_its_module(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the files given as the script is run: relative to the checkout
    pairs = []
    for module, text, translated in (
        ("app", "Inbox", "Posta"),
        ("feature/mail", "Inbox", "Hyrëse"),
    ):
        res = Path(module) / "src" / "main" / "res"
        (res / "values").mkdir(parents=True)
        (res / "values-sq").mkdir()
        for folder, said in (("values", text), ("values-sq", translated)):
            (res / folder / "strings.xml").write_text(
                f'<resources><string name="inbox">{said}</string></resources>', encoding="utf-8"
            )
        pairs.append((res / "values" / "strings.xml", res / "values-sq" / "strings.xml"))

    # the same name in two modules stays two messages; a single pair keeps the bare name
    assert from_android_modules(pairs) == [
        ("app:inbox", "Inbox", ["Posta"]),
        ("feature/mail:inbox", "Inbox", ["Hyrëse"]),
    ]
    assert from_android_modules(pairs[:1]) == [("inbox", "Inbox", ["Posta"])]
