// How qfit's own data files are validated at load: zod without its JIT. zod v4 compiles a parser for each object
// schema on its first parse, which pays only when the schema parses many values; a data file is parsed once, at
// start-up, where the compilation cost about 100 ms of every process's (and every worker thread's) start.
// Measured with `node --cpu-prof` on `qfit report`: the imports took 305 ms with the JIT, 215 ms without.
export const PARSE_ONCE = { jitless: true } as const;
