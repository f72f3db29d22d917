/**
 * Package entry for bundlers: defines `<thymia-recorder>` (once, even if
 * loaded twice) and exports its types and building blocks.
 */
import { defineThymiaRecorder } from './define.js';

defineThymiaRecorder();

export { TAG_NAME } from './define.js';
export { ThymiaRecorder, type RecorderModel } from './thymia-recorder.js';
export { THYMIA_EVENT_NAMES, ThymiaEvent } from './events.js';
export type * from './events.js';
export { ERROR_CODES, type ErrorCode, type RecorderErrorDetail } from './errors.js';
export { RECORDER_STATES, type RecorderStateName, type RecordingName } from './state/machine.js';
export { DEFAULT_TIMING, type ResilienceTiming } from './api/timing.js';
export { STATUS_ADAPTERS } from './api/adapters/index.js';
export type { StatusAdapter, StatusOutcome, ResultView } from './api/outcome.js';
export type { MessageId, MessageOverrides } from './i18n/messages.js';
export { LANGUAGES, resolveLanguage, type Language } from './i18n/languages.js';
