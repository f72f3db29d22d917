import { expect } from '@open-wc/testing';
import { diagnose, type Diagnosis } from '../../src/capture/diagnose.js';

/** The page's own origin and a second one on the same server: localhost and 127.0.0.1 are different origins. */
const sameOrigin = location.origin;
const otherOrigin = `${location.protocol}//${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;

/** Mounts the fixture frame and resolves with what diagnose() reported inside it. */
function diagnoseInFrame(origin: string, allow: string | undefined): Promise<Diagnosis | null> {
  const name = `frame${Math.random().toString(36).slice(2)}`;
  const frame = document.createElement('iframe');
  if (allow !== undefined) frame.allow = allow;
  frame.src = `${origin}/test/fixtures/diagnose-frame.html#${name}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the frame on ${origin}`)), 15_000);
    const onMessage = (event: MessageEvent<{ frame: string; diagnosis: Diagnosis | null }>) => {
      if (event.data?.frame !== name) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data.diagnosis);
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

const capable = {
  isSecureContext: true,
  MediaRecorder: class {},
  navigator: { mediaDevices: { getUserMedia: () => undefined } },
  document: { featurePolicy: { allowsFeature: () => true } },
};

describe('diagnose', () => {
  it('finds nothing wrong on this test page', () => {
    expect(diagnose()).to.equal(undefined);
  });

  it('says a cross-origin iframe without allow="microphone" is blocked by Permissions-Policy', async function () {
    if (!('featurePolicy' in document) && !('permissionsPolicy' in document)) this.skip(); // Firefox, Safari: only asking tells
    expect(await diagnoseInFrame(otherOrigin, undefined)).to.deep.equal({ code: 'mic-permission-denied', reason: 'permissions-policy' });
  });

  it('finds nothing wrong in a cross-origin iframe that allows the microphone, nor in a same-origin one', async () => {
    expect(await diagnoseInFrame(otherOrigin, 'microphone')).to.equal(null);
    expect(await diagnoseInFrame(sameOrigin, undefined)).to.equal(null);
  });

  it('calls an insecure page an unsupported browser, first', () => {
    expect(diagnose({ ...capable, isSecureContext: false, navigator: {} })).to.deep.equal({ code: 'unsupported-browser', reason: 'insecure-context' });
  });

  it('calls a browser without MediaRecorder or getUserMedia unsupported', () => {
    expect(diagnose({ ...capable, MediaRecorder: undefined })).to.deep.equal({ code: 'unsupported-browser', reason: 'no-media-recorder' });
    expect(diagnose({ ...capable, navigator: { mediaDevices: undefined } })).to.deep.equal({ code: 'unsupported-browser', reason: 'no-get-user-media' });
  });

  it('reads permissionsPolicy before featurePolicy, and is quiet where neither exists', () => {
    const blocked = { allowsFeature: (feature: string) => feature !== 'microphone' };
    expect(diagnose({ ...capable, document: { permissionsPolicy: blocked, featurePolicy: { allowsFeature: () => true } } })?.reason).to.equal('permissions-policy');
    expect(diagnose({ ...capable, document: {} })).to.equal(undefined);
  });
});
