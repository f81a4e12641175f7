// Getting data into and out of a quantum processor: the costs that classical hardware does not pay.
// Encoding: basis encoding needs one qubit per bit; amplitude encoding needs ⌈log2 d⌉ qubits but a
// state-preparation circuit of order d gates (Möttönen et al. 2005; Shende, Bullock, Markov 2006), for every
// input vector of every forward pass, because measuring destroys the state.
// Readout: each shot yields one sample; an expectation value to precision ε needs about 1/ε² shots (a ±1
// observable has standard error ≤ 1/√S), a d-dimensional output about d/ε² (estimation.md §4.5).
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

/** Shots to read a d-dimensional output to precision ε: ≈ d/ε². */
export function readoutShots(dimension: number, epsilon: number): number {
  return dimension * shotsPerExpectation(epsilon);
}

/** Circuit runs for one parameter-shift gradient of P parameters at precision ε: 2·P·(1/ε²). */
export function parameterShiftShots(parameters: number, epsilon: number): number {
  return 2 * parameters * shotsPerExpectation(epsilon);
}

/** Classical backpropagation: about 3× one forward pass (forward 2N + backward 4N FLOPs per token, Kaplan §2.1). */
export const BACKPROP_FORWARD_MULTIPLE = 3;
