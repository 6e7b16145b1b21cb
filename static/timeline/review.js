// The review queue's keys (admin/timeline/datemention/review_rows.html): j / k make the next or
// previous mention current, 1–3 attach the current one to that suggested event, n makes a new draft
// event of it, d dismisses it; each presses the row's own button, so a key does exactly what a click
// does. Nothing happens while typing in a field or with Ctrl, Alt or Meta held. When a row comes back
// handled, the next mention awaiting review becomes current (and takes the focus the pressed button
// had), and what was done is announced.
(function () {
  "use strict";
  var CURRENT = "is-current";
  var replacing = null; // the row being acted on: {id, hadFocus}

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#result_list .review-row"));
  }

  function current() {
    return document.querySelector("#result_list .review-row." + CURRENT);
  }

  function choose(row, focus) {
    var old = current();
    if (old && old !== row) old.classList.remove(CURRENT);
    if (!row) return;
    row.classList.add(CURRENT);
    if (focus) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    choose(all[next], true);
  }

  function pendingAfter(row) {
    var all = rows();
    var after = all.slice(all.indexOf(row) + 1).concat(all.slice(0, all.indexOf(row)));
    for (var i = 0; i < after.length; i++) {
      if (!after[i].classList.contains("review-row--done")) return after[i];
    }
    return null;
  }

  var NOT_TYPED = /^(checkbox|radio|button|submit|reset|image|file|range|color)$/;

  function typing(target) {
    if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
    return target.tagName === "INPUT" && !NOT_TYPED.test(target.type);
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (!document.getElementById("result_list") || typing(event.target)) return;
    var key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      move(key === "j" ? 1 : -1);
      return;
    }
    var row = current();
    var button = row && row.querySelector('button[data-key="' + key + '"]:not([disabled])');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  // Tabbing or clicking into a row makes it current.
  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest("#result_list .review-row");
    if (row) choose(row, false);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var row = event.target.closest && event.target.closest(".review-row");
    if (row) replacing = { id: row.id, hadFocus: row.contains(document.activeElement) || row === current() };
  });

  // After settling: until then a swapped row with the same id still wears the old one's attributes.
  document.addEventListener("htmx:afterSettle", function (event) {
    var row = event.target;
    if (!row.classList || !row.classList.contains("review-row") || !replacing || replacing.id !== row.id) return;
    var focus = replacing.hadFocus || !document.activeElement || document.activeElement === document.body;
    replacing = null;
    if (row.classList.contains("review-row--done")) {
      var done = row.querySelector(".review-row__done");
      if (done) say(done.textContent.trim());
      var next = pendingAfter(row);
      choose(next || row, focus);
    } else {
      choose(row, focus);
    }
  });

  function say(text) {
    var status = document.getElementById("review-status");
    if (status) status.textContent = text;
  }

  // A row's post answers with the row. Anything else (the sign-in page, once the session has
  // ended) is not swapped into the list: the browser goes to it instead.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var row = event.target.closest && event.target.closest(".review-row");
    if (!row || !event.detail.shouldSwap || /^\s*<tr[\s>]/.test(event.detail.serverResponse)) return;
    event.detail.shouldSwap = false;
    window.location.assign(event.detail.xhr.responseURL || window.location.href);
  });

  document.addEventListener("htmx:responseError", function (event) {
    if (!event.target.closest || !event.target.closest(".review-row")) return;
    replacing = null;
    say("Nothing was done: the server answered " + event.detail.xhr.status + ". Reload the page and try again.");
  });

  document.addEventListener("htmx:sendError", function (event) {
    if (!event.target.closest || !event.target.closest(".review-row")) return;
    replacing = null;
    say("Nothing was done: the server could not be reached.");
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = rows().filter(function (row) { return !row.classList.contains("review-row--done"); })[0];
    if (first && !current()) choose(first, false);
  });
})();
