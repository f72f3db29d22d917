/**
 * Numbers, dates and durations as the UI language writes them, through
 * `Intl`. Formatters are cached per locale and options (a timer formats
 * every frame), and a tag `Intl` rejects falls back to English rather than
 * throwing inside a render.
 */

const FALLBACK_LOCALE = 'en';
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, make: (locale: string) => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      // RangeError for a malformed tag (a host's typo in `lang`): English digits and words, not a broken render.
      formatter = make(FALLBACK_LOCALE);
    }
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

/** A raw score as the UI language writes numbers, to at most two decimals. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** An ISO timestamp as a medium date and short time in the UI language, or undefined when it does not parse. */
export function formatDateTime(iso: string, locale: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A stopwatch reading, `m:ss` (`0:07`, `2:05`, `12:40`), in the locale's
 * digits. The colon layout is kept in every language: it is how recorders
 * and phones show elapsed time in all four.
 */
export function formatClock(totalSeconds: number, locale: string = FALLBACK_LOCALE): string {
  const seconds = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const minutes = numberFormat(locale, { useGrouping: false }).format(Math.floor(seconds / 60));
  const rest = numberFormat(locale, { useGrouping: false, minimumIntegerDigits: 2 }).format(seconds % 60);
  return `${minutes}:${rest}`;
}

/** Whole seconds with the locale's unit: `12 sec` / `12 s` / `12 dtk` / `12 秒` (short), `12 seconds` / `12秒` (long). */
export function formatSeconds(seconds: number, locale: string, unitDisplay: 'short' | 'long' | 'narrow' = 'short'): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay }).format(whole);
}

interface DurationFormatLike {
  format(duration: { minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'long' | 'short' | 'narrow' }) => DurationFormatLike;

/**
 * A length of time in words, for screen readers and `aria-valuetext`:
 * `2 minutes, 5 seconds`, `2 minutos y 5 segundos`, `2 menit 5 detik`,
 * `2分5秒`. `Intl.DurationFormat` where the browser has it; else minutes
 * and seconds through `NumberFormat` units joined by `ListFormat`.
 */
export function formatDuration(totalSeconds: number, locale: string, style: 'long' | 'short' = 'long'): string {
  const seconds = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const parts = { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    const duration = parts.minutes ? (parts.seconds ? parts : { minutes: parts.minutes }) : { seconds: parts.seconds };
    return cached('duration', locale, { style }, (tag) => new DurationFormat(tag, { style })).format(duration);
  }
  const unit = (value: number, name: 'minute' | 'second') => numberFormat(locale, { style: 'unit', unit: name, unitDisplay: style }).format(value);
  const words = [parts.minutes ? unit(parts.minutes, 'minute') : '', parts.seconds || !parts.minutes ? unit(parts.seconds, 'second') : ''].filter(Boolean);
  const list = cached('list', locale, { style }, (tag) => new Intl.ListFormat(tag, { type: 'unit', style: style === 'long' ? 'long' : 'short' }));
  return list.format(words);
}
