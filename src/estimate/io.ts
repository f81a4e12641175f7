// Getting data into and out of a quantum processor: the costs that classical hardware does not pay.
// Encoding: basis encoding needs one qubit per bit; amplitude encoding needs ⌈log2 d⌉ qubits but a
// state-preparation circuit of order d gates (Möttönen et al. 2005; Shende, Bullock, Markov 2006), for every
// input vector of every forward pass, because measuring destroys the state.
// Readout: each shot yields one sample; an expectation value to precision ε needs about 1/ε² shots (a ±1
// observable has standard error ≤ 1/√S: the standard error of a mean of ±1 samples). A d-way output read as one sampled categorical
// distribution gives all d probabilities at once from the same O(1/ε²) shots (each frequency has standard error
// ≤ 1/(2√S)), so readout is not d/ε².
// Data loading: whatever the algorithm, every training token must enter the machine once, through its I/O
// channel (Hoefler et al. 2023: 1 Gbit/s for a future fault-tolerant machine).
// Gradients: the parameter-shift rule needs 2 circuit evaluations per parameter (Mitarai et al. 2018; Schuld et
// al. 2019), so 2·P·S shots per gradient step, against backpropagation's constant multiple of one forward pass.

export type EncodingMethod = "amplitude" | "basis";

export interface EncodingCost {
  method: EncodingMethod;
  /** Dimension of one input vector. */
  dimension: number;
  qubits: number;
  /** Gates to prepare one input vector. */
  gates: number;
  /** Circuit layers to prepare one input vector. */
  depth: number;
  formula: string;
}

export function encodingCost(dimension: number, method: EncodingMethod, bitsPerValue: number): EncodingCost {
  if (method === "basis") {
    // One X gate per set bit, all in one layer.
    return {
      method,
      dimension,
      qubits: dimension * bitsPerValue,
      gates: dimension * bitsPerValue,
      depth: 1,
      formula: "basis encoding: qubits = d × bits per value; one layer of X gates",
    };
  }
  const qubits = Math.max(1, Math.ceil(Math.log2(dimension)));
  return {
    method,
    dimension,
    qubits,
    gates: dimension,
    depth: dimension,
    formula:
      "amplitude encoding: qubits = ⌈log2 d⌉; state preparation ~d gates and ~d layers (Möttönen 2005; Shende 2006)",
  };
}

/** Shots for one expectation value to precision ε: S ≈ 1/ε². */
export function shotsPerExpectation(epsilon: number): number {
  return 1 / (epsilon * epsilon);
}

/** Shots to read a d-way categorical output (all d probabilities) to precision ε: ≈ 1/ε², independent of d. */
export function readoutShots(_dimension: number, epsilon: number): number {
  return shotsPerExpectation(epsilon);
}

/** Bits that identify one token of a vocabulary of `vocab`: ⌈log2 vocab⌉ (the least any encoding must load). */
export function bitsPerToken(vocab: number): number {
  return Math.max(1, Math.ceil(Math.log2(vocab)));
}

/** Circuit runs for one parameter-shift gradient of P parameters at precision ε: 2·P·(1/ε²). */
export function parameterShiftShots(parameters: number, epsilon: number): number {
  return 2 * parameters * shotsPerExpectation(epsilon);
}

/** Classical backpropagation: about 3× one forward pass (forward 2N + backward 4N FLOPs per token, Kaplan §2.1). */
export const BACKPROP_FORWARD_MULTIPLE = 3;
