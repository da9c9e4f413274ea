/* Filter on the home page. Progressive enhancement: without this file the full list shows and
   the (hidden) form stays out of the way. No inline script, so a strict CSP holds. */
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.querySelector("[data-filterable]");
  var status = document.getElementById("filter-status");
  if (!form || !list || !status) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  /* A card carries every value that fits it, separated by "|" (a job can be voltijds|deeltijds). */
  function matches(card) {
    return selects.every(function (select) {
      var values = (card.getAttribute("data-" + select.getAttribute("data-filter")) || "").split("|");
      return !select.value || values.indexOf(select.value) >= 0;
    });
  }

  function apply() {
    var shown = 0;
    /* A card that closed since the build (close.js) is no longer one of the open vacancies. */
    var open = items.filter(function (item) { return !item.hasAttribute("data-closed"); });
    items.forEach(function (item) {
      var visible = open.indexOf(item) >= 0 && matches(item.querySelector(".vacancy-card"));
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    /* A polite live region: screen readers hear the count after each change (WCAG 4.1.3). */
    status.textContent = shown + " van " + open.length + (open.length === 1 ? " vacature" : " vacatures");
  }

  selects.forEach(function (select) {
    select.addEventListener("change", apply);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.hidden = false;
}());
