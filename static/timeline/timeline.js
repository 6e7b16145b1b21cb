// Keeps the sticky year and month headings just below the sticky filter bar, whatever its height.
function measureFilterBar() {
  var bar = document.querySelector(".filter-bar");
  var sticky = bar && getComputedStyle(bar).position === "sticky";
  document.documentElement.style.setProperty("--filter-height", sticky ? bar.offsetHeight + "px" : "0px");
}

// On a phone the filters other than the search box fold behind a "Filters" button, so the results
// start on the first screen and the bar can stay in reach while scrolling. Without JavaScript, or
// on a wider screen, every filter stays in view.
(function () {
  var narrow = window.matchMedia("(max-width: 40rem)");

  function parts() {
    var form = document.getElementById("filters");
    return form && { form: form, toggle: form.querySelector(".filter-toggle") };
  }

  function fold(collapsed) {
    var found = parts();
    if (!found || !found.toggle) return;
    found.form.classList.toggle("filters--collapsed", collapsed);
    found.toggle.setAttribute("aria-expanded", String(!collapsed));
    measureFilterBar();
  }

  function label() {
    var found = parts();
    if (!found || !found.toggle) return;
    var active = 0;
    found.form.querySelectorAll(".field:not(.field--q) select, .field:not(.field--q) input").forEach(function (input) {
      if (input.value) active += 1;
    });
    found.toggle.textContent = active ? "Filters (" + active + ")" : "Filters";
  }

  function setUp() {
    var found = parts();
    if (!found || !found.toggle) return;
    found.toggle.hidden = !narrow.matches;
    fold(narrow.matches);
    label();
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest(".filter-toggle")) {
      fold(!document.getElementById("filters").classList.contains("filters--collapsed"));
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.closest("#filters")) label();
  });
  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:historyRestore", setUp);
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target === document.body) setUp(); // a boosted link swapped the whole page
  });
  narrow.addEventListener("change", setUp);
  window.addEventListener("resize", measureFilterBar);
})();
