// A Node module hook (`node --import ./test/helpers/loaded-modules.mjs …`) that prints every module the process
// loads on stderr, one per line, prefixed "loaded: ", so a test can see which modules a command needs: ES modules
// by URL (a loader hook), CommonJS modules by file URL and Node built-ins by name (node:…) as require() loads them.
import Module, { register } from "node:module";
import { pathToFileURL } from "node:url";

const hook = `export async function load(url, ctx, next) {
  process.stderr.write("loaded: " + url + "\\n");
  return next(url, ctx);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const load = Module._load;
Module._load = function loadLogged(request, parent, isMain) {
  const exports = load.call(this, request, parent, isMain);
  const builtin = Module.isBuiltin(request);
  const id = builtin
    ? `node:${request.replace(/^node:/, "")}`
    : pathToFileURL(Module._resolveFilename(request, parent, isMain)).href;
  process.stderr.write(`loaded: ${id}\n`);
  return exports;
};
