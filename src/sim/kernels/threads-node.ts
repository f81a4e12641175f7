// Edge adapter: a pool of Node worker threads that run the WASM kernels on the shared arena memory, fork–join
// per gate: the gate's groups are cut into contiguous chunks (blocks of the high qubits) that the threads take
// from a shared counter. `simulate` stays synchronous: the main
// thread posts a call through a small shared control block (Atomics.notify), does its own block, then blocks
// in Atomics.wait until every worker has checked in. The pool lives across runs and is unref'd, so an idle pool
// never keeps the process alive. Importing this module is what makes threads available (select.ts knows
// nothing of Node); `useNodeThreads()` also sets the default thread count to the cores available and turns on
// relaxed SIMD where Node 20 has it behind a flag (relaxed-simd-node.ts).

import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import {
  type CallRunner,
  GATHER_SOURCE,
  type KernelFn,
  MAX_WASM_THREADS,
  registerThreadPool,
  SCRATCH,
  type WasmCall,
  type WasmExports,
} from "./apply-wasm.js";
import type { Amplitudes } from "./kernel.js";
import { enableRelaxedSimd } from "./relaxed-simd-node.js";
import { setDefaultThreads } from "./select.js";
import type { WasmMemory, WasmModule } from "./wasm-api.js";

const FNS: ReadonlyArray<KernelFn> = [
  "denseF64",
  "diagF64",
  "denseF32Pairs",
  "denseF32Single",
  "denseF32Quad",
  "denseF64Duo",
  "diagF32",
  "blockNormsF32",
  "blockNormsF64",
  "blockRun",
  "swapUnits",
  "fillZero",
  "gathered",
];
// Control block (Int32Array over a SharedArrayBuffer).
const SEQ = 0;
const DONE = 1;
const FN = 2;
const NARGS = 3;
const GROUPS = 4;
const SCRATCHED = 6;
const ERROR = 7;
const CHUNK = 8;
const CHUNKS = 9;
const NEXT = 10;
/** Generation of the large state shared for gathered runs (share()). */
const BIG = 11;
const ARGS = 12;
const MAX_ARGS = 16;

/** Chunks per thread: threads take chunks from a shared counter, so one descheduled thread delays little. */
const CHUNKS_PER_THREAD = 8;

/**
 * How a gate's `groups` are cut into chunks for `threads` threads: `size` groups each (a multiple of `align`,
 * which the pair kernels need), `count` chunks; chunk i is [i·size, min(groups, (i+1)·size)).
 */
export function chunking(groups: number, threads: number, align: number): { size: number; count: number } {
  const size = align * Math.ceil(groups / (threads * CHUNKS_PER_THREAD * align));
  return { size, count: Math.ceil(groups / size) };
}

