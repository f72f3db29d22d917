import type { ResultView } from '../api/outcome.js';

export const RESULTS_MODES = ['full', 'summary', 'none'] as const;
export type ResultsMode = (typeof RESULTS_MODES)[number];

/** The host's `results` attribute when it names a mode; anything else counts as unset. */
export function hostResultsMode(value: unknown): ResultsMode | undefined {
  return (RESULTS_MODES as readonly unknown[]).includes(value) ? (value as ResultsMode) : undefined;
}

/**
 * How much of one view to render, decided here only. The host's mode wins;
 * unset, Apollo results are for clinicians (`none` wherever they appear,
 * even inside a voice-agent call on a page set up for Helios), and so is
 * everything on an Apollo element; the rest shows in full.
 */
export function resultsModeFor(view: ResultView, host: ResultsMode | undefined, model: string): ResultsMode {
  return host ?? (view.kind === 'apollo' || model === 'apollo' ? 'none' : 'full');
}
