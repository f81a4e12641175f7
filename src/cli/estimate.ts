// `qfit estimate <workload>`: a parent command; each workload is a subcommand (`llm-training` here; other
// files add theirs to the command returned by createEstimateCommand).
import { Command, Option } from "@commander-js/extra-typings";
import pc from "picocolors";
import type { LlmEstimateOptions } from "../estimate/llm-training.js";
import {
  formatDuration,
  formatDurationLog10,
  formatEnergy,
  formatOrders,
  formatQubits,
  formatSci,
  formatUsd,
} from "../units/format.js";
import { estimateLlmTrainingInput, type LlmTrainingVerdict, llmPresets } from "../workloads/llm-training.js";
import type { Io } from "./io.js";
import { quantity } from "./options.js";
import { renderVerdictTail } from "./verdict-text.js";

export function renderLlmVerdict(v: LlmTrainingVerdict, color: boolean): string {
  const c = pc.createColors(color);
  const w = v.workload;
  const g = v.gpu;
  const out: string[] = [];
  out.push(c.bold(`${w.name}`));
  out.push(
    `  N = ${formatSci(w.params, 3)} parameters, D = ${formatSci(w.tokens, 3)} tokens, ${formatSci(v.flops, 3)} FLOP (${v.flopsFormula})`,
  );
  out.push("");
  out.push(
    c.bold(
      `GPU cluster: ${g.count.toLocaleString("en-US")} × ${g.device}, MFU ${g.mfu}, goodput ${g.goodput}`,
    ),
  );
  out.push(
    `  time        ${formatDuration(g.seconds)} (${formatDuration(g.secondsRange[0])}–${formatDuration(g.secondsRange[1])} over the MFU band)`,
  );
  out.push(`  one GPU     ${formatDuration(g.singleGpuSeconds)} (hypothetical)`);
  out.push(`  GPU-hours   ${formatSci(g.gpuHours, 3)}`);
  out.push(
    `  energy      ${g.energyJ === null ? "unknown (no TDP in the catalog)" : formatEnergy(g.energyJ)}`,
  );
  out.push(`  cost        ${formatUsd(g.costUsdLow)}–${formatUsd(g.costUsdHigh)}`);
  if (v.reported) {
    out.push(
      `  published   ${formatSci(v.reported.gpuHours, 4)} GPU-hours = ${formatDuration(v.reported.singleGpuSeconds)} on one GPU, ${formatDuration(v.reported.seconds)} on ${v.reported.count.toLocaleString("en-US")}`,
    );
  }
  out.push("");
  out.push(c.bold("Quantum strategies (each: GPU time × its factors)"));
  for (const s of v.strategies) {
    const mark = s.name === v.best ? "★" : s.lowerBound ? "≥" : " ";
    out.push(
      `  ${mark} ${s.name.padEnd(20)} ${formatDurationLog10(s.secondsLog10).padEnd(44)} ${formatOrders(s.secondsLog10 - Math.log10(v.gpu.seconds))} the GPU time${s.feasible ? "" : c.red(" — infeasible")}`,
    );
    for (const k of s.constraints.filter((x) => !x.satisfied))
      out.push(
        c.red(
          `      ✗ ${k.name}: needs ${formatSci(k.needed, 3)} ${k.unit}, ${k.basis}: ${formatSci(k.available, 3)}${k.yearSatisfied ? ` (roadmap: ${k.yearSatisfied})` : ""}`,
        ),
      );
  }
  out.push(`  best: ${v.best} — ${v.bestReason}`);
  const best = v.strategies.find((s) => s.name === v.best)!;
  if (best.faultTolerance)
    out.push(
      `  reproduce: qfit estimate ft --counts '${JSON.stringify(best.faultTolerance.counts)}' --qubit ${typeof best.faultTolerance.qubit === "string" ? best.faultTolerance.qubit : "<qubit.json>"} --qec ${best.faultTolerance.qec} --budget ${best.faultTolerance.budget}`,
    );
  out.push(`  qubits      ${formatQubits(v.qpu.qubits)} (${v.qpu.device})`);
  out.push("");
  out.push(...renderVerdictTail(v, c));
  return `${out.join("\n")}\n`;
}

