/**
 * Everything the element shows, phase by phase: step indicator, prompt, the
 * live timer and meters, notices, results and the controls. Controls only
 * call the actions they are given; the state they show comes from the flow's
 * snapshot. One table (`PHASE_VIEWS`) pairs each phase's body with its controls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ERROR_CODES } from '../errors.js';
import type { FlowSnapshot } from '../flow/flow-controller.js';
import { formatClock, type Translate } from '../i18n/messages.js';
import { currentStep, hasNextStep, readyToSubmit, type Phase, type RecordingName } from '../state/machine.js';
import type { ActivityMode } from './activity-handoff.js';
import type * as ProtocolViewsModule from './protocol-views.js';
import type { ResultsMode } from './results-mode.js';
import type { AudioInput } from '../capture/devices.js';
import { renderConsentPanel } from './consent-panel.js';
import { renderDeviceSelect } from './device-select.js';
import { renderQualityWarning } from './quality-warning.js';
import { localNow, renderSleepTimes } from './sleep-times.js';
import { styleProperties } from './style-properties.js';

export type ProtocolViews = typeof ProtocolViewsModule;

/** What the person can ask for; the element routes each to the flow. */
export interface PanelActions {
  readonly start: () => void;
  readonly stop: () => void;
  readonly submit: () => void;
  readonly reset: () => void;
  readonly next: () => void;
  readonly continue: () => void;
  readonly retake: (step?: RecordingName) => void;
  readonly retryPoll: () => void;
}

/** The capture's live readings while recording. */
export interface LiveReadings {
  readonly elapsedSeconds: number;
  readonly speechSeconds: number;
  /** 0 … 1. */
  readonly level: number;
}

export interface PanelContext {
  readonly snapshot: FlowSnapshot;
  readonly live: LiveReadings;
  readonly t: Translate;
  readonly lang: string;
  readonly model: string;
  readonly minSpeechSeconds: number;
  readonly maxSeconds: number;
  readonly following: boolean;
  readonly activityMode: ActivityMode;
  readonly hostMode: ResultsMode | undefined;
  readonly isSent: (step: RecordingName) => boolean;
  readonly actions: PanelActions;
  /** Apollo steps, results and hand-offs: loaded on demand, absent on a Helios page until needed. */
  readonly views: ProtocolViews | undefined;
  readonly preflight: PreflightView;
}

/** Before recording: consent, sleep times and the microphone choice. */
export interface PreflightView {
  readonly requireConsent: boolean;
  readonly consentAccepted: boolean;
  /** Shown when the page puts nothing in slot `consent`. */
  readonly defaultConsentText: string;
  readonly onConsent: (accepted: boolean) => void;
  readonly askSleep: boolean;
  readonly sleepInput: string;
  readonly wakeInput: string;
  readonly onSleep: (value: string) => void;
  readonly onWake: (value: string) => void;
  readonly inputs: readonly AudioInput[];
  readonly selectedDevice: string | undefined;
  readonly onSelectDevice: (deviceId: string) => void;
}

type Part = TemplateResult | typeof nothing;
interface PhaseView {
  readonly body: (ctx: PanelContext) => Part;
  readonly controls: (ctx: PanelContext) => Part;
}
type PhaseOf<Name extends Phase['name']> = Extract<Phase, { name: Name }>;

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

