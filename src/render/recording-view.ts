/**
 * The `recording` phase: the clock, the speech bar that must fill, the
 * loudness, Pause (Resume and why, when paused), Stop, and the button that
 * sends at once (saying that it skips listening back). Loaded with the take views when Record is pressed.
 */
import { html, nothing } from 'lit';
import { formatClock } from '../i18n/messages.js';
import { currentStep } from '../state/machine.js';
import { levelMeter, speechMeter } from './meters.js';
import { button, type PhaseView } from './panel-parts.js';
import { renderPausedNotice, renderPauseControl } from './pause-controls.js';

/** The limit is shown once this close to it. */
const NEAR_LIMIT_SECONDS = 30;

export const recordingView: PhaseView = {
  body: (ctx) => {
    const { t, live, maxSeconds, lang } = ctx;
    // The limit matters only near it; before that, what matters is the speech still needed (under the bar).
    const nearLimit = maxSeconds - live.elapsedSeconds <= NEAR_LIMIT_SECONDS;
    return html`${renderPausedNotice(ctx)}<div class="live">
      <p class="clock">
        <span part="timer" role="timer" aria-label=${t('timer')}
          ><span class=${ctx.snapshot.paused ? 'recording-dot is-paused' : 'recording-dot'} aria-hidden="true"></span>${formatClock(live.elapsedSeconds, lang)}${nearLimit
            ? html`<span class="limit"> / ${formatClock(maxSeconds, lang)}</span>`
            : nothing}</span
        >${nearLimit ? html`<span class="hint limit-hint">${t('limitNear', { max: formatClock(maxSeconds, lang) })}</span>` : nothing}
      </p>
      ${speechMeter(ctx, live.speechSeconds)} ${levelMeter(ctx, live.level)}
    </div>`;
  },
  // Stop leads to the review (listen back, then send). The second button sends at once, and says that it skips the review.
  // Paused (by the person or an interruption), Resume comes first and is the primary button.
  controls: (ctx) => {
    const { snapshot: { machine, paused }, live, minSpeechSeconds, t, actions } = ctx;
    const enough = live.speechSeconds >= minSpeechSeconds;
    const current = currentStep(machine);
    const lastNeeded = machine.steps.every((step) => step === current || machine.takes[step]?.enough);
    const skip = { disabled: !enough, describedBy: 'skip-review-help' };
    return html`${renderPauseControl(ctx)}${button('stop-button', t('stop'), actions.stop, { primary: !paused })}
      ${lastNeeded
        ? button('submit-button', t('finishAndSubmit'), actions.submit, skip)
        : button('next-button', t('finishAndNext'), actions.next, skip)}
      <p class="hint controls-help" id="skip-review-help" ?hidden=${!enough}>${t('skipReviewHelp')}</p>`;
  },
};
