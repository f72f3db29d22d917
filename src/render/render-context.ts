import type { Translate } from '../i18n/messages.js';
import type { ResultsMode } from './results-mode.js';

/** What every results renderer needs besides its data. */
export interface RenderContext {
  readonly t: Translate;
  /** BCP 47 language for dates and numbers. */
  readonly lang: string;
  readonly mode: ResultsMode;
}
