// The MOCI glossary page. The glossary arrives as JSON (#moci-data) and is rendered with
// textContent only: no glossary text is ever parsed as HTML.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("moci-data").textContent);
  const L = data.labels;
  const $ = (id) => document.getElementById(id);

  // Same folding as moci_vocab.textnorm.fold: casefolded, no diacritics, hyphens as spaces.
  const EXTRA = { "đ": "d", "ħ": "h", "ł": "l", "ø": "o", "ı": "i", "ə": "e", "ß": "ss", "ς": "σ" };
  function fold(text) {
    return text
      .normalize("NFC")
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .normalize("NFC")
      .replace(/[đħłøıəßς]/g, (ch) => EXTRA[ch])
      .replace(/[-\u2010]/g, " ")
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  const names = {};
  for (const lang of data.languages) names[lang.tag] = lang;

  function termNode(term) {
    const span = el("span", "term " + term.status, term.term);
    const wrap = el("span");
    wrap.append(span);
    if (term.status === "deprecated" || term.status === "forbidden") {
      wrap.append(el("span", "status", " (" + L[term.status] + ")"));
    } else if (term.status === "admitted") {
      span.title = L.admitted;
    }
    if (term.draft) {
      const mark = el("span", "draft", "*");
      mark.title = L.draft;
      wrap.append(mark);
    }
    return wrap;
  }

  function langLabel(tag) {
    const span = el("span", "lang", names[tag].autonym + ": ");
    span.title = names[tag].name;
    return span;
  }

  function links(label, items) {
    const p = el("p", "links");
    p.append(el("span", "label", label + ": "));
    items.forEach((item, i) => {
      if (i) p.append(", ");
      const a = el("a", null, item.text);
      a.href = "#c-" + item.id;
      a.addEventListener("click", () => { if ($("q").value) { $("q").value = ""; search(); } });
      p.append(a);
    });
    return p;
  }

  function entryNode(entry) {
    const article = el("article", "entry");
    article.id = "c-" + entry.id;
    const head = el("div", "head");
    const h2 = el("h2", null, entry.headword);
    h2.lang = data.source;
    head.append(h2);
    const flags = [];
    if (entry.dnt) flags.push(L.do_not_translate);
    if (entry.retired) flags.push(L.retired);
    if (entry.domain) flags.push(entry.domain);
    head.append(el("span", "flags", flags.join(" · ")));
    article.append(head);

    const defLangs = Object.keys(entry.definitions);
    for (const tag of defLangs) {
      const p = el("p", "def");
      p.dataset.lang = tag;
      p.lang = tag;
      if (defLangs.length > 1) p.append(langLabel(tag));
      p.append(entry.definitions[tag]);
      article.append(p);
    }

    const table = el("table", "terms");
    for (const lang of data.languages) {
      const terms = entry.terms[lang.tag] || [];
      const others = lang.tag === data.source ? terms.filter((t) => t.term !== entry.headword) : terms;
      if (lang.tag === data.source && others.length === 0) continue;
      if (entry.dnt && lang.tag !== data.source) continue;
      const row = el("tr");
      row.dataset.lang = lang.tag;
      const th = el("th", null, lang.autonym);
      th.title = lang.name + " (" + lang.tag + ")";
      th.scope = "row";
      const td = el("td");
      td.lang = lang.tag;
      if (others.length === 0) td.append(el("span", "missing", L.missing));
      others.forEach((term, i) => {
        if (i) td.append(", ");
        td.append(termNode(term));
      });
      for (const term of others) {
        if (term.note) td.append(el("span", "tnote", (others.length > 1 ? term.term + ": " : "") + term.note));
      }
      row.append(th, td);
      table.append(row);
    }
    if (table.rows.length) article.append(table);

    for (const tag of Object.keys(entry.notes)) {
      const p = el("p", "note");
      p.dataset.lang = tag;
      p.lang = tag;
      p.append(el("span", "label", L.note + (Object.keys(entry.notes).length > 1 ? " (" + names[tag].autonym + ")" : "") + ": "));
      p.append(entry.notes[tag]);
      article.append(p);
    }
    if (entry.broader.length) article.append(links(L.broader, entry.broader));
    if (entry.related.length) article.append(links(L.see_also, entry.related));
    return article;
  }

  // --- render ---------------------------------------------------------------------------------
  document.documentElement.lang = data.source;
  $("meta").textContent = [
    L.version + " " + data.version,
    L.concepts.replace("{n}", data.entries.length),
    data.languages.map((l) => l.autonym).join(", "),
  ].join(" · ");
  $("footer").textContent = data.name + " · " + L.version + " " + data.version + " · " + L.generated + " " + data.date;
  $("legend").textContent = L.legend;
  $("q").placeholder = L.search;
  $("q").setAttribute("aria-label", L.search_label);
  $("langs-legend").textContent = L.languages;
  $("nothing").textContent = L.nothing;

  const main = $("entries");
  const nodes = data.entries.map(entryNode);
  main.append(...nodes);

  // --- language switches ----------------------------------------------------------------------
  const shown = new Set(data.languages.map((l) => l.tag));
  function applyLanguages() {
    for (const node of main.querySelectorAll("[data-lang]")) node.hidden = !shown.has(node.dataset.lang);
  }
  const fieldset = $("langs");
  const boxes = [];
  for (const lang of data.languages) {
    const label = el("label");
    label.title = lang.name + " (" + lang.tag + ")";
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = lang.tag;
    box.addEventListener("change", () => {
      if (box.checked) shown.add(lang.tag); else shown.delete(lang.tag);
      applyLanguages();
    });
    boxes.push(box);
    label.append(box, lang.autonym);
    fieldset.append(label);
  }
  for (const [text, on] of [[L.all, true], [L.none, false]]) {
    const button = el("button", null, text);
    button.type = "button";
    button.addEventListener("click", () => {
      for (const box of boxes) { box.checked = on; if (on) shown.add(box.value); else shown.delete(box.value); }
      applyLanguages();
    });
    fieldset.append(button);
  }

  // --- search ---------------------------------------------------------------------------------
  // An entry matches when every word of the query occurs in one of its term keys (folded and
  // transliterated in Python) or in its definitions; term matches come first, prefixes first.
  function rank(entry, words) {
    let worst = 0;
    for (const word of words) {
      let best = 3;
      for (const key of entry.keys) {
        if (key.startsWith(word) || key.includes(" " + word)) { best = 0; break; }
        if (key.includes(word)) best = Math.min(best, 1);
      }
      if (best === 3 && entry.text.includes(word)) best = 2;
      worst = Math.max(worst, best);
      if (worst === 3) break;
    }
    return worst;
  }

  function search() {
    const words = fold($("q").value).split(" ").filter(Boolean);
    const hits = [];
    data.entries.forEach((entry, i) => {
      const r = words.length ? rank(entry, words) : 0;
      nodes[i].hidden = r === 3;
      if (r < 3) hits.push([r, i]);
    });
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    main.append(...hits.map(([, i]) => nodes[i]));
    $("count").textContent = L.shown.replace("{n}", hits.length).replace("{total}", data.entries.length);
    $("nothing").hidden = hits.length > 0;
  }

  $("q").addEventListener("input", search);
  // Links may preset the query and the languages: page.html?q=sherigeba&lang=en,ka
  const params = new URLSearchParams(location.search);
  if (params.get("q")) $("q").value = params.get("q");
  if (params.get("lang")) {
    const wanted = new Set(params.get("lang").split(","));
    for (const box of boxes) {
      box.checked = wanted.has(box.value);
      if (box.checked) shown.add(box.value); else shown.delete(box.value);
    }
    applyLanguages();
  }
  search();
})();
