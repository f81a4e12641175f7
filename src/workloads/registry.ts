// Every workload kind qfit knows, in one list. The CLI's `qfit estimate <kind>`, the scenario-file schema, the
// API's request schema, the dashboard's forms, the crossover sweeps and `qfit report`'s built-in set all derive
// from it: adding a workload is one module in this folder and one line here.
import { userError } from "../errors.js";
import { annealingQubo } from "./annealing-qubo.js";
import { chemistry } from "./chemistry.js";
import { grover } from "./grover.js";
import { hamiltonianSimulation } from "./hamiltonian-simulation.js";
import { hybrid } from "./hybrid.js";
import { llmTraining } from "./llm-training.js";
import { qaoaMaxcut } from "./qaoa-maxcut.js";
import { shor } from "./shor.js";
import type { WorkloadDefinition } from "./workload.js";

export const workloads: readonly WorkloadDefinition[] = [
  llmTraining,
  shor,
  grover,
  chemistry,
  hamiltonianSimulation,
  qaoaMaxcut,
  annealingQubo,
  hybrid,
] as unknown as WorkloadDefinition[];

/** The definition of `kind` in `defs` (default: the registry); a user error naming the field otherwise. */
export function getWorkload(
  kind: string,
  defs: readonly WorkloadDefinition[] = workloads,
  field = "kind",
): WorkloadDefinition {
  const d = defs.find((w) => w.kind === kind);
  if (!d)
    throw userError("Workload.UnknownKind", `unknown workload "${kind}"`, {
      field,
      hint: `known workloads: ${defs.map((w) => w.kind).join(", ")}`,
    });
  return d;
}
