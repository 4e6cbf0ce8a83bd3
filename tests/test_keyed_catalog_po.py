"""benchmarks/keyed_catalog_po.py: translations kept outside gettext, paired with the English."""

from __future__ import annotations

import json

import polib

from benchmarks.keyed_catalog_po import from_ini, from_json, from_ts, write


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
