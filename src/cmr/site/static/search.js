/* cmr site search: a plain script (no modules, no fetch), so it works from file:// too.
   Reads window.CMR_SEARCH_INDEX ([kind, title, url, text] entries, from search-index.js). */
(function () {
  "use strict";
  var index = window.CMR_SEARCH_INDEX || [];
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  var RANK = { "country": 0, "country-year": 1, "question": 2, "evidence": 3 };
  var MAX = 25;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = index.map(function (e) { return [fold(e[1]), fold(e[3])]; });

  function snippet(text, word) {
    var at = fold(text).indexOf(word);
    var start = Math.max(0, at - 60);
    var piece = text.slice(start, start + 180);
    return (start > 0 ? "…" : "") + piece + (start + 180 < text.length ? "…" : "");
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var title = folded[i][0], all = title + " " + folded[i][1];
      if (words.every(function (w) { return all.indexOf(w) >= 0; })) {
        var inTitle = words.every(function (w) { return title.indexOf(w) >= 0; }) ? 0 : 1;
        hits.push([inTitle, RANK[index[i][0]], i]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return index[h[2]]; });
  }

  function show(query) {
    var found = search(query);
    list.textContent = "";
    found.slice(0, MAX).forEach(function (e) {
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
        p.textContent = snippet(e[3], fold(query).split(/\s+/).filter(Boolean)[0] || "");
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    if (!query.trim()) { status.textContent = ""; return found; }
    status.textContent = found.length === 0 ? "No results for \u201c" + query + "\u201d." :
      found.length + (found.length === 1 ? " result" : " results") +
      (found.length > MAX ? " (the first " + MAX + " shown)" : "") + ".";
    return found;
  }

  input.addEventListener("input", function () { show(input.value); });
  input.form.addEventListener("submit", function (event) {
    var found = show(input.value);
    event.preventDefault();
    if (found.length) { window.location.href = found[0][2]; }
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); show(input.value); }
})();
