// A Node module hook (`node --import ./test/helpers/loaded-modules.mjs …`) that prints every module URL the
// process loads on stderr, one per line, prefixed "loaded: ", so a test can see which modules a command needs.
import { register } from "node:module";

const hook = `export async function load(url, ctx, next) {
  process.stderr.write("loaded: " + url + "\\n");
  return next(url, ctx);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
