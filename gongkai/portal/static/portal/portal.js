/* Progressive enhancement for the portal. Everything works without it:
   - 字号 links switch the size in place (no reload) and remember it in the same cookie the server sets;
   - copies of the site served as static files still honour the visitor's 字号 and 长辈版 cookies;
   - 打印 and 复制链接 buttons appear only when they can work. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["l", "m", "s"];
  var YEAR = 365 * 24 * 3600;

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  function writeCookie(name, value) {
    var secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + YEAR + "; samesite=lax" + secure;
  }

  function setFontSize(code) {
    SIZES.forEach(function (size) { root.classList.remove("fs-" + size); });
    root.classList.add("fs-" + code);
    var links = document.querySelectorAll("a[data-fs]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-fs") === code) links[i].setAttribute("aria-current", "true");
      else links[i].removeAttribute("aria-current");
    }
  }

  var saved = readCookie("gk_fs");
  if (saved && SIZES.indexOf(saved) !== -1 && !root.classList.contains("fs-" + saved)) setFontSize(saved);
  if (readCookie("gk_elder") === "1") root.classList.add("elder");

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-fs]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var code = link.getAttribute("data-fs");
    if (SIZES.indexOf(code) === -1) return;
    event.preventDefault();
    writeCookie("gk_fs", code);
    setFontSize(code);
  });

  var printButtons = document.querySelectorAll(".js-print");
  for (var p = 0; p < printButtons.length; p++) {
    if (typeof window.print !== "function") break;
    printButtons[p].hidden = false;
    printButtons[p].addEventListener("click", function () { window.print(); });
  }

  var copyButtons = document.querySelectorAll(".js-copy");
  for (var c = 0; c < copyButtons.length; c++) {
    copyButtons[c].hidden = false;
    copyButtons[c].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var input = document.getElementById(button.getAttribute("data-copy-target"));
      var status = button.closest(".share-link").querySelector(".copy-status");
      function done(ok) {
        status.textContent = ok ? button.getAttribute("data-copied") : button.getAttribute("data-copy-failed");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(function () { done(true); }, function () { done(false); });
      } else {
        input.focus();
        input.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
    });
  }
})();
