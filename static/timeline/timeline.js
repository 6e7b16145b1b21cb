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

// The overview axis. Without JavaScript every mark and count is a link and the date fields filter;
// with it, dragging across the axis, its range handles and its zoom links set the date filter and
// submit the form (an HTMX swap of the results and a pushed URL), and a mark and its card light up
// together.
(function () {
  var DAY = 86400000;

  function axis() { return document.getElementById("axis"); }
  function toTime(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function toIso(time) { return new Date(time).toISOString().slice(0, 10); }
  function steps(figure) { return figure.dataset.steps.split(" "); }

  // The period (index into the steps) that contains a point of the scale.
  function periodAt(figure, clientX) {
    var scale = figure.querySelector(".axis__scale").getBoundingClientRect();
    var share = Math.min(Math.max((clientX - scale.left) / scale.width, 0), 0.999999);
    var all = steps(figure), first = toTime(all[0]), last = toTime(all[all.length - 1]);
    var time = first + share * (last - first);
    for (var i = all.length - 2; i > 0; i -= 1) if (toTime(all[i]) <= time) return i;
    return 0;
  }

  function periodDates(figure, low, high) {
    var all = steps(figure);
    return [all[Math.min(low, high)], toIso(toTime(all[Math.max(low, high) + 1]) - DAY)];
  }

  var refocus = null; // the handle to focus again once the results are swapped

  function apply(first, last) {
    var form = document.getElementById("filters");
    if (!form) return;
    form.querySelector("[name=date_from]").value = first || "";
    form.querySelector("[name=date_to]").value = last || "";
    form.requestSubmit();
  }

  // Dragging across the lanes or the scale selects whole periods of the axis's unit.
  var drag = null, swallowClick = false;

  function showBrush(figure, low, high) {
    var brush = figure.querySelector(".axis__brush");
    var grid = figure.querySelector(".axis__grid").getBoundingClientRect();
    var scale = figure.querySelector(".axis__scale").getBoundingClientRect();
    var all = steps(figure), first = toTime(all[0]), span = toTime(all[all.length - 1]) - first;
    var from = (toTime(all[Math.min(low, high)]) - first) / span;
    var to = (toTime(all[Math.max(low, high) + 1]) - first) / span;
    brush.style.left = scale.left - grid.left + from * scale.width + "px";
    brush.style.width = (to - from) * scale.width + "px";
    brush.classList.add("axis__brush--on");
  }

  document.addEventListener("pointerdown", function (event) {
    var figure = axis();
    if (!figure || event.button !== 0 || !event.target.closest(".axis__track, .axis__scale")) return;
    drag = { figure: figure, x: event.clientX, low: periodAt(figure, event.clientX), moved: false };
  });
  document.addEventListener("pointermove", function (event) {
    if (!drag) return;
    if (!drag.moved && Math.abs(event.clientX - drag.x) < 5) return;
    drag.moved = true;
    drag.high = periodAt(drag.figure, event.clientX);
    showBrush(drag.figure, drag.low, drag.high);
    event.preventDefault();
  });
  document.addEventListener("pointerup", function () {
    if (!drag) return;
    var done = drag;
    drag = null;
    if (!done.moved) return;
    swallowClick = true; // the click that ends a drag is not a click on a mark
    setTimeout(function () { swallowClick = false; }, 0);
    var dates = periodDates(done.figure, done.low, done.high);
    apply(dates[0], dates[1]);
  });

  // Links that carry their dates (zoom, scale labels, counts) set the form's dates instead of
  // loading the page; a mark scrolls to its card when the card is on the page.
  document.addEventListener("click", function (event) {
    if (swallowClick && event.target.closest(".axis")) {
      event.preventDefault();
      return;
    }
    var dated = event.target.closest(".axis [data-dates]");
    if (dated) {
      event.preventDefault();
      var dates = dated.dataset.dates.split(" ");
      apply(dates[0], dates[1]);
      return;
    }
    var mark = event.target.closest(".axis__mark");
    var card = mark && cardFor(mark.dataset.event);
    if (card) {
      event.preventDefault();
      card.scrollIntoView({ block: "center" });
      card.querySelector(".card__title a").focus({ preventScroll: true });
    }
  });

  // The range handles step through the axis's periods; a pause after the last step applies them.
  var pending = null;

  function handleText(figure, input) {
    var all = steps(figure), index = Number(input.value);
    var isFrom = input.classList.contains("axis__from");
    var day = isFrom ? all[index] : toIso(toTime(all[index + 1]) - DAY);
    var text = new Date(toTime(day)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    input.setAttribute("aria-valuetext", text);
    input.parentNode.querySelector("output").textContent = text;
  }

  function setUpHandles() {
    var figure = axis();
    if (!figure) return;
    var handles = figure.querySelector(".axis__handles");
    handles.hidden = false;
    handles.querySelectorAll("input").forEach(function (input) { handleText(figure, input); });
    if (refocus) {
      figure.querySelector(refocus).focus();
      refocus = null;
    }
  }

  document.addEventListener("dragstart", function (event) {
    if (event.target.closest && event.target.closest(".axis")) event.preventDefault();
  });

  document.addEventListener("input", function (event) {
    var input = event.target.closest(".axis__handles input");
    if (!input) return;
    var figure = axis(), from = figure.querySelector(".axis__from"), to = figure.querySelector(".axis__to");
    if (Number(from.value) > Number(to.value)) (input === from ? to : from).value = input.value;
    handleText(figure, from);
    handleText(figure, to);
    clearTimeout(pending);
    refocus = input === from ? ".axis__from" : ".axis__to";
    pending = setTimeout(function () {
      var dates = periodDates(figure, Number(from.value), Number(to.value));
      apply(dates[0], dates[1]);
    }, 600);
  });

  // A mark and its card highlight each other on hover and focus.
  function cardFor(id) {
    var title = id && document.getElementById("event-" + id);
    return title && title.closest(".card");
  }

  function link(event, on) {
    var item = event.target.closest && event.target.closest(".axis__mark, .card");
    if (!item) return;
    var id = item.dataset.event;
    document.querySelectorAll('.axis__mark[data-event="' + id + '"]').forEach(function (mark) {
      mark.classList.toggle("is-linked", on);
    });
    var card = cardFor(id);
    if (card) card.classList.toggle("is-linked", on);
  }

  document.addEventListener("mouseover", function (event) { link(event, true); });
  document.addEventListener("mouseout", function (event) { link(event, false); });
  document.addEventListener("focusin", function (event) { link(event, true); });
  document.addEventListener("focusout", function (event) { link(event, false); });

  document.addEventListener("DOMContentLoaded", setUpHandles);
  document.addEventListener("htmx:afterSettle", setUpHandles);
  document.addEventListener("htmx:historyRestore", setUpHandles);
})();
