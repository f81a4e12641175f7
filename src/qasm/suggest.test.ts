import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./suggest.js";

/** The textbook full-table Levenshtein distance, to check the banded one against. */
function naive(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

describe("editDistance (banded)", () => {
  it("equals the full-table distance when within max, and max+1 beyond", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const full = naive(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
        expect(editDistance(a, b)).toBe(full);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });

  it("compares long names in time linear in their length", () => {
    const a = "x".repeat(200_000);
    const b = `${"x".repeat(100_000)}y${"x".repeat(99_999)}`;
    // 200,000 × 5 band cells: would be 4·10^10 cells (minutes) with the full table.
    expect(editDistance(a, b, 2)).toBe(1);
  });

  it("suggests nothing for a name past the length cap", () => {
    expect(closest("cx", ["cx"])).toBe("cx");
    expect(closest(`g${"a".repeat(100)}`, [`g${"a".repeat(99)}b`])).toBeUndefined();
  });
});
