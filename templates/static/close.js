/* A page built while a vacancy was open closes it here once its last day to apply is over
   (data-closes: the end of that day in Brussels, the JSON-LD's validThrough). The site is only
   as fresh as its last build, and a browser or proxy may show an older copy still. A vacancy
   page was built with both states: this swaps data-when-open for data-when-closed. On the home
   page a closed card leaves the list of open vacancies. Without JavaScript the page stays as
   built. A file of the site's own: the strict Content-Security-Policy holds. */
(function () {
  "use strict";
  var LONGEST_WAIT = 60 * 60 * 1000; // look again at least hourly: timers stop while a laptop sleeps
  var timer = null;

  function each(elements, action) {
    Array.prototype.forEach.call(elements, action);
  }

  function hideAll(elements) {
    each(elements, function (element) { element.hidden = true; });
  }

  function closeVacancy(page) {
    hideAll(page.querySelectorAll("[data-when-open]"));
    each(page.querySelectorAll("[data-when-closed]"), function (element) { element.hidden = false; });
    if (page.hasAttribute("data-closed-title")) {
      document.title = page.getAttribute("data-closed-title");
    }
  }

  function closeCard(card) {
    var item = card.closest("li");
    if (item) {
      item.hidden = true;
      item.setAttribute("data-closed", "");  // filter.js leaves it out
    }
    each(document.querySelectorAll("[data-open-count]"), function (count) {
      count.textContent = String(Math.max(0, Number(count.textContent) - 1));
    });
  }

  /* Focus was on something now hidden (an apply button, a card's link): it goes to the first
     thing that says what happened, near the top, instead of to the start of the document. */
  function keepFocus(active) {
    if (!active || active === document.body || !active.closest("[hidden]")) {
      return false;
    }
    var target = document.querySelector(".status-closed:not([hidden])") ||
      document.querySelector("[data-focus-after-closing]");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
    return Boolean(target);
  }

  function check(announce) {
    var now = Date.now();
    var next = Infinity;
    var news = [];
    var active = document.activeElement;
    each(document.querySelectorAll("[data-closes]"), function (holder) {
      var moment = Date.parse(holder.getAttribute("data-closes"));
      if (isNaN(moment)) {
        return;
      }
      if (now <= moment) {
        next = Math.min(next, moment);
        return;
      }
      holder.removeAttribute("data-closes");
      holder.classList.add("is-closed");
      if (holder.classList.contains("vacancy-card")) {
        closeCard(holder);
      } else {
        closeVacancy(holder);
      }
      news.push(holder.getAttribute("data-closed-news"));
    });
    var moved = news.length > 0 && keepFocus(active);
    var region = document.querySelector("[data-closing-news]");
    // Said once for all that closed together; not when the page opened closed (it says so
    // itself), and not when focus moved to a closed notice (that would say it twice).
    if (announce && !moved && region && news.length) {
      region.textContent = news.join(" ");
    }
    clearTimeout(timer);
    if (next !== Infinity) {
      timer = setTimeout(function () { check(true); }, Math.min(next - now + 1000, LONGEST_WAIT));
    }
  }

  check(false);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      check(true);
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      check(true);  // back from the back/forward cache
    }
  });
  window.addEventListener("focus", function () { check(true); });
})();
