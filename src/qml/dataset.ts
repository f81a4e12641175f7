// What a training task hands to the trainer: examples with features and a label, split into training and
// held-out sets, plus the small seeded helpers the tasks share.

import type { Prng } from "../stats/prng.js";

export interface Example {
  features: number[];
  label: number;
}

export interface Dataset {
  name: string;
  /** "features": a real vector per example; "token": features[0] is a token index in 0..classes−1. */
  input: "features" | "token";
  classes: number;
  features: number;
  train: Example[];
  heldOut: Example[];
  /** Class names (e.g. the vocabulary), index = label. */
  labels: string[];
  source: string;
}

/** A standard normal draw (Box–Muller). */
export function gaussian(rng: Prng): number {
  const u = 1 - rng.nextDouble();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
}

export function shuffleInPlace<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
