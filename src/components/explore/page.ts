// The explore page in the browser: reads the address, loads the small extract, answers every change of the form
// at once (plain code, no database) and keeps the address in step, so any view can be shared as a link.
// The SQL box's engine loads only when asked (sql-box.ts).
import type {Catalogue} from "./catalogue.js";
import {formTouched, readForm, writeForm} from "./controls.js";
import {loadExtract} from "./data.js";
import type {Extract} from "./model.js";
import {normaliseState, parseState, stateToSearch, type ExploreState} from "./state.js";
import {drawResult} from "./view.js";

export interface ExplorerUrls {
  /** the filters' Parquet extract: its address, or its response already on the way */
  data: string | Promise<Response>;
  /** the Arrow IPC extract the SQL box loads into its engine */
  sqlData: string;
}

/** How long after a change the address is updated (changes within it update it once). */
const ADDRESS_DELAY_MS = 150;

const byId = <T extends HTMLElement>(root: ParentNode, id: string) => root.querySelector<T>(`#${id}`)!;

export function readCatalogue(root: ParentNode): Catalogue {
  return JSON.parse(byId(root, "explore-catalogue").textContent!) as Catalogue;
}

/** Shows notes about what was set aside (as text: they may quote the address). */
function showNotes(box: HTMLElement, notes: string[]): void {
  const list = box.querySelector("ul")!;
  if (!notes.length && box.hidden) return; // nothing shown, nothing to show: leave the page as it is
  list.replaceChildren(...notes.map((n) => Object.assign(document.createElement("li"), {textContent: n})));
  box.hidden = notes.length === 0;
}

export interface Explorer {
  extract: Extract;
  catalogue: Catalogue;
  /** draws a state (as a change of the form does); returns when the chart is in the page */
  show(state: ExploreState): void;
}

export async function startExplorer(root: HTMLElement, urls: ExplorerUrls): Promise<Explorer | undefined> {
  const catalogue = readCatalogue(root);
  const form = byId<HTMLFormElement>(root, "explore-controls");
  const status = byId(root, "explore-status");
  const notesBox = byId(root, "explore-notes");
  const holder = byId(root, "explore-output");
  let lastWidth = 0;
  let addressTimer: ReturnType<typeof setTimeout> | undefined;
  let current: ExploreState | undefined;

  // The SQL box does not need the filters' data: it is offered at once, and its engine loads only on request.
  const start = root.querySelector<HTMLButtonElement>("[data-sql-start]");
  if (start) {
    const open = () => {
      start.disabled = true;
      import("./sql-box.js").then(({startSqlBox}) => startSqlBox(root, {dataUrl: urls.sqlData, catalogue}), (error: Error) => {
        byId(root, "sql-status").textContent = `The SQL box could not load (${error.message}). Try again.`;
        start.disabled = false;
        start.addEventListener("click", open, {once: true});
      });
    };
    start.disabled = false;
    start.addEventListener("click", open, {once: true});
  }

  root.dataset.state = "loading";
  let extract: Extract;
  try {
    extract = await loadExtract(urls.data, catalogue);
  } catch (error) {
    root.dataset.state = "error";
    root.classList.remove("is-pending");
    status.textContent = `The filters could not start: ${(error as Error).message}. The chart is the page's default view, and the data page has every extract to download.`;
    return undefined;
  }

  const draw = (state: ExploreState) => {
    // the width the resize observer last saw: reading clientWidth here would force a layout on every change
    lastWidth ||= Math.floor(holder.clientWidth);
    return drawResult(holder, extract, state, catalogue, lastWidth);
  };

  const show = (state: ExploreState, notes: string[] = []) => {
    const normal = normaliseState(state, catalogue);
    current = normal.state;
    writeForm(form, current);
    const figure = draw(current);
    showNotes(notesBox, [...notes, ...normal.notes]);
    root.classList.remove("is-pending");
    // The address and the spoken status follow a moment later, once for a burst of changes: updating the address is
    // a round trip to the browser process (slow on a busy machine, and throttled by browsers when repeated fast),
    // a screen reader needs only the last of several quick changes, and the chart comes first.
    const search = stateToSearch(current);
    const words = `Showing ${figure.querySelector(".chart-title")!.textContent}, ${figure.querySelector(".chart-subtitle")!.textContent!.replace(/^./, (c) => c.toLowerCase())}.`;
    clearTimeout(addressTimer);
    addressTimer = setTimeout(() => {
      const url = new URL(location.href);
      url.search = search;
      history.replaceState(history.state, "", url);
      root.dataset.address = search;
      status.textContent = words;
    }, ADDRESS_DELAY_MS);
  };

  // A change made before the script ran is the reader's latest choice: it wins over the address.
  const initial = formTouched(form) ? {state: readForm(form, catalogue), notes: []} : parseState(location.search, catalogue);
  if (location.search.length > 1 || initial.notes.length || formTouched(form)) show(initial.state, initial.notes);
  else {
    current = initial.state;
    // the build drew the default view: draw it live at this width (tooltips), keeping the address clean
    draw(current);
  }
  form.addEventListener("change", () => show(readForm(form, catalogue)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(readForm(form, catalogue));
  });
  new ResizeObserver(([entry]) => {
    const width = Math.floor(entry.contentRect.width);
    if (current && width >= 120 && Math.abs(width - lastWidth) >= 8) {
      lastWidth = width;
      draw(current);
    }
  }).observe(holder);
  root.dataset.state = "ready";

  return {extract, catalogue, show: (state) => show(state)};
}
