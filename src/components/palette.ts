// Government Analysis Function categorical palette: every colour has at least 3:1 contrast on white.
export const PALETTE = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"] as const;
export const INK = "#0b0c0c";
export const MUTED = "#505a5f";
/** Sequential scheme for choropleth maps (light to dark blue). */
export const SEQUENTIAL = "blues";
