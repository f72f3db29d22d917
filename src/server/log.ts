/**
 * What the handler reports to the host's `log` hook. Every entry is written
 * here from fixed text, codes, statuses and timings: never the API key, an
 * upload URL, a token, thymia's errorReason or anything from `authorize`.
 */
export interface ThymiaLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  /** A fixed, greppable name, e.g. `session.created`, `upstream.retry`, `store.failed`. */
  readonly event: string;
  readonly message: string;
  readonly model?: string;
  /** Our answer's or thymia's HTTP status, whichever the event is about. */
  readonly status?: number;
  readonly durationMs?: number;
}

export type ThymiaLogger = (entry: ThymiaLogEntry) => void;

/** Without a hook: warnings and errors to the console, nothing else. */
export const defaultLogger: ThymiaLogger = (entry) => {
  if (entry.level === 'info') return;
  const line = `[thymia-recorder/server] ${entry.event}: ${entry.message}${entry.status ? ` (${entry.status})` : ''}`;
  if (entry.level === 'error') console.error(line);
  else console.warn(line);
};

/** A logging hook that throws must not turn a good answer into a failure. */
export function safeLogger(log: ThymiaLogger): ThymiaLogger {
  return (entry) => {
    try {
      log(entry);
    } catch {
      // The host's logger failed; nothing better to do with the entry.
    }
  };
}
