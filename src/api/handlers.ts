// The HTTP API's answers as pure functions of validated input: the server (Node) and the dashboard (browser)
// call the same code, so a number on the page is the number the CLI prints.
import { type LlmEstimateOptions, llmCrossover } from "../estimate/llm-training.js";
import type { CrossoverSeries as NativeCrossoverSeries } from "../estimate/native.js";
import { catalog } from "../hardware/catalog.js";
import { type AnyVerdict, evaluateWorkload, isNative } from "../report/build.js";
import { workloadSpecSchema } from "../report/scenario.js";
import { estimateLlmTrainingInput } from "../workloads/llm-training.js";
import { type EstimateRequest, estimateRequestSchema, t0Schema } from "./schemas.js";
import { validate } from "./validate.js";

export function devices() {
  return { gpus: catalog.gpus, qpus: catalog.qpus, annealers: catalog.annealers, sources: catalog.sources };
}

export function roadmap() {
  return { milestones: catalog.roadmap };
}

function llmOptions(r: EstimateRequest): LlmEstimateOptions {
  const { gpu, gpus, mfu, pue, precision, qpu, epsilon, encoding } = r;
  return Object.fromEntries(
    Object.entries({ gpu, gpus, mfu, pue, precision, qpu, epsilon, encoding }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

const isLlm = (body: unknown) =>
  typeof body !== "object" || body === null || (body as { workload?: unknown }).workload === "llm-training";

/**
 * A quantum-native request (`{workload: "shor", bits: 2048, t0?: 2025, qubit?: ...}`) → its verdict. The fields
 * are the scenario file's (report/scenario.ts), with `workload` for `kind`.
 */
function nativeVerdict(body: unknown): AnyVerdict {
  const { workload, t0, ...rest } = body as Record<string, unknown>;
  const year = validate(t0Schema, t0, "t0") ?? new Date().getFullYear();
  const spec = validate(workloadSpecSchema, { kind: workload, ...rest }, "body", { kind: "workload" });
  return evaluateWorkload(spec, {}, year);
}

/** POST /api/estimate: the same verdict as `qfit estimate WORKLOAD --json`. */
export function estimate(body: unknown): AnyVerdict {
  if (!isLlm(body)) return nativeVerdict(body);
  const r = validate(estimateRequestSchema, body, "body");
  const sized = r.params !== undefined || r.tokens !== undefined;
  return estimateLlmTrainingInput(
    {
      preset: r.preset ?? (sized ? undefined : "llama-3.1-405b"),
      params: r.params,
      tokens: r.tokens,
      ...(r.attention === undefined ? {} : { attention: r.attention }),
    },
    llmOptions(r),
  );
}

/** Time vs size on both sides; native workloads add the qubits each size needs, the year and the status. */
export type CrossoverSeries = Pick<
  NativeCrossoverSeries,
  "workload" | "sizeLabel" | "sizes" | "classicalSeconds" | "quantumSeconds" | "nStar" | "reason"
> &
  Partial<NativeCrossoverSeries>;

/**
 * POST /api/crossover for LLM training: GPU and QPU time as the model grows (D = 20·N, the Chinchilla ratio), on
 * the request's hardware. The crossover is where the QPU line drops below the GPU line, if anywhere.
 */
export function crossover(body: unknown): CrossoverSeries {
  if (!isLlm(body)) {
    const v = nativeVerdict(body);
    if (isNative(v)) return v.crossoverSeries;
  }
  const r = validate(estimateRequestSchema, body, "body");
  const c = llmCrossover(llmOptions(r));
  return {
    workload: "llm-training",
    sizeLabel: "parameters N (tokens D = 20·N)",
    sizes: c.gaps.map((g) => g.params),
    classicalSeconds: c.gaps.map((g) => g.gpuSeconds),
    quantumSeconds: c.gaps.map((g) => g.qpuSeconds),
    nStar: c.size,
    reason: c.explanation,
  };
}
