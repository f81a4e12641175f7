// Work budgets for reading circuits: every quantity that grows with the input is counted *before* the work that
// produces it is done, so a small hostile file (nested gates that multiply, broadcasts over a huge register,
// a name thousands of characters long) is refused at once with the limit it hit instead of running unbounded.
// Shared by the OpenQASM 2.0 and 3 readers; pure, no I/O.

/** The limits a reader applies unless its caller passes tighter ones. */
export const LIMITS = {
  /** Qubits (or clbits) in one register and in all registers together. */
  maxBits: 2 ** 20,
  /** Operations after expanding user gates; about 150 bytes each in memory. */
  maxOperations: 10_000_000,
  /**
   * Steps of gate expansion: every operation emitted and every call into a user gate, including calls into
   * gates whose bodies emit nothing (which the operation count alone cannot see).
   */
  maxExpansionSteps: 20_000_000,
  /**
   * Qubit references held by all operations together (a barrier over a register of a million qubits holds a
   * million). 3 per operation is the most any library gate needs, so only broadcasts of barriers reach it.
   */
  maxQubitReferences: 30_000_000,
  /** User gates defined in terms of user gates defined in terms of ... */
  maxGateNesting: 100,
  maxIncludeDepth: 16,
  /** Names longer than this get no "did you mean" suggestion (comparing them would cost time, not help). */
  maxSuggestedNameLength: 64,
} as const;

export type BudgetKind = "operations" | "expansionSteps" | "qubitReferences";

export interface BudgetLimits {
  operations: number;
  expansionSteps: number;
  qubitReferences: number;
}

/** What a refused charge reports: the limit's code, its value and a sentence naming it. */
export interface BudgetRefusal {
  code: string;
  limit: number;
  message: string;
  hint: string;
}

const DESCRIPTION: Record<BudgetKind, { code: string; what: string; hint: string }> = {
  operations: {
    code: "QASM.Limit.TooManyOperations",
    what: "operations",
    hint: "nested gate definitions multiply; reduce the circuit or split it",
  },
  expansionSteps: {
    code: "QASM.Limit.TooManyExpansionSteps",
    what: "gate expansion steps",
    hint:
      "a step is an operation or a call into a user gate, empty ones included; nested gate definitions " +
      "multiply even when they emit nothing",
  },
  qubitReferences: {
    code: "QASM.Limit.TooManyQubitReferences",
    what: "qubit references",
    hint:
      "a barrier over a whole register refers to every qubit in it; apply barriers to the qubits that need " +
      "them rather than to a whole large register",
  },
};

/** Adds saturating: budgets and per-gate costs stay finite and exact up to 2^53. */
export function addCapped(a: number, b: number, cap: number): number {
  return Math.min(a + b, cap);
}

export function mulCapped(a: number, b: number, cap: number): number {
  if (a === 0 || b === 0) return 0;
  return a > cap / b ? cap : Math.min(a * b, cap);
}

/** Running totals against fixed limits. `charge` checks first and only then records the use. */
export class WorkBudget {
  readonly used: BudgetLimits = { operations: 0, expansionSteps: 0, qubitReferences: 0 };

  constructor(readonly limits: BudgetLimits) {}

  /** What a cost would be capped to: just past its limit, so products of nested costs never overflow. */
  cap(kind: BudgetKind): number {
    return this.limits[kind] + 1;
  }

  /** Would `amount` more fit? Returns the refusal when it would not, recording nothing. */
  check(kind: BudgetKind, amount: number): BudgetRefusal | undefined {
    if (this.used[kind] + amount <= this.limits[kind]) return undefined;
    const d = DESCRIPTION[kind];
    const limit = this.limits[kind];
    return {
      code: d.code,
      limit,
      message: `the circuit needs more ${d.what} than the limit of ${limit}`,
      hint: d.hint,
    };
  }

  /** Checks, then records the use when it fits. */
  charge(kind: BudgetKind, amount: number): BudgetRefusal | undefined {
    const refusal = this.check(kind, amount);
    if (!refusal) this.used[kind] += amount;
    return refusal;
  }
}

export function defaultBudget(maxOperations: number = LIMITS.maxOperations): WorkBudget {
  const scale = maxOperations / LIMITS.maxOperations;
  return new WorkBudget({
    operations: maxOperations,
    expansionSteps: Math.max(1, Math.round(LIMITS.maxExpansionSteps * scale)),
    qubitReferences: Math.max(3, Math.round(LIMITS.maxQubitReferences * scale)),
  });
}
