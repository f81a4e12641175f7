// `qfit/report`: the report builder, its scenario format and its renderers (terminal, Markdown, HTML), and the
// terminal table/paragraph fitting every command uses. Re-exports only.
export * from "../report/build.js";
export { renderHtml } from "../report/html.js";
export { renderMarkdown } from "../report/markdown.js";
export * from "../report/scenario.js";
export * from "../report/terminal.js";
export { renderText } from "../report/text.js";
