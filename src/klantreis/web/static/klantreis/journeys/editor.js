/* The journey map editor, core: edit fields in place, save them as operations, handle conflicts,
   and poll for other people's changes without disturbing what the user is typing. */
(function () {
  "use strict";

  var dataNode = document.getElementById("jm-data");
  if (!dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var cfg = data.config;
  var msg = data.messages;
  var vocab = data.vocab;
  var state = { rev: cfg.revision, queue: Promise.resolve(), open: null };
  var DRAFTS = "klantreis-drafts:" + cfg.storage_key;

  function csrf() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key] == null ? "" : String(values[key]); });
  }
  function status(text, kind) {
    var node = document.getElementById("jm-status");
    if (!node) return;
    node.textContent = text || "";
    node.className = "tb-status" + (kind ? " is-" + kind : "");
  }
  /* What an element edits: its own data-t, or the nearest holder's; inside an experience block
     (data-p, one per persona in a column) the target is "<touchpoint>/<persona>". */
  function targetOf(el) {
    if (el.dataset.t) return el.dataset.t;
    var holder = el.closest("[data-p], [data-t]");
    if (!holder) return "";
    if (holder.dataset.t) return holder.dataset.t;
    var column = holder.closest("[data-t]");
    return column ? column.dataset.t + "/" + holder.dataset.p : "";
  }
  function baseOf(el) {
    if (el.dataset.v !== undefined) return JSON.parse(el.dataset.v);
    return el.classList.contains("is-empty") ? "" : el.textContent;
  }
  function query() {
    return "?rev=" + state.rev + (cfg.persona ? "&persona=" + encodeURIComponent(cfg.persona) : "");
  }

  /* ---- talking to the server: one operation at a time, in order ---- */
  function send(op) {
    var run = function () {
      status(msg.saving);
      return fetch(cfg.ops + query(), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify(op)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          body.status = response.status;
          if (response.ok) {
            applyResult(body);
            status(msg.saved, "ok");
          } else {
            status("");
          }
          return body;
        });
      }, function () {
        status(msg.offline, "error");
        return { status: 0, ok: false, error: "offline" };
      });
    };
    state.queue = state.queue.then(run, run);
    return state.queue;
  }

  function applyResult(body) {
    if (body.parts) applyParts(body.parts);
    if (body.revision) state.rev = body.revision;
    if (body.version) {
      var version = document.getElementById("jm-version");
      if (version) version.textContent = body.version;
    }
    if (body.comments) updateBadges(body.comments);
  }

  /* Replace changed parts; an editor open inside one is re-opened with the user's text and base. */
  function applyParts(parts) {
    var open = state.open;
    var snap = open ? snapshot(open) : null;
    Object.keys(parts).forEach(function (id) {
      var node = document.getElementById(id);
      if (!node) return;
      var holder = document.createElement("div");
      holder.innerHTML = parts[id];
      var fresh = holder.firstElementChild;
      if (fresh) node.replaceWith(fresh);
    });
    if (open && !document.contains(open.box)) {
      state.open = null;
      // An editor waiting for its own save is settled by that save's answer, not re-opened here.
      if (!open.busy) restore(snap);
    }
    document.dispatchEvent(new CustomEvent("jm:updated"));
  }

  function updateBadges(counts) {
    document.querySelectorAll("[data-comments]").forEach(function (button) {
      var n = counts[button.dataset.comments] || 0;
      var badge = button.querySelector(".badge");
      button.classList.toggle("has-comments", n > 0);
      if (n && !badge) { badge = document.createElement("span"); badge.className = "badge"; button.appendChild(badge); }
      if (badge) { if (n) badge.textContent = n; else badge.remove(); }
    });
  }

  /* ---- drafts: unsaved text survives re-rendering and even a page reload ---- */
  function drafts() {
    try { return JSON.parse(sessionStorage.getItem(DRAFTS) || "{}"); } catch (e) { return {}; }
  }
  function keepDraft(ed) {
    var all = drafts();
    all[ed.target + "|" + ed.field] = { value: ed.input.value, base: ed.base };
    try { sessionStorage.setItem(DRAFTS, JSON.stringify(all)); } catch (e) { /* storage full: keep going */ }
  }
  function dropDraft(ed) {
    var all = drafts();
    delete all[ed.target + "|" + ed.field];
    try { sessionStorage.setItem(DRAFTS, JSON.stringify(all)); } catch (e) { /* ignore */ }
  }

  /* ---- values: from the input's text to the stored form and back ---- */
  var QUOTE_SPLIT = / — | -- /;
  function toText(kind, value) {
    if (value == null) return "";
    if (kind === "lines") return value.join("\n");
    if (kind === "quotes") return value.map(function (q) { return q.text + (q.source ? " — " + q.source : ""); }).join("\n");
    return String(value);
  }
  function fromText(kind, text, base) {
    if (kind === "lines") return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    if (kind === "quotes") {
      return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean).map(function (line) {
        var parts = line.split(QUOTE_SPLIT);
        return { text: parts[0].replace(/^[“"]|[”"]$/g, "").trim(), source: (parts[1] || "").trim() };
      });
    }
    if (kind === "number") {
      var n = text.trim() === "" ? null : Number(text.replace(",", "."));
      return n === null || isNaN(n) ? null : n;
    }
    if (kind === "select") {
      if (text === "" && base === null) return null;
      return typeof base === "number" ? Number(text) : text;
    }
    return text;
  }

  /* ---- the in-place editor ---- */
  function openEditor(el, draft) {
    if (state.open) {
      if (state.open.el === el) return;
      finish(state.open, false);
    }
    var kind = el.dataset.k || "text";
    var ed = { el: el, kind: kind, field: el.dataset.f, target: targetOf(el), base: draft ? draft.base : baseOf(el) };
    var box = document.createElement("span");
    box.className = "ed-box";
    var input;
    if (kind === "select") {
      input = document.createElement("select");
      var choices = vocab[el.dataset.o] || [];
      if (ed.base === null) input.appendChild(new Option("—", ""));
      choices.forEach(function (pair) { input.appendChild(new Option(pair[1], pair[0])); });
      input.value = ed.base == null ? "" : String(ed.base);
    } else if (kind === "emotions") {
      return window.KlantreisEditor.openEmotions(el, ed);
    } else if (kind === "text" || kind === "number") {
      input = document.createElement("input");
      input.type = "text";
      if (kind === "number") input.inputMode = "decimal";
    } else {
      input = document.createElement("textarea");
      input.rows = Math.min(8, Math.max(2, toText(kind, ed.base).split("\n").length + 1));
    }
    if (kind !== "select") input.value = draft ? draft.value : toText(kind, ed.base);
    input.className = "ed-input";
    input.setAttribute("aria-label", el.getAttribute("title") || "");
    var note = document.createElement("span");
    note.className = "ed-note";
    note.setAttribute("role", "alert");
    box.appendChild(input);
    box.appendChild(note);
    ed.box = box; ed.input = input; ed.note = note;
    el.hidden = true;
    el.after(box);
    state.open = ed;
    wire(ed);
    input.focus();
    if (input.setSelectionRange && kind !== "select") input.setSelectionRange(input.value.length, input.value.length);
    return ed;
  }

  function wire(ed) {
    var input = ed.input;
    input.addEventListener("input", function () { ed.idle = false; ed.problem = null; keepDraft(ed); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); finish(ed, true); ed.el.focus(); }
      var submit = event.key === "Enter" && (ed.input.tagName !== "TEXTAREA" || event.ctrlKey || event.metaKey);
      if (submit) { event.preventDefault(); save(ed, ed.base, true); }
    });
    if (ed.kind === "select") input.addEventListener("change", function () { save(ed, ed.base, true); });
    input.addEventListener("blur", function () {
      // Leave time for a click on the conflict buttons before saving on blur.
      setTimeout(function () {
        var away = !ed.box.contains(document.activeElement);
        if (state.open === ed && away && !ed.busy && !ed.problem && !ed.idle) save(ed, ed.base, false);
      }, 120);
    });
  }

  function finish(ed, discard) {
    if (discard) dropDraft(ed);
    ed.box.remove();
    ed.el.hidden = false;
    if (state.open === ed) state.open = null;
  }

  function save(ed, base, refocus) {
    var value = fromText(ed.kind, ed.input.value, ed.base);
    if (JSON.stringify(value) === JSON.stringify(base) && base === ed.base) {
      finish(ed, true);
      if (refocus) ed.el.focus();
      return;
    }
    ed.busy = true;
    ed.problem = null;
    ed.note.textContent = "";
    var sent = ed.input.value;
    send({ op: "set", target: ed.target, field: ed.field, base: base, value: value }).then(function (body) {
      ed.busy = false;
      if (body.ok && ed.input.value !== sent && (state.open === ed || state.open === null)) {
        // The user typed on while this was saved: keep the newer text open, on top of the saved value.
        keepTyping(ed, value);
        return;
      }
      if (body.ok) {
        dropDraft(ed);
        if (state.open === ed) finish(ed, true);
        var fresh = find(ed.target, ed.field);
        if (refocus && fresh) fresh.focus();
        return;
      }
      if (!document.contains(ed.box)) {
        // Others' changes redrew the field while this save was under way: re-open it with the text.
        var again = find(ed.target, ed.field);
        if (!again) { status(fill(msg.missing, { mine: ed.input.value }), "error"); return; }
        if (state.open) finish(state.open, false);
        var reopened = openEditor(again, { value: ed.input.value, base: ed.base });
        if (reopened) problem(reopened, body, value);
        return;
      }
      problem(ed, body, value);
    });
  }

  /* Re-open (or keep open) the field with the text typed during a save; `saved` is its new base. */
  function keepTyping(ed, saved) {
    var newer = ed.input.value;
    if (document.contains(ed.box)) { ed.base = saved; return; }
    var again = find(ed.target, ed.field);
    finish(ed, false);
    if (again) {
      var reopened = openEditor(again, { value: newer, base: saved });
      if (reopened) reopened.input.focus();
    } else {
      status(fill(msg.missing, { mine: newer }), "error");
    }
  }

  /* A failed save keeps the text in the input and says what happened and what can be done. */
  function problem(ed, body, mine) {
    ed.problem = body.error || "error";
    ed.lastProblem = body;
    ed.note.textContent = "";
    var mineText = ed.input.value;
    if (body.error === "conflict") {
      var text = fill(msg.conflict, { who: body.by || msg.someone, theirs: toText(ed.kind, body.current) || msg.none, mine: mineText });
      ed.note.appendChild(document.createTextNode(text + " "));
      ed.note.appendChild(button(msg.take_theirs, function () { finish(ed, true); poll(true); }));
      ed.note.appendChild(button(msg.keep_mine, function () { ed.base = body.current; save(ed, body.current, true); }));
    } else if (body.status === 404) {
      ed.note.appendChild(document.createTextNode(fill(msg.missing, { mine: mineText }) + " "));
      ed.note.appendChild(button(msg.close, function () { finish(ed, true); }));
    } else if (body.status === 403) {
      ed.note.textContent = msg.forbidden;
    } else if (body.status === 400) {
      ed.note.textContent = fill(msg.invalid, { detail: body.message || "" });
      ed.problem = null;  // the user fixes the text and tries again
    } else {
      ed.note.appendChild(document.createTextNode(msg.offline + " "));
      ed.note.appendChild(button(msg.save, function () { save(ed, ed.base, true); }));
    }
    ed.box.classList.add("has-problem");
    if (document.activeElement === document.body) ed.input.focus();
    return mine;
  }

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "small";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  /* The in-place field `field` of `target` on the map, if shown. */
  function find(target, field) {
    var parts = target.split("/");
    var holders = parts.length === 2
      ? document.querySelectorAll('[data-t="' + CSS.escape(parts[0]) + '"] [data-p="' + CSS.escape(parts[1]) + '"]')
      : document.querySelectorAll('[data-t="' + CSS.escape(target) + '"]');
    for (var i = 0; i < holders.length; i++) {
      var own = holders[i].querySelectorAll('.ed[data-f="' + CSS.escape(field) + '"]');
      for (var j = 0; j < own.length; j++) {
        if (targetOf(own[j]) === target) return own[j];
      }
    }
    return null;
  }

  function snapshot(ed) {
    return { target: ed.target, field: ed.field, value: ed.input.value, base: ed.base,
             focused: ed.box.contains(document.activeElement), problem: ed.problem ? ed.lastProblem : null, kind: ed.kind };
  }
  function restore(snap) {
    if (snap.kind === "emotions") return;
    var el = find(snap.target, snap.field);
    if (!el) return;
    var ed = openEditor(el, { value: snap.value, base: snap.base });
    if (!ed) return;
    if (!snap.focused) { ed.idle = true; ed.input.blur(); }
    if (snap.problem) problem(ed, snap.problem);
  }

  /* ---- segmented choices (ratings, Fogg scores): one click saves ---- */
  function findGroup(target, field) {
    var groups = document.querySelectorAll('.segs[data-f="' + CSS.escape(field) + '"]');
    for (var i = 0; i < groups.length; i++) if (targetOf(groups[i]) === target) return groups[i];
    return null;
  }
  function choose(seg) {
    var group = seg.closest(".segs");
    var base = JSON.parse(group.dataset.v);
    var picked = Number(seg.value);
    var value = base === picked ? null : picked;
    var target = targetOf(group);
    var field = group.dataset.f;
    // Shown (and taken as the base of a next click) at once; operations are sent in order.
    group.dataset.v = JSON.stringify(value);
    group.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.value) === value)); });
    send({ op: "set", target: target, field: field, base: base, value: value }).then(function (body) {
      if (!body.ok) {
        var shown = document.contains(group) ? group : findGroup(target, field);
        if (shown) {
          shown.dataset.v = JSON.stringify(base);
          shown.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.value) === base)); });
        }
        var theirs = body.current == null ? msg.none : body.current;
        status(body.error === "conflict" ? fill(msg.conflict_choice, { who: body.by || msg.someone, theirs: theirs }) : (body.message || msg.offline), "error");
        if (body.error === "conflict") poll(true);
      }
    });
  }

  document.addEventListener("click", function (event) {
    var seg = event.target.closest(".segs > button");
    if (seg) { choose(seg); return; }
    var el = event.target.closest(".ed");
    if (el && !el.hidden) openEditor(el);
  });
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (el.classList && el.classList.contains("ed") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openEditor(el);
    }
    var inSegs = el.parentElement && el.parentElement.classList.contains("segs") && el.tagName === "BUTTON";
    if (inSegs && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      var next = event.key === "ArrowRight" ? el.nextElementSibling : el.previousElementSibling;
      if (next) { el.tabIndex = -1; next.tabIndex = 0; next.focus(); event.preventDefault(); }
    }
  });

  /* ---- polling: others' changes arrive every few seconds ---- */
  function poll(now) {
    if (document.hidden && !now) return;
    fetch(cfg.poll + query(), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) return;
        if (body.parts && body.revision !== state.rev) { applyResult(body); status(msg.updated, "info"); }
        else if (body.comments) updateBadges(body.comments);
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }
  setInterval(poll, 4000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) poll(true); });

  /* ---- a large map's stages arrive as they come into view ---- */
  var watcher = null;
  function loadStage(holder) {
    if (holder.dataset.loading) return;
    holder.dataset.loading = "1";
    var id = holder.dataset.lazy;
    var address = cfg.stage.replace(cfg.stage_mark, id) + (cfg.persona ? "?persona=" + encodeURIComponent(cfg.persona) : "");
    fetch(address, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { delete holder.dataset.loading; return; }
        var parts = {};
        parts["st-" + id] = html;
        applyParts(parts);
      })
      .catch(function () { delete holder.dataset.loading; });
  }
  function watchLazy() {
    var lazy = document.querySelectorAll(".jm-lazy:not([data-loading])");
    if (watcher) watcher.disconnect();
    if (!lazy.length) return;
    if (!("IntersectionObserver" in window)) { lazy.forEach(loadStage); return; }
    watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { watcher.unobserve(entry.target); loadStage(entry.target); }
      });
    }, { root: document.getElementById("jm-scroll"), rootMargin: "0px 1500px" });
    lazy.forEach(function (el) { watcher.observe(el); });
  }
  document.addEventListener("jm:updated", watchLazy);
  watchLazy();

  /* Unsaved text from before a reload comes back in its field. */
  var saved = drafts();
  Object.keys(saved).forEach(function (key) {
    var parts = key.split("|");
    var el = find(parts[0], parts[1]);
    if (el && !state.open) {
      var ed = openEditor(el, saved[key]);
      if (ed) { ed.idle = true; ed.input.blur(); }
    }
  });

  window.KlantreisEditor = {
    cfg: cfg, msg: msg, vocab: vocab, data: data, send: send, status: status, targetOf: targetOf,
    find: find, openEditor: openEditor, finish: finish, problem: problem, fill: fill, poll: poll, state: state,
    keepDraft: keepDraft, dropDraft: dropDraft, button: button
  };
})();
