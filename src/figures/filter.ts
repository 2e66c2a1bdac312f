// The /figures table's search and filters (progressive enhancement): the page carries every row and a hidden form;
// this shows the form, hides the rows that do not match, says how many are shown, and keeps the choices in the
// address (?q=…&topic=…) so a filtered view can be shared. Without it, the whole table is there.

const FIELDS = ["q", "topic", "story", "document", "area", "check"] as const;
type Field = (typeof FIELDS)[number];
const CHECKED = new Set(["matches", "close", "differs"]);

/** Lower case, without accents or typographic quotes, single-spaced: what search compares. */
const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’“”]/g, "'").toLowerCase().replace(/\s+/g, " ");

export function filterFigures(): void {
  const form = document.getElementById("figure-filters") as HTMLFormElement | null;
  const table = document.querySelector<HTMLTableElement>("table[data-testid=figures-table]");
  const status = document.getElementById("figure-count");
  if (!form || !table || !status) return;
  const rows = Array.from(table.tBodies[0].rows).map((row) => ({row, text: fold(row.textContent ?? "")}));
  const control = (name: Field) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  const matches = (row: HTMLTableRowElement, text: string, v: Record<Field, string>) => {
    const d = row.dataset;
    return (!v.topic || d.topic === v.topic)
      && (!v.story || (d.story ?? "").split(" ").includes(v.story))
      && (!v.document || d.document === v.document)
      && (!v.area || d.area === v.area)
      && (!v.check || (v.check === "checked" ? CHECKED.has(d.status ?? "") : d.status === v.check))
      && fold(v.q).split(" ").filter(Boolean).every((w) => text.includes(w));
  };

  let announce: ReturnType<typeof setTimeout> | undefined;
  const apply = (options: {quiet?: boolean} = {}) => {
    const v = Object.fromEntries(FIELDS.map((f) => [f, control(f).value.trim()])) as Record<Field, string>;
    let shown = 0;
    for (const {row, text} of rows) {
      const ok = matches(row, text, v);
      row.hidden = !ok;
      if (ok) ++shown;
    }
    const words = shown === rows.length ? `All ${rows.length} figures are shown.`
      : shown === 0 ? `No figures match. Clear the search or choose other filters.` : `${shown} of ${rows.length} figures are shown.`;
    // Typing updates the table at once; the count is announced once typing pauses.
    clearTimeout(announce);
    if (options.quiet) status.textContent = words;
    else announce = setTimeout(() => (status.textContent = words), 400);
    const params = new URLSearchParams();
    for (const f of FIELDS) if (v[f]) params.set(f, v[f]);
    const query = params.toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  };

  // Choices from the address; a value no option has is ignored.
  const params = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const value = params.get(f);
    if (value === null) continue;
    const c = control(f);
    if (c instanceof HTMLSelectElement && !Array.from(c.options).some((o) => o.value === value)) continue;
    c.value = value;
  }
  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => apply());
  form.addEventListener("change", () => apply());
  form.addEventListener("reset", () => setTimeout(() => apply(), 0));
  apply({quiet: true});

  // A link to one figure (/figures#<id>) always shows it, whatever the filters in the address.
  const reveal = () => {
    const id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    const target = id ? document.getElementById(id) : null;
    if (target instanceof HTMLTableRowElement && target.hidden) {
      form.reset();
      apply({quiet: true});
      target.scrollIntoView();
    }
  };
  reveal();
  addEventListener("hashchange", reveal);
}
