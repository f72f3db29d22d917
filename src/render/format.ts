/** Small text formatters shared by the results renderers. */

/** `sleepPropensity`, `very_happy`, `no-answer` → "Sleep propensity", "Very happy", "No answer". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** 0…1 → whole percent, clamped. */
export function percent(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

/** Numbers, dates and durations in the UI language: `Intl`, cached per locale (see i18n/intl.ts). */
export { formatClock, formatDateTime, formatDuration, formatNumber, formatSeconds } from '../i18n/intl.js';
