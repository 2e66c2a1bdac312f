// The filter form and the state, both ways. The form is a plain GET form whose fields are the state's keys, so a
// choice made before the page's script has run is not lost: submitting it loads the same address.
import type {Catalogue} from "./catalogue.js";
import {defaultState, MEASURES, VIEWS, type ExploreState, type Measure, type View} from "./state.js";

const inputs = (form: HTMLFormElement, name: string) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`));
const select = (form: HTMLFormElement, name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

/** The state the form shows. Values not in the catalogue (a tampered form) are left out. */
export function readForm(form: HTMLFormElement, catalogue: Catalogue): ExploreState {
  const d = defaultState(catalogue);
  const checked = (name: string) => inputs(form, name).filter((i) => i.checked).map((i) => i.value);
  const radio = <T extends string>(name: string, allowed: readonly T[], fallback: T) => {
    const v = checked(name)[0];
    return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  };
  const month = (name: string, fallback: string) => {
    const v = select(form, name).value;
    return catalogue.months.includes(v) ? v : fallback;
  };
  return {
    areas: checked("area").filter((s) => catalogue.areas.some((a) => a.slug === s)),
    types: checked("type").filter((s) => catalogue.types.some((t) => t.slug === s)),
    from: month("from", d.from),
    to: month("to", d.to),
    measure: radio<Measure>("measure", MEASURES, d.measure),
    view: radio<View>("view", VIEWS, d.view)
  };
}

/** Sets the form to a state, touching only what differs (each change to the page is more work before it can paint). */
export function writeForm(form: HTMLFormElement, state: ExploreState): void {
  const check = (i: HTMLInputElement, on: boolean) => { if (i.checked !== on) i.checked = on; };
  for (const name of ["area", "type"] as const) {
    const chosen = name === "area" ? state.areas : state.types;
    const boxes = inputs(form, name);
    for (const i of boxes) check(i, chosen.includes(i.value));
    // the folded list's summary names what is chosen, in the order chosen
    const summary = form.querySelector<HTMLElement>(`[data-summary="${name}"]`);
    const text = chosen.map((slug) => boxes.find((i) => i.value === slug)?.parentElement?.textContent?.trim() ?? slug).join(", ");
    if (summary && summary.textContent !== text) summary.textContent = text;
  }
  for (const i of inputs(form, "measure")) check(i, i.value === state.measure);
  for (const i of inputs(form, "view")) check(i, i.value === state.view);
  for (const name of ["from", "to"] as const) if (select(form, name).value !== state[name]) select(form, name).value = state[name];
}

/** Whether the reader has changed the form from what the page was built with (before the script ran). */
export function formTouched(form: HTMLFormElement): boolean {
  const fields = Array.from(form.querySelectorAll<HTMLInputElement>("input[type=checkbox], input[type=radio]"));
  if (fields.some((i) => i.checked !== i.defaultChecked)) return true;
  return Array.from(form.querySelectorAll("select")).some((s) => Array.from(s.options).some((o) => o.selected !== o.defaultSelected));
}
