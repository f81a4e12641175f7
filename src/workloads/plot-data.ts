// Plot data as plain JSON (no functions): the report's HTML renderer turns each into SVG, the dashboard into
// Observable Plot marks, JSON users get the numbers. Workloads may contribute their own plots (WorkloadDefinition
// `plots`), so the type lives below the report.

export interface PlotPoint {
  x: number;
  y: number;
  label?: string;
}

export interface PlotData {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xLog: boolean;
  yLog: boolean;
  series: Array<{ name: string; points: PlotPoint[]; pointsOnly?: boolean; dashed?: boolean }>;
  markers: Array<PlotPoint & { text: string }>;
  hLines: Array<{ y: number; text: string }>;
  vLines: Array<{ x: number; text: string }>;
  /** Shaded vertical bands, e.g. the p05–p95 of the crossover size (issue 13). */
  xBands?: Array<{ from: number; to: number; text: string }>;
  /** Vertical error bars in the colour of the named series, e.g. this instance's p05–p95 time. */
  errorBars?: Array<{ x: number; lo: number; hi: number; series: string; text: string }>;
  /** Shaded bands along series, in the colour of the named series, e.g. the p05–p95 of each side's time at every
   *  size of a crossover (issue 13 §6). A size without both ends (the side cannot run there) is a gap. */
  seriesBands?: SeriesBand[];
  /** The y axis is a time in this unit: renderers label its ticks as durations ("3k years"). */
  yTime?: "days" | "seconds";
  caption: string;
}

/** A shaded band along one series: its low and high end at each x. */
export interface SeriesBand {
  series: string;
  points: Array<{ x: number; lo: number; hi: number }>;
  /** What the band is, for its tooltip and the legend. */
  text: string;
}
