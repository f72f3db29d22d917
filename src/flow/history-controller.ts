/**
 * After a result, fetches the person's history from `history-url` and
 * works out their baseline; announces it with `thymia-history`. Owns the
 * request: a new result or a disconnect aborts the one in flight.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchHistory } from '../api/history.js';
import { checkUrl } from '../api/url-policy.js';
import { RecorderError } from '../errors.js';
import type { ThymiaEventDetails } from '../events.js';
import { baselineOf, type HistoryBaseline, type HistoryRun } from '../state/history.js';

export interface HistoryInputs {
  readonly url: string;
  readonly model: string;
  /** The run just completed: the history must hold it (the server half keeps it before answering). */
  readonly runId: string | undefined;
  readonly sessions: number;
  readonly init: RequestInit;
}

export type HistoryState =
  | { readonly status: 'loading'; readonly key: string }
  | { readonly status: 'ready'; readonly key: string; readonly runs: readonly HistoryRun[]; readonly baseline: HistoryBaseline; readonly model: string }
  | { readonly status: 'failed'; readonly key: string };

export interface HistoryHooks {
  emit<Name extends 'thymia-history' | 'thymia-error'>(name: Name, detail: ThymiaEventDetails[Name]): void;
}

export class HistoryController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #hooks: HistoryHooks;
  #abort: AbortController | undefined;
  state: HistoryState | undefined;

  constructor(host: ReactiveControllerHost, hooks: HistoryHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  /** Loads once per completed run (every render asks; only a new run fetches). */
  load(inputs: HistoryInputs): void {
    const key = `${inputs.model}:${inputs.runId ?? ''}:${inputs.url}:${inputs.sessions}`;
    if (this.state?.key === key) return;
    this.#abort?.abort();
    let url: string;
    try {
      url = checkUrl(inputs.url, 'history-url');
    } catch (error) {
      this.state = { status: 'failed', key };
      if (error instanceof RecorderError) this.#hooks.emit('thymia-error', { code: error.code, message: error.message, recoverable: false, reason: error.extra.reason });
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.state = { status: 'loading', key };
    fetchHistory(url, inputs.model, inputs.init, abort.signal).then(
      (runs) => {
        if (abort.signal.aborted) return;
        const baseline = baselineOf(runs, inputs.sessions);
        this.state = { status: 'ready', key, runs, baseline, model: inputs.model };
        this.#hooks.emit('thymia-history', { runs, baseline });
        this.#host.requestUpdate();
      },
      () => {
        if (abort.signal.aborted) return;
        // History is extra: the result stands without it, so no error state, just no chart.
        this.state = { status: 'failed', key };
        this.#host.requestUpdate();
      },
    );
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // Reconnected, the element loads it again.
    this.state = undefined;
  }
}
