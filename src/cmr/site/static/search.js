/* cmr site search: plain scripts (no modules, no fetch), so it works from file:// too.
   window.CMR_SEARCH_INDEX (search-index.js, loaded with the page) holds the questions,
   countries and country-years; window.CMR_SEARCH_EVIDENCE (search-evidence.js, the bulk)
   is added the first time a reader types. Results appear as the reader types, on every page.
   Entries are [kind, title, url, text]. */
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  var RANK = { "country": 0, "country-year": 1, "question": 2, "evidence": 3 };
  var MAX = 25;
  var index = [], folded = [], evidence = "none", pending = null;
  // The home and search pages search the evidence too, and Enter opens the first result;
  // elsewhere the results come from the small index and Enter opens the search page.
  var full = input.form.hasAttribute("data-open-first");

  // Letters NFD does not take apart: Azərbaycan is found by Azerbaycan, Ærø by Aero.
  var LETTERS = { "\u0259": "e", "\u00e6": "ae", "\u00f8": "o", "\u0153": "oe", "\u00df": "ss",
    "\u0142": "l", "\u0111": "d", "\u00f0": "d", "\u0131": "i", "\u00fe": "th", "\u0127": "h" };
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u0259\u00e6\u00f8\u0153\u00df\u0142\u0111\u00f0\u0131\u00fe\u0127]/g,
        function (c) { return LETTERS[c]; });
  }
  function add(entries) {
    entries.forEach(function (e) { index.push(e); folded.push([fold(e[1]), fold(e[3])]); });
  }
  add(window.CMR_SEARCH_INDEX || []);

  function loadEvidence() {
    if (evidence !== "none") { return; }
    evidence = "loading";
    var script = document.createElement("script");
    script.src = "search-evidence.js";
    script.onload = function () {
      evidence = "loaded";
      add(window.CMR_SEARCH_EVIDENCE || []);
      settled();
    };
    script.onerror = function () { evidence = "failed"; settled(); };
    document.body.appendChild(script);
  }

  function words(query) { return fold(query).split(/\s+/).filter(Boolean); }

  function snippet(text, word) {
    var at = Math.max(0, fold(text).indexOf(word));
    var start = Math.max(0, at - 60);
    var piece = text.slice(start, start + 180);
    return (start > 0 ? "\u2026" : "") + piece + (start + 180 < text.length ? "\u2026" : "");
  }

  function search(query) {
    var wanted = words(query);
    if (!wanted.length) { return []; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var title = folded[i][0], all = title + " " + folded[i][1];
      if (wanted.every(function (w) { return all.indexOf(w) >= 0; })) {
        var inTitle = wanted.every(function (w) { return title.indexOf(w) >= 0; }) ? 0 : 1;
        hits.push([inTitle, RANK[index[i][0]], i]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return index[h[2]]; });
  }

  function item(e, query) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = e[2];
    a.textContent = e[1];
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = e[0];
    li.appendChild(a);
    li.appendChild(kind);
    if (e[0] === "evidence") {
      var p = document.createElement("span");
      p.className = "snippet";
      p.textContent = snippet(e[3], words(query)[0] || "");
      li.appendChild(p);
    }
    return li;
  }

  function show(query) {
    var found = search(query);
    var active = document.activeElement;  // a result the reader is on keeps the focus
    var kept = active && list.contains(active) ? active.getAttribute("href") : null;
    list.textContent = "";
    found.slice(0, MAX).forEach(function (e) { list.appendChild(item(e, query)); });
    if (kept) {
      var again = list.querySelector('a[href="' + CSS.escape(kept) + '"]');
      if (again) { again.focus(); }
    }
    if (!query.trim()) { status.textContent = ""; return found; }
    var count = found.length === 0 ? "No results for \u201c" + query + "\u201d" :
      found.length + (found.length === 1 ? " result" : " results") +
      (found.length > MAX ? " (the first " + MAX + " shown)" : "");
    var note = { loading: " so far; searching the evidence\u2026",
                 failed: "; the evidence could not be loaded",
                 none: " in questions, countries and years; press Enter to search the evidence too"
               }[evidence] || "";
    status.textContent = count + note + ".";
    return found;
  }

  function openFirst() {
    var found = show(input.value);
    if (found.length) { window.location.href = found[0][2]; }
  }
  // Leaving while the evidence loads would cut its request off: Enter or a click on a
  // result then waits for it (`pending`: what to do once it is in).
  function settled() {
    var then = pending;
    pending = null;
    if (then) { then(); } else { show(input.value); }
  }

  input.addEventListener("input", function () {
    if (full) { loadEvidence(); }
    show(input.value);
  });
  input.form.addEventListener("submit", function (event) {
    if (!full) { return; }  // the form's own action: the search page with every result
    event.preventDefault();
    if (evidence === "loading") { pending = openFirst; show(input.value); } else { openFirst(); }
  });
  // Arrow keys: Down from the box to the first result, Up and Down between the results,
  // Up from the first back to the box.
  function step(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (event.target === input && event.key === "ArrowUp") { return; }
    event.preventDefault();
    if (next < 0) { input.focus(); } else if (next < links.length) { links[next].focus(); }
  }
  input.addEventListener("keydown", step);
  list.addEventListener("keydown", step);
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link || evidence !== "loading" || event.button !== 0 || event.ctrlKey ||
        event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    pending = function () { window.location.href = link.href; };
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); loadEvidence(); show(input.value); }
})();
