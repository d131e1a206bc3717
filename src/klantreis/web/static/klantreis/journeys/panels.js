/* The map editor's details panels: a touchpoint's every field, the improvements, the evidence and
   the employee mirror. Every control saves one field as a `set` operation through the editor's own
   queue (editor.js), with the value it started from as the base: a field someone else changed
   meanwhile is a conflict the user resolves, and what they typed is never thrown away (it stays in
   the control, survives the panel being redrawn, and is kept as a draft until it is saved). */
(function () {
  "use strict";

  var K = window.KlantreisEditor;
  var aside = document.getElementById("jm-details");
  var dataNode = document.getElementById("jm-panel-data");
  if (!K || !aside || !dataNode) return;
  var P = JSON.parse(dataNode.textContent);
  var M = P.messages;
  var msg = K.msg;
  var body = document.getElementById("jm-details-body");
  var INVALID = { invalid: true };
  var TEXTS = { text: 1, textarea: 1, date: 1 };
  var DRAFTS = "klantreis-panel-drafts:" + K.cfg.storage_key;
  var state = { url: "", opener: "", ticket: null, pending: {}, timer: null };

  /* ---- addresses: a panel is named like the page's #anchor, e.g. "touchpoint=<id>" or "evidence" ---- */
  var LISTS = { improvements: "improvement", improvement: "improvement", evidence: "evidence", mirror: "mirror" };
  function urlOf(anchor) {
    var parts = anchor.split("=");
    if (parts[0] === "touchpoint" && parts[1]) return P.urls.touchpoint.replace(P.mark, parts[1]);
    var list = LISTS[parts[0]];
    return list ? P.urls[list] + (parts[1] ? "?item=" + encodeURIComponent(parts[1]) : "") : "";
  }

  /* ---- controls: an element with data-t (item), data-f (field), data-k (kind) and data-v (base) ---- */
  function controls() { return Array.prototype.slice.call(body.querySelectorAll(".pf-c")); }
  function controlOf(el) { var c = el.closest(".pf-c"); return c && body.contains(c) ? c : null; }
  function keyOf(c) { return c.dataset.t + "|" + c.dataset.f; }
  function controlByKey(key) { return controls().filter(function (c) { return keyOf(c) === key; })[0] || null; }
  function baseOf(c) { return JSON.parse(c.dataset.v); }
  function noteOf(c) { return c.querySelector(".pf-note") || c.parentElement.querySelector(".pf-note"); }
  function frameOf(c) { return c.classList.contains("pf") ? c : c.closest(".pf"); }

  function parseNumber(text, whole) {
    var t = text.replace(/\s/g, "");
    if (!t) return null;
    var ok = whole ? /^\d+$/.test(t) : /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t);
    return ok ? Number(t.replace(",", ".")) : INVALID;
  }

  /* The value a control holds, in the stored form (INVALID for text that is not a number). */
  function read(c) {
    var kind = c.dataset.k;
    if (kind === "checks") return readChecks(c);
    if (kind === "emotions") return readEmotions(c);
    if (kind === "rows") return readRows(c);
    var text = c.value;
    if (kind === "lines") return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    if (kind === "number" || kind === "int") return parseNumber(text, kind === "int");
    if (kind === "date") return text || null;
    if (kind === "select") {
      if (text === "" && c.dataset.null) return null;
      return c.dataset.num ? Number(text) : text;
    }
    return text;
  }
  /* Ticked ids, in the stored order first (so an unchanged list reads as unchanged). */
  function readChecks(c) {
    var boxes = Array.prototype.slice.call(c.querySelectorAll("input[type=checkbox]"));
    var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var known = boxes.map(function (b) { return b.value; });
    var value = (baseOf(c) || []).filter(function (id) { return ticked.indexOf(id) >= 0 || known.indexOf(id) < 0; });
    ticked.forEach(function (id) { if (value.indexOf(id) < 0) value.push(id); });
    return value;
  }
  function emotionSelect(c, emotion) { return c.querySelector('select[data-e="' + CSS.escape(emotion) + '"]'); }
  function readEmotions(c) {
    var value = [];
    var seen = {};
    (baseOf(c) || []).forEach(function (record) {
      var select = emotionSelect(c, record.emotion);
      seen[record.emotion] = true;
      if (!select) value.push(record);  // a custom emotion: kept as it is
      else if (select.value) value.push({ emotion: record.emotion, label: "", intensity: Number(select.value) });
    });
    c.querySelectorAll("select[data-e]").forEach(function (select) {
      if (select.value && !seen[select.dataset.e]) value.push({ emotion: select.dataset.e, label: "", intensity: Number(select.value) });
    });
    return value;
  }
  function rowRecords(c) {
    return Array.prototype.slice.call(c.querySelectorAll(".pr-list > .pr")).map(function (row) {
      var record = {};
      row.querySelectorAll("[data-s]").forEach(function (el) { record[el.dataset.s] = el.tagName === "SPAN" ? el.dataset.val : el.value; });
      return record;
    });
  }
  function readRows(c) {
    var required = c.dataset.required;
    return rowRecords(c).filter(function (r) { return !required || String(r[required] || "").trim(); });
  }

  /* What the user has in the control, exactly (empty rows included), to put back after a redraw. */
  function rawOf(c) {
    var kind = c.dataset.k;
    if (kind === "checks") return readChecks(c);
    if (kind === "emotions") {
      var found = {};
      c.querySelectorAll("select[data-e]").forEach(function (s) { found[s.dataset.e] = s.value; });
      return found;
    }
    if (kind === "rows") return rowRecords(c);
    return c.value;
  }
  function writeRaw(c, raw) {
    var kind = c.dataset.k;
    if (kind === "checks") {
      c.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = raw.indexOf(b.value) >= 0; });
    } else if (kind === "emotions") {
      c.querySelectorAll("select[data-e]").forEach(function (s) { s.value = raw[s.dataset.e] || ""; });
    } else if (kind === "rows") {
      writeRows(c, raw);
    } else {
      c.value = raw;
    }
  }
  function writeRows(c, records) {
    var list = c.querySelector(".pr-list");
    var template = c.querySelector("template.pr-template");
    var rows = list.querySelectorAll(":scope > .pr");
    if (rows.length !== records.length && template) {
      list.replaceChildren();
      records.forEach(function () { list.appendChild(template.content.firstElementChild.cloneNode(true)); });
      rows = list.querySelectorAll(":scope > .pr");
    }
    records.forEach(function (record, i) {
      if (!rows[i]) return;
      rows[i].querySelectorAll("[data-s]").forEach(function (el) {
        if (el.tagName !== "SPAN" && record[el.dataset.s] != null) el.value = record[el.dataset.s];
      });
    });
  }
  /* A stored value as the control's raw content. */
  function rawFromValue(c, value) {
    var kind = c.dataset.k;
    if (kind === "checks" || kind === "rows") return value || [];
    if (kind === "emotions") {
      var found = {};
      (value || []).forEach(function (r) { found[r.emotion] = String(r.intensity); });
      return found;
    }
    if (kind === "lines") return (value || []).join("\n");
    return value == null ? "" : String(value);
  }

  /* Values compared as JSON with sorted keys; for text, a missing value equals an empty text. */
  function canon(value) {
    if (Array.isArray(value)) return "[" + value.map(canon).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) { return JSON.stringify(k) + ":" + canon(value[k]); }).join(",") + "}";
    }
    return JSON.stringify(value);
  }
  function same(c, a, b) {
    if (TEXTS[c.dataset.k]) { a = a == null ? "" : a; b = b == null ? "" : b; }
    if (c.dataset.k === "lines") { a = a || []; b = b || []; }
    return canon(a) === canon(b);
  }
  function dirty(c) { var value = read(c); return value === INVALID || !same(c, value, baseOf(c)); }

  /* A value as the user reads it, for conflict messages. */
  function shown(c, value) {
    if (value == null) return "";
    var kind = c.dataset.k;
    if (kind === "select") {
      var option = Array.prototype.slice.call(c.options).filter(function (o) { return o.value === String(value); })[0];
      return option ? option.text : String(value);
    }
    if (kind === "checks") {
      return value.map(function (id) {
        var box = c.querySelector('input[type=checkbox][value="' + CSS.escape(id) + '"]');
        return box ? box.parentElement.textContent.trim() : id;
      }).join(", ");
    }
    if (kind === "emotions") {
      return value.map(function (r) {
        var select = emotionSelect(c, r.emotion);
        return (r.label || (select ? select.parentElement.firstChild.textContent.trim() : r.emotion)) + " " + r.intensity;
      }).join(", ");
    }
    if (kind === "rows") return value.map(function (r) { return r.pattern || r.heuristic || ""; }).join(", ");
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  }

  /* ---- drafts: what was typed and not yet saved, kept across redraws, closing and reloading ---- */
  function drafts() {
    try { return JSON.parse(sessionStorage.getItem(DRAFTS) || "{}"); } catch (e) { return {}; }
  }
  function storeDrafts(all) {
    try { sessionStorage.setItem(DRAFTS, JSON.stringify(all)); } catch (e) { /* storage full or off: the control still holds the text */ }
  }
  function keepDraft(c) {
    var all = drafts();
    all[keyOf(c)] = { raw: rawOf(c), base: c.dataset.v };
    storeDrafts(all);
  }
  function dropDraft(key) {
    var all = drafts();
    if (all[key]) { delete all[key]; storeDrafts(all); }
  }
  function applyDrafts(skip) {
    var all = drafts();
    controls().forEach(function (c) {
      var draft = all[keyOf(c)];
      if (!draft || skip[keyOf(c)]) return;
      var stored = c.dataset.v;
      writeRaw(c, draft.raw);
      c.dataset.v = draft.base;
      if (!dirty(c)) { c.dataset.v = stored; dropDraft(keyOf(c)); return; }
      say(c, M.draft_kept, [K.button(msg.save, function () { save(c); })]);
    });
  }

  /* ---- notes under a control ---- */
  function say(c, text, buttons) {
    var note = noteOf(c);
    if (!note) return;
    note.textContent = text ? text + " " : "";
    (buttons || []).forEach(function (b) { note.appendChild(b); });
    frameOf(c).classList.toggle("has-problem", Boolean(text));
  }
  function clearProblem(c) { delete c.dataset.problem; c.problem = null; say(c, ""); }
  function explain(message) {
    var text = String(message || "");
    if (text.indexOf("bad_regex") >= 0) return M.bad_regex;
    if (text.indexOf("persona_not_on_touchpoint") >= 0) return M.persona_not_on_touchpoint;
    return text;
  }
  function failure(res) {
    if (res.status === 403) return msg.forbidden;
    if (res.status === 404) return M.removed;
    if (res.status === 400) return K.fill(msg.invalid, { detail: explain(res.message) });
    return msg.offline;
  }

  /* A save that failed: say why and what can be done; the user's value stays in the control. */
  function problem(c, res) {
    c.dataset.problem = res.error || "error";
    c.problem = res;
    var mine = shown(c, read(c));
    if (res.error === "conflict") {
      var words = TEXTS[c.dataset.k] || c.dataset.k === "lines" || c.dataset.k === "number" || c.dataset.k === "int" ? msg.conflict : M.conflict_choice;
      var text = K.fill(words, { who: res.by || msg.someone, theirs: shown(c, res.current) || msg.none, mine: mine });
      say(c, text, [
        K.button(msg.take_theirs, function () {
          writeRaw(c, rawFromValue(c, res.current));
          c.dataset.v = JSON.stringify(res.current);
          clearProblem(c);
          dropDraft(keyOf(c));
        }),
        K.button(msg.keep_mine, function () { c.dataset.v = JSON.stringify(res.current); clearProblem(c); save(c); })
      ]);
    } else if (res.status === 0) {
      say(c, msg.offline, [K.button(msg.save, function () { clearProblem(c); save(c); })]);
    } else {
      say(c, failure(res));
      if (res.status === 400) delete c.dataset.problem;  // the user corrects the value and it saves again
    }
  }

  /* ---- saving one field ---- */
  function save(c, retried) {
    var key = keyOf(c);
    var value = read(c);
    if (value === INVALID) { say(c, c.dataset.k === "int" ? M.not_a_whole_number : M.not_a_number); return; }
    var base = baseOf(c);
    if (same(c, value, base)) { if (!c.dataset.problem) say(c, ""); dropDraft(key); return; }
    c.dataset.v = JSON.stringify(value);  // a next edit of this field builds on this one (the queue keeps the order)
    clearProblem(c);
    state.pending[key] = (state.pending[key] || 0) + 1;
    K.send({ op: "set", target: c.dataset.t, field: c.dataset.f, base: base, value: value }).then(function (res) {
      state.pending[key] -= 1;
      if (!state.pending[key]) delete state.pending[key];
      var live = controlByKey(key);
      if (res.ok) {
        if (!live || same(live, read(live), value)) dropDraft(key);
        if (live) flash(live);
        return;
      }
      if (!live) { K.status(failure(res), "error"); return; }
      if (res.error === "conflict" && !retried && same(live, res.current, base)) {
        // Only the form of "empty" differs (another edit created the optional part this field is in,
        // e.g. a result or Fogg scores): not someone else's value, so save again on top of it.
        live.dataset.v = JSON.stringify(res.current);
        save(live, true);
        return;
      }
      live.dataset.v = JSON.stringify(base);
      problem(live, res);
    });
  }
  function flash(c) {
    var frame = frameOf(c);
    frame.classList.add("is-saved");
    setTimeout(function () { frame.classList.remove("is-saved"); }, 1200);
  }
  /* Save whatever was typed and not saved yet (before the panel closes or shows something else). */
  function flush() {
    controls().forEach(function (c) { if (!c.dataset.problem && read(c) !== INVALID && dirty(c)) save(c); });
  }

  /* ---- loading and redrawing a panel ---- */
  function capture() {
    var kept = { controls: {}, focus: null, scroll: aside.scrollTop, filters: [] };
    // A picker's filter is no saved field, but a redraw (someone's edit) must not clear what was typed in it.
    body.querySelectorAll(".pk-filter").forEach(function (input, index) {
      var focused = input === document.activeElement;
      if (input.value || focused) kept.filters.push({ index: index, value: input.value, focused: focused });
    });
    controls().forEach(function (c) {
      var key = keyOf(c);
      if (dirty(c) || state.pending[key] || c.dataset.problem) {
        kept.controls[key] = { raw: rawOf(c), base: c.dataset.v, problem: c.problem };
      }
    });
    var active = document.activeElement;
    var control = active && body.contains(active) ? controlOf(active) : null;
    if (control) {
      var leaves = Array.prototype.slice.call(control.querySelectorAll("input, select, textarea"));
      kept.focus = { key: keyOf(control), leaf: leaves.indexOf(active), start: active.selectionStart, end: active.selectionEnd };
    }
    return kept;
  }
  function putBack(kept) {
    Object.keys(kept.controls).forEach(function (key) {
      var c = controlByKey(key);
      if (!c) return;
      var saved = kept.controls[key];
      writeRaw(c, saved.raw);
      c.dataset.v = saved.base;
      if (saved.problem) problem(c, saved.problem);
    });
    var filters = body.querySelectorAll(".pk-filter");
    (kept.filters || []).forEach(function (saved) {
      var input = filters[saved.index];
      if (!input) return;
      input.value = saved.value;
      filterPicker(input);
      if (saved.focused) input.focus();
    });
    aside.scrollTop = kept.scroll;
    if (kept.focus) {
      var c = controlByKey(kept.focus.key);
      if (!c) return;
      var leaf = kept.focus.leaf >= 0 ? c.querySelectorAll("input, select, textarea")[kept.focus.leaf] : c;
      leaf = leaf || c;
      leaf.focus();
      if (leaf.setSelectionRange && kept.focus.start != null) {
        try { leaf.setSelectionRange(kept.focus.start, kept.focus.end); } catch (e) { /* not a text field */ }
      }
    }
  }
  function focusField(target, field, select) {
    var c = controlByKey(target + "|" + field);
    if (!c) return;
    c.scrollIntoView({ block: "nearest" });
    c.focus();
    if (select && c.select) c.select();
  }

  function swap(html, how, samePanel) {
    var kept = samePanel ? capture() : { controls: {}, focus: null, scroll: 0 };
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var panel = holder.querySelector(".pnl");
    if (!panel) return;
    body.replaceChildren(panel);
    history.replaceState(null, "", "#" + panel.dataset.anchor);
    putBack(kept);
    applyDrafts(kept.controls);
    if (how.focus) focusField(how.focus.target, how.focus.field, true);
    else if (how.title) { var title = document.getElementById("jm-details-title"); if (title) title.focus(); }
  }

  function load(url, how) {
    how = how || {};
    var samePanel = url === state.url && Boolean(body.querySelector(".pnl"));
    if (!samePanel) flush();
    state.url = url;
    var ticket = state.ticket = {};
    var comments = document.getElementById("jm-panel");
    if (comments) comments.hidden = true;  // one side panel at a time
    aside.hidden = false;
    aside.setAttribute("aria-busy", "true");
    if (!samePanel) { body.textContent = M.loading; }
    return fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (response) {
        if (!response.ok) throw response;
        return response.text();
      })
      .then(function (html) { if (ticket === state.ticket) swap(html, how, samePanel); })
      .catch(function (error) {
        if (ticket !== state.ticket) return;
        if (samePanel) { K.status(error && error.status === 404 ? M.removed : M.load_failed, "error"); return; }
        body.textContent = error && error.status === 404 ? M.removed : M.load_failed;
        var close = K.button(msg.close, hide);
        body.appendChild(document.createTextNode(" "));
        body.appendChild(close);
        close.focus();
      })
      .then(function () { if (ticket === state.ticket) aside.removeAttribute("aria-busy"); });
  }
  function reload(how) { return state.url ? load(state.url, how) : null; }

  function open(anchor, opener) {
    var url = urlOf(anchor);
    if (!url) return;
    state.opener = opener ? opener.dataset.panel : "";
    load(url, { title: true });
  }
  function hide() {
    flush();
    state.ticket = null;
    state.url = "";
    aside.hidden = true;
    body.replaceChildren();
    history.replaceState(null, "", location.pathname + location.search);
    var opener = state.opener && document.querySelector('[data-panel="' + CSS.escape(state.opener) + '"]');
    if (opener) opener.focus();
  }

  /* ---- actions of buttons and forms in a panel ---- */
  function add(button) {
    var item = {};
    item[button.dataset.field] = button.dataset.name;
    if (button.dataset.extra) Object.assign(item, JSON.parse(button.dataset.extra));
    button.disabled = true;
    K.send({ op: "add", kind: button.dataset.kind, parent: button.dataset.parent, item: item }).then(function (res) {
      button.disabled = false;
      if (!res.ok) { K.status(failure(res), "error"); return; }
      var how = { focus: { target: res.id, field: button.dataset.field } };
      if (button.dataset.open) load(urlOf(button.dataset.open + "=" + res.id), how);
      else reload(how);
    });
  }
  function remove(button) {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    K.send({ op: "remove", target: button.dataset.target }).then(function (res) {
      if (!res.ok) { K.status(failure(res), "error"); return; }
      if (button.dataset.then) load(button.dataset.then, { title: true });
      else reload({});
    });
  }
  function addRow(button) {
    var c = controlOf(button);
    var template = c.querySelector("template.pr-template");
    var row = template.content.firstElementChild.cloneNode(true);
    c.querySelector(".pr-list").appendChild(row);
    var first = row.querySelector("input[type=text], select");
    if (first) first.focus();
  }
  function removeRow(button) {
    var c = controlOf(button);
    var row = button.closest(".pr");
    var next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    save(c);
    (next ? next.querySelector("input[type=text], select") : c.querySelector("[data-pact=row-add]") || c).focus();
  }
  function addMirror(form) {
    var group = form.querySelector('[data-new="employee_group"]');
    var touchpoint = form.querySelector('[data-new="touchpoint"]');
    var note = form.querySelector(".pf-note");
    if (!group.value.trim()) { note.textContent = M.group_needed; group.focus(); return; }
    var item = { employee_group: group.value.trim(), touchpoint: touchpoint.value };
    K.send({ op: "add", kind: "mirror", parent: form.dataset.parent, item: item }).then(function (res) {
      if (!res.ok) { note.textContent = failure(res); return; }
      load(urlOf("mirror=" + res.id), { focus: { target: res.id, field: "estimated_rating" } });
    });
  }
  function filterPicker(input) {
    var words = input.value.trim().toLowerCase();
    var box = input.closest(".pf-checks");
    box.querySelectorAll(".pk-opt").forEach(function (option) {
      option.hidden = Boolean(words) && option.textContent.toLowerCase().indexOf(words) < 0;
    });
    box.querySelectorAll(".pk-group").forEach(function (group) { group.hidden = !group.querySelector(".pk-opt:not([hidden])"); });
  }

  var ACTIONS = {
    close: hide,
    open: function (link) { load(link.getAttribute("href"), { title: true }); },
    add: add,
    remove: remove,
    "row-add": addRow,
    "row-remove": removeRow
  };

  /* ---- events ---- */
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-panel]");
    if (opener && opener.closest("#editor")) { event.preventDefault(); open(opener.dataset.panel, opener); return; }
    var action = event.target.closest("[data-pact]");
    if (action && body.contains(action) && ACTIONS[action.dataset.pact]) { event.preventDefault(); ACTIONS[action.dataset.pact](action); return; }
    if (event.target.closest("[data-comments]") && !aside.hidden) hide();  // the comments panel takes its place
  });
  body.addEventListener("input", function (event) {
    if (event.target.classList.contains("pk-filter")) { filterPicker(event.target); return; }
    var c = controlOf(event.target);
    if (!c) return;
    if (c.dataset.problem !== "conflict") say(c, "");
    keepDraft(c);
  });
  body.addEventListener("change", function (event) {
    if (event.target.classList.contains("pk-filter")) return;
    var c = controlOf(event.target);
    if (c && !c.dataset.problem) save(c);
  });
  body.addEventListener("keydown", function (event) {
    var el = event.target;
    if (event.key === "Enter" && el.tagName === "INPUT" && el.type === "text" && !el.closest("form")) {
      var c = controlOf(el);
      if (c) { event.preventDefault(); if (!c.dataset.problem) save(c); }
    }
  });
  body.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-pact-form]");
    if (!form) return;
    event.preventDefault();
    if (form.dataset.pactForm === "add-mirror") addMirror(form);
  });
  aside.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (event.target.classList.contains("pk-filter") && event.target.value) return;  // Escape clears the filter first
    event.preventDefault();
    hide();
  });

  /* Others' changes (and one's own) redraw the open panel, keeping what is being typed. */
  document.addEventListener("jm:updated", function () {
    if (aside.hidden || !state.url) return;
    clearTimeout(state.timer);
    // After the event the editor records the new revision; compare once it has.
    state.timer = setTimeout(function () {
      var panel = body.querySelector(".pnl");
      if (!aside.hidden && panel && panel.dataset.rev !== String(K.state.rev)) reload({});
    }, 150);
  });

  /* A panel named in the address (a link someone shared, or this page before a reload) opens at once. */
  var anchor = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (anchor && urlOf(anchor)) load(urlOf(anchor), { title: true });
})();
