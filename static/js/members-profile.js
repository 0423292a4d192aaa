/* "My profile" forms: add formset rows and pick suggested fields. Works without it too. */
(function () {
  "use strict";

  function addFormsetRow(prefix) {
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    var container = document.getElementById(prefix + "-forms");
    var template = document.getElementById(prefix + "-empty");
    if (!total || !container || !template) return;
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) return;
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    container.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var added = container.lastElementChild;
    var first = added && added.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }

  function splitTags(value) {
    return value.split(",").map(function (tag) { return tag.trim().replace(/^"|"$/g, ""); }).filter(Boolean);
  }

  function toggleTag(button) {
    var input = document.getElementById(button.getAttribute("data-target"));
    if (!input) return;
    var tag = button.getAttribute("data-tag");
    var tags = splitTags(input.value);
    var lower = tags.map(function (t) { return t.toLowerCase(); });
    var at = lower.indexOf(tag.toLowerCase());
    if (at === -1) { tags.push(tag); } else { tags.splice(at, 1); }
    input.value = tags.map(function (t) { return t.indexOf(",") === -1 && t.indexOf(" ") === -1 ? t : '"' + t.replace(/"/g, "") + '"'; }).join(", ");
    button.setAttribute("aria-pressed", at === -1 ? "true" : "false");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-formset-add]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { addFormsetRow(button.getAttribute("data-formset-add")); });
    });
    document.querySelectorAll(".tag-suggestion").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("data-target"));
      var chosen = input ? splitTags(input.value).map(function (t) { return t.toLowerCase(); }) : [];
      button.setAttribute("aria-pressed", chosen.indexOf(button.getAttribute("data-tag").toLowerCase()) === -1 ? "false" : "true");
      button.addEventListener("click", function () { toggleTag(button); });
    });
  });
})();
