/**
 * The analyser without an element: the speech worklet loads from its own
 * file in every engine, counts exactly what the same analysis counts on the
 * page from the same samples, and stops counting while paused.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { AudioAnalyser } from '../../src/capture/audio-analyser.js';
import { createAudioContext, loadSpeechWorklet } from '../../src/capture/audio-context.js';
import { SpeechAnalysis, type AnalysisSnapshot } from '../../src/capture/speech-analysis.js';
import { SPEECH_PROCESSOR_NAME, speechWorkletUrl } from '../../src/capture/worklet-protocol.js';

const SECONDS = 6;

async function speechBuffer(context: BaseAudioContext): Promise<AudioBuffer> {
  const bytes = await (await fetch('/test/fixtures/speech.wav')).arrayBuffer();
  return context.decodeAudioData(bytes);
}

/**
 * Whether audio may start without a click: WebKit (as Safari) waits for a
 * user gesture, which a test page cannot make, so the live tests below run
 * in Chromium and Firefox; the offline one runs everywhere.
 */
async function audioStartsWithoutGesture(): Promise<boolean> {
  const context = new AudioContext();
  const started = await Promise.race([context.resume().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);
  await context.close();
  return started;
}

/** A "microphone" that plays the first seconds of speech.wav, as a MediaStream made in another context. */
async function speechStream(seconds: number): Promise<{ stream: MediaStream; done: Promise<void>; close: () => Promise<void> }> {
  const context = new AudioContext();
  await context.resume();
  const source = new AudioBufferSourceNode(context, { buffer: await speechBuffer(context) });
  const destination = context.createMediaStreamDestination();
  source.connect(destination);
  source.start(context.currentTime + 0.05, 0, seconds);
  const done = new Promise<void>((resolve) => source.addEventListener('ended', () => resolve(), { once: true }));
  return { stream: destination.stream, done, close: () => context.close() };
}

describe('speech worklet', () => {
  it('counts exactly what the same analysis counts on the page, from the same samples', async function () {
    this.timeout(20_000);
    const decoded = await speechBuffer(new OfflineAudioContext(1, 1, 48_000));
    const context = new OfflineAudioContext(1, SECONDS * decoded.sampleRate, decoded.sampleRate);
    await context.audioWorklet.addModule(speechWorkletUrl());
    const node = new AudioWorkletNode(context, SPEECH_PROCESSOR_NAME, { processorOptions: { counting: true } });
    const source = new AudioBufferSourceNode(context, { buffer: decoded });
    source.connect(node).connect(context.destination);
    // Snapshots posted while rendering queue up; the one asked for afterwards has heard the whole render.
    const fromWorklet = new Promise<AnalysisSnapshot>((resolve) => {
      node.port.onmessage = (event: MessageEvent<AnalysisSnapshot>) => {
        if (event.data.quality.seconds >= SECONDS - 0.01) resolve(event.data);
      };
    });
    source.start();
    await context.startRendering();
    node.port.postMessage({ type: 'snapshot' });

    const onPage = new SpeechAnalysis(decoded.sampleRate);
    onPage.counting = true;
    const samples = decoded.getChannelData(0).subarray(0, SECONDS * decoded.sampleRate);
    for (let at = 0; at < samples.length; at += 128) onPage.push(samples.subarray(at, at + 128));
    const expected = onPage.snapshot();

    const counted = await fromWorklet;
    expect(expected.speechSeconds, 'read speech in the first 6 s').to.be.within(3, SECONDS);
    expect(counted.speechSeconds).to.be.closeTo(expected.speechSeconds, 0.001);
    expect(counted.quality.seconds).to.be.closeTo(SECONDS, 0.01);
    expect(counted.quality.speechSeconds).to.be.closeTo(expected.quality.speechSeconds, 0.001);
  });
});

describe('AudioAnalyser', () => {
  before(async function () {
    if (!(await audioStartsWithoutGesture())) this.skip();
  });

  it('runs the analysis in the worklet, counts a live microphone, and counts nothing while paused', async function () {
    this.timeout(20_000);
    const context = createAudioContext()!;
    const analyser = new AudioAnalyser(context, loadSpeechWorklet(context));
    const microphone = await speechStream(4);
    try {
      expect(await analyser.attach(microphone.stream)).to.equal('worklet');
      await waitUntil(() => analyser.reading.level > 0.2, 'the meter shows the voice while paused', { timeout: 5000 });
      expect((await analyser.flush()).speechSeconds, 'not counting yet').to.equal(0);
      analyser.setCounting(true);
      await microphone.done;
      await waitUntil(() => analyser.reading.speechSeconds > 0.5, 'speech counted on the audio thread', { timeout: 3000 });
      analyser.setCounting(false);
      const stopped = await analyser.flush();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await analyser.flush()).speechSeconds, 'nothing more after the pause').to.equal(stopped.speechSeconds);
      expect(stopped.micSilent).to.equal(false);
    } finally {
      await Promise.all([analyser.close(), microphone.close()]);
    }
  });

  it('falls back to the page when no worklet loads, and counts there', async function () {
    this.timeout(20_000);
    const context = createAudioContext()!;
    const analyser = new AudioAnalyser(context, Promise.resolve(false));
    const microphone = await speechStream(3);
    try {
      expect(await analyser.attach(microphone.stream)).to.equal('page');
      analyser.setCounting(true);
      await microphone.done;
      await waitUntil(() => analyser.reading.speechSeconds > 0.5, 'speech counted on the page', { timeout: 3000 });
      expect(analyser.reading.quality.seconds).to.be.above(1);
    } finally {
      await Promise.all([analyser.close(), microphone.close()]);
    }
  });
});
