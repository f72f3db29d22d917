import { expect } from '@open-wc/testing';
import { QualityTally, appliedSettings, qualityReport, type QualityReport, type QualitySource } from '../../src/capture/quality.js';
import { SilentMicWatch } from '../../src/capture/silent-mic.js';
import { VoiceActivityDetector, levelDb, periodicity, spectralFeatures } from '../../src/capture/voice-activity.js';

const RATE = 48_000;
const FRAME = 2048;
const FRAME_SECONDS = 0.05;

/**
 * A voice-like signal: a 140 Hz glottal pulse train's first harmonics, its
 * loudness moving at syllable rate, with a short pause every second.
 * `rmsDbfs` sets the level of the voiced parts; `gain` > 1 drives it into clipping.
 */
function voiceLike(seconds: number, rmsDbfs: number, { gain = 1 } = {}): { frames: Float32Array[]; speech: boolean[] } {
  const total = Math.round(seconds / FRAME_SECONDS);
  const frames: Float32Array[] = [];
  const speech: boolean[] = [];
  // Harmonic amplitudes 1/k: the complex's RMS is sqrt(sum(1/k²)/2) before the envelope.
  const harmonics = [1, 2, 3, 4, 5, 6, 7, 8];
  const complexRms = Math.sqrt(harmonics.reduce((sum, k) => sum + 1 / k ** 2, 0) / 2);
  const envelopeRms = Math.sqrt(0.7 ** 2 + 0.3 ** 2 / 2);
  const target = 10 ** (rmsDbfs / 20) / envelopeRms;
  for (let f = 0; f < total; f += 1) {
    const frame = new Float32Array(FRAME);
    const start = f * FRAME_SECONDS;
    const paused = start % 1 > 0.8;
    for (let i = 0; i < FRAME; i += 1) {
      const t = start + i / RATE;
      if (paused) {
        frame[i] = 0.0003 * Math.sin(2 * Math.PI * 50 * t); // room noise, −73 dBFS
        continue;
      }
      const envelope = 0.7 + 0.3 * Math.sin(2 * Math.PI * 4 * t);
      let value = 0;
      for (const k of harmonics) value += Math.sin(2 * Math.PI * 140 * k * t) / k;
      frame[i] = Math.max(-1, Math.min(1, (gain * target * envelope * value) / complexRms));
    }
    frames.push(frame);
    speech.push(!paused);
  }
  return { frames, speech };
}

function measure(signal: { frames: Float32Array[]; speech: boolean[] }, settings = {}): QualityReport {
  const meter = qualityMeter({ contextSampleRate: RATE, settings });
  signal.frames.forEach((frame, i) => meter.push(frame, FRAME_SECONDS, signal.speech[i]));
  return meter.report();
}

/** The analyser's tally and the report it gives at stop, for a microphone (`source`). */
function qualityMeter(source: QualitySource) {
  const tally = new QualityTally();
  return { push: tally.push.bind(tally), report: () => qualityReport(tally.totals, source) };
}

const RAW = { echoCancellation: false, noiseSuppression: false, autoGainControl: false, sampleRate: 48_000, channelCount: 1 };

describe('quality report', () => {
  it('finds nothing wrong with clean speech at −20 dBFS', () => {
    const report = measure(voiceLike(10, -20), RAW);
    expect(report.issues).to.deep.equal([]);
    expect(report.levelDbfs).to.be.closeTo(-20, 1);
    expect(report.peakDbfs).to.be.below(-3);
    expect(report.clippedRatio).to.equal(0);
    expect(report.silenceRatio).to.be.closeTo(0.2, 0.03);
    expect(report).to.include({ sampleRate: 48_000, channelCount: 1 });
    expect(report.settings).to.deep.equal({ echoCancellation: false, noiseSuppression: false, autoGainControl: false, sampleRate: 48_000 });
  });

  it('flags a clipped voice, and only that', () => {
    const report = measure(voiceLike(10, -6, { gain: 4 }), RAW);
    expect(report.issues).to.deep.equal(['clipping']);
    expect(report.peakDbfs).to.equal(0);
    expect(report.clippedRatio).to.be.above(0.05);
  });

  it('flags a clipped sine', () => {
    const meter = qualityMeter({ contextSampleRate: RATE, settings: RAW });
    for (let f = 0; f < 100; f += 1) {
      const frame = new Float32Array(FRAME).map((_, i) => Math.max(-1, Math.min(1, 1.5 * Math.sin((2 * Math.PI * 220 * (f * FRAME + i)) / RATE))));
      meter.push(frame, FRAME_SECONDS, true);
    }
    expect(meter.report().issues).to.deep.equal(['clipping']);
  });

  it('flags speech at −50 dBFS as too quiet', () => {
    const report = measure(voiceLike(10, -50), RAW);
    expect(report.issues).to.deep.equal(['too-quiet']);
    expect(report.levelDbfs).to.be.closeTo(-50, 1);
  });

  it('flags silence as mostly silence (and too quiet)', () => {
    const meter = qualityMeter({ contextSampleRate: RATE, settings: RAW });
    for (let f = 0; f < 200; f += 1) meter.push(new Float32Array(FRAME).map(() => (Math.random() - 0.5) * 0.0004), FRAME_SECONDS, false);
    const report = meter.report();
    expect(report.issues).to.deep.equal(['mostly-silence', 'too-quiet']);
    expect(report.silenceRatio).to.equal(1);
  });

  it('flags a recording that is speech only a fifth of the time', () => {
    const { frames, speech } = voiceLike(10, -20);
    const report = measure({ frames, speech: speech.map((s, i) => s && i % 5 === 0) }, RAW);
    expect(report.issues).to.deep.equal(['mostly-silence']);
  });

  it('flags a Bluetooth call-mode microphone (8 kHz) and processing the browser kept on', () => {
    const report = measure(voiceLike(5, -20), { ...RAW, sampleRate: 8000, echoCancellation: true });
    expect(report.issues).to.deep.equal(['low-sample-rate', 'processing-on']);
    expect(report.sampleRate).to.equal(8000);
    expect(report.settings.echoCancellation).to.be.true;
  });

  it('judges the sample rate by the audio graph when the track does not say', () => {
    const meter = qualityMeter({ contextSampleRate: 8000 });
    voiceLike(2, -20).frames.forEach((frame) => meter.push(frame, FRAME_SECONDS, true));
    expect(meter.report().issues).to.include('low-sample-rate');
    expect(meter.report().settings).to.deep.equal({});
  });
});

