// Scrollytelling in the browser: fills the sticky graphic with each step's chart and shows the one for the
// step in view (IntersectionObserver), or the step that has keyboard focus. Transitions are CSS only and
// are switched off by prefers-reduced-motion. Without this script the page still reads in order.
import {hydratePlot, intent, specOf} from "./chart-client.js";

export function scrolly(root: HTMLElement): void {
  const graphic = root.querySelector<HTMLElement>(".scrolly-graphic")!;
  const steps = Array.from(root.querySelectorAll<HTMLElement>(".scrolly-step"));
  const frames = new Map<string, HTMLElement>();
  const figures = new Map<string, HTMLElement>();
  for (const frame of graphic.querySelectorAll<HTMLElement>(".scrolly-frame")) frames.set(frame.dataset.chart!, frame);

  for (const step of steps) {
    const id = step.dataset.chart;
    const figure = step.querySelector<HTMLElement>("figure.chart");
    if (!id || !figure) continue;
    let frame = frames.get(id);
    if (!frame) {
      frame = document.createElement("div");
      frame.className = "scrolly-frame";
      frame.dataset.chart = id;
      const title = document.createElement("p");
      title.className = "scrolly-frame-title";
      title.textContent = figure.querySelector(".chart-title")?.textContent ?? "";
      frame.append(title, figure.querySelector(".chart-plot")!.cloneNode(true));
      graphic.append(frame);
      frames.set(id, frame);
    }
    figures.set(id, figure);
  }

  // A frame becomes interactive the first time it is shown after the reader has scrolled or moved to a step, or
  // when they reach for the graphic (large charts fetch their spec then, and Plot loads then: never at page load).
  const hydrated = new Set<string>();
  let engaged = false;
  const hydrate = (id: string) => {
    const plot = frames.get(id)?.querySelector<HTMLElement>(".chart-plot");
    const figure = figures.get(id);
    // (On a phone the graphic is hidden and each step shows its own chart: nothing to do here.)
    if (!engaged || hydrated.has(id) || !plot || !figure || !graphic.getClientRects().length) return;
    hydrated.add(id);
    specOf(figure).then((spec) => spec && hydratePlot(plot, spec))
      .catch((error) => console.warn(`scrolly frame ${id} stays static:`, error));
  };

  let current = "";
  const chartFor = (step: HTMLElement): string => {
    // A step without a chart keeps the graphic of the nearest earlier step that has one.
    for (let i = steps.indexOf(step); i >= 0; --i) if (steps[i].dataset.chart) return steps[i].dataset.chart!;
    return steps.find((s) => s.dataset.chart)?.dataset.chart ?? "";
  };
  const activate = (step: HTMLElement, byReader = true) => {
    engaged ||= byReader;
    for (const s of steps) s.classList.toggle("is-active", s === step);
    const id = chartFor(step);
    if (id !== current) {
      current = id;
      for (const [key, frame] of frames) frame.classList.toggle("is-active", key === id);
    }
    hydrate(id);
  };
  intent(graphic).then(() => {
    engaged = true;
    hydrate(current);
  });

  const observer = new IntersectionObserver((entries) => {
    const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
    if (visible.length) activate(visible[visible.length - 1], scrolled);
  }, {rootMargin: "-45% 0px -45% 0px"});
  // The observer also reports the steps in view when the page opens: only a scroll makes that the reader's doing.
  let scrolled = false;
  addEventListener("scroll", () => { scrolled = true; }, {once: true, passive: true});
  for (const step of steps) observer.observe(step);
  root.addEventListener("focusin", (event) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>(".scrolly-step");
    if (!step) return;
    // A step taking focus shows its start (on a phone, below the sticky graphic: the page's scroll-padding).
    if (event.target === step) step.scrollIntoView({block: "start"});
    activate(step);
  });
  root.classList.add("is-enhanced");
  if (steps[0]) activate(steps[0], false);
}

export function scrollies(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-scrolly]")) scrolly(root);
}
