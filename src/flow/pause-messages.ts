import type { MessageId } from '../i18n/messages.js';
import type { PauseReason } from '../state/pauses.js';

/**
 * What the person reads (and a screen reader announces) for each reason a
 * take paused. Apart from the pause flow, which loads only when recording
 * starts: a take restored paused is shown before that.
 */
export const PAUSE_MESSAGES: { readonly [Reason in PauseReason]: MessageId } = {
  user: 'pausedUser',
  muted: 'pausedMuted',
  ended: 'pausedEnded',
  interrupted: 'pausedInterrupted',
  hidden: 'pausedHidden',
  'device-lost': 'pausedDeviceLost',
};
