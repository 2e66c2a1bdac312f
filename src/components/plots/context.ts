// What every Plot function receives, and the options they share.
import type * as Plot from "@observablehq/plot";
import {INK} from "../palette.js";

export interface PlotContext {
  width: number;
  document?: Document;
  /** add pointer tooltips (browser only) */
  interactive?: boolean;
  title: string;
  description: string;
}

export type Row = Record<string, unknown>;

/** The charts' font size in pixels at this width. */
export const fontSize = (ctx: PlotContext): number => (ctx.width < 480 ? 12 : 13);

/** About how wide a text of `chars` characters is, in pixels (a character is about 0.62 em bold, 0.56 em regular). */
export const textWidth = (chars: number, ctx: PlotContext, bold = false): number => Math.ceil(chars * fontSize(ctx) * (bold ? 0.62 : 0.56));

/** Size, accessibility and type settings every chart shares. */
export function base(ctx: PlotContext, height: number): Plot.PlotOptions {
  return {
    width: ctx.width,
    height,
    document: ctx.document,
    ariaLabel: ctx.title,
    ariaDescription: ctx.description,
    style: {fontSize: `${fontSize(ctx)}px`, color: INK, background: "transparent", overflow: "visible"},
    marginLeft: 56
  };
}

/** How many ems of 12–13 px text fit on one line across a chart of this width (for Plot's lineWidth), so wrapped
 *  labels stay inside a phone's narrow rendering. */
export function lineEms(width: number, margin = 40): number {
  return Math.max(12, Math.floor((width - margin) / 12));
}
