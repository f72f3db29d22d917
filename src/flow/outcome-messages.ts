/**
 * What the person reads when a run or a call ends without results: neutral,
 * actionable advice chosen by thymia's `errorCode` or the call's failure —
 * never thymia's `errorReason` or the platform's own error text.
 */
import type { CallFailure } from '../api/outcome.js';
import type { MessageKey, Translate } from '../i18n/messages.js';

/** thymia's MentalWellnessErrorCode / ApolloErrorCode values, each with its own advice. */
const MODEL_ERROR_CODES = [
  'ERR_RECORDING_INVALID_FORMAT',
  'ERR_RECORDING_TOO_SHORT',
  'ERR_RECORDING_TOO_LONG',
  'ERR_TRANSCRIPTION_FAILED',
  'ERR_INTERNAL',
] as const satisfies readonly MessageKey[];

const CALL_FAILURE_MESSAGES = {
  busy: 'callBusy',
  'no-answer': 'callNoAnswer',
  canceled: 'callCanceled',
  failed: 'callFailed',
} as const satisfies Record<CallFailure, MessageKey>;

export function modelErrorMessage(errorCode: string | undefined, t: Translate): string {
  const known = MODEL_ERROR_CODES.find((code) => code === errorCode);
  // Codes thymia adds later still get advice, just a generic one.
  return t(known ?? 'modelErrorUnknown');
}

export function callFailureMessage(failure: CallFailure, t: Translate): string {
  return t(CALL_FAILURE_MESSAGES[failure]);
}
