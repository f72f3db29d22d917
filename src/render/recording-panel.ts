/**
 * Everything the element shows, phase by phase: step indicator, prompt, the
 * live timer and meters, notices, results and the controls. Controls only
 * call the actions they are given; the state they show comes from the flow's
 * snapshot. One table (`PHASE_VIEWS`) pairs each phase's body with its controls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AudioInput } from '../capture/devices.js';
import { ERROR_CODES } from '../errors.js';
import { formatClock } from '../i18n/messages.js';
import type { MessageId } from '../i18n/messages.js';
import { currentStep, readyToSubmit, type Phase, type RecordingName } from '../state/machine.js';
import {
  button,
  phaseOf,
  renderDeviceSelect,
  renderReview,
  type PanelContext,
  type Part,
  type PhaseView,
} from './panel-parts.js';
import { renderPausedNotice, renderPauseControl } from './pause-controls.js';

export type { LiveReadings, PanelActions, PanelContext, PreflightView, ProtocolViews, TakeViews } from './panel-parts.js';

/** Whether the page shows any of the take views now or soon (consent, sleep times, a choice of microphones, a take): load them. */
export function takeViewsNeeded(page: { readonly requireConsent: boolean; readonly askSleep: boolean; readonly inputs: readonly AudioInput[] }, state: Phase['name']): boolean {
  return page.requireConsent || page.askSleep || page.inputs.length > 1 || state !== 'idle';
}

export function renderPanel(ctx: PanelContext): TemplateResult {
  const phase = ctx.snapshot.machine.phase.name;
  const view = PHASE_VIEWS[phase];
  const busy = phase === 'complete' || phase === 'processing' || phase === 'uploading';
  return html`
    ${busy ? nothing : renderSteps(ctx)} ${busy ? nothing : renderTitle(ctx)} ${promptShown(ctx) ? renderPrompt(ctx) : nothing} ${view.body(ctx)}
    ${ctx.snapshot.notice ? renderNotice(ctx) : nothing}
    <div class="controls">${view.controls(ctx)}</div>
  `;
}

function renderSteps({ snapshot: { machine }, t, views }: PanelContext): Part {
  if (machine.steps.length < 2 || !views) return nothing;
  return views.renderStepIndicator(machine.steps, currentStep(machine), machine.takes, t);
}

/** What the step asks of the person now: the one heading focus and the view move to on every change. */
function titleKey({ snapshot, following }: PanelContext): MessageId | undefined {
  const { machine } = snapshot;
  const phase = machine.phase;
  if (following) return undefined;
  // The review's titles come with its views.
  if (phase.name === 'recorded') return undefined;
  if (phase.name === 'error' && phase.retry !== 'record') return undefined;
  return STEP_TITLES[currentStep(machine)];
}

/** The mood question's title is the question, inside its prompt (see apollo-steps.ts). */
const STEP_TITLES = { main: 'titleHelios', moodQuestion: undefined, readAloud: 'titleReadAloud' } as const satisfies Record<RecordingName, MessageId | undefined>;

function renderTitle(ctx: PanelContext): Part {
  const key = titleKey(ctx);
  return key ? html`<h2 class="title" part="title" tabindex="-1" data-title>${ctx.t(key)}</h2>` : (ctx.snapshot.machine.phase.name === 'recorded' && ctx.takeViews?.renderRecordedTitle(ctx)) || nothing;
}

/** The prompt belongs to recording a step: before, during and on a retry; never above the review. */
function promptShown({ snapshot: { machine }, following }: PanelContext): boolean {
  const phase = machine.phase;
  if (following) return false;
  return phase.name === 'idle' || phase.name === 'requesting-permission' || phase.name === 'recording' || (phase.name === 'error' && phase.retry === 'record');
}

function renderPrompt(ctx: PanelContext): Part {
  const { machine } = ctx.snapshot;
  const recording = machine.phase.name === 'recording';
  if (machine.steps.length > 1) return ctx.views?.renderApolloPrompt(currentStep(machine), ctx.t, ctx.minSpeechSeconds, recording, ctx.lang) ?? nothing;
  const { t } = ctx;
  return html`<div part="prompt"><slot name="prompt">${recording
    ? html`<p>${t('instructionsHeliosRecording')}</p>`
    : html`<p>${t('instructionsHelios')}</p>${more(t('moreTips'), t('instructionsHeliosMore'))}`}</slot></div>`;
}

