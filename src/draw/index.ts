// Circuit diagrams: one layout, drawn as text (terminals) or SVG (the dashboard). Re-exports only.
export {
  checkDiagramSize,
  diagramCells,
  type Element,
  formatAngle,
  type Glyph,
  gateLabel,
  type Layer,
  type Layout,
  layoutCircuit,
  MAX_DIAGRAM_CELLS,
  type Wire,
} from "./layout.js";
export { drawSvg, type SvgDrawOptions } from "./svg.js";
export { drawText, type TextDrawOptions } from "./text.js";
