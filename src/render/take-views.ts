/**
 * The views around a take that a plain Helios page does not show before
 * Record: consent (`require-consent`), sleep times (`ask-sleep`), the
 * microphone choice (more than one input) and the whole `recorded` phase
 * (the take's summary, the quality warning, the Apollo review, the restore
 * offer). Loaded on demand, its own chunk, when one of them is wanted —
 * for a Helios page, when Record is pressed.
 */
import { html, nothing } from 'lit';
import { formatClock } from '../i18n/messages.js';
import { currentStep, hasNextStep, readyToSubmit } from '../state/machine.js';
import { renderConsentPanel } from './consent-panel.js';
import { renderDeviceSelect as renderDeviceSelectView } from './device-select.js';
import { button, phaseOf, renderReview, speechMeter, type PanelContext, type Part, type PhaseView } from './panel-parts.js';
import { renderQualityWarning } from './quality-warning.js';
import { localNow, renderSleepTimes } from './sleep-times.js';

export { preflightStyles as styles } from './preflight-styles.js';

export function renderPreflight(ctx: PanelContext): Part {
  const { preflight, t, snapshot } = ctx;
  if (ctx.following) return nothing;
  const firstRecording = !Object.keys(snapshot.machine.takes).length;
  return html`${preflight.requireConsent
    ? renderConsentPanel({ t, defaultText: preflight.defaultConsentText, accepted: preflight.consentAccepted, onChange: preflight.onConsent })
    : nothing}
  ${preflight.askSleep && firstRecording
    ? renderSleepTimes({ t, sleepTime: preflight.sleepInput, wakeTime: preflight.wakeInput, onSleepTime: preflight.onSleep, onWakeTime: preflight.onWake, max: localNow() })
    : nothing}
  ${renderDeviceChoice(ctx)}`;
}

export function renderDeviceChoice({ t, preflight }: PanelContext): Part {
  return renderDeviceSelectView({ t, inputs: preflight.inputs, selected: preflight.selectedDevice, onSelect: preflight.onSelectDevice });
}

/** A finished take with enough speech but audio worth retaking: advice, retake or go on anyway. */
function qualityWarningShown({ snapshot }: PanelContext): boolean {
  const take = snapshot.machine.takes[currentStep(snapshot.machine)];
  return !!take?.enough && !snapshot.restoredOffer && snapshot.qualityIssues.length > 0;
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

/** The `recorded` phase: the take's length and speech, then its choices. */
export const recordedView: PhaseView = {
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
      </div>${qualityWarningShown(ctx) ? renderTakeQuality(ctx) : nothing}${renderReview(ctx)}${renderDeviceChoice(ctx)}`;
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
};
