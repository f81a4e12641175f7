// Plain-data types of the fault-tolerant estimator. Input and output field names follow the Azure Quantum
// Resource Estimator (microsoft/qsharp source/resource_estimator) so users can move between the two; every
// time is in nanoseconds, as in Azure.

/** Logical counts after compilation (Azure `LogicalResourceCounts`); all non-negative integers. */
export interface LogicalCounts {
  numQubits: number;
  tCount?: number;
  rotationCount?: number;
  rotationDepth?: number;
  cczCount?: number;
  ccixCount?: number;
  measurementCount?: number;
}

/** A time: a number of nanoseconds or a string such as "50 ns", "100 µs", "1 ms". */
export type TimeInput = number | string;

/** A Majorana measurement error rate: one number, or separate process and readout error rates. */
export type MeasurementErrorRateInput = number | { process: number; readout: number };

/** Azure `qubitParams`: a preset name, or fields (a preset `name` plus overrides, or `instructionSet` + fields). */
export interface QubitParamsInput {
  name?: string;
  instructionSet?: string;
  oneQubitMeasurementTime?: TimeInput;
  oneQubitGateTime?: TimeInput;
  twoQubitGateTime?: TimeInput;
  twoQubitJointMeasurementTime?: TimeInput;
  tGateTime?: TimeInput;
  oneQubitMeasurementErrorRate?: MeasurementErrorRateInput;
  twoQubitJointMeasurementErrorRate?: MeasurementErrorRateInput;
  oneQubitGateErrorRate?: number;
  twoQubitGateErrorRate?: number;
  tGateErrorRate?: number;
  idleErrorRate?: number;
}

export type InstructionSet = "GateBased" | "Majorana";

/** A normalised physical qubit: every field resolved; times in ns (integers, as Azure's u64). */
export interface PhysicalQubit {
  name: string;
  instructionSet: InstructionSet;
  oneQubitMeasurementTimeNs: number;
  oneQubitGateTimeNs?: number;
  twoQubitGateTimeNs?: number;
  twoQubitJointMeasurementTimeNs?: number;
  tGateTimeNs: number;
  tGateErrorRate: number;
  /** Beverland et al. 2022 §IV.A: max of the Clifford-type error rates. */
  cliffordErrorRate: number;
  readoutErrorRate: number;
  /** The error rate entering the QEC formula: max(clifford, readout) (Azure fault_tolerance.rs). */
  physicalErrorRate: number;
  /** The resolved input, with Azure's field names (times in ns). */
  params: Record<string, unknown>;
}

/** Azure `qecScheme`: a predefined name (optionally with overrides) or a custom scheme. */
export interface QecSchemeInput {
  name?: string;
  errorCorrectionThreshold?: number;
  crossingPrefactor?: number;
  distanceCoefficientPower?: number;
  /** Formula in ns over codeDistance and the qubit's times. */
  logicalCycleTime?: string;
  /** Formula over codeDistance. */
  physicalQubitsPerLogicalQubit?: string;
  maxCodeDistance?: number;
}

export interface QecScheme {
  name: string;
  errorCorrectionThreshold: number;
  crossingPrefactor: number;
  distanceCoefficientPower: number;
  logicalCycleTime: string;
  physicalQubitsPerLogicalQubit: string;
  maxCodeDistance: number;
}

/** Explicit error budget parts (Azure `errorBudget` object). */
export interface ErrorBudgetParts {
  logical: number;
  tstates: number;
  rotations: number;
}

export interface Constraints {
  /** ≥ 1: stretches the algorithmic logical depth. */
  logicalDepthFactor?: number;
  maxTFactories?: number;
  /** In ns. */
  maxDuration?: number;
  maxPhysicalQubits?: number;
  /** Default 3 (Azure constants.rs MAX_DISTILLATION_ROUNDS). */
  maxDistillationRounds?: number;
}

export interface FtOptions {
  qubitParams?: string | QubitParamsInput;
  qecScheme?: string | QecSchemeInput;
  /** Total budget ε (default 1e-3), or explicit parts. Azure also accepts `tStates`. */
  errorBudget?: number | ErrorBudgetParts | { logical: number; tStates: number; rotations: number };
  constraints?: Constraints;
}

export interface TFactoryRound {
  unitName: string;
  numUnits: number;
  /** 1 for a unit on physical qubits. */
  codeDistance: number;
  physicalQubits: number;
  durationNs: number;
}

export interface TFactory {
  rounds: TFactoryRound[];
  physicalQubits: number;
  durationNs: number;
  numOutputStates: number;
  numInputStates: number;
  outputErrorRate: number;
  /** physicalQubits / numOutputStates. */
  normalizedQubits: number;
  /** physicalQubits · durationNs / numOutputStates. */
  normalizedVolume: number;
}

/** Output with Azure's key names; times in ns, as in Azure. */
export interface FtEstimate {
  status: "success";
  physicalCounts: {
    physicalQubits: number;
    /** ns */
    runtime: number;
    /** reliable QOPS: logical qubits × logical clock frequency (Hz). */
    rqops: number;
    breakdown: {
      algorithmicLogicalQubits: number;
      algorithmicLogicalDepth: number;
      logicalDepth: number;
      numTstates: number;
      numTfactories: number;
      numTfactoryRuns: number;
      physicalQubitsForAlgorithm: number;
      physicalQubitsForTfactories: number;
      requiredLogicalQubitErrorRate: number;
      requiredLogicalTstateErrorRate: number | null;
      numTsPerRotation: number | null;
      cliffordErrorRate: number;
      /** Logical cycles per second (Hz). */
      clockFrequency: number;
    };
  };
  physicalCountsFormatted: Record<string, string>;
  logicalQubit: {
    codeDistance: number;
    physicalQubits: number;
    /** ns */
    logicalCycleTime: number;
    logicalErrorRate: number;
  };
  tfactory: {
    physicalQubits: number;
    /** ns */
    runtime: number;
    numTstates: number;
    numInputTstates: number;
    numRounds: number;
    numUnitsPerRound: number[];
    unitNamePerRound: string[];
    codeDistancePerRound: number[];
    physicalQubitsPerRound: number[];
    /** ns */
    runtimePerRound: number[];
    logicalErrorRate: number;
  } | null;
  errorBudget: ErrorBudgetParts;
  logicalCounts: Required<LogicalCounts>;
  jobParams: {
    qubitParams: Record<string, unknown>;
    qecScheme: QecScheme;
    errorBudget: number | ErrorBudgetParts;
    constraints: Constraints;
    estimateType: "singlePoint" | "frontier";
  };
  /** The formula behind each number, with the values substituted. */
  formulas: Record<string, string>;
  assumptions: string[];
}
