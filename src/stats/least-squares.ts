// Ordinary least squares on (x, y) pairs, the one fit the roadmap trend, the training extrapolation and the noise
// validation share: slope, intercept, r² and Pearson's correlation from centred sums.

export interface LeastSquares {
  slope: number;
  intercept: number;
  /** Coefficient of determination (1 when y is constant). */
  r2: number;
  /** Pearson's r, or null when x or y is constant. */
  correlation: number | null;
  /** Standard error of the slope, sqrt(SSres / (n − 2) / Sxx); NaN with fewer than three points. */
  slopeStandardError: number;
  /** Residual degrees of freedom, n − 2. */
  degreesOfFreedom: number;
}

/** y = intercept + slope·x over the pairs; the caller checks there are at least two distinct x. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LeastSquares {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  // SSres = Syy − Sxy²/Sxx for the least-squares line.
  const ssRes = Math.max(syy - (sxy * sxy) / sxx, 0);
  return {
    slopeStandardError: n > 2 ? Math.sqrt(ssRes / (n - 2) / sxx) : Number.NaN,
    degreesOfFreedom: n - 2,
    slope,
    intercept: my - slope * mx,
    r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy),
    correlation: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null,
  };
}
