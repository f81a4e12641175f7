// Circuit diagrams: one layout, drawn as text (terminals) or SVG (the dashboard). Re-exports only.
export {
  type Element,
  formatAngle,
  type Glyph,
  gateLabel,
  type Layer,
  type Layout,
  layoutCircuit,
  type Wire,
} from "./layout.js";
export { drawSvg, type SvgDrawOptions } from "./svg.js";
export { drawText, type TextDrawOptions } from "./text.js";
