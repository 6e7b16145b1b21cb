// Keeps the sticky year and month headings just below the sticky filter bar, whatever its height.
(function () {
  function measure() {
    var bar = document.querySelector(".filter-bar");
    var sticky = bar && getComputedStyle(bar).position === "sticky";
    document.documentElement.style.setProperty("--filter-height", sticky ? bar.offsetHeight + "px" : "0px");
  }
  document.addEventListener("DOMContentLoaded", measure);
  window.addEventListener("resize", measure);
})();