describe('appliedSettings', () => {
  it('reads what a real microphone track applied', async () => {
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    const [track] = destination.stream.getAudioTracks();
    const settings = appliedSettings(track);
    // A WebAudio track applies no processing; what it reports must come through typed, nothing else.
    for (const [name, value] of Object.entries(settings)) {
      expect(['echoCancellation', 'noiseSuppression', 'autoGainControl', 'sampleRate', 'channelCount']).to.include(name);
      expect(typeof value).to.be.oneOf(['boolean', 'number']);
    }
    expect(appliedSettings({ getSettings: () => ({ autoGainControl: true, sampleRate: 16000, deviceId: 'x' }) })).to.deep.equal({
      autoGainControl: true,
      sampleRate: 16000,
    });
    await context.close();
  });
});

describe('SilentMicWatch', () => {
  it('calls a microphone that delivers only zeros silent after about two seconds, once', () => {
    const calls: number[] = [];
    const watch = new SilentMicWatch(() => calls.push(1));
    for (let i = 0; i < 39; i += 1) watch.push(new Float32Array(FRAME), FRAME_SECONDS);
    expect(watch.verdict, 'not before two seconds').to.equal('listening');
    for (let i = 0; i < 20; i += 1) watch.push(new Float32Array(FRAME), FRAME_SECONDS);
    expect(watch.verdict).to.equal('silent');
    expect(calls).to.have.length(1);
  });

  it('hears a live microphone by its noise, even when nobody talks', () => {
    const calls: number[] = [];
    const watch = new SilentMicWatch(() => calls.push(1));
    // Chromium hands out zeros for the first frames while the device starts.
    for (let i = 0; i < 4; i += 1) watch.push(new Float32Array(FRAME), FRAME_SECONDS);
    // A quiet room on a 16-bit converter: a few steps of noise (−80 dBFS).
    for (let i = 0; i < 100; i += 1) watch.push(new Float32Array(FRAME).map(() => (Math.random() - 0.5) * 0.0002), FRAME_SECONDS);
    expect(watch.verdict).to.equal('live');
    expect(calls).to.deep.equal([]);
  });
});

/**
 * The fixtures the fake microphone plays, analysed frame by frame exactly as
 * the live analyser does (AnalyserNode, 2048-sample frames every 50 ms, the
 * same VAD), in an OfflineAudioContext paused at each frame.
 */
async function fixtureReport(name: string): Promise<QualityReport> {
  const encoded = await (await fetch(`/test/fixtures/${name}`)).arrayBuffer();
  const decoded = await new OfflineAudioContext(1, 1, RATE).decodeAudioData(encoded);
  const context = new OfflineAudioContext(1, decoded.length, decoded.sampleRate);
  const source = new AudioBufferSourceNode(context, { buffer: decoded });
  const analyser = new AnalyserNode(context, { fftSize: FRAME, smoothingTimeConstant: 0.5 });
  source.connect(analyser).connect(context.destination);
  const vad = new VoiceActivityDetector();
  const meter = qualityMeter({ contextSampleRate: context.sampleRate, settings: RAW });
  const samples = new Float32Array(FRAME);
  const spectrum = new Float32Array(analyser.frequencyBinCount);
  for (let at = FRAME_SECONDS; at < decoded.duration - FRAME_SECONDS; at += FRAME_SECONDS) {
    void context.suspend(Math.round(at * 1000) / 1000).then(() => {
      analyser.getFloatTimeDomainData(samples);
      analyser.getFloatFrequencyData(spectrum);
      const features = { levelDb: levelDb(samples), periodicity: periodicity(samples, context.sampleRate), ...spectralFeatures(spectrum, context.sampleRate) };
      meter.push(samples, FRAME_SECONDS, vad.push(features, FRAME_SECONDS));
      void context.resume();
    });
  }
  source.start();
  await context.startRendering();
  return meter.report();
}

describe('quality of the test fixtures', () => {
  before(function () {
    // Pausing an offline render at each frame needs OfflineAudioContext.suspend (Chromium, WebKit; not Firefox).
    if (typeof OfflineAudioContext.prototype.suspend !== 'function') this.skip();
  });

  it('speech.wav (espeak-ng, peaks at −6 dBFS) has no quality issue', async () => {
    const report = await fixtureReport('speech.wav');
    console.log(`quality speech.wav ${JSON.stringify(report)}`);
    expect(report.issues).to.deep.equal([]);
  });

  it('silence.wav (hiss, breaths, fan, hum) is mostly silence', async () => {
    const report = await fixtureReport('silence.wav');
    console.log(`quality silence.wav ${JSON.stringify(report)}`);
    expect(report.issues).to.include('mostly-silence');
    expect(report.issues).not.to.include('clipping');
  });
});
