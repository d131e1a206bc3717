/* The journey map editor, tools: add, move and remove items (buttons, keyboard and drag and drop),
   the emotion, heuristic and persona pickers, lane visibility and the comments panel. */
(function () {
  "use strict";

  var K = window.KlantreisEditor;
  if (!K) return;
  var msg = K.msg;
  var DEFAULT_NAMES = { stage: msg.new_stage, touchpoint: msg.new_touchpoint, pain_point: msg.new_pain_point,
    opportunity: msg.new_opportunity, kpi: msg.new_kpi, improvement: msg.new_improvement };

  function grid() { return document.getElementById("jm-grid"); }
  function docId() { return grid() ? grid().dataset.doc : ""; }
  function stages() { return Array.prototype.slice.call(document.querySelectorAll(".jm-stage")); }
  function columnsOf(stage) { return Array.prototype.slice.call(stage.querySelectorAll(":scope > .jm-tp:not(.jm-empty)")); }
  /* How many touchpoints a stage holds, also while a large map's stage is still loading. */
  function countOf(stage) { return stage.classList.contains("is-lazy") ? Number(stage.dataset.count || 0) : columnsOf(stage).length; }
  function report(body) { if (!body.ok) K.status(body.message || msg.offline, "error"); return body; }

  /* After adding an item, open its name for typing straight away. */
  function editNew(id, field) {
    var el = K.find(id, field);
    if (!el) return;
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    var ed = K.openEditor(el);
    // The default name is selected, so typing replaces it.
    if (ed && ed.input.select) ed.input.select();
  }

  function add(button) {
    var kind = button.dataset.kind;
    var field = button.dataset.field || "name";
    var item = {};
    item[field] = DEFAULT_NAMES[kind] || "…";
    var parent = K.targetOf(button);
    if (kind === "improvement") { item.touchpoints = [parent]; parent = docId(); }
    if (kind === "stage") parent = docId();
    K.send({ op: "add", kind: kind, parent: parent, item: item }).then(function (body) {
      if (report(body).ok && body.id) editNew(body.id, field);
    });
  }

  function remove(button) {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    K.send({ op: "remove", target: K.targetOf(button) }).then(report);
  }

  function moveStage(id, index) {
    return K.send({ op: "move", target: id, parent: docId(), index: index }).then(report);
  }
  function moveTouchpoint(id, stageId, index) {
    return K.send({ op: "move", target: id, parent: stageId, index: index }).then(report);
  }

  /* Keyboard moves: a touchpoint at the edge of its stage moves on into the neighbouring stage. */
  function moveByButton(button) {
    var dir = Number(button.dataset.dir);
    var id = K.targetOf(button);
    var refocus = function () {
      var again = document.querySelector('[data-t="' + CSS.escape(id) + '"] [data-op="' + button.dataset.op + '"][data-dir="' + dir + '"]');
      if (again) again.focus();
    };
    if (button.dataset.op === "move-stage") {
      var all = stages().map(function (s) { return s.dataset.id; });
      var at = all.indexOf(id) + dir;
      if (at >= 0 && at < all.length) moveStage(id, at).then(refocus);
      return;
    }
    var stage = button.closest(".jm-stage");
    var cols = columnsOf(stage).map(function (c) { return c.dataset.t; });
    var index = cols.indexOf(id) + dir;
    if (index >= 0 && index < cols.length) { moveTouchpoint(id, stage.dataset.id, index).then(refocus); return; }
    var list = stages();
    var next = list[list.indexOf(stage) + dir];
    if (!next) return;
    moveTouchpoint(id, next.dataset.id, dir > 0 ? 0 : countOf(next)).then(refocus);
  }

  function toggleMoment(button) {
    var base = JSON.parse(button.dataset.v);
    var value = base ? null : { reason: "" };
    K.send({ op: "set", target: K.targetOf(button), field: "moment_of_truth", base: base, value: value }).then(function (body) {
      if (report(body).ok && value) editNew(K.targetOf(button), "moment_of_truth.reason");
    });
  }

  /* Heuristics are a list on the touchpoint: each change sends the whole list with the old one as base. */
  function heuristics(button) {
    var list = button.closest(".lane-heuristics").querySelector("[data-f=heuristics]");
    return { target: K.targetOf(list), base: JSON.parse(list.dataset.v) };
  }
  function setHeuristics(h, value) {
    K.send({ op: "set", target: h.target, field: "heuristics", base: h.base, value: value }).then(function (body) {
      if (body.error === "conflict") { K.status(msg.updated, "error"); K.poll(true); } else report(body);
    });
  }
  function heuristicRole(button) {
    var h = heuristics(button);
    var value = h.base.map(function (use, i) {
      if (i !== Number(button.dataset.index)) return use;
      return Object.assign({}, use, { role: use.role === "at_play" ? "to_apply" : "at_play" });
    });
    setHeuristics(h, value);
  }
  function heuristicRemove(button) {
    var h = heuristics(button);
    setHeuristics(h, h.base.filter(function (_, i) { return i !== Number(button.dataset.index); }));
  }

  /* A small popover form below a button: select(s) plus Add/Cancel. */
  function popover(anchor, fields, onAdd) {
    closePopover();
    var box = document.createElement("div");
    box.className = "jm-pop";
    box.setAttribute("role", "dialog");
    var inputs = fields.map(function (f) {
      var label = document.createElement("label");
      label.textContent = f.label;
      var input;
      if (f.groups) {
        input = document.createElement("select");
        f.groups.forEach(function (group) {
          var optgroup = document.createElement("optgroup");
          optgroup.label = group[0];
          group[1].forEach(function (pair) { optgroup.appendChild(new Option(pair[1], pair[0])); });
          input.appendChild(optgroup);
        });
      } else if (f.choices) {
        input = document.createElement("select");
        f.choices.forEach(function (pair) { input.appendChild(new Option(pair[1], pair[0])); });
      } else {
        input = document.createElement("input");
        input.type = "text";
      }
      if (f.value != null) input.value = f.value;
      label.appendChild(input);
      box.appendChild(label);
      if (f.describe) {
        // What the chosen entry means, kept up to date as the choice changes.
        var about = document.createElement("p");
        about.className = "jm-pop-about";
        about.setAttribute("aria-live", "polite");
        var show = function () { about.textContent = f.describe(input.value); };
        input.addEventListener("change", show);
        show();
        box.appendChild(about);
      }
      return input;
    });
    var row = document.createElement("div");
    row.className = "jm-pop-buttons";
    var ok = K.button(msg.add, function () { onAdd(inputs.map(function (i) { return i.value; })); closePopover(); });
    ok.classList.add("primary");
    row.appendChild(ok);
    row.appendChild(K.button(msg.cancel, function () { closePopover(); anchor.focus(); }));
    box.appendChild(row);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closePopover(); anchor.focus(); }
      if (event.key === "Enter" && event.target.tagName === "INPUT") { event.preventDefault(); ok.click(); }
    });
    anchor.after(box);
    inputs[0].focus();
    return box;
  }
  function closePopover() { document.querySelectorAll(".jm-pop").forEach(function (p) { p.remove(); }); }

  function heuristicAdd(button) {
    var h = heuristics(button);
    var used = h.base.map(function (use) { return use.heuristic; });
    var groups = K.vocab.heuristic_groups.map(function (group) {
      return [group[0], group[1].filter(function (pair) { return used.indexOf(pair[0]) < 0; })];
    }).filter(function (group) { return group[1].length; });
    popover(button, [
      { label: msg.heuristic, groups: groups, describe: function (id) { return K.vocab.heuristic_info[id] || ""; } },
      { label: msg.role, choices: K.vocab.heuristic_role }
    ], function (values) {
      setHeuristics(h, h.base.concat([{ heuristic: values[0], role: values[1], note: "" }]));
    });
  }

  function personaAdd(button) {
    var gallery = K.data.gallery || [];
    var choices = [["", msg.new_persona]].concat(gallery.map(function (p) { return [p.id, p.name]; }));
    popover(button, [{ label: msg.from_gallery, choices: choices }, { label: msg.persona_name }], function (values) {
      var chosen = gallery.filter(function (p) { return p.id === values[0]; })[0];
      var item = chosen ? chosen.data : { name: values[1].trim() || msg.new_persona };
      K.send({ op: "add", kind: "persona", parent: docId(), item: item }).then(report);
    });
  }

  /* Emotions: an intensity per emotion of the method, plus the team's own (custom) emotions by name. */
  K.openEmotions = function (el, ed) {
    var base = ed.base || [];
    var named = K.vocab.emotion.filter(function (pair) { return pair[0] !== "custom"; });
    var levels = [["", "—"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]];
    var fields = named.map(function (pair) {
      var found = base.filter(function (e) { return e.emotion === pair[0]; })[0];
      return { label: pair[1] + " · " + msg.intensity, choices: levels, value: found ? String(found.intensity) : "" };
    });
    // Every custom emotion as a name and an intensity, and one empty pair to add another; clear a name to drop it.
    var customs = base.filter(function (e) { return e.emotion === "custom"; }).concat([{ label: "", intensity: 3 }]);
    customs.forEach(function (e) {
      fields.push({ label: msg.custom_emotion, value: e.label });
      fields.push({ label: msg.custom_emotion_intensity, choices: levels.slice(1), value: String(e.intensity) });
    });
    popover(el, fields, function (values) {
      var value = [];
      named.forEach(function (pair, i) { if (values[i]) value.push({ emotion: pair[0], label: "", intensity: Number(values[i]) }); });
      customs.forEach(function (e, i) {
        var label = values[named.length + 2 * i].trim();
        if (label) value.push({ emotion: "custom", label: label, intensity: Number(values[named.length + 2 * i + 1]) });
      });
      K.send({ op: "set", target: ed.target, field: "emotions", base: base, value: value }).then(function (body) {
        if (body.error === "conflict") { K.status(K.fill(msg.conflict, { who: body.by || msg.someone, theirs: "", mine: "" }), "error"); K.poll(true); }
        else report(body);
      });
    });
    return null;
  };

  var ACTIONS = {
    "add": add, "remove": remove, "move-tp": moveByButton, "move-stage": moveByButton, "toggle-mot": toggleMoment,
    "heuristic-add": heuristicAdd, "heuristic-role": heuristicRole, "heuristic-remove": heuristicRemove,
    "persona-add": personaAdd
  };
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-op]");
    if (button && ACTIONS[button.dataset.op] && button.closest("#editor")) {
      event.preventDefault();
      ACTIONS[button.dataset.op](button);
    }
  });

  /* ---- drag and drop (SortableJS): stages along the map, touchpoints within and across stages ---- */
  var sortables = [];
  function sortable() {
    sortables.forEach(function (s) { s.destroy(); });
    sortables = [];
    if (!window.Sortable || !grid() || !document.querySelector(".jm-handle")) return;
    sortables.push(window.Sortable.create(grid(), {
      draggable: ".jm-stage", handle: ".jm-stage-handle", animation: 150, direction: "horizontal",
      onEnd: function (evt) {
        if (evt.oldDraggableIndex !== evt.newDraggableIndex) moveStage(evt.item.dataset.id, evt.newDraggableIndex);
      }
    }));
    stages().forEach(function (stage) {
      sortables.push(window.Sortable.create(stage, {
        group: "touchpoints", draggable: ".jm-tp:not(.jm-empty)", handle: ".jm-tp-handle", animation: 150,
        direction: "horizontal",
        onEnd: function (evt) {
          var moved = evt.from !== evt.to || evt.oldDraggableIndex !== evt.newDraggableIndex;
          if (moved) moveTouchpoint(evt.item.dataset.t, evt.to.dataset.id, evt.newDraggableIndex);
        }
      }));
    });
  }

  /* ---- lanes shown or hidden, remembered per user and journey ---- */
  var LANES_KEY = K.cfg.storage_key + ":lanes";
  function hiddenLanes() {
    try {
      var stored = localStorage.getItem(LANES_KEY);
      return stored ? JSON.parse(stored) : K.cfg.default_hidden;
    } catch (e) { return K.cfg.default_hidden; }
  }
  function applyLanes() {
    var hidden = hiddenLanes();
    var g = grid();
    if (g) {
      g.className = g.className.replace(/\bhide-\S+/g, "").trim();
      hidden.forEach(function (lane) { g.classList.add("hide-" + lane); });
    }
    document.querySelectorAll("#lanes-menu input[type=checkbox]").forEach(function (box) {
      box.checked = hidden.indexOf(box.value) < 0;
    });
  }
  function storeLanes(hidden) {
    try { localStorage.setItem(LANES_KEY, JSON.stringify(hidden)); } catch (e) { /* private mode: not remembered */ }
    applyLanes();
  }
  var menu = document.getElementById("lanes-menu");
  if (menu) {
    menu.addEventListener("change", function () {
      var hidden = [];
      menu.querySelectorAll("input[type=checkbox]").forEach(function (box) { if (!box.checked) hidden.push(box.value); });
      storeLanes(hidden);
    });
    menu.addEventListener("click", function (event) {
      var choice = event.target.closest("[data-lanes]");
      if (choice) storeLanes(choice.dataset.lanes === "all" ? [] : K.cfg.default_hidden);
    });
  }

  /* ---- persona filter: reload the map for one persona ---- */
  var filter = document.getElementById("tb-persona");
  if (filter) filter.addEventListener("change", function () { filter.form.submit(); });

  /* ---- comments panel ---- */
  var panel = document.getElementById("jm-panel");
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-comments]");
    if (opener && panel && window.htmx) {
      panel.hidden = false;
      window.htmx.ajax("GET", K.cfg.comments + "?target=" + encodeURIComponent(opener.dataset.comments),
        { target: "#jm-panel-body", swap: "innerHTML" });
      return;
    }
    if (event.target.closest("[data-close-panel]") && panel) panel.hidden = true;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && !panel.hidden && panel.contains(document.activeElement)) panel.hidden = true;
  });

  document.addEventListener("jm:updated", function () { applyLanes(); sortable(); });
  applyLanes();
  window.addEventListener("load", sortable);
})();
