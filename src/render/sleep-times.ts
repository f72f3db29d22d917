import { html, type TemplateResult } from 'lit';

export { toThymiaLocalTime } from '../flow/local-time.js';

export type SleepTimesMessage = 'sleepTimeLabel' | 'wakeTimeLabel' | 'sleepOptionalHint';

export interface SleepTimesOptions {
  readonly t: (id: SleepTimesMessage) => string;
  /** Current values as `<input type="datetime-local">` holds them (`2026-11-22T23:30`), or ''. */
  readonly sleepTime: string;
  readonly wakeTime: string;
  readonly onSleepTime: (value: string) => void;
  readonly onWakeTime: (value: string) => void;
  /** The latest time that may be entered: now, in the same local format. */
  readonly max?: string;
}

/**
 * When the person last fell asleep and woke up, for thymia's `sleepTime` /
 * `wakeTime`. Optional: empty fields are fine and sent as nothing. Date and
 * time, not time alone, because a night spans two dates.
 */
export function renderSleepTimes({ t, sleepTime, wakeTime, onSleepTime, onWakeTime, max }: SleepTimesOptions): TemplateResult {
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return html`<fieldset class="sleep-times">
    <legend>${t('sleepOptionalHint')}</legend>
    <label class="field">
      <span>${t('sleepTimeLabel')}</span>
      <input type="datetime-local" part="sleep-time" step="60" max=${max ?? ''} .value=${sleepTime} @change=${(event: Event) => onSleepTime(value(event))} />
    </label>
    <label class="field">
      <span>${t('wakeTimeLabel')}</span>
      <input type="datetime-local" part="wake-time" step="60" min=${sleepTime} max=${max ?? ''} .value=${wakeTime} @change=${(event: Event) => onWakeTime(value(event))} />
    </label>
  </fieldset>`;
}

/** Now as a `datetime-local` value (local wall-clock, minutes), for `max`. */
export function localNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
