// The slice of the WebAssembly JS API the kernels use, typed here because the project compiles without the DOM
// library (where TypeScript declares WebAssembly); undefined where the platform has no WebAssembly at all.

export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(deltaPages: number): number;
}

export type WasmModule = object;

export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
}

export const WASM: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
