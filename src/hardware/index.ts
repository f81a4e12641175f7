export * from "./catalog.js";
export * from "./schema.js";
