/**
 * The Apollo protocol's on-screen guidance: the step indicator, each step's
 * prompt (mood question, read-aloud passage). The takes' review is in take-list.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../i18n/messages.js';
import { phrases } from './phrases.js';
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

function defaultPrompt(step: RecordingName, t: Translate, minSpeech: number, recording: boolean, lang: string): TemplateResult {
  const say = (text: string) => phrases(text, lang);
  if (step === 'readAloud') {
    // The passage scrolls in its own box, so the speech bar and Stop stay on a phone's screen with it.
    return html`${recording ? nothing : html`<p>${say(t('readAloudIntro'))}</p>${more(t('moreTips'), say(t('readAloudMore')))}`}
      <blockquote class="passage" tabindex="0" role="region" aria-label=${t('readAloudTitle')}>
        <strong>${say(t('readAloudTitle'))}</strong>
        <p>${say(t('readAloudPassage'))}</p>
      </blockquote>`;
  }
  // The question itself is the step's title (a host's own prompt brings its own).
  return html`<h2 class="title question" part="title" tabindex="-1" data-title>${say(t('moodQuestion'))}</h2>
    ${recording
      ? html`<p>${say(t('moodQuestionRecording'))}</p>`
      : html`<p>${say(t('moodQuestionHint'))}</p>${more(t('moreTips'), say(t('moodQuestionMore', { min: minSpeech })))}`}`;
}

function more(summary: string, detail: string | TemplateResult): TemplateResult {
  return html`<details class="more"><summary>${summary}</summary><p>${detail}</p></details>`;
}

/**
 * The step's prompt. Hosts replace it with `slot="prompt-mood-question"` /
 * `slot="prompt-read-aloud"` for one step, or `slot="prompt"` for whichever
 * step is current (the contract's slot); the step-specific slot wins.
 */
export function renderApolloPrompt(step: RecordingName, t: Translate, minSpeech: number, recording = false, lang = 'en'): TemplateResult {
  return html`<div part="prompt" data-step=${step}>
    <slot name=${STEP_TEXT[step].slot}><slot name="prompt">${defaultPrompt(step, t, minSpeech, recording, lang)}</slot></slot>
  </div>`;
}
