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
      // the target may be out of the page while a search shows its hits: show every entry
      a.addEventListener("click", () => { if ($("q").value) { $("q").value = ""; search(); remember(); } });
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
        // an example of use, in the quotation marks of the cell's language (<q>)
        if (term.context) {
          const example = el("span", "tnote example");
          example.append(el("q", null, term.context));
          td.append(example);
        }
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
  $("footer").textContent = data.name + " · " + L.version + " " + data.version + " · " +
    (data.date ? L.released + " " + data.date : L.unreleased);
  $("legend").textContent = L.legend;
  $("q").placeholder = L.search;
  $("q").setAttribute("aria-label", L.search_label);
  $("langs-legend").textContent = L.languages;
  $("nothing").textContent = L.nothing;

  const main = $("entries");
  const nodes = data.entries.map(entryNode);
  main.append(...nodes);
  // every per-language part of every entry, shown or not (entries may be out of the page)
  const languageParts = nodes.flatMap((node) => [...node.querySelectorAll("[data-lang]")]);

  // --- language switches ----------------------------------------------------------------------
  // Folded into a <details> row, so that on a phone ten languages do not fill the screen.
  const shown = new Set(data.languages.map((l) => l.tag));
  function applyLanguages() {
    for (const node of languageParts) node.hidden = !shown.has(node.dataset.lang);
    $("langs-summary").textContent =
      L.languages + " (" + shown.size + "/" + data.languages.length + ")";
  }
  const fieldset = $("langs");
  const boxes = [];
  function setShown(box, on) {
    box.checked = on;
    if (on) shown.add(box.value); else shown.delete(box.value);
  }
  for (const lang of data.languages) {
    const label = el("label");
    label.title = lang.name + " (" + lang.tag + ")";
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = lang.tag;
    box.addEventListener("change", () => {
      setShown(box, box.checked);
      applyLanguages();
      remember();
    });
    boxes.push(box);
    label.append(box, lang.autonym);
    fieldset.append(label);
  }
  for (const [text, on] of [[L.all, true], [L.none, false]]) {
    const button = el("button", null, text);
    button.type = "button";
    button.addEventListener("click", () => {
      for (const box of boxes) setShown(box, on);
      applyLanguages();
      remember();
    });
    fieldset.append(button);
  }

  // --- search ---------------------------------------------------------------------------------
  // An entry matches when every word of the query occurs in one of its term keys (folded and
  // transliterated in Python) or in its definitions, notes and examples; failing that, when a
  // word is a typo of one of its words (one edit for 4 to 7 letters, two from 8). Term matches
  // come first, prefixes first; typo matches last.
  const NONE = 5;
  const vocabulary = new Map(); // word of a key or a text → the entries that hold it
  data.entries.forEach((entry, i) => {
    const words = new Set();
    for (const key of entry.keys) for (const w of key.split(" ")) words.add(w);
    for (const w of entry.text.split(" ")) words.add(w);
    for (const w of words) {
      if (!w) continue;
      if (!vocabulary.has(w)) vocabulary.set(w, []);
      vocabulary.get(w).push(i);
    }
  });
  const vocabularyWords = [...vocabulary.keys()];

  // Levenshtein distance of a and b if it is at most k, else k + 1 (rows cut off early).
  let previous = new Uint16Array(64);
  let current = new Uint16Array(64);
  function within(a, b, k) {
    if (Math.abs(a.length - b.length) > k) return k + 1;
    if (b.length + 1 > previous.length) {
      previous = new Uint16Array(b.length + 1);
      current = new Uint16Array(b.length + 1);
    }
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      current[0] = i;
      let best = i;
      const ch = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        const cost = ch === b.charCodeAt(j - 1) ? 0 : 1;
        const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        current[j] = value;
        if (value < best) best = value;
      }
      if (best > k) return k + 1;
      [previous, current] = [current, previous];
    }
    return previous[b.length];
  }

  const typoCache = new Map();
  // The entries holding a word within the allowed edits of `word` (a typo of it). Only for a
  // word that (almost) nothing holds as it is: typos of a common word would only add noise.
  function typoEntries(word) {
    if (typoCache.has(word)) return typoCache.get(word);
    const k = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    const found = new Set();
    let exact = 0;
    for (let i = 0; i < data.entries.length && exact < 5; i++) {
      if (joined[i].includes(word) || data.entries[i].text.includes(word)) exact++;
    }
    if (k > 0 && exact < 5) {
      for (const candidate of vocabularyWords) {
        if (Math.abs(candidate.length - word.length) > k) continue;
        if (within(word, candidate, k) <= k) for (const i of vocabulary.get(candidate)) found.add(i);
      }
    }
    typoCache.set(word, found);
    return found;
  }

  // Each entry's keys in one string, each key after a separator: one includes() finds a key
  // or a word of a key that starts with the query word (rank 0), another one anywhere (1).
  const SEP = "\u0001";
  const joined = data.entries.map((entry) => SEP + entry.keys.join(SEP));
  function rank(entry, i, words) {
    let worst = 0;
    for (const word of words) {
      let best = NONE;
      const keys = joined[i];
      if (keys.includes(SEP + word) || keys.includes(" " + word)) best = 0;
      else if (keys.includes(word)) best = 1;
      else if (entry.text.includes(word)) best = 2;
      if (best === NONE && typoEntries(word).has(i)) best = 3;
      worst = Math.max(worst, best);
      if (worst === NONE) break;
    }
    return worst;
  }

  // A search shows its best hits, at most LIMIT until asked for all: the page holds only the
  // entries it shows, so a keystroke on 2,000 concepts lays out a hundred, not 2,000.
  const LIMIT = 100;
  let showAll = false;
  let showing = "all"; // "all": every entry in order; else the query whose hits are shown
  const more = el("button", "more");
  more.type = "button";
  more.addEventListener("click", () => { showAll = true; showing = null; search(); });

  function search() {
    const query = fold($("q").value);
    const words = query.split(" ").filter(Boolean);
    if (!words.length) {
      if (showing !== "all") main.replaceChildren(...nodes);
      showing = "all";
      $("count").textContent = L.concepts.replace("{n}", data.entries.length);
      $("nothing").hidden = true;
      more.remove();
      return;
    }
    const hits = [];
    data.entries.forEach((entry, i) => {
      const r = rank(entry, i, words);
      if (r < NONE) hits.push([r, i]);
    });
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const key = query + (showAll ? "\u0000all" : "");
    if (showing !== key) {
      const top = showAll ? hits : hits.slice(0, LIMIT);
      main.replaceChildren(...top.map(([, i]) => nodes[i]));
      showing = key;
    }
    if (!showAll && hits.length > LIMIT) {
      more.textContent = L.show_all.replace("{n}", hits.length);
      main.after(more);
    } else {
      more.remove();
    }
    $("count").textContent = L.shown.replace("{n}", hits.length).replace("{total}", data.entries.length);
    $("nothing").hidden = hits.length > 0;
  }

  // The address keeps the query and the languages, so a search can be bookmarked or sent:
  // page.html?q=sherigeba&lang=en,ka
  function remember() {
    const params = new URLSearchParams(location.search);
    const query = $("q").value.trim();
    if (query) params.set("q", query); else params.delete("q");
    if (shown.size === data.languages.length) params.delete("lang");
    else params.set("lang", data.languages.filter((l) => shown.has(l.tag)).map((l) => l.tag).join(","));
    const text = params.toString().replace(/%2C/g, ",");
    try {
      history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
    } catch (error) {
      // some browsers refuse replaceState on file: pages; the search still works
    }
  }

  $("q").addEventListener("input", () => { showAll = false; search(); remember(); });
  const params = new URLSearchParams(location.search);
  if (params.get("q")) $("q").value = params.get("q");
  if (params.get("lang")) {
    const wanted = new Set(params.get("lang").split(","));
    for (const box of boxes) setShown(box, wanted.has(box.value));
  }
  applyLanguages();
  search();

  // Link targets land below the sticky search bar: its measured height, kept up to date.
  const bar = $("bar");
  function measureBar() {
    document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px");
  }
  measureBar();
  if (window.ResizeObserver) new ResizeObserver(measureBar).observe(bar);
})();
