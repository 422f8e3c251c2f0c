/** The shape of bench/results.json (medians unless a field says otherwise). */
import { Machine } from './machine';

export interface BenchRow {
  /** Distributed member landscapes (the master landscape and one OneClick server come on top). */
  readonly n: number;
  readonly librarySynthMs: number;
  readonly baselineSynthMs: number;
  readonly libraryPeakMb: number;
  readonly baselinePeakMb: number;
  /** Resources on the longest depends_on chain of the library's plan. */
  readonly depth: number;
  readonly baselineDepth: number;
  /** new App() + building the constructs, and app.synth() (validation, resolve, write), library. */
  readonly libraryConstructMs: number;
  readonly librarySynthOnlyMs: number;
  readonly baselineConstructMs: number;
  readonly baselineSynthOnlyMs: number;
  /** RSS with every module loaded, before building (same modules in both children). */
  readonly startRssMb: number;
  readonly resources: number;
  readonly baselineResources: number;
  readonly provisionerBytes: number;
  readonly baselineProvisionerBytes: number;
  readonly outputMb: number;
  readonly baselineOutputMb: number;
  readonly repetitions: number;
  /** Every repetition's total time, library and baseline. */
  readonly librarySamplesMs: number[];
  readonly baselineSamplesMs: number[];
}

export interface CheckSummary {
  readonly n: number;
  /** Median of in-process runs of `cdktf-spectrum check <dir> --format json` (file reading and report included). */
  readonly checkMs?: number;
  /** Median of JSON.parse of the same cdk.tf.json text (already read). */
  readonly parseMs?: number;
  /** Median of readFileSync(file, 'utf8') of the same files: check = read + parse + its own work. */
  readonly readMs?: number;
  readonly firstCheckMs?: number;
  readonly firstParseMs?: number;
  readonly bytes?: number;
  readonly exitCode?: number;
  readonly repetitions?: number;
  /** Why the check was not measured. */
  readonly skipped?: string;
}

export interface BenchResults {
  readonly machine: string;
  readonly machineDetail: Machine;
  readonly date: string;
  /** The commit measured (`+`: with uncommitted changes in lib/). */
  readonly commit?: string;
  readonly planResource: string;
  readonly rows: BenchRow[];
  readonly check?: CheckSummary;
  /** The same estate with terraform_data (cdktf DataResource), once each: see README. */
  readonly terraformData?: {
    readonly n: number;
    readonly resources: number;
    readonly librarySynthMs: number;
    readonly baselineSynthMs: number;
    /** (terraform_data - null_resource) / resources, library. */
    readonly extraMsPerResource: number;
  };
  /** 1-minute load average at the start and the end (other work on the machine skews the times). */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly wallSeconds: number;
}
