import { html, nothing } from 'lit';
import type { QualityIssue } from '../capture/quality.js';

export type QualityWarningMessage =
  | 'qualityAdvice'
  | 'qualityMostlySilence'
  | 'qualityTooQuiet'
  | 'qualityClipping'
  | 'qualityLowSampleRate'
  | 'qualityProcessingOn'
  | 'retake'
  | 'submitAnyway';

/** One piece of advice per issue, in the order worth acting on. */
const ADVICE: Readonly<Record<QualityIssue, QualityWarningMessage>> = {
  'mostly-silence': 'qualityMostlySilence',
  'too-quiet': 'qualityTooQuiet',
  clipping: 'qualityClipping',
  'low-sample-rate': 'qualityLowSampleRate',
  'processing-on': 'qualityProcessingOn',
};

export interface QualityWarningOptions {
  readonly t: (id: QualityWarningMessage) => string;
  readonly issues: readonly QualityIssue[];
  /** Without these the advice stands alone, and the take's own Retake and the step's Submit carry the choice. */
  readonly onRetake?: () => void;
  readonly onSubmitAnyway?: () => void;
  readonly disabled?: boolean;
  /** A step that is not the last (Apollo's mood question) goes on to the next one instead of submitting. */
  readonly goOn?: { readonly label: string; readonly part: string };
}

/**
 * After a take with quality issues: what to change, in neutral words, and
 * the person's choice to retake or submit anyway. It never blocks: thymia
 * may still analyse the recording, only less accurately.
 */
export function renderQualityWarning({ t, issues, onRetake, onSubmitAnyway, disabled = false, goOn }: QualityWarningOptions) {
  if (!issues.length) return nothing;
  const advice = (Object.keys(ADVICE) as QualityIssue[]).filter((issue) => issues.includes(issue));
  return html`<div part="quality-warning" class="quality-warning" role="status">
    <p><strong>${t('qualityAdvice')}</strong></p>
    <ul>
      ${advice.map((issue) => html`<li data-issue=${issue}>${t(ADVICE[issue])}</li>`)}
    </ul>
    ${onRetake && onSubmitAnyway ? html`<div class="controls">
      <button type="button" part="retake-button" class="primary" ?disabled=${disabled} @click=${onRetake}>${t('retake')}</button>
      <button type="button" part=${goOn?.part ?? 'submit-button submit-anyway-button'} ?disabled=${disabled} @click=${onSubmitAnyway}>
        ${goOn?.label ?? t('submitAnyway')}
      </button>
    </div>` : nothing}
  </div>`;
}
