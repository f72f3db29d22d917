/**
 * The review: one `take` row per finished take, laid out alike — its name,
 * its length and speech, its `playback` and its own `retake-button` (named
 * for the take, so "Retake" is never ambiguous). No all-takes Retake.
 */
import { html, nothing } from 'lit';
import type { PlaybackController } from '../flow/playback-controller.js';
import { formatClock, type MessageId, type Translate } from '../i18n/messages.js';
import type { RecordingName, TakeSummary } from '../state/machine.js';
import { renderPlayback } from './playback.js';

export const TAKE_NAMES = {
  main: 'takeMain',
  moodQuestion: 'stepMoodQuestion',
  readAloud: 'stepReadAloud',
} as const satisfies Record<RecordingName, MessageId>;

export interface ListedTake {
  readonly step: RecordingName;
  readonly take: TakeSummary;
  /** The upload URL of this submission already has it. */
  readonly sent: boolean;
}

export interface TakeListOptions {
  readonly t: Translate;
  readonly lang: string;
  readonly takes: readonly ListedTake[];
  readonly playback: PlaybackController | undefined;
  /** Absent: the takes are shown without a Retake (a restored offer decides as a whole). */
  readonly onRetake: ((step: RecordingName) => void) | undefined;
  /** The take worth retaking (audio quality issues): its Retake is the primary button. */
  readonly suggestRetake?: RecordingName;
  /** Every take of the protocol is listed: the review before submitting. */
  readonly review: boolean;
  /** The step on show: its length carries the `timer` part, as the live timer did. */
  readonly current: RecordingName;
}

export function renderTakeList({ t, lang, takes, playback, onRetake, suggestRetake, current, review }: TakeListOptions) {
  // `review` once every take is in (the review before submitting); a step's own take alone is just listed.
  return html`<ul class="review" part=${review ? 'review' : 'takes'} aria-label=${t('reviewHeading')} data-playback=${playback?.status ?? 'checking'}>
    ${takes.map(({ step, take, sent }) => {
      const name = t(TAKE_NAMES[step]);
      const stats = t('reviewTake', { duration: formatClock(take.durationSeconds, lang), speech: Math.floor(take.speechSeconds) });
      return html`<li part="take" class="take" data-recording=${step} ?data-sent=${sent}>
        <p class="take-head">
          <span class="take-name">${name}</span>
          <span class="take-stats" part=${step === current ? 'timer' : nothing}>${stats}</span>
          ${sent ? html`<span class="take-sent">✓ ${t('takeSent')}</span>` : nothing}
        </p>
        ${renderPlayback({ t, lang, step, name, durationSeconds: take.durationSeconds, playback })}
        ${onRetake
          ? html`<button
              type="button"
              part="retake-button retake-take-button"
              class=${suggestRetake === step ? 'retake primary' : 'retake'}
              data-recording=${step}
              aria-label=${t('retakeStep', { step: name })}
              @click=${() => onRetake(step)}
            >
              ${t('retake')}
            </button>`
          : nothing}
      </li>`;
    })}
  </ul>`;
}
