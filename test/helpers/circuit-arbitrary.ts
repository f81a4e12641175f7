// Test support: a fast-check arbitrary of circuits, for the emitters' round-trip tests (both versions).

import fc from "fast-check";
import { GATES } from "../../src/circuit/gates.js";
import type { Circuit, Condition, Operation, Register } from "../../src/circuit/ir.js";

const SPECS = [...GATES.values()];

/** Any finite double: negative zero, subnormals and the extremes included. */
const angle = fc.double({ noNaN: true, noDefaultInfinity: true });

function registers(sizes: number[], names: string[]): Register[] {
  let offset = 0;
  return sizes.map((size, i) => {
    const r = { name: names[i], size, offset };
    offset += size;
    return r;
  });
}

/**
 * Random circuits over the whole gate library: up to three quantum and three classical registers named from
 * `names`, gates with any finite angles, measurements, resets, barriers, and conditions on whole registers (and
 * on single bits with `bitConditions`, which only OpenQASM 3 can express).
 */
export function circuitArbitrary(
  names: readonly string[],
  { bitConditions = false } = {},
): fc.Arbitrary<Circuit> {
  return fc
    .record({
      qsizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      csizes: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
      names: fc.shuffledSubarray([...names], { minLength: 6, maxLength: 6 }),
    })
    .chain(({ qsizes, csizes, names }) => {
      const qregs = registers(qsizes, names.slice(0, qsizes.length));
      const cregs = registers(csizes, names.slice(3, 3 + csizes.length));
      const numQubits = qregs.reduce((s, r) => s + r.size, 0);
      const numClbits = cregs.reduce((s, r) => s + r.size, 0);
      const qubitIds = Array.from({ length: numQubits }, (_, i) => i);
      const fitting = SPECS.filter((g) => g.numQubits <= numQubits);
      const condition: fc.Arbitrary<Condition | undefined> =
        cregs.length === 0
          ? fc.constant(undefined)
          : fc.option(
              fc.constantFrom(...cregs).chain((r) =>
                bitConditions && r.size > 1
                  ? fc.oneof(
                      fc.record({ register: fc.constant(r.name), value: fc.nat(2 ** r.size - 1) }),
                      fc.record({
                        register: fc.constant(r.name),
                        value: fc.nat(1),
                        bit: fc.nat(r.size - 1),
                      }),
                    )
                  : fc.record({ register: fc.constant(r.name), value: fc.nat(2 ** r.size - 1) }),
              ),
              { nil: undefined, freq: 2 },
            );
      const withCondition = <T extends Operation>(op: T, cond: Condition | undefined): T =>
        cond ? { ...op, condition: cond } : op;
      const gate: fc.Arbitrary<Operation> = fc
        .constantFrom(...fitting)
        .chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.shuffledSubarray(qubitIds, { minLength: g.numQubits, maxLength: g.numQubits }),
            fc.array(angle, { minLength: g.params.length, maxLength: g.params.length }),
            condition,
          ),
        )
        .map(([g, qubits, params, cond]) =>
          withCondition({ kind: "gate", name: g.name, qubits, params }, cond),
        );
      const qubit = fc.nat(numQubits - 1);
      const kinds: Array<fc.Arbitrary<Operation>> = [
        gate,
        gate,
        gate,
        fc.tuple(qubit, condition).map(([q, cond]) => withCondition({ kind: "reset", qubit: q }, cond)),
        fc
          .shuffledSubarray(qubitIds, { minLength: 1 })
          .map((qubits): Operation => ({ kind: "barrier", qubits })),
      ];
      if (numClbits > 0) {
        kinds.push(
          fc
            .tuple(qubit, fc.nat(numClbits - 1), condition)
            .map(([q, c, cond]) => withCondition({ kind: "measure", qubit: q, clbit: c }, cond)),
        );
      }
      return fc
        .array(fc.oneof(...kinds), { maxLength: 25 })
        .map((ops): Circuit => ({ numQubits, numClbits, qregs, cregs, ops }));
    });
}

/** One application of every library gate on a 5-qubit register, arguments in descending order. */
export function everyGateCircuit(): Circuit {
  const ops: Operation[] = SPECS.map((g) => ({
    kind: "gate",
    name: g.name,
    qubits: Array.from({ length: g.numQubits }, (_, i) => 4 - i),
    params: g.params.map((_, i) => (i + 1) / 7),
  }));
  return { numQubits: 5, numClbits: 0, qregs: [{ name: "q", size: 5, offset: 0 }], cregs: [], ops };
}
