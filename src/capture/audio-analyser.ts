import { appliedSettings, qualityReport, type QualityReport, type QualitySource, type QualityTotals } from './quality.js';
import { EMPTY_SNAPSHOT, SpeechAnalysis, type AnalysisSnapshot } from './speech-analysis.js';
import { SPEECH_PROCESSOR_NAME, type AnalysisMessage, type WorkletSnapshot } from './worklet-protocol.js';

/** Where the analysis runs: the audio thread, the page (no worklet could load), or nowhere (no audio graph). */
export type AnalysisPlace = 'worklet' | 'page' | 'none';

/** Samples per ScriptProcessor callback (the page fallback): ~85 ms at 48 kHz; a snapshot every few of them. */
const FALLBACK_BUFFER_SIZE = 4096;
/** A final snapshot the worklet does not send within this long is taken as it stands. */
const FLUSH_TIMEOUT_MS = 300;

/**
 * Reads an AudioContext made inside the click handler (iOS only starts
 * audio within a user gesture) and attaches the microphone later.
 *
 * Hears every sample, in order, on the audio clock: the speech analysis
 * runs in an AudioWorklet (the module `loadSpeechWorklet` started loading
 * in the click), so the page's main thread only takes a snapshot five times a
 * second, and the count neither skips audio when the main thread is late nor
 * stalls in a background tab. Where the worklet cannot load (an old
 * browser, a CSP without `'self'` scripts, a bundler that dropped the file)
 * the same analysis runs on the page behind a ScriptProcessorNode.
 */
export class AudioAnalyser {
  readonly #context: AudioContext | undefined;
  readonly #workletLoaded: Promise<boolean>;
  #source: MediaStreamAudioSourceNode | undefined;
  #worklet: AudioWorkletNode | undefined;
  #processor: ScriptProcessorNode | undefined;
  #mute: GainNode | undefined;
  #onPage: SpeechAnalysis | undefined;
  #place: AnalysisPlace = 'none';
  #snapshot: AnalysisSnapshot = EMPTY_SNAPSHOT;
  /** The microphone the take's quality is judged against (its applied settings). */
  #qualitySource: QualitySource | undefined;
  #waiting: ((snapshot: AnalysisSnapshot) => void)[] = [];
  /** Each snapshot as it arrives: the page redraws with it. */
  onSnapshot: (() => void) | undefined;
  /** Called once, when the take's first seconds turn out to be digital silence (see SilentMicWatch). */
  onMicSilent: (() => void) | undefined;
  #micSilentReported = false;

  /** `context` was made in the click handler (see `createAudioContext`); the analyser closes it. */
  constructor(context: AudioContext | undefined, workletLoaded: Promise<boolean> = Promise.resolve(false)) {
    this.#context = context;
    this.#workletLoaded = workletLoaded;
  }

  get reading(): AnalysisSnapshot {
    return this.#snapshot;
  }

  get place(): AnalysisPlace {
    return this.#place;
  }

  /** Attaches the stream and starts listening; resolves once samples are being analysed. */
  async attach(stream: MediaStream): Promise<AnalysisPlace> {
    const context = this.#context;
    if (!context) return this.#place;
    this.#qualitySource = { contextSampleRate: context.sampleRate, settings: appliedSettings(stream.getAudioTracks()[0]) };
    void context.resume().catch(() => undefined);
    const worklet = (await this.#workletLoaded) && context.state !== 'closed' ? this.#workletNode(context) : undefined;
    this.#worklet = worklet;
    this.#processor = worklet ? undefined : this.#scriptProcessor(context);
    const node = this.#worklet ?? this.#processor;
    if (!node) return this.#place;
    this.#source = context.createMediaStreamSource(stream);
    // Chromium runs a processor only when it reaches the destination; through a muted gain nothing is heard.
    this.#mute = context.createGain();
    this.#mute.gain.value = 0;
    this.#source.connect(node);
    node.connect(this.#mute);
    this.#mute.connect(context.destination);
    this.#place = worklet ? 'worklet' : 'page';
    return this.#place;
  }

  #workletNode(context: AudioContext): AudioWorkletNode | undefined {
    try {
      const node = new AudioWorkletNode(context, SPEECH_PROCESSOR_NAME, { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit' });
      node.port.onmessage = (event: MessageEvent<WorkletSnapshot>) => {
        const { asked, ...snapshot } = event.data;
        this.#receive(snapshot);
        // Only the answer to a flush settles it: a beat sent before the pause arrived must not.
        if (asked) this.#settle(snapshot);
      };
      return node;
    } catch {
      return undefined;
    }
  }

  #scriptProcessor(context: AudioContext): ScriptProcessorNode | undefined {
    if (typeof context.createScriptProcessor !== 'function') return undefined;
    const analysis = new SpeechAnalysis(context.sampleRate);
    this.#onPage = analysis;
    const node = context.createScriptProcessor(FALLBACK_BUFFER_SIZE, 1, 1);
    node.onaudioprocess = (event) => {
      const due = analysis.push(event.inputBuffer.getChannelData(0));
      if (due) this.#receive(due);
    };
    return node;
  }

  #settle(snapshot: AnalysisSnapshot): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve(snapshot);
  }

  #receive(snapshot: AnalysisSnapshot): void {
    this.#snapshot = snapshot;
    this.onSnapshot?.();
    if (snapshot.micSilent && !this.#micSilentReported) {
      this.#micSilentReported = true;
      this.onMicSilent?.();
    }
  }

  #tell(message: AnalysisMessage): void {
    this.#worklet?.port.postMessage(message);
  }

  /** The quality report for the take so far, or for `totals` (a flush's); undefined without an audio graph. */
  quality(totals: QualityTotals = this.#snapshot.quality): QualityReport | undefined {
    return this.#qualitySource && qualityReport(totals, this.#qualitySource);
  }

  /** Speech is only counted while the recorder is running, not while paused. */
  setCounting(counting: boolean): void {
    if (this.#onPage) this.#onPage.counting = counting;
    this.#tell({ type: 'counting', counting });
  }

  /**
   * The figures up to now, including audio the last snapshot had not seen:
   * after `setCounting(false)`, the take's final count and quality totals,
   * which then show on screen too.
   */
  flush(): Promise<AnalysisSnapshot> {
    if (this.#place !== 'worklet') {
      if (this.#onPage) this.#receive(this.#onPage.snapshot());
      return Promise.resolve(this.#snapshot);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting = this.#waiting.filter((waiting) => waiting !== settle);
        resolve(this.#snapshot);
      }, FLUSH_TIMEOUT_MS);
      const settle = (snapshot: AnalysisSnapshot) => {
        clearTimeout(timer);
        resolve(snapshot);
      };
      this.#waiting.push(settle);
      this.#tell({ type: 'snapshot' });
    });
  }

  /** Stops sampling and closes the audio graph; safe to call twice. */
  async close(): Promise<void> {
    this.#tell({ type: 'close' });
    if (this.#processor) this.#processor.onaudioprocess = null;
    if (this.#worklet) this.#worklet.port.onmessage = null;
    for (const resolve of this.#waiting) resolve(this.#snapshot);
    this.#waiting = [];
    this.#source?.disconnect();
    this.#worklet?.disconnect();
    this.#processor?.disconnect();
    this.#mute?.disconnect();
    this.#source = undefined;
    this.#worklet = undefined;
    this.#processor = undefined;
    this.#mute = undefined;
    this.#onPage = undefined;
    if (this.#context && this.#context.state !== 'closed') await this.#context.close().catch(() => undefined);
  }
}
