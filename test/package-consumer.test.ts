// The package as a user installs it: `npm pack` the built package, unpack it into a temporary project's
// node_modules, and compile a consumer with `module: nodenext` and `skipLibCheck: false` (every .d.ts it reaches is
// checked), importing the root and every subpath of package.json "exports"; then run the README's library
// example. Also: every name the 0.1.0 root exported is still exported by the root or a subpath.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
};
const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");

/** A document's typed example: the ```ts block after its library-example marker (README.md, docs/library.md). */
function libraryExample(file: string): string {
  const text = readFileSync(join(ROOT, file), "utf8");
  const m = /<!-- library-example -->\s*```ts\n([\s\S]*?)```/.exec(text);
  if (!m) throw new Error(`${file} has no \`\`\`ts block after <!-- library-example -->`);
  return m[1];
}

let dir: string;
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/index.d.ts")))
    throw new Error("dist/ is not built: run `npm run build` (npm test builds first)");
  dir = mkdtempSync(join(tmpdir(), "qfit-consumer-"));
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const tgz = join(dir, (JSON.parse(out) as { filename: string }[])[0].filename);
  consumer = join(dir, "consumer");
  const installed = join(consumer, "node_modules/qfit");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", tgz, "-C", installed, "--strip-components=1"]);
  // qfit's own dependencies (zod, commander, …) and Node's types, as npm would have installed them.
  symlinkSync(join(ROOT, "node_modules"), join(installed, "node_modules"), "dir");
  mkdirSync(join(consumer, "node_modules/@types"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules/@types/node"), join(consumer, "node_modules/@types/node"), "dir");
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
  writeFileSync(
    join(consumer, "subpaths.ts"),
    SUBPATHS.map(
      (s, i) => `import * as m${i} from "qfit${s.slice(1)}";\nconsole.log(Object.keys(m${i}).length);\n`,
    ).join(""),
  );
  writeFileSync(join(consumer, "readme.ts"), libraryExample("README.md"));
  writeFileSync(join(consumer, "example.ts"), libraryExample("docs/library.md"));
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "ES2023",
        strict: true,
        skipLibCheck: false,
        types: ["node"],
        outDir: "out",
      },
      files: ["readme.ts", "example.ts", "subpaths.ts"],
    }),
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed package in a consumer project", () => {
  it("type-checks under module nodenext with skipLibCheck false, root and every subpath", () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", "."], { cwd: consumer, encoding: "utf8" });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
    expect(SUBPATHS).toEqual(expect.arrayContaining(["./sim", "./qasm", "./estimate"]));
  }, 120_000);

  it("runs the README's example: the Bell counts and the headline estimator's verdict", () => {
    const out = execFileSync(process.execPath, ["out/readme.js"], { cwd: consumer, encoding: "utf8" });
    expect(out).toMatch(/'00': \d+/);
    expect(out).toMatch(/'11': \d+/);
    expect(out).toMatch(
      /^Llama 3\.1 405B pre-training: classical \(GPU\) wins; quantum side infeasible: \S+: needs/m,
    );
  }, 60_000);

  it("runs docs/library.md's example", () => {
    const out = execFileSync(process.execPath, ["out/example.js"], { cwd: consumer, encoding: "utf8" });
    const counts = JSON.parse(
      /\{[^}]*\}/
        .exec(out)![0]
        .replace(/'/g, '"')
        .replace(/(\w+):/g, '"$1":'),
    ) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(["00", "11"]);
    expect(counts["00"] + counts["11"]).toBe(1000);
    expect(out).toContain("q_0: ─┤ H ├──■──┤M├");
    expect(out).toMatch(/Llama 3\.1 405B pre-training: classical \(GPU\) wins; quantum side infeasible/);
    expect(out).toMatch(/Llama 3\.1 405B.*: classical wins by ~10\^\d+\.\d×/);
    expect(out).toMatch(/\d+ physical qubits/);
    expect(out).toContain("NVIDIA H100");
    const subpaths = execFileSync(process.execPath, ["out/subpaths.js"], { cwd: consumer, encoding: "utf8" });
    for (const n of subpaths.trim().split("\n")) expect(Number(n)).toBeGreaterThan(0);
  }, 60_000);
});

/** Names each module's .d.ts exports (values and types), read with the TypeScript compiler in one program. */
function exportedNames(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((f) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(f)!);
      return [f, checker.getExportsOfModule(symbol!).map((s) => s.getName())];
    }),
  );
}

