/**
 * Entry of `dist/thymia-recorder.js`, the file a page loads with a script
 * tag: it defines `<thymia-recorder>` and exports the element's own surface.
 * The status adapters (zod and every platform's schema) stay out of it so
 * they load only when the first status answer needs reading; bundlers get
 * them from the package entry (`index.ts`).
 */
import { defineThymiaRecorder } from './define.js';

// One task after the core's evaluation: evaluating it and defining (making, connecting) the element are two
// tasks, not one long one at 4× CPU. Importers still find the element defined once the import resolves.
await new Promise((resolve) => setTimeout(resolve));
defineThymiaRecorder();

export { ThymiaRecorder, type RecorderModel } from './thymia-recorder.js';
export { THYMIA_EVENT_NAMES, ThymiaEvent } from './events.js';
export type * from './events.js';
export { ERROR_CODES, type ErrorCode, type RecorderErrorDetail } from './errors.js';
export { RECORDER_STATES, type RecorderStateName, type RecordingName } from './state/machine.js';
