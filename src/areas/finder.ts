// In the browser, on /areas/: filter the list of place names as you type, and say how many match in a polite
// live region. Without JavaScript the full list, grouped by area, is the finder.

const normalise = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();

export function enhanceFinder(): void {
  const finder = document.querySelector<HTMLElement>(".place-finder");
  const input = finder?.querySelector<HTMLInputElement>("#place-search");
  const status = finder?.querySelector<HTMLElement>("#place-status");
  if (!finder || !input || !status) return;
  const field = finder.querySelector<HTMLElement>(".place-search-field");
  if (field) field.hidden = false;
  const groups = Array.from(finder.querySelectorAll<HTMLElement>(".place-group"));
  const items = groups.flatMap((g) => Array.from(g.querySelectorAll<HTMLElement>("li[data-place]")).map((li) => ({li, group: g, key: normalise(li.dataset.place ?? ""), area: g.dataset.areaName ?? ""})));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const q = normalise(input.value);
    const matches = items.filter((item) => !q || item.key.includes(q) || normalise(item.area).includes(q));
    const shown = new Set(matches.map((m) => m.li));
    for (const item of items) item.li.hidden = !shown.has(item.li);
    for (const g of groups) g.hidden = !matches.some((m) => m.group === g);
    clearTimeout(timer);
    // Announce after a pause in typing, so a screen reader is not interrupted on every key.
    timer = setTimeout(() => {
      if (!q) status.textContent = "";
      else if (!matches.length) status.textContent = `No places match “${input.value.trim()}”. Try part of the name, or choose an area from the map.`;
      else if (matches.length <= 3) status.textContent = `${matches.length === 1 ? "1 place matches" : `${matches.length} places match`}: ${matches.map((m) => `${m.li.dataset.place} is in ${m.area}`).join("; ")}.`;
      else status.textContent = `${matches.length} places match, in ${new Set(matches.map((m) => m.area)).size} areas.`;
    }, 400);
  };
  input.addEventListener("input", update);
  if (input.value) update();
}
