// Types of what TypeScript code (bench/kernels.ts) imports from the kernel generator.
/** The lane kernels generated per precision: [high targets, lane-bit mask]. */
export const LANE_VARIANTS: { f32: Array<[number, number]>; f64: Array<[number, number]> };
export function writeUnrolledKernels(url: URL): void;
export const PLANAR_IN_VARIANT: number;
export const PLANAR_OUT_VARIANT: number;
