/**
 * The `playback` control of one take: play/pause, elapsed and total time and
 * a seek bar, over a plain `<audio>` without the browser's own controls (their
 * size and labels differ per engine). A real button and a real range input,
 * each 44 × 44 px or more, named for the take, so keyboards, switch access
 * and screen readers work it like any other control.
 */
import { html, nothing } from 'lit';
import type { PlaybackController } from '../flow/playback-controller.js';
import { formatClock } from '../i18n/messages.js';
import type { Translate } from '../i18n/messages.js';
import type { RecordingName } from '../state/machine.js';

export interface PlaybackOptions {
  readonly t: Translate;
  readonly lang: string;
  readonly step: RecordingName;
  /** The take's name as the person sees it ("Your recording", "Read aloud"). */
  readonly name: string;
  /** The take's length as recorded: a MediaRecorder WebM says Infinity until played through. */
  readonly durationSeconds: number;
  readonly playback: PlaybackController | undefined;
}

const audioOf = (event: Event) => (event.currentTarget as Element).closest('[part~="playback"]')!.querySelector('audio')!;

export function renderPlayback({ t, lang, step, name, durationSeconds, playback }: PlaybackOptions) {
  if (!playback?.available) return nothing;
  const url = playback.urlFor(step);
  if (!url) return nothing;
  const { playing, seconds } = playback.position(step);
  const total = Math.max(durationSeconds, seconds);
  const report = (event: Event) => playback.report(step, event.currentTarget as HTMLAudioElement);
  const clock = t('playbackTime', { elapsed: formatClock(seconds, lang), total: formatClock(total, lang) });
  return html`<div part="playback" class="playback" role="group" aria-label=${t('playbackLabel', { take: name })}>
    <audio
      preload="metadata"
      src=${url}
      @play=${report}
      @pause=${report}
      @ended=${report}
      @timeupdate=${report}
      @seeked=${report}
    ></audio>
    <button
      type="button"
      part="play-button"
      class="play"
      aria-label=${t(playing ? 'playbackPause' : 'playbackPlay', { take: name })}
      @click=${(event: Event) => playback.toggle(step, audioOf(event))}
    >
      <span class="play-icon" data-playing=${playing ? 'true' : 'false'} aria-hidden="true"></span>
    </button>
    <span class="playback-time" aria-hidden="true">${clock}</span>
    <input
      type="range"
      part="seek"
      class="seek"
      min="0"
      max=${total.toFixed(1)}
      step="0.1"
      .value=${seconds.toFixed(1)}
      aria-label=${t('playbackSeek', { take: name })}
      aria-valuetext=${clock}
      @input=${(event: Event) => playback.seek(step, audioOf(event), Number((event.currentTarget as HTMLInputElement).value))}
    />
  </div>`;
}
