// The ratio band in words when the quantum side cannot run in part of the samples (issue 13: a fault-tolerant run
// whose sampled error rates leave the code unable to correct is "cannot run", +∞, null in JSON).
import { describe, expect, it } from "vitest";
import { ratioBand } from "./bands.js";

describe("ratioBand", () => {
  it("a band with both ends", () => {
    expect(ratioBand({ p05: -12.2, p50: -11.8, p95: -11.2, neverShare: 0 })).toBe(
      "10^-12.2–10^-11.2× (median 10^-11.8)",
    );
  });
  it("more than 5% cannot run: the band ends in words, with the share", () => {
    const q = { p05: -12.2, p50: -11.8, p95: null, neverShare: 0.19 };
    expect(ratioBand(q)).toBe("10^-12.2×–cannot run (median 10^-11.8×; 19% cannot run)");
    expect(ratioBand(q, true)).toBe("10^-12.2×–cannot run");
    expect(ratioBand({ p05: null, p50: null, p95: null, neverShare: 1 })).toBe("quantum cannot run");
  });
});
