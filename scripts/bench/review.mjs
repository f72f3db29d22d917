/**
 * Stop → review on screen (issue 25 item 1: ≤ 100 ms, a bench figure, never a test assertion), in
 * Chromium with the fake microphone playing test/fixtures/speech.wav: the built element on the
 * bench's take page (pages.mjs), no auto-submit, `min-speech-seconds` BENCH_REVIEW_MIN_SPEECH
 * (default 3: short takes keep the run short; the review does not grow with the take's length);
 * Record, wait until Submit is enabled (the minimum speech is in), then Stop as a click
 * (`benchTake.stopToReview()`): from just before the click to the review's take row in the
 * shadow DOM (`[part~=review] [part~=take]`, MutationObserver) and to the task after the next
 * animation frame (the frame that paints it: the figure). BENCH_REVIEW_RUNS takes (default 5) at
 * 1× CPU, then as many at 4× (Emulation.setCPUThrottlingRate, set before the element mounts). One
 * take at a time, each in a fresh context; nothing else of the bench runs meanwhile.
 */
import { join } from 'node:path';
import { launch, list, median, openTakePage } from './flow.mjs';

/** Returns rows for the recording table (`[figure, measured, budget]`) and adds the figures. */
export async function reviewBench({ root, chromium, chromiumPath, server, figure }) {
  const runs = Math.max(3, Number(process.env.BENCH_REVIEW_RUNS ?? 5));
  const minSpeech = Math.max(1, Number(process.env.BENCH_REVIEW_MIN_SPEECH ?? 3));
  const browser = await launch(chromium, chromiumPath, join(root, 'test', 'fixtures', 'speech.wav'));
  const rows = [];
  try {
    for (const cpu of [1, 4]) {
      const takes = [];
      for (let run = 0; run < runs; run += 1) {
        const { context, page, call, errors } = await openTakePage(browser, server);
        try {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
          const { uploadUrl, statusUrl } = server.newRun();
          await call('mount', { 'upload-url': uploadUrl, 'status-url': statusUrl, 'min-speech-seconds': String(minSpeech) });
          const startAt = await call('record');
          await call('waitForMinimum', 60_000);
          const result = await call('stopToReview', 10_000);
          takes.push({ ...result, seconds: (Date.now() - startAt) / 1000 });
          if (!result.visible) console.log(`  ! Stop → review (${cpu}× CPU, take ${run + 1}): the take row has no box (state ${result.state})`);
          for (const error of errors) console.log(`  ! Stop → review (${cpu}× CPU, take ${run + 1}): page error ${error}`);
        } finally {
          await context.close();
        }
      }
      const frame = takes.map((take) => take.frameMs);
      const dom = takes.map((take) => take.domMs);
      const seconds = takes.map((take) => take.seconds);
      const name = cpu === 1 ? 'review.stopToReview' : `review.cpu${cpu}x.stopToReview`;
      figure(`${name}.median`, median(frame), 'ms', cpu === 1 ? '<= 100' : undefined);
      figure(`${name}.max`, Math.max(...frame), 'ms');
      figure(`${name}.dom.median`, median(dom), 'ms');
      rows.push([
        `Stop click → review on screen, ${cpu}× CPU (${runs} takes of ${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)} s, no auto-submit)`,
        `median ${Math.round(median(frame))} ms [${list(frame)}] to the painted frame; take row in the DOM ${list(dom)}`,
        cpu === 1 ? '≤ 100 ms' : '',
      ]);
    }
  } finally {
    await browser.close();
  }
  return rows;
}
