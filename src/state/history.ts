/**
 * A person's history, judged against their own baseline, as thymia advises:
 * "establishing a baseline for each user over several sessions before acting
 * on individual readings". Pure: the runs `GET /history` answered in, the
 * readings, medians and comparisons out.
 */

/** One kept run as `GET /history` answers it (results after the results policy). */
export interface HistoryRun {
  readonly runId: string;
  readonly model: string;
  readonly completedAt: string;
  readonly results: unknown;
}

/** Each scored measure of one run: Helios' strain and biomarkers, Apollo's two disorders (0…1). */
export type Readings = Readonly<Record<string, number>>;

export interface HistoryBaseline {
  /** Sessions the baseline is made of (`baseline-sessions`). */
  readonly sessions: number;
  /** Sessions kept so far that count toward it (at most `sessions`). */
  readonly counted: number;
  /** The median of each measure over the first `sessions` runs; absent until there are that many. */
  readonly values?: Readings;
}

export const HELIOS_MEASURES = ['mentalStrain', 'distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem'] as const;
export const APOLLO_MEASURES = ['depression', 'anxiety'] as const;

/** How far from the baseline a reading must be to count as lower or higher: a bucket is a third wide. */
const CHANGE = 0.15;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const valueOf = (entry: unknown): number | undefined =>
  isObject(entry) && typeof entry.value === 'number' && Number.isFinite(entry.value) ? entry.value : undefined;

/** Helios biomarker → its continuous ("uniform") score, finer than the four buckets. */
const UNIFORM: Readonly<Record<string, string>> = {
  distress: 'uniformDistress',
  stress: 'uniformStress',
  exhaustion: 'uniformExhaustion',
  sleepPropensity: 'uniformSleepPropensity',
  lowSelfEsteem: 'uniformLowSelfEsteem',
};

/** The measures one run's status answer holds (none when the policy kept no scores). */
export function readingsOf(run: HistoryRun): Readings {
  const results = isObject(run.results) && isObject(run.results.results) ? run.results.results : undefined;
  const readings: Record<string, number> = {};
  if (!results) return readings;
  if (run.model === 'apollo') {
    const disorders = isObject(results.disorders) ? results.disorders : {};
    for (const measure of APOLLO_MEASURES) {
      const disorder = disorders[measure];
      if (isObject(disorder) && typeof disorder.probability === 'number') readings[measure] = disorder.probability;
    }
    return readings;
  }
  const sections = Array.isArray(results.sections) ? results.sections : [];
  const section: unknown = sections[sections.length - 1];
  if (!isObject(section)) return readings;
  for (const measure of HELIOS_MEASURES) {
    const value = valueOf(section[UNIFORM[measure] ?? '']) ?? valueOf(section[measure]);
    if (value !== undefined) readings[measure] = value;
  }
  return readings;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Oldest first, only runs with scores. */
export function scoredRuns(runs: readonly HistoryRun[]): HistoryRun[] {
  return runs
    .filter((run) => Object.keys(readingsOf(run)).length > 0)
    .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
}

/** The median of each measure over the person's first `sessions` scored runs. */
export function baselineOf(runs: readonly HistoryRun[], sessions: number): HistoryBaseline {
  const first = scoredRuns(runs).slice(0, sessions);
  if (first.length < sessions) return { sessions, counted: first.length };
  const values: Record<string, number> = {};
  const measures = new Set(first.flatMap((run) => Object.keys(readingsOf(run))));
  for (const measure of measures) {
    const seen = first.map((run) => readingsOf(run)[measure]).filter((value): value is number => value !== undefined);
    if (seen.length) values[measure] = median(seen);
  }
  return { sessions, counted: sessions, values };
}

export type Comparison = 'lower' | 'usual' | 'higher';

export function compare(reading: number, baseline: number): Comparison {
  if (reading <= baseline - CHANGE) return 'lower';
  if (reading >= baseline + CHANGE) return 'higher';
  return 'usual';
}
