import { describe, expect, it } from "vitest";
import { makeChars, tokenize } from "./chars.js";
import { makeMoons } from "./moons.js";

describe("tasks", () => {
  it("two moons: seeded, balanced, the requested split, features in about [−1, 1]", () => {
    const a = makeMoons({ train: 150, heldOut: 50, noise: 0.1, seed: 3 });
    const b = makeMoons({ train: 150, heldOut: 50, noise: 0.1, seed: 3 });
    expect(a).toEqual(b);
    expect(makeMoons({ train: 150, heldOut: 50, noise: 0.1, seed: 4 }).train).not.toEqual(a.train);
    expect(a.train.length).toBe(150);
    expect(a.heldOut.length).toBe(50);
    const all = [...a.train, ...a.heldOut];
    expect(all.filter((e) => e.label === 1).length).toBe(100);
    for (const e of all) for (const f of e.features) expect(Math.abs(f)).toBeLessThan(1.6);
  });

  it("chars: lower-cased letters and single spaces; bigram examples over the bundled text", () => {
    expect(tokenize("‘Oh dear!\nOh dear!’")).toBe("oh dear oh dear");
    const d = makeChars({ heldOutFraction: 0.2 });
    expect(d.labels.join("")).toBe(" abcdefghijklmnopqrstuvwxy");
    expect(d.train.length + d.heldOut.length).toBeGreaterThan(2000);
    // The text starts "alice was": the first example is a → l.
    expect(d.labels[d.train[0].features[0]]).toBe("a");
    expect(d.labels[d.train[0].label]).toBe("l");
    expect(d.source).toMatch(/Project Gutenberg eBook #11/);
  });
});
