/**
 * The views around a take that a plain Helios page does not show before
 * Record: consent (`require-consent`), sleep times (`ask-sleep`), the
 * microphone choice (more than one input) and the whole `recorded` phase
 * (the takes to listen back to, the quality advice, the restore offer).
 * Loaded on demand, its own chunk, when one of them is wanted — for a
 * Helios page, when Record is pressed — together with the playback
 * controller, so listening back costs a first load nothing.
 */
import { css, html, nothing } from 'lit';
import { formatClock } from '../i18n/messages.js';
import { currentStep, hasNextStep, readyToSubmit, type RecordingName } from '../state/machine.js';
import { renderConsentPanel } from './consent-panel.js';
import { renderDeviceSelect as renderDeviceSelectView } from './device-select.js';
import { speechMeter } from './meters.js';
import { button, phaseOf, type PanelContext, type Part, type PhaseView } from './panel-parts.js';
import { preflightStyles } from './preflight-styles.js';
import { renderQualityWarning } from './quality-warning.js';
import { phrases } from './phrases.js';
import { localNow, renderSleepTimes } from './sleep-times.js';
import { renderTakeList, TAKE_NAMES } from './take-list.js';
import { takeStyles } from './take-styles.js';

export { PlaybackController } from '../flow/playback-controller.js';
export { recordingView } from './recording-view.js';
export const styles = css`${preflightStyles}${takeStyles}`;

export function renderPreflight(ctx: PanelContext): Part {
  const { preflight, t, snapshot } = ctx;
  if (ctx.following) return nothing;
  const firstRecording = !Object.keys(snapshot.machine.takes).length;
  return html`${renderUndo(ctx)}${preflight.requireConsent
    ? renderConsentPanel({ t, defaultText: preflight.defaultConsentText, accepted: preflight.consentAccepted, onChange: preflight.onConsent })
    : nothing}
  ${preflight.askSleep && firstRecording
    ? renderSleepTimes({ t, sleepTime: preflight.sleepInput, wakeTime: preflight.wakeInput, onSleepTime: preflight.onSleep, onWakeTime: preflight.onWake, max: localNow() })
    : nothing}
  ${renderDeviceChoice(ctx)}`;
}

/** Right after a retake: what was discarded, and the way back to it. */
function renderUndo({ snapshot, t, actions }: PanelContext): Part {
  const step = snapshot.undoable;
  if (!step) return nothing;
  return html`<div class="undo" part="undo" role="status">
    <span>${t('retakeDiscarded', { take: t(TAKE_NAMES[step]) })}</span>
    ${button('undo-retake-button', t('undo'), actions.undoRetake)}
  </div>`;
}

/** The microphone choice: before a take (and before a retake), never on the review. */
export function renderDeviceChoice({ t, preflight }: PanelContext): Part {
  return renderDeviceSelectView({ t, inputs: preflight.inputs, selected: preflight.selectedDevice, onSelect: preflight.onSelectDevice });
}

/** A finished take with enough speech but audio worth retaking. */
function qualityWarningShown({ snapshot }: PanelContext): boolean {
  const take = snapshot.machine.takes[currentStep(snapshot.machine)];
  return !!take?.enough && !snapshot.restoredOffer && snapshot.qualityIssues.length > 0;
}

/** The takes to show: every step once all are in (the review), else the current step's. */
function listedSteps({ snapshot: { machine } }: PanelContext): RecordingName[] {
  return readyToSubmit(machine) ? machine.steps.filter((step) => machine.takes[step]) : [currentStep(machine)];
}

/** The takes as rows, each with its playback and its own Retake. */
export function renderTakes(ctx: PanelContext, options: { retake?: boolean } = {}): Part {
  const { machine } = ctx.snapshot;
  const takes = listedSteps(ctx)
    .filter((step) => machine.takes[step])
    .map((step) => ({ step, take: machine.takes[step]!, sent: ctx.isSent(step) }));
  if (!takes.length) return nothing;
  return renderTakeList({
    t: ctx.t,
    lang: ctx.lang,
    takes,
    playback: ctx.playback,
    onRetake: options.retake === false ? undefined : (step) => ctx.actions.retake(step),
    suggestRetake: qualityWarningShown(ctx) ? currentStep(machine) : undefined,
    current: currentStep(machine),
    review: readyToSubmit(machine),
  });
}

