// `qfit/draw`: circuit diagrams — one layout, drawn as text (Qiskit's text-drawer style) or SVG. Re-exports only.
export * from "../draw/index.js";
