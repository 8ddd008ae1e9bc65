/** How long a run may take: `quick` is a smoke run (under a minute), `full` is the real measurement. */
export type Mode = "quick" | "full";

/** The spread of a set of samples: median, quartiles (the IQR is `q3 - q1`), extremes and the sample count. */
export interface Summary {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  n: number;
}

/** A target for one figure: `metric` says whether it applies to the ratio (ours / anchor) or to our own value. */
export interface Target {
  metric: "ratio" | "ours";
  op: "<=" | "<" | ">=" | ">" | "==";
  value: number;
}

/** The status of one entry: measured, skipped because the code under test does not exist yet, or failed. */
export type EntryStatus = "ok" | "skipped" | "error";

/** One row of the results: a figure of ours against its anchor, with the ratio as the headline. */
export interface Entry {
  group: string;
  name: string;
  unit: string;
  /** Which direction is better for this unit. */
  better: "lower" | "higher";
  status: EntryStatus;
  ours: Summary | null;
  anchor: Summary | null;
  anchorName: string | null;
  /** `ours.median / anchor.median`, in the entry's unit. */
  ratio: number | null;
  target: Target | null;
  met: boolean | null;
  note?: string;
}

/** What a benchmark declares up front about one of its rows, so skipped and failed rows still show. */
export interface EntrySpec {
  group: string;
  name: string;
  unit: string;
  better: "lower" | "higher";
  anchorName: string | null;
  target: Target | null;
}

/** What the harness hands to a running benchmark. */
export interface BenchmarkContext {
  mode: Mode;
  /** Aborted when the benchmark runs past its time budget; long loops should check it. */
  signal: AbortSignal;
  /** Records one finished row; rows never recorded are reported as errors or skips by the harness. */
  record(entry: Entry): void;
  log(message: string): void;
}

/** A registered benchmark: one group of rows, run in one go. */
export interface Benchmark {
  id: string;
  title: string;
  specs: EntrySpec[];
  /** Time budget per mode, in seconds; past it the run is aborted and its unfinished rows become errors. */
  budgetSeconds: { quick: number; full: number };
  run(context: BenchmarkContext): Promise<void>;
}

/** Facts about the machine a run happened on. */
export interface MachineInfo {
  cpus: number;
  model: string;
  node: string;
  os: string;
  memoryGb: number;
}

/** The whole results file, `bench/results/latest.json`. */
export interface Results {
  schemaVersion: 1;
  timestamp: string;
  mode: Mode;
  machine: MachineInfo;
  durationSeconds: number;
  benchmarks: Entry[];
}
