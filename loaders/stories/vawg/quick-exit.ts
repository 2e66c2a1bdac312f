// "Exit this page" for the VAWG story, after GOV.UK Frontend's component of that name (govuk-frontend
// src/govuk/components/exit-this-page): a button that stays on screen; Shift pressed three times within 5 seconds
// also exits, each press announced in a role=status region; on exit the page is hidden at once, a "Loading." alert
// shows, and the browser goes to a neutral page, replacing this page in the history; coming back (pageshow) resets
// it. Without JavaScript the button is a plain link to the same neutral page.
// Not Escape as the trigger: Escape also stops a page that is still loading (and closes menus and full screen), so
// someone pressing it in a hurry could stop the exit itself; GOV.UK chose Shift for the same reason.
// The style and script are inline and tiny, at the very start of the page: they work while the rest of the page is
// still arriving, before the site's other scripts (which wait for the first paint). GOV.UK Frontend itself is not
// used: its bundle and stylesheet are far larger than the page budget allows for one button.
import {html, raw, type Html} from "../../site/html.ts";

/** Where the exit goes: GOV.UK's default neutral page. */
export const EXIT_URL = "https://www.bbc.co.uk/weather";
/** Shift presses that exit, and the time they must fall within (GOV.UK's values). */
export const EXIT_PRESSES = 3;
export const EXIT_WINDOW_MS = 5000;

// The page's reserved strip at the top, so the fixed button never covers the header, a focused link or the sticky graphic.
const STYLE = `.exit-this-page{position:fixed;top:.5rem;right:.5rem;z-index:20;margin:0}
.exit-this-page-button{display:inline-block;padding:.5rem .85rem;background:#d4351c;color:#fff;font-weight:700;line-height:1.5;text-decoration:none;box-shadow:0 2px 0 #55150b;border:2px solid transparent}
.exit-this-page-button:link,.exit-this-page-button:visited{color:#fff}
.exit-this-page-button:hover{background:#aa2a16;color:#fff}
.exit-this-page-button:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
:root:has(.exit-this-page) body{padding-top:3.25rem}
:root:has(.exit-this-page){scroll-padding-top:4rem}
:root.js:has(.exit-this-page) .scrolly-graphic{top:4rem;height:calc(100vh - 5rem)}
@media (max-width:60rem){:root.js:has(#observablehq-header):has(.scrolly):has(.exit-this-page){scroll-padding-top:calc(50vh + 4rem)}:root.js:has(.exit-this-page) .scrolly-graphic{top:3.25rem;height:50vh}}
.exit-this-page-overlay{position:fixed;inset:0;z-index:30;background:#fff;color:#0b0c0c;visibility:visible;display:flex;align-items:center;justify-content:center;font-weight:700}
.exit-this-page-overlay[hidden]{display:none}
.exit-this-page-active body{visibility:hidden}
@media print{.exit-this-page{display:none}:root:has(.exit-this-page) body{padding-top:0}}`;

// ES5 and no "${": the page is Markdown for Framework, which would read "${" as an expression.
const SCRIPT = `(function () {
  var root = document.querySelector("[data-exit-this-page]");
  var button = root && root.querySelector("a");
  var status = root && root.querySelector("[data-exit-status]");
  var overlay = document.querySelector("[data-exit-overlay]");
  if (!button || !status || !overlay) return;
  var presses = 0, timer = 0, modified = false;
  function reset() { presses = 0; clearTimeout(timer); timer = 0; }
  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("exit-this-page-active");
    overlay.hidden = false;
    var meta = document.createElement("meta");
    meta.name = "referrer";
    meta.content = "no-referrer";
    document.head.appendChild(meta);
    window.location.replace(button.href);
  }
  button.addEventListener("click", exit);
  document.addEventListener("keydown", function (e) { modified = e.key !== "Shift"; }, true);
  document.addEventListener("keyup", function (e) {
    if (e.key !== "Shift" || modified) return;
    presses += 1;
    if (presses >= ${EXIT_PRESSES}) { reset(); status.textContent = "Loading."; exit(); return; }
    var left = ${EXIT_PRESSES} - presses;
    status.textContent = "Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.";
    if (presses === 1) timer = setTimeout(function () { presses = 0; status.textContent = "Exit this page expired."; }, ${EXIT_WINDOW_MS});
  }, true);
  window.addEventListener("pageshow", function () {
    reset();
    document.documentElement.classList.remove("exit-this-page-active");
    overlay.hidden = true;
    status.textContent = "";
  });
})();`;

/** The quick exit: its style, the button (a link without JavaScript), the live region, the overlay and the script. */
export function quickExitHtml(): Html {
  if (/\$\{/.test(SCRIPT) || /<\/script/i.test(SCRIPT)) throw new Error("quick exit script: may not contain ${ or </script>");
  return html`<style>${raw(STYLE)}</style>
<div class="exit-this-page" data-exit-this-page>
<a class="exit-this-page-button" href="${EXIT_URL}" rel="nofollow noreferrer"><span class="visually-hidden">Emergency</span> Exit this page</a>
<div class="visually-hidden" role="status" data-exit-status></div>
</div>
<div class="exit-this-page-overlay" data-exit-overlay hidden><p role="alert">Loading.</p></div>
<script>${raw(SCRIPT)}</script>`;
}
