import { expect } from '@open-wc/testing';
import { AudioRecorder } from '../../src/capture/recorder.js';
import { sleep } from '../helpers/media.js';

/**
 * A MediaRecorder whose stop is scripted: its final slice comes `finalSliceAfterMs`
 * after stop(), and its `stop` event only if `firesStop` (WebKitGTK sometimes loses it).
 */
function scriptedRecorder({ finalSliceAfterMs, firesStop }: { finalSliceAfterMs: number; firesStop: boolean }) {
  return class ScriptedRecorder extends EventTarget {
    static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
    state: RecordingState = 'inactive';
    readonly mimeType = 'audio/webm;codecs=opus';
    start() {
      this.state = 'recording';
      setTimeout(() => this.#deliver('first second'), 10);
    }
    stop() {
      this.state = 'inactive';
      setTimeout(() => {
        this.#deliver(' and the last words');
        if (firesStop) this.dispatchEvent(new Event('stop'));
      }, finalSliceAfterMs);
    }
    pause() {}
    resume() {}
    requestData() {}
    #deliver(text: string) {
      this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([text], { type: this.mimeType }) }));
    }
  };
}

describe('AudioRecorder.stop', () => {
  const Original = window.MediaRecorder;
  afterEach(() => {
    window.MediaRecorder = Original;
  });

  async function recordAndStop(script: Parameters<typeof scriptedRecorder>[0]) {
    window.MediaRecorder = scriptedRecorder(script) as unknown as typeof MediaRecorder;
    const recorder = new AudioRecorder(new MediaStream(), { stopEventGraceMs: 100 });
    recorder.start();
    await sleep(50);
    const asked = performance.now();
    const take = await recorder.stop();
    return { text: await take.text(), type: take.type, waitedMs: performance.now() - asked };
  }

  it('a slow encoder whose last slice comes later than the grace still has it in the take', async () => {
    const { text, type } = await recordAndStop({ finalSliceAfterMs: 400, firesStop: true });
    expect(text).to.equal('first second and the last words');
    expect(type).to.equal('audio/webm;codecs=opus');
  });

  it('a lost stop event ends the take one grace after the last slice, with that slice in it', async () => {
    const { text, waitedMs } = await recordAndStop({ finalSliceAfterMs: 300, firesStop: false });
    expect(text).to.equal('first second and the last words');
    expect(waitedMs, 'not held until the 30 s limit').to.be.below(2000);
  });
});