// Every name `import { … } from "qfit"` offered before the root was curated (estimateNative, nativeCrossover,
// NativeVerdict and nativeScenarios had already been removed with the workload registry: see CHANGELOG.md).
const NAMES_0_1_0 = `ANSATZ_KINDS AmplitudeEncoding Amplitudes Angle AnsatzKind AnsatzOptions BottleneckFactor
COMPLETENESS_TOLERANCE Circuit CircuitBuilder ClassicalSide Condition Constraint CrossoverSeries CrossoverV2
DEFAULT_BLOCK_BYTES DEFAULT_MAX_MEMORY_BYTES DEFAULT_SHOTS Dataset DeviceCost DeviceModel Diagnostic
EngineReport EvaluationContext Example ExecutionMode Extrapolation ExtrapolationOptions FaultToleranceRecord
FieldSpec FormSpec GATES GateSpec GradientVariancePoint Jacobian Kernel KernelName KernelOp KrausChannel
LinearFit MAX_BLOCK_QUBITS MAX_FUSION_QUBITS MAX_SHOTS MAX_STATEVECTOR_QUBITS MAX_THREADS MeasureContext
MeasuredPoint MemoryEstimate MetricFits NoiseModel NoisyCircuit NoisyRunResult Observable Operation Optimizer
OptimizerName ParamGate ParseOptions PauliTerm PowerFit Precision Prng Projection QfitError QfitErrorDetails
QuantumLedger ReadoutError ReadoutSpec Register SimulateOptions SimulationPlan SimulationResult SourcePosition
Step Strategy TrainLedger TrainOptions TrainResult TranspileResult VERDICT_SCHEMA_VERSION ValidationSummary
VariationalCircuit VerdictV2 WasmKernelBuild Winner WorkloadDefinition Xoshiro128StarStar amplitudeDamping
amplitudeEncoding angleEncoding annealingQuboModel applyReadoutErrors applyToDensityMatrix availableKernels
averageGateFidelity babbushBreakEven benchmarkCircuit bindCircuit bitFlip buildAnsatz buildNoisyCircuit
chemistryModel circuitFidelity completenessError compose createOptimizer createPrng crossoverSweep
customDeviceModel depolarizing describeFields deviceCircuit deviceCost deviceModel estimateFaultTolerant
estimateFrontier expectation expectationExact extrapolateTraining finiteDifferenceJacobian fitDoubling
fitLinear fitPowerLaw formSpec formatBytes gateCounts gateMatrix gateModelDevices gateSpec getWorkload
gradientVariance groverModel hamiltonianSimulationModel hellingerFidelity hoeflerMaxOpsPerCall internalError
inverseCircuit ioBoundSeconds isQfitError krausChannel kron makeChars makeMoons measureReadout
measurementGroups parameterShiftJacobian parse parseQasm parseQasmWithWarnings parseWorkloadInput pauliChannel
pauliString phaseDamping phaseFlip plan precompileWasmKernels prepareState projectQubits qaoaMaxcutModel
qeaCrossover randomCircuit readoutError roadmapSeries run runOnDevice selectKernel shorModel simulate
simulateDensity simulateTrajectories standardNoiseModel superoperator tensor thermalRelaxation toQasm tokenize
train transpile userError validateNoise wasmKernelBuild workloads yearReaching zOn`
  .split(/\s+/)
  .filter(Boolean);

describe("entry points", () => {
  const entries = Object.entries(pkg.exports)
    .filter(([k]) => k !== "./package.json")
    .map(([, v]) => join(ROOT, (v as { types: string }).types));
  let names: Map<string, string[]>;
  beforeAll(() => {
    names = exportedNames(entries);
  }, 60_000);

  it("every name of 0.1.0's root is still exported, from the root or a subpath", () => {
    const all = new Set([...names.values()].flat());
    expect(NAMES_0_1_0.filter((n) => !all.has(n))).toEqual([]);
  });

  it("the root is the common API: simulate, run on a device, the estimators, the report and the catalog", () => {
    const root = new Set(names.get(join(ROOT, "dist/index.d.ts")));
    for (const name of [
      "parseQasm",
      "simulate",
      "runOnDevice",
      "estimateLlmTraining",
      "getWorkload",
      "estimateFaultTolerant",
      "buildReport",
      "renderHtml",
      "allDevices",
      "findDevice",
      "drawText",
    ])
      expect(root.has(name), name).toBe(true);
    expect(root.size).toBeLessThan(NAMES_0_1_0.length / 2);
  });
});
