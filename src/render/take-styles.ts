import { css } from 'lit';

/**
 * The meters' labels and looks while recording, the review's take rows and
 * their playback, and the undo after a retake: adopted with the take views,
 * which load when Record is pressed. Every control is 44 × 44 px or more.
 */
export const takeStyles = css`
  /* Recording: the clock, the pulsing dot, why a take paused, the meters. */
  .live {
    display: grid;
    gap: 0.75rem;
  }
  [part~='timer'] {
    font-variant-numeric: tabular-nums;
    font-size: 1.5em;
    font-weight: 600;
  }
  .recording-dot {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.4em;
    border-radius: 50%;
    background: var(--_danger);
    /* Two states, not a fade: a stepped animation wakes the page twice a second, a fade every frame. */
    animation: pulse 1.2s steps(1) infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .recording-dot {
      animation: none;
    }
  }
  /* Paused: the dot holds still and dims, so the person sees at a glance nothing is being recorded. */
  .recording-dot.is-paused {
    animation: none;
    opacity: 0.35;
  }
  .pause-notice {
    margin: 0 0 0.5rem;
    padding: 0.6rem 0.75rem;
    border-left: 4px solid var(--_caution);
    background: color-mix(in srgb, var(--_caution) 12%, transparent);
  }
  /* The meters are bars (the base sheet's .bar, .bar-fill) that move with each update, without a transition: one eased between updates would redraw every frame. */
  .meter-fill {
    transform: scaleX(var(--value, 0));
    transform-origin: 0;
  }
  [part~='speech-meter'] .meter-fill {
    background: var(--thymia-speech, #0e9f6e);
  }
  /* The live meters' labels and looks (they load when Record is pressed, with these views). */
  .clock {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75rem;
    margin: 0;
  }
  .meter {
    display: grid;
    gap: 0.25rem;
  }
  .meter-label {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    font-size: 0.9em;
  }
  .speech .meter-label {
    font-weight: 600;
  }
  .level .meter-label {
    color: var(--_muted);
    font-size: 0.8em;
  }
  /* The bar that must fill: tall, outlined to its goal, in the speech colour. */
  [part~='speech-meter'] {
    height: 1.25rem;
    border: 2px solid var(--thymia-speech, #0e9f6e);
    border-radius: 0.4rem;
  }
  /* The loudness: thin and neutral, a glance that the microphone hears you, not a target. */
  [part~='level-meter'] {
    height: 0.35rem;
  }
  [part~='level-meter'] .meter-fill {
    background: var(--_muted);
  }
  .controls-help {
    flex-basis: 100%;
  }
  /* Japanese split into words by Intl.Segmenter (engines without word-break: auto-phrase): lines break only between them. */
  .phrases {
    word-break: keep-all;
  }
  .review {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .take {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_track);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .take-head {
    margin: 0;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .take-name {
    font-weight: 600;
  }
  /* The current take's length carries the timer part too: it looks like every other take's. */
  .take .take-stats,
  .take-sent {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: 400;
  }
  .take .retake {
    grid-column: 2;
    grid-row: 1;
  }
  .playback {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: auto auto minmax(0, 1fr);
    align-items: center;
    gap: 0.5rem;
  }
  .playback audio {
    display: none;
  }
  .play {
    width: 44px;
    padding: 0;
    display: grid;
    place-items: center;
  }
  /* A triangle to play, two bars to pause: drawn with borders, no icon font or inline SVG needed. */
  .play-icon {
    width: 0;
    height: 0;
    border-style: solid;
    border-width: 0.5rem 0 0.5rem 0.8rem;
    border-color: transparent transparent transparent currentColor;
  }
  .play-icon[data-playing='true'] {
    width: 0.8rem;
    height: 1rem;
    border-width: 0 0.25rem;
    border-color: currentColor;
  }
  .playback-time {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    color: var(--_muted);
    white-space: nowrap;
  }
  .seek {
    width: 100%;
    min-width: 0;
    height: 44px;
    margin: 0;
    accent-color: var(--_accent);
    background: transparent;
  }
  .undo {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) / 1.5);
    background: color-mix(in srgb, var(--_accent) 6%, transparent);
  }
  .device-select select {
    width: 100%;
    min-width: 0;
    max-width: 100%;
  }
  .field {
    min-width: 0;
  }
`;