function phaseOf<Name extends Phase['name']>(ctx: PanelContext, _name: Name): PhaseOf<Name> {
  return ctx.snapshot.machine.phase as PhaseOf<Name>;
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

/** Apollo: both takes listed, each retakeable, once both are in (and after a failed upload). */
function renderReview(ctx: PanelContext): Part {
  const { machine } = ctx.snapshot;
  if (machine.steps.length < 2 || !readyToSubmit(machine) || !ctx.views) return nothing;
  const takes = machine.steps.map((step) => ({ step, take: machine.takes[step]!, sent: ctx.isSent(step) }));
  return ctx.views.renderTakesReview(takes, ctx.t, (step) => ctx.actions.retake(step));
}

function speechMeter({ t, minSpeechSeconds: min }: PanelContext, speechSeconds: number): TemplateResult {
  const ratio = min > 0 ? Math.min(1, speechSeconds / min) : 1;
  const remaining = Math.max(0, Math.ceil(min - speechSeconds));
  const progress = t('speechProgress', { speech: Math.floor(speechSeconds), min });
  return html`
    <span
      part="speech-meter"
      role="progressbar"
      aria-label=${progress}
      aria-valuemin="0"
      aria-valuemax=${min}
      aria-valuenow=${Math.min(min, Math.floor(speechSeconds))}
      data-speech-seconds=${speechSeconds.toFixed(1)}
      ><span class="meter-fill" ${styleProperties({ '--value': String(ratio) })}></span
    ></span>
    <p class="hint">${progress} — ${remaining > 0 ? t('speechNeedMore', { remaining }) : t('speechEnough')}</p>
  `;
}

function button(part: string, label: string, onClick: () => void, options: { primary?: boolean; disabled?: boolean } = {}): TemplateResult {
  return html`<button type="button" part=${part} class=${options.primary ? 'primary' : ''} ?disabled=${options.disabled ?? false} @click=${onClick}>
    ${label}
  </button>`;
}

function renderTakeQuality(ctx: PanelContext): Part {
  const { snapshot, t, actions } = ctx;
  const last = readyToSubmit(snapshot.machine) || !hasNextStep(snapshot.machine);
  return renderQualityWarning({
    t,
    issues: snapshot.qualityIssues,
    onRetake: () => actions.retake(),
    onSubmitAnyway: last ? actions.submit : actions.next,
    goOn: last ? undefined : { label: t('next'), part: 'next-button' },
  });
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

function renderPreflight(ctx: PanelContext): Part {
  const { preflight, t, snapshot } = ctx;
  if (ctx.following) return nothing;
  const firstRecording = !Object.keys(snapshot.machine.takes).length;
  return html`${preflight.requireConsent
    ? renderConsentPanel({ t, defaultText: preflight.defaultConsentText, accepted: preflight.consentAccepted, onChange: preflight.onConsent })
    : nothing}
  ${preflight.askSleep && firstRecording
    ? renderSleepTimes({ t, sleepTime: preflight.sleepInput, wakeTime: preflight.wakeInput, onSleepTime: preflight.onSleep, onWakeTime: preflight.onWake, max: localNow() })
    : nothing}
  ${renderDeviceSelect({ t, inputs: preflight.inputs, selected: preflight.selectedDevice, onSelect: preflight.onSelectDevice })}`;
}

/** A finished take with enough speech but audio worth retaking: advice, retake or go on anyway. */
function qualityWarningShown({ snapshot }: PanelContext): boolean {
  const take = snapshot.machine.takes[currentStep(snapshot.machine)];
  return !!take?.enough && !snapshot.restoredOffer && snapshot.qualityIssues.length > 0;
}

const PHASE_VIEWS: { readonly [Name in Phase['name']]: PhaseView } = {
  idle: {
    body: renderPreflight,
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
      return html`<div class="live">
        <span part="timer" role="timer" aria-label=${t('timer')}
          ><span class="recording-dot" aria-hidden="true"></span>${formatClock(live.elapsedSeconds, lang)} / ${formatClock(maxSeconds, lang)}</span
        >
        <span part="level-meter" role="meter" aria-label=${t('levelMeter')} aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${Math.round(live.level * 100)}
          ><span class="meter-fill" ${styleProperties({ '--value': String(live.level) })}></span
        ></span>
        ${speechMeter(ctx, live.speechSeconds)}
      </div>`;
    },
    controls: ({ snapshot: { machine }, live, minSpeechSeconds, t, actions }) => {
      const enough = live.speechSeconds >= minSpeechSeconds;
      const current = currentStep(machine);
      const lastNeeded = machine.steps.every((step) => step === current || machine.takes[step]?.enough);
      return html`${button('stop-button', t('stop'), actions.stop, { primary: !enough })}
      ${lastNeeded
        ? button('submit-button', t('finishAndSubmit'), actions.submit, { primary: enough, disabled: !enough })
        : button('next-button', t('finishAndNext'), actions.next, { primary: enough, disabled: !enough })}`;
    },
  },
  recorded: {
    body: (ctx) => {
      const { snapshot, t } = ctx;
      const take = snapshot.machine.takes[currentStep(snapshot.machine)];
      if (!take) return nothing;
      const values = { duration: formatClock(take.durationSeconds, ctx.lang), speech: Math.floor(take.speechSeconds) };
      return html`${snapshot.restoredOffer
          ? html`<p class="hint" part="restored" role="status">${take.enough ? t('restoredOffer', values) : t('restoredTooShort', values)}</p>`
          : nothing}<div class="live">
          <span part="timer" role="timer" aria-label=${t('timer')}>${formatClock(take.durationSeconds, ctx.lang)}</span>
          ${speechMeter(ctx, take.speechSeconds)}
        </div>${qualityWarningShown(ctx) ? renderTakeQuality(ctx) : nothing}${renderReview(ctx)}${renderDeviceSelect({
          t,
          inputs: ctx.preflight.inputs,
          selected: ctx.preflight.selectedDevice,
          onSelect: ctx.preflight.onSelectDevice,
        })}`;
    },
    controls: (ctx) => {
      const { snapshot, t, actions } = ctx;
      const { machine } = snapshot;
      const ready = readyToSubmit(machine);
      const take = machine.takes[currentStep(machine)];
      // An Apollo step restored on its own, with enough speech, carries on to the next step instead.
      if (snapshot.restoredOffer && (ready || !take?.enough)) {
        return html`${ready ? button('submit-button restore-upload-button', t('restoreUpload'), actions.submit, { primary: true }) : nothing}
        ${button('retake-button discard-button', t('discard'), actions.reset, { primary: !ready })}`;
      }
      // The quality warning carries this take's choices (retake, or go on anyway).
      if (qualityWarningShown(ctx)) return nothing;
      const canContinue = !phaseOf(ctx, 'recorded').final;
      return html`${canContinue ? button('continue-button', t('continueRecording'), actions.continue, { primary: true }) : nothing}
      ${button('retake-button', t('retake'), () => actions.retake())}
      ${!ready && hasNextStep(machine)
        ? button('next-button', t('next'), actions.next, { primary: !!take?.enough, disabled: !take?.enough })
        : button('submit-button', t('submit'), actions.submit, { primary: ready, disabled: !ready })}`;
    },
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
          return html`${renderDeviceSelect({ t, inputs: ctx.preflight.inputs, selected: ctx.preflight.selectedDevice, onSelect: ctx.preflight.onSelectDevice })}
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
