/* A page built while a vacancy was open closes it here once its last day to apply is over
   (data-closes: the end of that day in Brussels, the JSON-LD's validThrough). The site is only
   as fresh as its last build, and a browser or proxy may show an older copy still. The page
   was built with both states; this swaps data-when-open for data-when-closed. Without
   JavaScript the page stays as built. A file of the site's own: the strict CSP holds. */
(function () {
  "use strict";
  var WATCH = 24 * 60 * 60 * 1000; // a page left open this long before the moment closes on time

  function each(elements, action) {
    Array.prototype.forEach.call(elements, action);
  }

  function close(holder, announce) {
    var active = document.activeElement;
    holder.removeAttribute("data-closes");
    holder.classList.add("is-closed");
    each(holder.querySelectorAll("[data-when-open]"), function (element) { element.hidden = true; });
    each(holder.querySelectorAll("[data-when-closed]"), function (element) { element.hidden = false; });
    // Focus was on something now hidden (the apply button): put it on the closed notice.
    if (active && holder.contains(active) && active.closest("[hidden]")) {
      var notice = holder.querySelector("section[data-when-closed]") ||
        holder.querySelector("[data-when-closed]");
      notice.setAttribute("tabindex", "-1");
      notice.focus();
    }
    var news = document.querySelector("[data-closing-news]");
    if (announce && news) {
      news.textContent = holder.getAttribute("data-closed-news");
    }
  }

  each(document.querySelectorAll("[data-closes]"), function (holder) {
    var wait = Date.parse(holder.getAttribute("data-closes")) - Date.now();
    if (wait < 0) {
      close(holder, false); // closed before the page was opened: its content says so
    } else if (wait < WATCH) {
      setTimeout(function () { close(holder, true); }, wait + 1000);
    }
  });
})();