/** Detail behind a disclosure, so the instruction itself stays short enough to read before acting. */
function more(summary: string, detail: string): TemplateResult {
  return html`<details class="more"><summary>${summary}</summary><p>${detail}</p></details>`;
}

function renderNotice({ snapshot: { notice, machine } }: PanelContext): TemplateResult {
  const { code, recoverable, message } = notice!;
  const tone = code === ERROR_CODES.tooShort || (machine.phase.name === 'recorded' && recoverable) ? 'info' : 'error';
  return html`<div part="error" role="alert" data-code=${code} data-tone=${tone} tabindex="-1" data-focus-fallback>${message}</div>`;
}

/** Record needs consent (when asked for) and a page that can record at all. */
function canRecord({ preflight, snapshot }: PanelContext): boolean {
  return (!preflight.requireConsent || preflight.consentAccepted) && !snapshot.unavailable;
}

/** A phase whose view has not arrived yet (offline as Record was pressed): a bare progress bar until it does. */
function afterRecord(phase: 'uploading' | 'processing' | 'complete'): PhaseView {
  return {
    body: (ctx) => ctx.views?.phaseViews[phase].body(ctx) ?? (phase === 'complete' ? nothing : html`<progress part="progress"></progress>`),
    controls: (ctx) => ctx.views?.phaseViews[phase].controls(ctx) ?? nothing,
  };
}

const PHASE_VIEWS: { readonly [Name in Phase['name']]: PhaseView } = {
  idle: {
    body: (ctx) => ctx.takeViews?.renderPreflight(ctx) ?? nothing,
    controls: (ctx) =>
      ctx.following ? nothing : button('record-button', ctx.t('record'), ctx.actions.start, { primary: true, disabled: !canRecord(ctx) }),
  },
  'requesting-permission': {
    body: ({ t }) => html`<p class="hint" role="status" tabindex="-1" data-focus-fallback>${t('requestingPermission')}</p>`,
    controls: ({ t }) => button('record-button', t('record'), () => undefined, { primary: true, disabled: true }),
  },
  // Its meters and choices come with the take views (fetched while the microphone is asked for); until then, the clock and Stop.
  recording: {
    body: (ctx) =>
      ctx.takeViews?.recordingView.body(ctx) ??
      html`${renderPausedNotice(ctx)}<span part="timer" role="timer" aria-label=${ctx.t('timer')}>${formatClock(ctx.live.elapsedSeconds, ctx.lang)}</span>`,
    controls: (ctx) =>
      ctx.takeViews?.recordingView.controls(ctx) ??
      html`${renderPauseControl(ctx)}${button('stop-button', ctx.t('stop'), ctx.actions.stop, { primary: !ctx.snapshot.paused })}`,
  },
  // Reached only after Record (or a restored take): its views load with the take views.
  recorded: {
    body: (ctx) => ctx.takeViews?.recordedView.body(ctx) ?? nothing,
    controls: (ctx) => ctx.takeViews?.recordedView.controls(ctx) ?? nothing,
  },
  // After Record (or while following a call): their views come with the protocol views, fetched when Record is pressed.
  uploading: afterRecord('uploading'),
  processing: afterRecord('processing'),
  complete: afterRecord('complete'),
  error: {
    // A failed upload keeps both takes: show which already went, each still retakeable.
    body: (ctx) => (phaseOf(ctx, 'error').retry === 'submit' ? renderReview(ctx) : nothing),
    controls: (ctx) => {
      const { t, actions, snapshot } = ctx;
      const phase = phaseOf(ctx, 'error');
      switch (phase.retry) {
        case 'record':
          return html`${renderDeviceSelect(ctx)}
          ${button('record-button', phase.error.code === ERROR_CODES.modelError ? t('recordAgain') : t('tryAgain'), actions.start, { primary: true })}`;
        case 'submit':
          // Each take keeps its own Retake in the list above.
          return button('submit-button', t('tryAgain'), actions.submit, { primary: true, disabled: !readyToSubmit(snapshot.machine) });
        case 'poll':
          return button('retry-button', t('tryAgain'), actions.retryPoll, { primary: true });
        default:
          return nothing;
      }
    },
  },
};
