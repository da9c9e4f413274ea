/* Filter and order of the home page's list. Progressive enhancement: without this file the
   full list shows in its one order (closing soonest first) and the (hidden) form stays out of
   the way. The choices are kept in the address (?plaats=Meerhout&volgorde=nieuw), so a
   filtered list can be shared and bookmarked. No inline script, so a strict CSP holds. */
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.querySelector("[data-filterable]");
  var status = document.getElementById("filter-status");
  if (!form || !list || !status || !window.URLSearchParams || !window.history.replaceState) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var order = form.querySelector("select[data-order]");
  var details = form.querySelector("details");

  function card(item) {
    return item.querySelector(".vacancy-card");
  }

  /* A card carries every value that fits it, separated by "|" (a job can be voltijds|deeltijds). */
  function matches(item) {
    return selects.every(function (select) {
      var values = (card(item).getAttribute("data-" + select.getAttribute("data-filter")) || "").split("|");
      return !select.value || values.indexOf(select.value) >= 0;
    });
  }

  /* Newest first: by publication day (ISO dates sort as text); an unknown day last. The build's
     order (closing soonest first) breaks ties, as it is the order of `items`. */
  function sorted() {
    if (!order || order.value !== "nieuw") {
      return items;
    }
    return items.slice().sort(function (a, b) {
      var da = card(a).getAttribute("data-published") || "", db = card(b).getAttribute("data-published") || "";
      return da === db ? items.indexOf(a) - items.indexOf(b) : (da < db ? 1 : -1);
    });
  }

  /* The address says what the form says: only the choices made, in the form's order. */
  function remember() {
    var params = new URLSearchParams(window.location.search);
    selects.concat(order ? [order] : []).forEach(function (select) {
      if (select.value) {
        params.set(select.name, select.value);
      } else {
        params.delete(select.name);
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function apply() {
    var shown = 0;
    /* A card that closed since the build (close.js) is no longer one of the open vacancies. */
    var open = items.filter(function (item) { return !item.hasAttribute("data-closed"); });
    sorted().forEach(function (item) {
      var visible = open.indexOf(item) >= 0 && matches(item);
      item.hidden = !visible;
      shown += visible ? 1 : 0;
      list.appendChild(item);
    });
    /* A polite live region: screen readers hear the count after each change (WCAG 4.1.3). */
    status.textContent = shown + " van " + open.length + (open.length === 1 ? " vacature" : " vacatures");
  }

  function change() {
    apply();
    remember();
  }

  /* Choices from the address: a value the list does not offer (an old link) is left out. */
  var params = new URLSearchParams(window.location.search);
  var chosen = false;
  selects.concat(order ? [order] : []).forEach(function (select) {
    var value = params.get(select.name);
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
      chosen = true;
    }
  });
  selects.concat(order ? [order] : []).forEach(function (select) {
    select.addEventListener("change", change);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    change();
  });
  form.hidden = false;
  if (chosen) {
    details.open = true;
    apply();
  }
}());
