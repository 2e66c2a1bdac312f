// "Exit this page" for the VAWG story, after GOV.UK Frontend's component of that name (govuk-frontend
// src/govuk/components/exit-this-page): a button that stays on screen; Shift pressed three times within 5 seconds
// also exits, each press announced in a role=status region; on exit the page is hidden at once, a "Loading." alert
// shows, and the browser goes to a neutral page, replacing this page in the history; coming back (pageshow) resets
// it. Without JavaScript the button is a plain link to the same neutral page.
// Not Escape as the trigger: Escape also stops a page that is still loading (and closes menus and full screen), so
// someone pressing it in a hurry could stop the exit itself; GOV.UK chose Shift for the same reason.
// The script is inline and tiny, at the very start of the page: it works while the rest of the page is still
// arriving, before the site's other scripts (which wait for the first paint). Its style is in the story stylesheet
// (src/styles/exit-this-page.css), read in the head before any of the page (a <style> in the body is not valid HTML). GOV.UK Frontend itself is not
// used: its bundle and stylesheet are far larger than the page budget allows for one button.
import {html, raw, type Html} from "../../site/html.ts";

/** Where the exit goes: GOV.UK's default neutral page. */
export const EXIT_URL = "https://www.bbc.co.uk/weather";
/** Shift presses that exit, and the time they must fall within (GOV.UK's values). */
export const EXIT_PRESSES = 3;
export const EXIT_WINDOW_MS = 5000;

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

/** The quick exit: the button (a link without JavaScript), the live region, the overlay and the script. */
export function quickExitHtml(): Html {
  if (/\$\{/.test(SCRIPT) || /<\/script/i.test(SCRIPT)) throw new Error("quick exit script: may not contain ${ or </script>");
  return html`<div class="exit-this-page" data-exit-this-page>
<a class="exit-this-page-button" href="${EXIT_URL}" rel="nofollow noreferrer"><span class="visually-hidden">Emergency</span> Exit this page</a>
<div class="visually-hidden" role="status" data-exit-status></div>
</div>
<div class="exit-this-page-overlay" data-exit-overlay hidden><p role="alert">Loading.</p></div>
<script>${raw(SCRIPT)}</script>`;
}
