// The two-moons toy set, seeded: two interleaving half circles as in scikit-learn's `make_moons` (outer
// (cos t, sin t), inner (1 − cos t, 1 − sin t − 0.5), t evenly spaced on [0, π]) plus Gaussian noise, shuffled.
// Features are then mapped affinely to about [−1, 1] so that angle encodings use the whole rotation range.

import { createPrng } from "../stats/prng.js";
import { type Dataset, type Example, gaussian, shuffleInPlace } from "./dataset.js";

export function makeMoons(options: { train: number; heldOut: number; noise: number; seed: number }): Dataset {
  const rng = createPrng(options.seed);
  const total = options.train + options.heldOut;
  const outer = Math.ceil(total / 2);
  const all: Example[] = [];
  for (let i = 0; i < total; i++) {
    const isOuter = i < outer;
    const count = isOuter ? outer : total - outer;
    const t = (Math.PI * (isOuter ? i : i - outer)) / Math.max(1, count - 1);
    const x = (isOuter ? Math.cos(t) : 1 - Math.cos(t)) + options.noise * gaussian(rng);
    const y = (isOuter ? Math.sin(t) : 1 - Math.sin(t) - 0.5) + options.noise * gaussian(rng);
    all.push({ features: [(x - 0.5) / 1.5, (y - 0.25) / 0.75], label: isOuter ? 0 : 1 });
  }
  shuffleInPlace(all, rng);
  return {
    name: "moons",
    input: "features",
    classes: 2,
    features: 2,
    train: all.slice(0, options.train),
    heldOut: all.slice(options.train),
    labels: ["outer", "inner"],
    source: `two moons (scikit-learn make_moons construction), noise ${options.noise}, seed ${options.seed}`,
  };
}
