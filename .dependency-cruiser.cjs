// Layers of src/ (DESIGN.md, issue 14): imports point down only, and no module imports itself through a cycle.
// Checked by `npm run lint`. From the bottom:
//   base (errors, units, stats, hardware data) → circuit → qasm → sim/kernels → sim → device → noise | transpile
//   → run (orchestration: run on a device) → estimate, workloads, verdict, qml, report, api → cli, server.
// Above run/: estimate/ and verdict/ below workloads/, workloads/ below the renderers and edges, hardware/ data
// below all of them; the rest is held to "no cycles". No exceptions: the device timing and success-probability model
// live in device/timing.ts, Azure's qubit presets in hardware/data/.
const ABOVE_RUN = "^src/(estimate|workloads|verdict|qml|report|api|cli|server|index\\.ts)";

/** Forbid `from` (a path regex) to import any of `higher` (path regexes). */
const down = (name, from, higher, except) => ({
  name,
  severity: "error",
  comment: `${name}: imports point down (.dependency-cruiser.cjs)`,
  from: { path: from },
  to: { path: higher, ...(except ? { pathNot: except } : {}) },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "no module may import itself through other modules",
      from: { path: "^src/" },
      to: { circular: true },
    },
    down(
      "base-is-bottom",
      "^src/(errors\\.ts|units|stats|hardware)",
      "^src/(circuit|qasm|sim|device|noise|transpile|run)/",
    ),
    down("circuit-below-qasm", "^src/circuit/", "^src/(qasm|sim|device|noise|transpile|run)/"),
    down("qasm-below-sim", "^src/qasm/", "^src/(sim|device|noise|transpile|run)/"),
    down("kernels-below-sim", "^src/sim/kernels/", "^src/sim/(?!kernels/)"),
    down("sim-below-device", "^src/sim/", "^src/(device|noise|transpile|run)/"),
    down("device-below-noise-transpile", "^src/device/", "^src/(noise|transpile|run)/"),
    // The device (its noise types included) is data about hardware: it reads channel math from circuit/, never the
    // simulator (issue 14).
    down("device-not-sim", "^src/device/", "^src/sim/"),
    down("noise-not-transpile", "^src/noise/", "^src/(transpile|run)/"),
    down("transpile-not-noise", "^src/transpile/", "^src/(noise|run)/"),
    down(
      "lower-layers-below-run",
      "^src/(errors\\.ts|units|stats|circuit|qasm|sim|device|noise|transpile|run)",
      ABOVE_RUN,
    ),
    // The estimate/verdict/workloads order of the verdict-engine work (also test/layers.test.ts).
    down("estimate-below-workloads", "^src/estimate/", "^src/(workloads|report|api|cli|server)/"),
    down("verdict-below-workloads", "^src/verdict/", "^src/(workloads|report|api|cli|server)/"),
    down("workloads-below-renderers", "^src/workloads/", "^src/(report|api|cli|server)/"),
    down("hardware-is-data", "^src/hardware/", "^src/(estimate|workloads|verdict|report|api|cli|server)/"),
    {
      name: "no-test-code-in-src",
      severity: "error",
      comment: "shipped modules do not import test frameworks or test helpers",
      from: { path: "^src/", pathNot: "\\.test\\.ts$" },
      to: { path: "(^|/)node_modules/(vitest|fast-check)/|^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
