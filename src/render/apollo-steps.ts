/**
 * The Apollo protocol's on-screen guidance: the step indicator, each step's
 * prompt (mood question, read-aloud passage) and the review of both takes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatClock, type MessageKey, type Translate } from '../i18n/messages.js';
import type { RecordingName, TakeSummary } from '../state/machine.js';

export const STEP_TEXT = {
  main: { label: 'record', slot: 'prompt-main' },
  moodQuestion: { label: 'stepMoodQuestion', slot: 'prompt-mood-question' },
  readAloud: { label: 'stepReadAloud', slot: 'prompt-read-aloud' },
} as const satisfies Record<RecordingName, { label: MessageKey; slot: string }>;

type Takes = Readonly<Partial<Record<RecordingName, TakeSummary>>>;

/** Ordered list of steps; the current one has aria-current="step", finished ones data-done. */
export function renderStepIndicator(steps: readonly RecordingName[], current: RecordingName, takes: Takes, t: Translate): TemplateResult {
  return html`<ol class="steps" part="steps" aria-label=${t('stepsLabel')}>
    ${steps.map((step, index) => {
      const done = takes[step]?.enough === true;
      return html`<li data-step=${step} aria-current=${step === current ? 'step' : 'false'} ?data-done=${done}>
        ${index + 1}. ${t(STEP_TEXT[step].label)}${done ? html`<span class="visually-hidden"> (${t('stepDone')})</span>` : nothing}
      </li>`;
    })}
  </ol>`;
}

function defaultPrompt(step: RecordingName, t: Translate, minSpeech: number): TemplateResult {
  if (step === 'readAloud') {
    return html`<p class="hint">${t('readAloudIntro')}</p>
      <blockquote class="passage">
        <strong>${t('readAloudTitle')}</strong>
        <p>${t('readAloudPassage')}</p>
      </blockquote>`;
  }
  return html`<p class="question"><strong>${t('moodQuestion')}</strong></p>
    <p class="hint">${t('moodQuestionHint', { min: minSpeech })}</p>`;
}

/**
 * The step's prompt. Hosts replace it with `slot="prompt-mood-question"` /
 * `slot="prompt-read-aloud"` for one step, or `slot="prompt"` for whichever
 * step is current (the contract's slot); the step-specific slot wins.
 */
export function renderApolloPrompt(step: RecordingName, t: Translate, minSpeech: number): TemplateResult {
  return html`<div part="prompt" data-step=${step}>
    <slot name=${STEP_TEXT[step].slot}><slot name="prompt">${defaultPrompt(step, t, minSpeech)}</slot></slot>
  </div>`;
}

export interface ReviewTake {
  readonly step: RecordingName;
  readonly take: TakeSummary;
  /** The upload URL of this submission already has it. */
  readonly sent: boolean;
}

/** Both takes, each retakeable on its own, before (or after a failed) submit. */
export function renderTakesReview(
  takes: readonly ReviewTake[],
  t: Translate,
  onRetake: ((step: RecordingName) => void) | undefined,
): TemplateResult {
  return html`<ul class="review" part="review" aria-label=${t('reviewHeading')}>
    ${takes.map(({ step, take, sent }) => {
      const name = t(STEP_TEXT[step].label);
      return html`<li class="take" data-recording=${step} ?data-sent=${sent}>
        <span class="take-name">${name}</span>
        <span class="take-stats">${t('reviewTake', { duration: formatClock(take.durationSeconds), speech: Math.floor(take.speechSeconds) })}</span>
        ${sent ? html`<span class="take-sent">✓ ${t('takeSent')}</span>` : nothing}
        ${onRetake
          ? html`<button type="button" part="retake-take-button" data-recording=${step} aria-label=${t('retakeStep', { step: name })} @click=${() => onRetake(step)}>
              ${t('retake')}
            </button>`
          : nothing}
      </li>`;
    })}
  </ul>`;
}
