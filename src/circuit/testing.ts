// Test support shared by the circuit and simulator tests (like Cirq's `testing` module): the tolerances, kept
// in one place, and small reference computations that do not use the simulator under test.

import { GATES, gateMatrix } from "./gates.js";
import { embed, identity, type Matrix, matmul } from "./matrix.js";

export const TOL = {
  /** Matrix and amplitude equality after exact arithmetic on a few dozen gates. */
  exact: 1e-12,
  /** Norm drift after a random circuit. */
  norm: 1e-12,
  /** A deliberately wrong matrix must be at least this far away. */
  different: 1e-3,
  /** Significance level of the chi-square sampling tests. */
  chiSquareAlpha: 1e-3,
} as const;

/** One step of a reference decomposition: [gate, qubits, params?]. */
export type GateCall = readonly [string, readonly number[], (readonly number[])?];

/** The unitary of a gate sequence on n qubits, built from the library matrices by dense products. */
export function sequenceUnitary(n: number, calls: readonly GateCall[]): Matrix {
  let u = identity(1 << n);
  for (const [name, qubits, params] of calls) {
    if (!GATES.has(name)) throw new Error(`unknown gate ${name}`);
    u = matmul(embed(gateMatrix(name, params ?? []), qubits, n), u);
  }
  return u;
}

/**
 * Upper critical value of the chi-square distribution with `df` degrees of freedom at significance `alpha`
 * (Wilson–Hilferty approximation, accurate to about 1% for df ≥ 3; z from the normal tail).
 */
export function chiSquareCritical(df: number, alpha: number = TOL.chiSquareAlpha): number {
  const z = normalUpperQuantile(alpha);
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Standard normal upper quantile by bisection on the complementary error function. */
function normalUpperQuantile(alpha: number): number {
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * erfc(mid / Math.SQRT2) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** erfc by Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Pearson's chi-square statistic of observed counts against expected probabilities; outcomes expected fewer
 * than 5 times are pooled into one bin. Returns the statistic and the degrees of freedom.
 */
export function chiSquare(
  counts: Readonly<Record<string, number>>,
  probabilities: Readonly<Record<string, number>>,
  shots: number,
): { statistic: number; df: number } {
  let statistic = 0;
  let bins = 0;
  let pooledExpected = 0;
  let pooledObserved = 0;
  for (const [key, p] of Object.entries(probabilities)) {
    const expected = p * shots;
    const observed = counts[key] ?? 0;
    if (expected < 5) {
      pooledExpected += expected;
      pooledObserved += observed;
      continue;
    }
    statistic += (observed - expected) ** 2 / expected;
    bins++;
  }
  for (const key of Object.keys(counts)) if (!(key in probabilities)) pooledObserved += counts[key];
  if (pooledExpected > 0) {
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    bins++;
  } else if (pooledObserved > 0) statistic = Number.POSITIVE_INFINITY;
  return { statistic, df: Math.max(1, bins - 1) };
}
