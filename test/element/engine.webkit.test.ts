import { expect } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';

/** What Safari's engine does differently, as the element meets it (WebKitGTK under WebDriver). */
describe('WebKit as the element meets it', () => {
  it('runs in WebKit', () => {
    expect(navigator.userAgent).to.match(/AppleWebKit\/.*Safari/).and.not.match(/Chrome|Firefox/);
  });

  it('records MP4/AAC only', () => {
    const supported = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4;codecs=mp4a.40.2', 'audio/mp4'].filter((type) =>
      MediaRecorder.isTypeSupported(type),
    );
    expect(supported).to.deep.equal(['audio/mp4;codecs=mp4a.40.2', 'audio/mp4']);
  });

  it('keeps ArrayBuffers in IndexedDB but refuses Blobs (ephemeral storage, as in Private Browsing): why stored takes are bytes', async () => {
    const store = createStore(`webkit-probe-${Date.now()}`, 'probe');
    await set('bytes', new Uint8Array([1, 2, 3]).buffer, store);
    expect([...new Uint8Array((await get('bytes', store)) as ArrayBuffer)]).to.deep.equal([1, 2, 3]);
    const blobStored = await set('blob', new Blob(['audio']), store).then(
      () => true,
      () => false,
    );
    expect(blobStored).to.be.false;
  });
});
