import type { MessageKey } from '../i18n/messages.js';

/**
 * thymia's Apollo probability ranges (Interpreting Results): 0–0.3 low,
 * 0.3–0.5 borderline, 0.5–0.7 moderate, 0.7–1 high. The published ranges
 * share their endpoints; a boundary value belongs to the higher band, so
 * exactly 0.5 reads "moderate", never under-stating.
 */
export const PROBABILITY_BANDS = [
  { min: 0.7, level: 'high', label: 'bandHigh' },
  { min: 0.5, level: 'moderate', label: 'bandModerate' },
  { min: 0.3, level: 'borderline', label: 'bandBorderline' },
  { min: 0, level: 'low', label: 'bandLow' },
] as const satisfies readonly { min: number; level: string; label: MessageKey }[];

export type ProbabilityBand = (typeof PROBABILITY_BANDS)[number];

export function probabilityBand(probability: number): ProbabilityBand {
  return PROBABILITY_BANDS.find((band) => probability >= band.min) ?? PROBABILITY_BANDS[PROBABILITY_BANDS.length - 1];
}
