// `qfit/errors`: the error type every module throws, with stable codes. Re-exports only.
export * from "../errors.js";