/** The review's title: what to do with the take(s) now. */
export function renderRecordedTitle(ctx: PanelContext): Part {
  const { machine, restoredOffer } = ctx.snapshot;
  const key = restoredOffer ? 'titleRestored' : !phaseOf(ctx, 'recorded').final ? 'titleTooShort' : readyToSubmit(machine) ? 'titleReview' : 'titleReviewStep';
  return html`<h2 class="title" part="title" tabindex="-1" data-title>${phrases(ctx.t(key), ctx.lang)}</h2>`;
}

/** The `recorded` phase: a paused take to continue, or the finished takes to listen back to and send. */
export const recordedView: PhaseView = {
  body: (ctx) => {
    const { snapshot, t } = ctx;
    const take = snapshot.machine.takes[currentStep(snapshot.machine)];
    if (!take) return nothing;
    // Stopped before enough speech: the meter says how far it got, the notice what to do.
    if (!phaseOf(ctx, 'recorded').final) return html`<div class="live">${speechMeter(ctx, take.speechSeconds, { paused: true })}</div>`;
    const ready = readyToSubmit(snapshot.machine);
    const restoredText = snapshot.restoredOffer
      ? html`<p class="hint" part="restored" role="status">${take.enough
          ? t('restoredOffer', { duration: formatClock(take.durationSeconds, ctx.lang), speech: Math.floor(take.speechSeconds) })
          : t('restoredTooShort', { duration: formatClock(take.durationSeconds, ctx.lang), speech: Math.floor(take.speechSeconds) })}</p>`
      : nothing;
    // A restored offer decides as a whole (send or discard), unless it is a full set the person can redo step by step.
    const retake = !snapshot.restoredOffer || (ready && snapshot.machine.steps.length > 1);
    return html`${restoredText}${renderTakes(ctx, { retake })}${qualityWarningShown(ctx) ? renderQualityWarning({ t, issues: snapshot.qualityIssues }) : nothing}`;
  },
  controls: (ctx) => {
    const { snapshot, t, actions } = ctx;
    const { machine } = snapshot;
    const ready = readyToSubmit(machine);
    const take = machine.takes[currentStep(machine)];
    const several = machine.steps.length > 1;
    // An Apollo step restored on its own, with enough speech, carries on to the next step instead.
    if (snapshot.restoredOffer && (ready || !take?.enough)) {
      return html`${ready ? button('submit-button restore-upload-button', t('restoreUpload'), actions.submit, { primary: true }) : nothing}
      ${button(several && ready ? 'discard-button' : 'retake-button discard-button', t('discard'), actions.reset, { primary: !ready })}`;
    }
    if (!phaseOf(ctx, 'recorded').final) {
      const name = t(TAKE_NAMES[currentStep(machine)]);
      // What comes once there is enough speech stays in sight, off for now.
      return html`${button('continue-button', t('continueRecording'), actions.continue, { primary: true })}
      ${button('retake-button', t('retake'), () => actions.retake(), { label: t('retakeStep', { step: name }) })} ${goOn(ctx, false)}`;
    }
    return goOn(ctx, qualityWarningShown(ctx));
  },
};

/** Next (a step follows) or Submit (the set is complete); after a quality warning, "Submit anyway". */
function goOn(ctx: PanelContext, warned: boolean): Part {
  const { snapshot, t, actions } = ctx;
  const { machine } = snapshot;
  const ready = readyToSubmit(machine);
  const take = machine.takes[currentStep(machine)];
  const final = phaseOf(ctx, 'recorded').final;
  if (!ready && hasNextStep(machine)) return button('next-button', t('next'), actions.next, { primary: final && !warned && !!take?.enough, disabled: !final || !take?.enough });
  return button(warned ? 'submit-button submit-anyway-button' : 'submit-button', t(warned ? 'submitAnyway' : 'submit'), actions.submit, {
      primary: ready && !warned,
      disabled: !ready,
    });
}
