/**
 * The history view, its controller and styles: loaded on demand (its own
 * chunk) once a result arrives on a page with `history-url`, so the first
 * load of a Helios page does not grow. What to show, and when, is decided
 * here too, for the same reason.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { ThymiaEvent } from '../events.js';
import { HistoryController } from '../flow/history-controller.js';
import type { Translate } from '../i18n/messages.js';
import { renderHistory } from './history-view.js';

export { historyStyles as styles } from './history-styles.js';

/** What the element offers the history: its attributes, as properties. */
interface HistoryHost extends ReactiveControllerHost, EventTarget {
  readonly historyUrl?: string;
  readonly baselineSessions?: number;
  readonly results?: string;
  readonly statusRequestInit: RequestInit;
}

const controllers = new WeakMap<HistoryHost, HistoryController>();

/**
 * The history for the result just shown: a Helios result, or Apollo's under
 * `results="full"` only (Apollo results are for clinicians). Starts the
 * fetch for a new result; renders once it answered.
 */
export function renderHistoryOf(
  host: HistoryHost,
  result: { readonly model: string; readonly modelRunId: string | undefined } | undefined,
  language: { readonly t: Translate; readonly locale: string },
): TemplateResult | undefined {
  const model = result?.model;
  if (!host.historyUrl || !(model === 'helios' || (model === 'apollo' && host.results === 'full'))) return undefined;
  let history = controllers.get(host);
  // Its events go out as the element's own: typed, bubbling, composed.
  if (!history) controllers.set(host, (history = new HistoryController(host, { emit: (name, detail) => host.dispatchEvent(new ThymiaEvent(name, detail)) })));
  const sessions = Math.max(1, Math.floor(host.baselineSessions ?? 3) || 3);
  history.load({ url: host.historyUrl, model, runId: result?.modelRunId, sessions, init: host.statusRequestInit });
  const state = history.state;
  return state?.status === 'ready' ? renderHistory({ ...state, t: language.t, lang: language.locale }) : undefined;
}
