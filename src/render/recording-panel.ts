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
import { currentStep, readyToSubmit, type Phase } from '../state/machine.js';
import {
  button,
  phaseOf,
  renderDeviceSelect,
  renderReview,
  speechMeter,
  type PanelContext,
  type Part,
  type PhaseView,
} from './panel-parts.js';
import { renderPausedNotice, renderPauseControl } from './pause-controls.js';
import { styleProperties } from './style-properties.js';

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
    ${busy ? nothing : renderSteps(ctx)} ${busy ? nothing : renderPrompt(ctx)} ${view.body(ctx)}
    ${ctx.snapshot.notice ? renderNotice(ctx) : nothing}
    <div class="controls">${view.controls(ctx)}</div>
  `;
}

function renderSteps({ snapshot: { machine }, t, views }: PanelContext): Part {
  if (machine.steps.length < 2 || !views) return nothing;
  return views.renderStepIndicator(machine.steps, currentStep(machine), machine.takes, t);
}

function renderPrompt(ctx: PanelContext): Part {
  const { machine } = ctx.snapshot;
  if (ctx.following) return nothing;
  if (machine.steps.length > 1) return ctx.views?.renderApolloPrompt(currentStep(machine), ctx.t, ctx.minSpeechSeconds) ?? nothing;
  return html`<div part="prompt"><slot name="prompt"><p>${ctx.t('instructionsHelios')}</p></slot></div>`;
}

function renderNotice({ snapshot: { notice, machine } }: PanelContext): TemplateResult {
  const { code, recoverable, message } = notice!;
  const tone = code === ERROR_CODES.tooShort || (machine.phase.name === 'recorded' && recoverable) ? 'info' : 'error';
  return html`<div part="error" role="alert" data-code=${code} data-tone=${tone} tabindex="-1" data-focus-fallback>${message}</div>`;
}

/** Following a call or handed off to an activity: what is happening, instead of "analysing". */
function renderFollowing({ snapshot, activityMode, t, views }: PanelContext): TemplateResult {
  const link = snapshot.handoffLink;
  return html`${link && views ? views.renderActivityHandoff(link, activityMode === 'iframe' ? 'iframe' : 'tab', t) : nothing}
    ${views?.renderFollowStatus(snapshot.lastStatus, t) ?? nothing}
    <progress part="progress" aria-label=${t('followWaiting')}></progress>`;
}

/** Record needs consent (when asked for) and a page that can record at all. */
function canRecord({ preflight, snapshot }: PanelContext): boolean {
  return (!preflight.requireConsent || preflight.consentAccepted) && !snapshot.unavailable;
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
  recording: {
    body: (ctx) => {
      const { t, live, maxSeconds, lang } = ctx;
      return html`${renderPausedNotice(ctx)}<div class="live">
        <span part="timer" role="timer" aria-label=${t('timer')}
          ><span class=${ctx.snapshot.paused ? 'recording-dot is-paused' : 'recording-dot'} aria-hidden="true"></span>${formatClock(live.elapsedSeconds, lang)} / ${formatClock(maxSeconds, lang)}</span
        >
        <span part="level-meter" role="meter" aria-label=${t('levelMeter')} aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${Math.round(live.level * 100)}
          ><span class="meter-fill" ${styleProperties({ '--value': String(live.level) })}></span
        ></span>
        ${speechMeter(ctx, live.speechSeconds)}
      </div>`;
    },
    controls: (ctx) => {
      const { snapshot: { machine, paused }, live, minSpeechSeconds, t, actions } = ctx;
      const enough = live.speechSeconds >= minSpeechSeconds;
      const current = currentStep(machine);
      const lastNeeded = machine.steps.every((step) => step === current || machine.takes[step]?.enough);
      return html`${renderPauseControl(ctx)}${button('stop-button', t('stop'), actions.stop, { primary: !enough && !paused })}
      ${lastNeeded
        ? button('submit-button', t('finishAndSubmit'), actions.submit, { primary: enough && !paused, disabled: !enough })
        : button('next-button', t('finishAndNext'), actions.next, { primary: enough && !paused, disabled: !enough })}`;
    },
  },
  // Reached only after Record (or a restored take): its views load with the take views.
  recorded: {
    body: (ctx) => ctx.takeViews?.recordedView.body(ctx) ?? nothing,
    controls: (ctx) => ctx.takeViews?.recordedView.controls(ctx) ?? nothing,
  },
  uploading: {
    body: ({ snapshot: { upload, machine }, t }) =>
      html`<p class="hint" role="status" tabindex="-1" data-focus-fallback>${upload.retrying ? t('uploadRetrying') : t(machine.steps.length > 1 ? 'uploadingApollo' : 'uploading')}</p>
        <progress part="progress" aria-label=${t('uploadProgress')} max=${Math.max(1, upload.total)} value=${upload.loaded}></progress>`,
    controls: () => nothing,
  },
  processing: {
    body: (ctx) => {
      const { snapshot, t } = ctx;
      if (ctx.following || snapshot.handoffLink) return renderFollowing(ctx);
      return html`<p class="hint" role="status" tabindex="-1" data-focus-fallback>${t(snapshot.machine.steps.length > 1 ? 'processingApollo' : 'processing')}</p>
        <progress part="progress" aria-label=${t('processing')}></progress>`;
    },
    controls: () => nothing,
  },
  complete: {
    body: ({ snapshot, t, lang, hostMode, model, views }) => {
      const outcome = snapshot.outcome;
      return html`<section part="results" tabindex="-1" data-focus-fallback>
        ${views?.renderResultViews(outcome?.views ?? [], { t, lang, hostMode, model, warnings: outcome?.warnings ?? [] }) ?? nothing}
      </section>`;
    },
    controls: () => nothing,
  },
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
          return html`${button('submit-button', t('tryAgain'), actions.submit, { primary: true, disabled: !readyToSubmit(snapshot.machine) })}
          ${button('retake-button', t('retake'), () => actions.retake())}`;
        case 'poll':
          return button('retry-button', t('tryAgain'), actions.retryPoll, { primary: true });
        default:
          return nothing;
      }
    },
  },
};
