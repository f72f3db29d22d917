/**
 * Recordings found in storage that are not one plain file: a journal in
 * several parts (the microphone was replaced mid-take) is joined into one,
 * and a take an earlier page left paused is picked out, to come back paused.
 */
import type { RecoverableRecording } from '../storage/restore.js';

/** The joiner loads only when a found journal has more than one part. */
const loadJoin = () => import('../capture/join-parts.js');

export interface FoundTakes {
  /** Finished (or crashed mid-recording) takes, each one file: offered for upload as before. */
  readonly finished: RecoverableRecording[];
  /** The take that was paused when the page went away, with its parts apart (Resume adds the next). */
  readonly paused: RecoverableRecording | undefined;
}

export async function sortFound(found: readonly RecoverableRecording[]): Promise<FoundTakes> {
  const paused = found.find((entry) => entry.paused && entry.parts?.length && entry.position);
  const finished = await Promise.all(
    found
      .filter((entry) => entry !== paused)
      .map(async (entry) => {
        if (!entry.parts || entry.parts.length < 2) return entry;
        const { joinParts } = await loadJoin();
        const parts = entry.parts.map((bytes) => ({ blob: new Blob([bytes], { type: entry.mimeType }), seconds: Infinity }));
        const joined = await joinParts(parts, entry.mimeType);
        return { ...entry, bytes: await joined.arrayBuffer(), parts: undefined };
      }),
  );
  return { finished, paused };
}
