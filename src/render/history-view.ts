/**
 * The person's history: per measure, this reading against their own
 * baseline in words, and their recent trend as a small SVG line (drawn with
 * attributes only: no inline styles, so strict CSPs allow it) with a table
 * for assistive technology. Before the baseline exists, how many sessions
 * remain. Wellbeing framing: "higher than your usual", never a diagnosis.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dateTimeFormat } from '../i18n/intl.js';
import type { MessageId, Translate } from '../i18n/messages.js';
import { APOLLO_MEASURES, compare, HELIOS_MEASURES, readingsOf, scoredRuns, type HistoryBaseline, type HistoryRun } from '../state/history.js';
import { bucketFor } from './helios-results.js';

/** The trend shows the most recent sessions only: a small chart stays readable. */
const TREND_SESSIONS = 10;
/** The chart's viewBox (0 0 120 40). */
const WIDTH = 120;
const HEIGHT = 40;
const PAD = 4;

export interface HistoryViewInput {
  readonly runs: readonly HistoryRun[];
  readonly baseline: HistoryBaseline;
  readonly model: string;
  readonly t: Translate;
  readonly lang: string;
}

const COMPARISON_TEXT = { lower: 'historyLower', usual: 'historyUsual', higher: 'historyHigher' } as const satisfies Record<string, MessageId>;

const y = (value: number) => HEIGHT - PAD - Math.min(1, Math.max(0, value)) * (HEIGHT - 2 * PAD);

function trendChart(values: readonly number[], baseline: number | undefined): TemplateResult {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const points = values.map((value, index) => [PAD + index * step, y(value)] as const);
  const last = points[points.length - 1]!;
  // One template: the HTML parser puts everything inside <svg> in the SVG namespace (Lit's svg tag would add to the main bundle).
  // Attributes only, no inline style: strict CSPs allow it. Without a baseline its line is not displayed.
  const usual = y(baseline ?? 0);
  return html`<svg class="trend" viewBox="0 0 120 40" aria-hidden="true" focusable="false">
    <line class="trend-baseline" x1=${PAD} x2=${WIDTH - PAD} y1=${usual} y2=${usual} display=${baseline === undefined ? 'none' : 'inline'}></line>
    <polyline class="trend-line" points=${points.map((point) => point.join(',')).join(' ')}></polyline>
    <circle class="trend-now" cx=${last[0]} cy=${last[1]} r="2.5"></circle>
  </svg>`;
}

function measureRow(measure: string, sessions: readonly HistoryRun[], input: HistoryViewInput): TemplateResult | typeof nothing {
  const { t, baseline } = input;
  const series = sessions
    .map((run) => ({ run, value: readingsOf(run)[measure] }))
    .filter((entry): entry is { run: HistoryRun; value: number } => entry.value !== undefined);
  const now = series[series.length - 1];
  if (!now) return nothing;
  const name = t(measure as MessageId);
  const usual = baseline.values?.[measure];
  const comparison = usual === undefined ? undefined : compare(now.value, usual);
  const recent = series.slice(-TREND_SESSIONS);
  const date = dateTimeFormat(input.lang, { dateStyle: 'medium' });
  return html`<li class="history-measure" data-measure=${measure} data-comparison=${comparison ?? 'none'}>
    <span class="biomarker-name">${name}</span>
    ${comparison ? html`<span class="history-comparison">${t(COMPARISON_TEXT[comparison])}</span>` : nothing}
    ${recent.length > 1 ? trendChart(recent.map((entry) => entry.value), usual) : nothing}
    <table class="visually-hidden">
      <caption>${t('historyTableCaption', { name })}</caption>
      <thead><tr><th scope="col">${t('historySession')}</th><th scope="col">${t('historyReading')}</th></tr></thead>
      <tbody>
        ${recent.map(
          (entry) => html`<tr><th scope="row">${date.format(new Date(entry.run.completedAt))}</th><td>${t(bucketFor(entry.value).label)}</td></tr>`,
        )}
        ${usual === undefined ? nothing : html`<tr><th scope="row">${t('historyUsualRow')}</th><td>${t(bucketFor(usual).label)}</td></tr>`}
      </tbody>
    </table>
  </li>`;
}

export function renderHistory(input: HistoryViewInput): TemplateResult {
  const { t, baseline } = input;
  const sessions = scoredRuns(input.runs);
  const measures = input.model === 'apollo' ? APOLLO_MEASURES : HELIOS_MEASURES;
  const ready = baseline.values !== undefined;
  return html`<section part="history" class="history" data-baseline=${ready ? 'ready' : 'forming'} aria-labelledby="history-heading">
    <h3 id="history-heading">${t('historyHeading')}</h3>
    ${ready
      ? html`<ul class="history-measures">${measures.map((measure) => measureRow(measure, sessions, input))}</ul>
          <p class="history-note">${t('historyNote', { total: baseline.sessions })}</p>`
      : html`<p class="history-progress">${t('historyProgress', { count: baseline.counted, total: baseline.sessions })}</p>
          <p class="history-note">${t('historyForming', { total: baseline.sessions })}</p>`}
  </section>`;
}
