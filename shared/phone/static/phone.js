/* The phone page: asks for the ticket's news every few seconds (not while the tab is
   hidden), shows the part of the page that fits, and shows the reasons with a bad level.
   Plain script for old phone browsers; nothing loaded from elsewhere. */
(function () {
  "use strict";
  var card = document.getElementById("ticket");
  if (!card || !window.XMLHttpRequest) { return; }
  var url = card.getAttribute("data-status");
  var every = parseInt(card.getAttribute("data-poll"), 10) || 3000;
  var view = card.getAttribute("data-view");
  var FINAL = { rated: true, expired: true };
  var timer = null;
  var busy = false;
  var stopped = !!FINAL[view];

  function each(selector, fn) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) { fn(nodes[i]); }
  }

  function show(next) {
    each("[data-views]", function (node) {
      var views = " " + node.getAttribute("data-views") + " ";
      node.hidden = views.indexOf(" " + next + " ") < 0;
    });
    view = next;
    card.setAttribute("data-view", next);
  }

  function offline(on) {
    var node = document.getElementById("offline");
    if (node) { node.hidden = !on; }
  }

  function notice(words) {
    var node = document.getElementById("notice");
    if (node) { node.textContent = words; node.hidden = false; }
  }

  function apply(data) {
    each("[data-field]", function (node) {
      var key = node.getAttribute("data-field");
      if (Object.prototype.hasOwnProperty.call(data, key) && data[key] !== null) {
        node.textContent = data[key];
      }
    });
    var token = document.getElementById("token");
    if (token && data.token) { token.value = data.token; }
    if (data.view !== view) {
      show(data.view);
      if (data.view === "called" && navigator.vibrate) { navigator.vibrate([300, 150, 300]); }
      if (data.view === "rate" || data.view === "called") { window.scrollTo(0, 0); }
    }
    offline(false);
  }

  function later(ms) {
    clearTimeout(timer);
    if (!stopped && !document.hidden) { timer = setTimeout(poll, ms); }
  }

  function poll() {
    if (busy || stopped || document.hidden) { return; }
    busy = true;
    var x = new XMLHttpRequest();
    x.open("GET", url, true);
    x.setRequestHeader("Accept", "application/json");
    x.timeout = 10000;
    x.onload = function () {
      busy = false;
      var data = null;
      try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      if (x.status === 200 && data) {
        apply(data);
        if (FINAL[data.view]) { stopped = true; } else { later(every); }
      } else if (x.status === 429) {
        later((parseInt(x.getResponseHeader("Retry-After"), 10) || 10) * 1000);
      } else if (data && data.message && x.status >= 400 && x.status < 500) {
        notice(data.message);
        stopped = true;
      } else {
        offline(true);
        later(every * 2);
      }
    };
    x.onerror = x.ontimeout = function () {
      busy = false;
      offline(true);
      later(every * 2);
    };
    x.send();
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { clearTimeout(timer); } else { poll(); }
  });

  var form = document.getElementById("rate-form");
  var reasons = document.getElementById("reasons");
  if (form && reasons) {
    var fit = function () {
      reasons.hidden = !form.querySelector("input[name=level][data-bad]:checked");
    };
    form.addEventListener("change", fit);
    fit();
    form.addEventListener("submit", function () {
      var send = document.getElementById("send");
      if (send) { setTimeout(function () { send.disabled = true; }, 0); }
    });
  }

  later(every);
}());
