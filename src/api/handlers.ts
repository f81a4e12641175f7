// The HTTP API's answers as pure functions of validated input: the server (Node) and the dashboard (browser)
// call the same code, so a number on the page is the number the CLI prints.
import { estimateLlmTraining, type LlmEstimateOptions, llmCrossover } from "../estimate/llm-training.js";
import { catalog } from "../hardware/catalog.js";
import { type EstimateRequest, estimateRequestSchema } from "./schemas.js";
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

/** POST /api/estimate: the same verdict as `qfit estimate llm-training --json`. */
export function estimate(body: unknown) {
  const r = validate(estimateRequestSchema, body, "body");
  const sized = r.params !== undefined || r.tokens !== undefined;
  return estimateLlmTraining(
    {
      preset: r.preset ?? (sized ? undefined : "llama-3.1-405b"),
      params: r.params,
      tokens: r.tokens,
      attention: r.attention,
    },
    llmOptions(r),
  );
}

export interface CrossoverSeries {
  workload: string;
  sizeLabel: string;
  sizes: number[];
  classicalSeconds: number[];
  quantumSeconds: number[];
  /** Smallest size at which the quantum side is faster, or null when it never is in the range. */
  nStar: number | null;
  reason: string;
}

/**
 * POST /api/crossover for LLM training: GPU and QPU time as the model grows (D = 20·N, the Chinchilla ratio), on
 * the request's hardware. The crossover is where the QPU line drops below the GPU line, if anywhere.
 */
export function llmCrossoverSeries(body: unknown): CrossoverSeries {
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