function llmTrainingCommand(io: Io) {
  return new Command("llm-training")
    .description(
      "training a large language model: GPU cluster vs quantum processor, bottleneck by bottleneck\n" +
        `presets: ${llmPresets.map((p) => p.id).join(", ")}`,
    )
    .option("--preset <name>", "a published training run (default llama-3.1-405b when no --params/--tokens)")
    .option("--params <N>", "parameters, e.g. 405e9 or 405B", quantity("params"))
    .option("--tokens <D>", "training tokens, e.g. 15.6e12 or 15.6T", quantity("tokens"))
    .option(
      "--attention",
      "count the attention FLOPs term (Kaplan et al. 2020; default when the shape is known)",
    )
    .option("--no-attention", "FLOPs = 6·N·D only")
    .option("--gpu <id>", "GPU type (qfit devices --kind gpu)", "h100")
    .option("--gpus <n>", "number of GPUs", quantity("gpus", true))
    .option("--mfu <x>", "model-FLOPs utilisation in (0, 1] (default 0.40)", quantity("mfu"))
    .option("--pue <x>", "facility power usage effectiveness (default 1.0)", quantity("pue"))
    .addOption(new Option("--precision <p>", "tensor precision").choices(["bf16", "fp8"] as const))
    .option("--qpu <id>", "quantum processor (qfit devices --kind qpu)", "ibm-heron-r2")
    .option(
      "--epsilon <x>",
      "precision of each expectation value (default 1/√batch tokens: the GPU minibatch's own noise)",
      quantity("epsilon"),
    )
    .addOption(
      new Option("--encoding <method>", "data encoding (default auto: the faster)").choices([
        "auto",
        "amplitude",
        "basis",
      ] as const),
    )
    .option(
      "--ft-qubit <preset>",
      "qubit of the fault-tolerant strategies: an Azure preset or 'device' (the --qpu under QEC); default qubit_gate_ns_e4",
    )
    .option(
      "--goodput <x>",
      "share of wall time spent training (default 0.90, Llama 3 paper §3.3.4)",
      quantity("goodput"),
    )
    .option("--json", "machine-readable verdict")
    .action((opts) => {
      const options: LlmEstimateOptions = { gpu: opts.gpu, qpu: opts.qpu };
      if (opts.gpus !== undefined) options.gpus = opts.gpus;
      if (opts.mfu !== undefined) options.mfu = opts.mfu;
      if (opts.pue !== undefined) options.pue = opts.pue;
      if (opts.precision !== undefined) options.precision = opts.precision;
      if (opts.epsilon !== undefined) options.epsilon = opts.epsilon;
      if (opts.encoding !== undefined) options.encoding = opts.encoding;
      if (opts.ftQubit !== undefined) options.ftQubit = opts.ftQubit;
      if (opts.goodput !== undefined) options.goodput = opts.goodput;
      const sized = opts.params !== undefined || opts.tokens !== undefined;
      const v = estimateLlmTrainingInput(
        {
          preset: opts.preset ?? (sized ? undefined : "llama-3.1-405b"),
          params: opts.params,
          tokens: opts.tokens,
          ...(opts.attention === undefined ? {} : { attention: Boolean(opts.attention) }),
        },
        options,
      );
      io.stdout(opts.json ? `${JSON.stringify(v, null, 2)}\n` : renderLlmVerdict(v, io.color));
    });
}

/** The `estimate` parent command with the `llm-training` subcommand; other workloads add theirs to it. */
export function createEstimateCommand(io: Io) {
  return new Command("estimate")
    .description("estimate a workload on GPUs and on quantum processors, with a verdict")
    .addCommand(llmTrainingCommand(io));
}
