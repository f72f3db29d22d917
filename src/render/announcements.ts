/**
 * What the live region says when the element moves on: recording started or
 * paused, the minimum speech reached, the take ready, the upload and the
 * analysis under way, the results in. Pure, and loaded with the views that
 * follow Record (nothing is announced before it).
 */
import { formatClock, type MessageKey, type Translate } from '../i18n/messages.js';
import type { AnnouncerReading } from './announcer.js';

function completeKey(reading: AnnouncerReading): MessageKey {
  if (reading.following) return 'callEnded';
  return reading.model === 'apollo' ? 'apolloSubmitted' : 'complete';
}

/** The sentence to announce when `next` follows `previous`, or undefined when nothing worth saying happened. */
export function announcementFor(previous: AnnouncerReading | undefined, next: AnnouncerReading, t: Translate): string | undefined {
  const was = previous?.state;
  const is = next.state;
  if (is === 'recording') {
    // Paused by an interruption or the person: the reason is said once; resuming says "Recording" again.
    if (next.paused) return next.paused === previous?.paused ? undefined : next.paused;
    if (was !== 'recording' || previous?.paused) return t('recording');
    if (!previous!.enough && next.enough) return t('speechEnough');
    return undefined;
  }
  if (was === is) return undefined;
  switch (is) {
    case 'recorded':
      // Stopped short: the too-short notice (role="alert") says so already.
      return was === 'recording' && next.take?.enough
        ? t('reviewReady', { duration: formatClock(next.take.durationSeconds), speech: Math.floor(next.take.speechSeconds) })
        : undefined;
    case 'uploading':
      return t(next.model === 'apollo' ? 'uploadingApollo' : 'uploading');
    case 'processing':
      return was === 'uploading' ? t(next.model === 'apollo' ? 'processingApollo' : 'processing') : undefined;
    case 'complete':
      return t(completeKey(next));
    default:
      return undefined;
  }
}
