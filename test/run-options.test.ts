// The run options are checked by plain code on the CLI's path (src/run/options.ts, so `qfit run` does not load
// zod) and by zod in the HTTP API (src/run/options-schema.ts), both from one table of fields: they must give the
// same answers — the same values accepted, the same defaults, the same values refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isQfitError } from "../src/errors.js";
import { RUN_OPTION_NAMES, resolveRunOptions } from "../src/run/options.js";
import { runOptionsSchema } from "../src/run/options-schema.js";

const value = fc.oneof(
  fc.integer({ min: -5, max: 2 ** 33 }),
  fc.constantFrom(0, 1, 1024, 1e9, 1e9 + 1, 2 ** 20, 2 ** 20 + 1, 2 ** 32 - 1, 2 ** 32, 1e7, 1e7 + 1, -0),
  fc.double(),
  fc.boolean(),
  fc.constantFrom("single", "double", "auto", "density", "trajectories", "", "ibm-heron-r2", "x".repeat(101)),
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
);
const key = fc.oneof(fc.constantFrom(...RUN_OPTION_NAMES), fc.constantFrom("qasm", "shot", "toString"));
const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe("run options: plain check and zod schema agree", () => {
  it("on random option objects (fixed seed)", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (input) => {
        const z = runOptionsSchema.safeParse(input);
        let plain: object | undefined;
        try {
          plain = resolveRunOptions(input as never);
        } catch (e) {
          expect(isQfitError(e) && e.userError).toBe(true);
        }
        expect(plain !== undefined, JSON.stringify(input)).toBe(z.success);
        if (plain && z.success) expect(defined(plain)).toEqual(defined(z.data));
      }),
      { seed: 15, numRuns: 3000 },
    );
  });

  it("fills the defaults and names the field at fault", () => {
    expect(resolveRunOptions({})).toEqual({
      shots: 1024,
      probabilities: false,
      statevector: false,
      precision: "double",
      noise: true,
      method: "auto",
    });
    expect(() => resolveRunOptions({ shots: 0 }, (f) => `--${f}`)).toThrow(
      /--shots: expected an integer from 1 to 1000000000, got 0/,
    );
    expect(() => resolveRunOptions({ precision: "half" as never })).toThrow(
      /precision: expected one of single, double/,
    );
    expect(() => resolveRunOptions({ constructor: 1 } as never)).toThrow(/constructor: unknown run option/);
  });
});
