// In the browser, on a local area page: the "compare with" picker (a select that shows one side-by-side table and
// keeps ?compare=<slug> in the address, so a comparison can be shared) and the print button. Without JavaScript
// the page still works: the compare links reload with #compare-<slug>, and CSS shows that table (:target).

function showComparison(root: HTMLElement, slug: string, announce: boolean): void {
  const panels = Array.from(root.querySelectorAll<HTMLElement>(".compare-panel"));
  let shown: HTMLElement | undefined;
  for (const panel of panels) {
    const on = panel.dataset.compare === slug;
    panel.classList.toggle("is-selected", on);
    if (on) shown = panel;
  }
  const status = root.querySelector<HTMLElement>("#compare-status");
  if (status && announce) status.textContent = shown ? `Showing ${shown.querySelector("h3")?.textContent ?? "the comparison"}` : "No area chosen";
  const url = new URL(location.href);
  if (shown) url.searchParams.set("compare", slug);
  else url.searchParams.delete("compare");
  url.hash = "";
  history.replaceState(null, "", url);
}

/**
 * The area an address asks to compare with: the first ?compare= value, or else #compare-<slug>, that names one
 * of `slugs`. Addresses are typed, shared and mangled: empty, repeated, differently cased or malformed values
 * are read as far as they make sense and otherwise ignored, never thrown.
 */
export function chosenComparison(search: string, hash: string, slugs: readonly string[]): string | null {
  let values: string[] = [];
  try {
    values = new URLSearchParams(search).getAll("compare");
  } catch {
    // URLSearchParams does not throw on any string today; an address is never worth an exception
  }
  let fragment = hash.replace(/^#/, "");
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // a malformed escape: read the fragment as typed
  }
  if (fragment.startsWith("compare-")) values.push(fragment.slice("compare-".length));
  for (const value of values) {
    const slug = value.trim().toLowerCase();
    if (slugs.includes(slug)) return slug;
  }
  return null;
}

export function enhanceAreaPage(): void {
  const compare = document.querySelector<HTMLElement>(".compare");
  if (compare) {
    const picker = compare.querySelector<HTMLElement>(".compare-picker");
    const select = compare.querySelector<HTMLSelectElement>("#compare-select");
    const links = compare.querySelector<HTMLElement>(".compare-links");
    const panels = compare.querySelector<HTMLElement>(".compare-panels");
    if (picker && select && panels) {
      picker.hidden = false;
      if (links) links.hidden = true;
      panels.dataset.js = "";
      const initial = chosenComparison(location.search, location.hash, Array.from(select.options, (o) => o.value).filter(Boolean));
      if (initial) {
        select.value = initial;
        showComparison(compare, initial, false);
      }
      select.addEventListener("change", () => showComparison(compare, select.value, true));
    }
  }
  // The printed pack's foot, on every page: where it came from, when, and the page number.
  const printed = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric"}).format(new Date());
  const foot = document.createElement("style");
  foot.textContent = `@media print { @page { @bottom-left { content: ${JSON.stringify(`Printed from ${location.origin}${location.pathname} on ${printed}`)}; font: 7.5pt system-ui, sans-serif; color: #505a5f; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt system-ui, sans-serif; color: #505a5f; } } }`;
  document.head.append(foot);
  const print = document.querySelector<HTMLButtonElement>(".print-button");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
}
