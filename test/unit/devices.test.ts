import { expect } from '@open-wc/testing';
import { listAudioInputs, rememberAudioInput, rememberedAudioInput, watchAudioInputs } from '../../src/capture/devices.js';
import { requestMicrophone } from '../../src/capture/microphone.js';
import { RecorderError } from '../../src/errors.js';

const device = (kind: MediaDeviceKind, deviceId: string, label = '') => ({ kind, deviceId, label, groupId: 'g' }) as MediaDeviceInfo;

/** A real MediaStream (from WebAudio) standing in for the microphone. */
function toneStream(): MediaStream {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  new OscillatorNode(context).connect(destination);
  return destination.stream;
}

/** Replaces getUserMedia for one test, answering each call with `answer(constraints)`. */
function stubGetUserMedia(answer: (audio: MediaTrackConstraints) => Promise<MediaStream>) {
  const calls: MediaTrackConstraints[] = [];
  const original = Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'getUserMedia')!;
  Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
    configurable: true,
    value: (constraints: MediaStreamConstraints) => {
      calls.push(constraints.audio as MediaTrackConstraints);
      return answer(constraints.audio as MediaTrackConstraints);
    },
  });
  return {
    calls,
    restore: () => {
      delete (navigator.mediaDevices as { getUserMedia?: unknown }).getUserMedia;
      expect(Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'getUserMedia')).to.deep.equal(original);
    },
  };
}

describe('listAudioInputs', () => {
  it('lists microphones with their labels, not cameras or the pre-permission placeholder', async () => {
    const inputs = await listAudioInputs({
      enumerateDevices: async () => [
        device('audioinput', ''),
        device('audioinput', 'default', 'Default - Headset'),
        device('audioinput', 'abc', 'Headset'),
        device('videoinput', 'cam', 'Camera'),
        device('audiooutput', 'spk', 'Speakers'),
      ],
    });
    expect(inputs).to.deep.equal([
      { deviceId: 'default', label: 'Default - Headset' },
      { deviceId: 'abc', label: 'Headset' },
    ]);
  });

  it('answers an empty list where the browser cannot list devices or refuses', async () => {
    expect(await listAudioInputs(undefined)).to.deep.equal([]);
    expect(await listAudioInputs({ enumerateDevices: () => Promise.reject(new DOMException('no', 'NotAllowedError')) })).to.deep.equal([]);
    // Without permission this browser lists no usable input.
    expect((await listAudioInputs()).every((input) => input.deviceId !== '')).to.be.true;
  });

  it('tells when inputs change, until cleaned up', () => {
    const target = new EventTarget();
    let changes = 0;
    const stop = watchAudioInputs(() => (changes += 1), target);
    target.dispatchEvent(new Event('devicechange'));
    stop();
    target.dispatchEvent(new Event('devicechange'));
    expect(changes).to.equal(1);
  });
});

describe('remembered microphone', () => {
  it('is kept per storage key in localStorage and can be forgotten', () => {
    const a = `devices-a-${Date.now()}`;
    const b = `devices-b-${Date.now()}`;
    rememberAudioInput(a, 'headset-id');
    expect(rememberedAudioInput(a)).to.equal('headset-id');
    expect(rememberedAudioInput(b)).to.equal(undefined);
    expect(localStorage.getItem(`thymia-recorder:${a}:microphone`)).to.equal('headset-id');
    rememberAudioInput(a, undefined);
    expect(rememberedAudioInput(a)).to.equal(undefined);
  });

  it('lasts for the page only where storage throws', () => {
    const throwing = { getItem: () => { throw new DOMException('blocked', 'SecurityError'); }, setItem: () => { throw new DOMException('blocked', 'SecurityError'); }, removeItem: () => undefined } as unknown as Storage;
    expect(() => rememberAudioInput('k', 'x', throwing)).not.to.throw();
    expect(rememberedAudioInput('k', throwing)).to.equal(undefined);
  });
});

describe('requestMicrophone(deviceId)', () => {
  it('asks for exactly the chosen microphone, with processing off', async () => {
    const stub = stubGetUserMedia(async () => toneStream());
    try {
      await requestMicrophone('headset-id');
      expect(stub.calls).to.have.length(1);
      expect(stub.calls[0]).to.deep.include({ deviceId: { exact: 'headset-id' }, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    } finally {
      stub.restore();
    }
  });

  it('falls back to the default microphone when the chosen one is gone', async () => {
    for (const name of ['OverconstrainedError', 'NotFoundError']) {
      const stub = stubGetUserMedia(async (audio) => {
        if (audio.deviceId) throw Object.assign(new Error('gone'), { name });
        return toneStream();
      });
      try {
        const stream = await requestMicrophone('unplugged-id');
        expect(stream.getAudioTracks(), name).to.have.length(1);
        expect(stub.calls.map((call) => call.deviceId), name).to.deep.equal([{ exact: 'unplugged-id' }, undefined]);
      } finally {
        stub.restore();
      }
    }
  });

  it('does not retry a refusal', async () => {
    const stub = stubGetUserMedia(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    try {
      const error = await requestMicrophone('headset-id').then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(RecorderError);
      expect((error as RecorderError).code).to.equal('mic-permission-denied');
      expect(stub.calls).to.have.length(1);
    } finally {
      stub.restore();
    }
  });
});
