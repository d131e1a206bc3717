/* klantreis page behaviours shared by every page (no inline scripts: the CSP forbids them). */
(function () {
  "use strict";

  // Forms that destroy or replace something ask first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // Buttons that restore a version live outside their form (form="..."); ask there too.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[form]");
    if (!button) return;
    var form = document.getElementById(button.getAttribute("form"));
    if (form && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
  }, true);

  // Copy a share link to the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = button.parentElement.querySelector("input");
    if (!field) return;
    field.select();
    if (navigator.clipboard) navigator.clipboard.writeText(field.value).catch(function () {});
    else document.execCommand("copy");
  });

  // The new-journey form shows only the fields of the chosen way to start.
  function showStart(form) {
    var chosen = form.querySelector("input[name=start]:checked");
    form.querySelectorAll("fieldset[data-start]").forEach(function (set) {
      var active = chosen && set.dataset.start === chosen.value;
      set.hidden = !active;
      set.disabled = !active;
    });
  }
  document.querySelectorAll("form.start-form").forEach(function (form) {
    showStart(form);
    form.addEventListener("change", function (event) {
      if (event.target.name === "start") showStart(form);
    });
  });
})();
