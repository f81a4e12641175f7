// `qfit/qasm`: OpenQASM readers and writers. Re-exports only.
export * from "../qasm/index.js";
