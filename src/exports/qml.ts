// `qfit/qml`: variational circuits, parameter shift, training with a cost ledger. Re-exports only.
export * from "../qml/index.js";
