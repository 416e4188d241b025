// alaqat explorer: search by any alias, filters by entity and relation type, a side panel with evidence.
// Every string from an article is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var PUNCT = /["'“”‘’«»()\[\]{}.,،:;!?؟\-_/\\|]+/g;
  var CLITICS = ["وال", "بال", "لل", "و", "ف", "ب", "ل", "ك"];
  var HEADS = ["شركه ", "مجموعه ", "بنك ", "مصرف ", "صندوق ", "نادي "];

  function fold(text) {
    return String(text).normalize("NFKC").replace(DIACRITICS, "").replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي")
      .replace(/ة/g, "ه").replace(/ئ/g, "ي").replace(/ؤ/g, "و").toLowerCase().replace(PUNCT, " ")
      .replace(/\s+/g, " ").trim();
  }

  function candidates(query) {
    var key = fold(query), keys = [key];
    HEADS.forEach(function (h) { if (key.indexOf(h) === 0) keys.push(key.slice(h.length)); });
    keys.slice().forEach(function (k) {
      CLITICS.forEach(function (c) {
        if (k.indexOf(c) === 0 && k.length - c.length >= 2) {
          var rest = k.slice(c.length);
          keys.push(c === "وال" || c === "بال" || c === "لل" ? "ال" + rest : rest);
        }
      });
    });
    return keys;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function money(amount, currency) {
    if (amount === undefined || amount === null) return "";
    var units = [[1e9, "مليار"], [1e6, "مليون"]];
    for (var i = 0; i < units.length; i++) {
      if (amount >= units[i][0]) return (Math.round(amount / units[i][0] * 100) / 100) + " " + units[i][1] + " " + (currency || "");
    }
    return amount + " " + (currency || "");
  }

  function init() {
    var index = {};
    nodes.forEach(function (n) {
      (n.keys || []).forEach(function (k) { (index[k] = index[k] || []).push(n.id); });
    });
    var panel = document.getElementById("alaqat-panel");
    var status = document.getElementById("alaqat-search-status");

    function showNode(id) {
      var n = nodes.get(id);
      if (!n) return;
      panel.replaceChildren();
      var close = el("button", "×");
      close.id = "alaqat-close";
      close.addEventListener("click", function () { panel.style.display = "none"; });
      panel.appendChild(close);
      panel.appendChild(el("h2", n.label));
      panel.appendChild(el("div", n.etype, "alaqat-type"));
      var aliases = (n.aliases || []).filter(function (a) { return a !== n.label; });
      if (aliases.length) panel.appendChild(el("p", "أسماء أخرى: " + aliases.join("، ")));
      var list = el("ul");
      edges.get({ filter: function (e) { return e.from === id || e.to === id; } }).forEach(function (e) {
        var other = nodes.get(e.from === id ? e.to : e.from);
        var item = el("li");
        var head = e.from === id ? n.label : other.label, tail = e.from === id ? other.label : n.label;
        item.appendChild(el("strong", head + " ← " + e.label + " (" + e.relation + ") ← " + tail));
        var facts = [money(e.amount, e.currency), e.stake_percent != null ? "الحصة " + e.stake_percent + "%" : "",
                     e.status || "", e.role || "", e.date || ""].filter(Boolean);
        if (facts.length) item.appendChild(el("div", facts.join(" · ")));
        (e.evidence || []).slice(0, 5).forEach(function (ev) {
          var box = el("div", null, "alaqat-evidence");
          box.appendChild(el("div", ev.sentence));
          box.appendChild(el("div", ev.title || ev.document, "alaqat-source"));
          item.appendChild(box);
        });
        list.appendChild(item);
      });
      panel.appendChild(list);
      var bar = document.getElementById("alaqat-bar").getBoundingClientRect();
      panel.style.top = (bar.bottom + window.scrollY + 8) + "px";
      panel.style.display = "block";
    }

    function focus(id) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.3, animation: false });
      showNode(id);
    }

    document.getElementById("alaqat-search").addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var keys = candidates(event.target.value), found = null;
      for (var i = 0; i < keys.length && !found; i++) if (index[keys[i]]) found = index[keys[i]][0];
      status.textContent = found ? "" : "لا يوجد كيان بهذا الاسم";
      if (found) focus(found);
    });

    network.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
    });

    function applyFilters() {
      var types = {}, relations = {};
      document.querySelectorAll("input[data-type]").forEach(function (box) { types[box.dataset.type] = box.checked; });
      document.querySelectorAll("input[data-relation]").forEach(function (box) { relations[box.dataset.relation] = box.checked; });
      nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: types[n.etype] === false }; }));
      edges.update(edges.get().map(function (e) {
        var hidden = relations[e.relation] === false || types[nodes.get(e.from).etype] === false || types[nodes.get(e.to).etype] === false;
        return { id: e.id, hidden: hidden };
      }));
    }
    document.querySelectorAll("input[data-type], input[data-relation]").forEach(function (box) {
      box.addEventListener("change", applyFilters);
    });
    window.alaqat = { focus: focus, showNode: showNode, fold: fold, applyFilters: applyFilters };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
