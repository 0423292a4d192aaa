/* Alumni directory: facets and sort apply on change, and the search box suggests names.
   The page works without this script: it is a plain GET form. */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var MAX_SUGGESTIONS = 8;
  var DELAY_MS = 250;

  function dropEmptyFields(form) {
    // Keep shared URLs short: empty or default fields ("any year", "best match") say nothing.
    form.querySelectorAll("input[name], select[name]").forEach(function (field) {
      var unset = field.value === "" || field.value === field.getAttribute("data-default");
      if (unset && (field.type !== "radio" || field.checked)) field.disabled = true;
    });
  }

  function enableFields(form) {
    form.querySelectorAll("[name]:disabled").forEach(function (field) { field.disabled = false; });
  }

  function setUpAutosubmit(form) {
    form.classList.add("is-enhanced");
    form.addEventListener("submit", function () { dropEmptyFields(form); });
    form.addEventListener("change", function (event) {
      if (!event.target.hasAttribute("data-autosubmit")) return;
      if (form.requestSubmit) { form.requestSubmit(); } else { dropEmptyFields(form); form.submit(); }
    });
    // Back and Forward bring the page back as it was left (the back/forward cache, or the
    // browser's form memory): with the box the person had just ticked still ticked, and
    // empty fields disabled. The address, the results and the form must agree, so every
    // field goes back to what the server drew for this address.
    window.addEventListener("pageshow", function () {
      enableFields(form);
      form.reset();
    });
  }

  function setUpSuggestions(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.querySelector("[data-suggestions-status]");
    var hint = document.querySelector("[data-suggestions-hint]");
    var url = input.getAttribute("data-suggest-url");
    var profileUrl = input.getAttribute("data-profile-url");
    var timer = null;
    var controller = null;
    var active = -1;
    if (!list || !url || !profileUrl) return;
    if (hint) hint.hidden = false;

    function options() { return list.querySelectorAll("[role=option]"); }

    function announce(text) { if (status) status.textContent = text; }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!options().length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function move(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function render(hits) {
      list.textContent = "";
      hits.slice(0, MAX_SUGGESTIONS).forEach(function (hit, i) {
        var option = document.createElement("li");
        var link = document.createElement("a");
        var name = document.createElement("span");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        link.href = profileUrl.replace("{id}", String(hit.id));
        link.tabIndex = -1;
        name.className = "directory__suggestion-name";
        name.textContent = hit.display_name;
        link.appendChild(name);
        if (hit.native_name) {
          var native = document.createElement("span");
          native.className = "directory__suggestion-native";
          native.textContent = hit.native_name;
          link.appendChild(native);
        }
        // Namesakes are told apart by where they live and work, when the viewer may see it.
        var where = [hit.country_name, hit.organisation].filter(Boolean).join(" · ");
        if (where) {
          var meta = document.createElement("span");
          meta.className = "directory__suggestion-meta";
          meta.textContent = where;
          link.appendChild(meta);
        }
        option.appendChild(link);
        // Keep the focus in the input while the pointer picks an option.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      var count = options().length;
      if (count) { open(); } else { close(); }
      announce(count
        ? input.getAttribute("data-suggestions-label").replace("%(count)s", String(count))
        : input.getAttribute("data-no-suggestions-label"));
    }

    function suggest(text) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?" + new URLSearchParams({ q: text }).toString(), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && Array.isArray(data.hits) && input.value.trim() === text) render(data.hits);
        })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < MIN_CHARS) {
        if (controller) controller.abort();
        list.textContent = "";
        close();
        return;
      }
      timer = window.setTimeout(function () { suggest(text); }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) open();
          move(active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) open();
          move(active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            window.location.assign(options()[active].querySelector("a").href);
          }
          break;
        case "Escape":
          if (expanded) { event.preventDefault(); close(); }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
  }

  function collapseFiltersOnSmallScreens() {
    // Without the script the filters stay open; on a phone they would push the results far down.
    var panel = document.querySelector("[data-collapse-on-small-screens]");
    if (panel && window.matchMedia && window.matchMedia("(max-width: 55.99rem)").matches) panel.open = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    collapseFiltersOnSmallScreens();
    var form = document.querySelector("[data-directory-form]");
    if (form) setUpAutosubmit(form);
    var input = document.querySelector("input[data-suggest-url]");
    if (input && window.fetch && window.URLSearchParams) setUpSuggestions(input);
  });
})();