// Plain JS run by each worker (eval: no separate file to locate from src/ or dist/).
// The large state of gathered runs arrives on `port` (receiveMessageOnPort: the loop never yields to the event
// loop) whenever the generation in the control block moves.
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const { module, memory, control, index, fns, scratch, port } = workerData;
const wasm = new WebAssembly.Instance(module, { env: { memory } }).exports;
const gatherRun = ${GATHER_SOURCE};
let big = null;
let bigGeneration = 0;
const ex = Object.assign({}, wasm, { gathered: (...a) => gatherRun(wasm, memory, big, ...a) });
const ctrl = new Int32Array(control);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, ${SEQ}, seen);
  seen = Atomics.load(ctrl, ${SEQ});
  if (seen < 0) break;
  try {
    while (bigGeneration !== Atomics.load(ctrl, ${BIG})) {
      const m = receiveMessageOnPort(port);
      if (!m) continue;
      bigGeneration = m.message.generation;
      big = m.message.buffer === null ? null : m.message.single ? new Float32Array(m.message.buffer) : new Float64Array(m.message.buffer);
    }
    const args = Array.from(ctrl.subarray(${ARGS}, ${ARGS} + ctrl[${NARGS}]));
    if (ctrl[${SCRATCHED}]) args.push(scratch.offset + index * scratch.bytes);
    const fn = ex[fns[ctrl[${FN}]]];
    const groups = ctrl[${GROUPS}] >>> 0;
    const size = ctrl[${CHUNK}];
    for (let c = Atomics.add(ctrl, ${NEXT}, 1); c < ctrl[${CHUNKS}]; c = Atomics.add(ctrl, ${NEXT}, 1))
      fn(...args, c * size, Math.min(groups, (c + 1) * size));
  } catch (e) {
    Atomics.store(ctrl, ${ERROR}, 1);
  }
  Atomics.add(ctrl, ${DONE}, 1);
  Atomics.notify(ctrl, ${DONE});
}
`;

/** Below this many amplitudes per gate the hand-off costs more than the second core saves. */
export const MIN_PARALLEL_AMPLITUDES = 1 << 15;

export class NodeThreadPool implements CallRunner {
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private shared: Amplitudes | null = null;
  private generation = 0;
  private readonly ctrl: Int32Array;
  private readonly exports: WasmExports;

  constructor(
    readonly threads: number,
    memory: WasmMemory,
    module: WasmModule,
    exports: WasmExports,
    private readonly minParallelAmplitudes = MIN_PARALLEL_AMPLITUDES,
  ) {
    if (threads > MAX_WASM_THREADS) throw new Error(`at most ${MAX_WASM_THREADS} threads`);
    this.exports = exports;
    this.ctrl = new Int32Array(new SharedArrayBuffer(4 * (ARGS + MAX_ARGS)));
    for (let index = 1; index < threads; index++) {
      const { port1, port2 } = new MessageChannel();
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          module,
          memory,
          control: this.ctrl.buffer,
          index,
          parts: threads,
          fns: FNS,
          scratch: SCRATCH,
          port: port2,
        },
        transferList: [port2],
      });
      w.unref();
      port1.unref();
      this.workers.push(w);
      this.ports.push(port1);
    }
  }

  /** Post the large state's buffer to every worker before the next call (they read it in that call). */
  share(state: Amplitudes | null): void {
    if (state === this.shared) return;
    this.shared = state;
    this.generation++;
    const message = {
      generation: this.generation,
      buffer: state?.buffer ?? null,
      single: state instanceof Float32Array,
    };
    for (const port of this.ports) port.postMessage(message);
    Atomics.store(this.ctrl, BIG, this.generation);
  }

  run(call: WasmCall): void {
    const scratchArgs = call.scratch ? [SCRATCH.offset] : [];
    if (this.workers.length === 0 || call.groups * call.d < this.minParallelAmplitudes) {
      this.exports[call.fn](...call.args, ...scratchArgs, 0, call.groups);
      return;
    }
    const c = this.ctrl;
    c[FN] = FNS.indexOf(call.fn);
    c[NARGS] = call.args.length;
    c.set(call.args, ARGS);
    c[GROUPS] = call.groups;
    c[SCRATCHED] = call.scratch ? 1 : 0;
    const { size, count } = chunking(call.groups, this.threads, call.align);
    c[CHUNK] = size;
    c[CHUNKS] = count;
    Atomics.store(c, NEXT, 0);
    Atomics.store(c, DONE, 0);
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    const fn = this.exports[call.fn];
    for (let i = Atomics.add(c, NEXT, 1); i < count; i = Atomics.add(c, NEXT, 1))
      fn(...call.args, ...scratchArgs, i * size, Math.min(call.groups, (i + 1) * size));
    for (let done = Atomics.load(c, DONE); done < this.workers.length; done = Atomics.load(c, DONE))
      Atomics.wait(c, DONE, done);
    if (Atomics.exchange(c, ERROR, 0)) throw new Error("a kernel worker thread failed");
  }

  terminate(): void {
    Atomics.store(this.ctrl, SEQ, -1);
    Atomics.notify(this.ctrl, SEQ);
    for (const w of this.workers) void w.terminate();
  }
}

let registered = false;
/** Make worker threads available to the WASM kernel and default to every core. Idempotent. */
export function useNodeThreads(minParallelAmplitudes = MIN_PARALLEL_AMPLITUDES): void {
  enableRelaxedSimd();
  registerThreadPool(
    (threads, memory, module, exports) =>
      new NodeThreadPool(threads, memory, module, exports, minParallelAmplitudes),
  );
  if (!registered) setDefaultThreads(Math.min(MAX_WASM_THREADS, availableParallelism()));
  registered = true;
}
