// alaqat explorer: search (exact, prefix, fuzzy) with suggestions, filters by type, relation and year, an overview
// that hides minor nodes, focus mode, colour by community, and a side panel for an entity or a relation.
// Every string from an article is inserted with textContent, never as HTML; links are only http(s) URLs.
(function () {
  "use strict";
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var PUNCT = /["'“”‘’«»()\[\]{}.,،:;!?؟\-_/\\|]+/g;
  var CLITICS = ["وال", "بال", "لل", "و", "ف", "ب", "ل", "ك"];
  var HEADS = ["شركه ", "مجموعه ", "بنك ", "مصرف ", "صندوق ", "نادي "];
  var FADED = "rgba(190,190,190,0.25)";
  var EDGE_COLOR = "#848484";
  var MAX_SUGGESTIONS = 8;
  var STATUS_AR = { completed: "مكتملة", agreed: "متفق عليها", proposed: "مقترحة", talks: "محادثات", denied: "نُفيت" };

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

  // Edit distance, stopping early once it exceeds `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        best = Math.min(best, row[j]);
      }
      if (best > limit) return limit + 1;
      prev = row;
    }
    return prev[b.length];
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function safeUrl(text) {
    try {
      var url = new URL(String(text));
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // A date keeps its left-to-right order inside Arabic text.
  function ltr(text) {
    return text ? "\u2066" + text + "\u2069" : "";
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
    var keys = Object.keys(index).sort();
    var panel = document.getElementById("alaqat-panel");
    var status = document.getElementById("alaqat-search-status");
    var search = document.getElementById("alaqat-search");
    var suggest = document.getElementById("alaqat-suggest");
    var minorBox = document.getElementById("alaqat-minor");
    var communityBox = document.getElementById("alaqat-communities");
    var since = document.getElementById("alaqat-since"), until = document.getElementById("alaqat-until");
    var state = { focus: null, pinned: null, placed: false };

    // --- search: exact names first, then names (or words of names) starting with the query, then near misses
    function matches(query) {
      var found = [], seen = {};
      function take(ids) { ids.forEach(function (id) { if (!seen[id]) { seen[id] = true; found.push(id); } }); }
      var wanted = candidates(query).filter(Boolean);
      if (!wanted.length) return found;
      wanted.forEach(function (k) { if (index[k]) take(index[k]); });
      keys.forEach(function (k) {
        if (wanted.some(function (w) { return k.indexOf(w) === 0 || k.indexOf(" " + w) >= 0; })) take(index[k]);
      });
      var q = wanted[0];
      if (q.length >= 4) {
        var limit = q.length >= 7 ? 2 : 1;
        keys.forEach(function (k) {
          if (distance(q, k.slice(0, q.length), limit) <= limit || distance(q, k, limit) <= limit) take(index[k]);
        });
      }
      return found;
    }

    function showSuggestions(ids) {
      suggest.replaceChildren();
      ids.slice(0, MAX_SUGGESTIONS).forEach(function (id) {
        var n = nodes.get(id);
        var item = el("li", null);
        item.setAttribute("role", "option");
        item.dataset.id = id;
        item.appendChild(el("span", n.label));
        item.appendChild(el("small", " " + n.etype));
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(id); });
        suggest.appendChild(item);
      });
      suggest.hidden = ids.length === 0;
      search.setAttribute("aria-expanded", ids.length ? "true" : "false");
    }

    function choose(id) {
      showSuggestions([]);
      status.textContent = "";
      focus(id);
    }

    function noMatch() {
      showSuggestions([]);
      status.textContent = "لا يوجد كيان بهذا الاسم";
      closePanel();
    }

    search.addEventListener("input", function () {
      status.textContent = "";
      showSuggestions(search.value.trim() ? matches(search.value) : []);
    });
    // Arrow keys move through the suggestions; Enter takes the highlighted one, else the best match.
    function moveActive(step) {
      var items = suggest.querySelectorAll("li");
      if (!items.length) return;
      var current = Array.prototype.findIndex.call(items, function (li) { return li.getAttribute("aria-selected") === "true"; });
      var next = (current + step + items.length) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === next ? "true" : "false"); });
    }

    search.addEventListener("keydown", function (event) {
      if (event.key === "Escape") showSuggestions([]);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        moveActive(event.key === "ArrowDown" ? 1 : -1);
      }
      if (event.key !== "Enter") return;
      var active = suggest.querySelector("li[aria-selected='true']");
      if (active) return choose(active.dataset.id);
      var found = matches(search.value);
      if (found.length) choose(found[0]); else noMatch();
    });
    search.addEventListener("blur", function () { showSuggestions([]); });

    // --- panel
    function openPanel() {
      var close = el("button", "×");
      close.id = "alaqat-close";
      close.setAttribute("aria-label", "إغلاق / close");
      close.addEventListener("click", closePanel);
      panel.replaceChildren(close);
    }

    function closePanel() {
      panel.style.display = "none";
      document.body.classList.remove("alaqat-panel-open");
      network.unselectAll();
      if (state.pinned !== null) {
        state.pinned = null;
        applyFilters();
      }
      setFocus(null);
    }

    function revealPanel() {
      var bar = document.getElementById("alaqat-bar").getBoundingClientRect();
      panel.style.top = (bar.bottom + window.scrollY + 8) + "px";
      panel.style.display = "block";
      document.body.classList.add("alaqat-panel-open");
      network.redraw();
    }

    function evidenceBox(ev) {
      var box = el("div", null, "alaqat-evidence");
      var isHeadline = ev.title && fold(ev.sentence) === fold(ev.title);
      if (!isHeadline) box.appendChild(el("div", ev.sentence));
      var source = el("div", null, "alaqat-source");
      source.appendChild(el(isHeadline ? "strong" : "span", ev.title || ev.document));
      if (ev.date) source.appendChild(el("span", " · " + ltr(ev.date)));
      var url = safeUrl(ev.source);
      if (url) {
        var link = el("a", "المصدر ↗", "alaqat-link");
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        source.appendChild(el("span", " · "));
        source.appendChild(link);
      }
      box.appendChild(source);
      return box;
    }

    function eventLine(event) {
      return [money(event.amount, event.currency), event.stake_percent != null ? "الحصة " + event.stake_percent + "%" : "",
              STATUS_AR[event.status] || event.status || "", ltr(event.date),
              (event.documents || []).length + " مقال"].filter(Boolean).join(" · ");
    }

    function relationHeading(e) {
      var head = nodes.get(e.from).label, tail = nodes.get(e.to).label;
      return head + " ← " + e.relation_ar + " (" + e.relation + ") ← " + tail;
    }

    function relationBody(e, target, limit) {
      var facts = [money(e.amount, e.currency), e.stake_percent != null ? "الحصة " + e.stake_percent + "%" : "",
                   STATUS_AR[e.status] || e.status || "", e.role || "", ltr(e.date)].filter(Boolean);
      if (facts.length) target.appendChild(el("div", facts.join(" · "), "alaqat-facts"));
      if ((e.events || []).length > 1) {
        target.appendChild(el("div", "صفقات منفصلة / deal events:", "alaqat-events-title"));
        var list = el("ol", null, "alaqat-events");
        e.events.forEach(function (event) { list.appendChild(el("li", eventLine(event))); });
        target.appendChild(list);
      }
      (e.evidence || []).slice(0, limit).forEach(function (ev) { target.appendChild(evidenceBox(ev)); });
    }

    function showEdge(id) {
      var e = edges.get(id);
      if (!e) return;
      openPanel();
      panel.appendChild(el("h2", relationHeading(e)));
      var parties = el("p", null, "alaqat-parties");
      [e.from, e.to].forEach(function (nid, i) {
        var link = el("button", nodes.get(nid).label, "alaqat-party");
        link.addEventListener("click", function () { focus(nid); });
        if (i) parties.appendChild(el("span", " — "));
        parties.appendChild(link);
      });
      panel.appendChild(parties);
      panel.appendChild(el("div", e.relation_ar + " · " + e.relation + " · المقالات: " + e.articles +
        (e.confidence != null ? " · الثقة: " + Number(e.confidence).toFixed(2) : ""), "alaqat-type"));
      relationBody(e, panel, Infinity);
      network.selectEdges([id]);
      setFocus(null);
      revealPanel();
    }

    function showNode(id) {
      var n = nodes.get(id);
      if (!n) return;
      openPanel();
      panel.appendChild(el("h2", n.label));
      panel.appendChild(el("div", n.etype, "alaqat-type"));
      var aliases = (n.aliases || []).filter(function (a) { return a !== n.label; });
      if (aliases.length) panel.appendChild(el("p", "أسماء أخرى: " + aliases.join("، ")));
      var list = el("ul");
      edges.get({ filter: function (e) { return e.from === id || e.to === id; } }).forEach(function (e) {
        var item = el("li");
        var heading = el("button", relationHeading(e), "alaqat-relation");
        heading.addEventListener("click", function () { showEdge(e.id); });
        item.appendChild(heading);
        relationBody(e, item, 5);
        list.appendChild(item);
      });
      panel.appendChild(list);
      revealPanel();
    }

    function focus(id) {
      state.pinned = id;
      applyFilters();
      network.selectNodes([id]);
      network.focus(id, { scale: 1.1, animation: false });
      showNode(id);
      setFocus(id);
    }

    // --- focus mode: everything outside the entity's neighbourhood fades
    function paint() {
      var around = null;
      if (state.focus !== null) {
        around = {};
        around[state.focus] = true;
        network.getConnectedNodes(state.focus).forEach(function (n) { around[n] = true; });
      }
      nodes.update(nodes.get().map(function (n) {
        var faded = around && !around[n.id];
        var color = faded ? FADED : (communityBox.checked ? n.ccolor : n.tcolor);
        return { id: n.id, color: color, font: { size: n.font.size, color: faded ? FADED : "#222" }, faded: !!faded };
      }));
      edges.update(edges.get().map(function (e) {
        var faded = around && e.from !== state.focus && e.to !== state.focus;
        return { id: e.id, color: { color: faded ? FADED : EDGE_COLOR }, font: { color: faded ? FADED : "#444" }, faded: !!faded };
      }));
    }

    function setFocus(id) {
      state.focus = id;
      paint();
    }

    network.on("click", function (params) {
      if (params.nodes.length) {
        state.pinned = params.nodes[0];
        showNode(params.nodes[0]);
        setFocus(params.nodes[0]);
      } else if (params.edges.length) {
        showEdge(params.edges[0]);
      } else {
        closePanel();
      }
    });

    // --- filters: type, relation, years; minor nodes (places, miscellany, isolated) only on request
    function yearOk(e) {
      if (!since || !until) return true;
      var low = Number(since.value), high = Number(until.value);
      if (low <= Number(since.min) && high >= Number(until.max)) return true;
      return (e.years || []).some(function (y) { return y >= low && y <= high; });
    }

    function applyFilters() {
      var types = {}, relations = {}, showMinor = minorBox.checked, linked = {};
      document.querySelectorAll("input[data-type]").forEach(function (box) { types[box.dataset.type] = box.checked; });
      document.querySelectorAll("input[data-relation]").forEach(function (box) { relations[box.dataset.relation] = box.checked; });
      var typeOk = function (id) { return types[nodes.get(id).etype] !== false; };
      var edgeUpdates = edges.get().map(function (e) {
        var hidden = relations[e.relation] === false || !typeOk(e.from) || !typeOk(e.to) || !yearOk(e);
        if (!hidden) { linked[e.from] = true; linked[e.to] = true; }
        return { id: e.id, hidden: hidden };
      });
      var nodeUpdates = nodes.get().map(function (n) {
        var hidden = !typeOk(n.id) || (!showMinor && !linked[n.id]);
        return { id: n.id, hidden: hidden && n.id !== state.pinned };
      });
      nodes.update(nodeUpdates);
      edges.update(edgeUpdates.map(function (u) {
        var e = edges.get(u.id);
        return { id: u.id, hidden: u.hidden || nodes.get(e.from).hidden || nodes.get(e.to).hidden };
      }));
    }

    // Minor nodes were left out of the layout: the first time they are shown, each joins a neighbour it has, and
    // nodes with none line up in rows below the graph.
    function placeMinorNodes() {
      var laid = network.getPositions(nodes.getIds({ filter: function (n) { return !n.minor; } }));
      var ids = Object.keys(laid), left = Infinity, right = -Infinity, bottom = -Infinity, parked = 0;
      ids.forEach(function (id) {
        left = Math.min(left, laid[id].x); right = Math.max(right, laid[id].x); bottom = Math.max(bottom, laid[id].y);
      });
      if (!ids.length) { left = 0; right = 1200; bottom = 0; }
      var perRow = Math.max(1, Math.floor((right - left) / 90) + 1);
      nodes.get({ filter: function (n) { return n.minor; } }).forEach(function (n, i) {
        var anchors = network.getConnectedNodes(n.id).filter(function (id) { return laid[id]; });
        if (anchors.length) {
          var p = laid[anchors[0]], angle = i * 2.39996, r = 45 + 10 * (i % 4);
          network.moveNode(n.id, p.x + r * Math.cos(angle), p.y + r * Math.sin(angle));
        } else {
          network.moveNode(n.id, left + 90 * (parked % perRow), bottom + 150 + 70 * Math.floor(parked / perRow));
          parked += 1;
        }
      });
      state.placed = true;
    }

    minorBox.addEventListener("change", function () {
      document.querySelectorAll("input[data-type='LOC'], input[data-type='MISC']").forEach(function (box) {
        box.checked = minorBox.checked;
      });
      if (minorBox.checked && !state.placed) placeMinorNodes();
      applyFilters();
      network.fit();
    });
    communityBox.addEventListener("change", paint);
    document.querySelectorAll("input[data-type], input[data-relation]").forEach(function (box) {
      box.addEventListener("change", applyFilters);
    });
    [since, until].forEach(function (box) { if (box) box.addEventListener("input", applyFilters); });
    applyFilters();
    paint();

    function markReady() {
      var overlay = document.getElementById("loadingBar");
      if (overlay) overlay.style.display = "none";
      window.alaqatReady = true;
    }
    if (window.alaqatStable) markReady(); else window.addEventListener("alaqat-stable", markReady, { once: true });

    window.alaqat = { focus: focus, showNode: showNode, showEdge: showEdge, setFocus: setFocus, fold: fold,
                      matches: matches, applyFilters: applyFilters, state: state };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
