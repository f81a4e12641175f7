// The uncertainty options every `qfit estimate <kind>` takes: --samples, --seed, --no-uncertainty and the
// repeatable --range name=low:central:high[:distribution]. Bad values exit 2 naming the option.
import type { Command } from "@commander-js/extra-typings";
import { userError } from "../errors.js";
import { DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES } from "../estimate/uncertainty.js";
import { DISTRIBUTIONS, type Range, rangeSchema } from "../stats/distribution.js";
import { type UncertaintyRequest, uncertaintyRequestOf } from "../workloads/uncertainty.js";
import { parseIntegerOption, parseQuantity } from "./options.js";

/** `mfu=0.3:0.4:0.5:triangular` → ["mfu", range]. Numbers take quantity suffixes (70B, 1e-3). */
export function parseRangeArg(text: string): [string, Range] {
  const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(.+)$/.exec(text);
  const parts = m ? m[2].split(":") : [];
  if (!m || parts.length < 3 || parts.length > 4)
    throw userError("CLI.InvalidOption", `expected name=low:central:high[:distribution], got '${text}'`, {
      field: "--range",
      hint: `e.g. --range mfu=0.3:0.4:0.5:triangular; distributions: ${DISTRIBUTIONS.join(", ")}`,
    });
  const [low, central, high] = parts.slice(0, 3).map((p) => parseQuantity(`--range ${m[1]}`, p.trim()));
  const parsed = rangeSchema.safeParse({
    low,
    central,
    high,
    distribution: parts[3]?.trim() ?? "triangular",
  });
  if (!parsed.success)
    throw userError("CLI.InvalidOption", `${m[1]}: ${parsed.error.issues.map((i) => i.message).join("; ")}`, {
      field: "--range",
    });
  return [m[1], { ...parsed.data, basis: "given on the command line (--range)" }];
}

export function addUncertaintyOptions<C extends Command>(cmd: C): C {
  cmd
    .option(
      "--samples <n>",
      `Monte Carlo samples for the uncertainty bands (default ${DEFAULT_SAMPLES}, at most ${MAX_SAMPLES})`,
      (t) => parseIntegerOption("--samples", t, 1, MAX_SAMPLES),
    )
    .option("--seed <n>", `seed of the Monte Carlo samples (default ${DEFAULT_SEED})`, (t) =>
      parseIntegerOption("--seed", t, 0, 2 ** 32 - 1),
    )
    .option("--no-uncertainty", "today's point estimate only: every range collapsed to its central value")
    .option(
      "--range <name=lo:mid:hi[:dist]>",
      "override one ranged input's range: low:central:high[:distribution] (repeatable; names are listed in the JSON's uncertainty.ranges)",
      (t: string, prev: Array<[string, Range]> = []) => [...prev, parseRangeArg(t)],
    );
  return cmd;
}

/** The parsed options → the uncertainty request, and the remaining options. */
export function uncertaintyRequest(opts: Record<string, unknown>): {
  request: UncertaintyRequest;
  rest: Record<string, unknown>;
} {
  const { samples, seed, uncertainty, range, ...rest } = opts as {
    samples?: number;
    seed?: number;
    uncertainty?: boolean;
    range?: Array<[string, Range]>;
  };
  // The same settings and defaults as an API body or a scenario file (estimate/uncertainty.ts).
  return {
    request: uncertaintyRequestOf({ samples, seed, uncertainty, ranges: Object.fromEntries(range ?? []) }),
    rest,
  };
}
