/**
 * Review before submit (issue 23), with whatever microphone the engine fakes
 * (no speech minimum): each take is listed once as a `take` with its own
 * `playback` and `retake-button`, the playback plays the kept audio, object
 * URLs go when the take does, and a retake can be undone.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { button, createSession, part, waitForState, waitUntil, type Recorder } from '../helpers/element.js';
import { mountRecorder, staticUrls, uniqueKey, unmountAll } from '../helpers/faults.js';
import { engine, sleep } from '../helpers/media.js';

function parts(el: Recorder, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

async function recordAndStop(el: Recorder, seconds = 1.5): Promise<void> {
  button(el, 'record-button').click();
  await waitForState(el, 'recording');
  await sleep(seconds * 1000);
  button(el, 'stop-button').click();
  await waitForState(el, 'recorded');
}

/** The object URLs made and revoked while `body` runs. */
function watchObjectUrls() {
  const made: string[] = [];
  const revoked: string[] = [];
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create.call(URL, object);
    made.push(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revoke.call(URL, url);
  };
  return {
    made,
    revoked,
    restore: () => {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
    },
  };
}

describe(`review before submit (${engine()})`, () => {
  let urls: ReturnType<typeof watchObjectUrls>;
  beforeEach(() => (urls = watchObjectUrls()));
  afterEach(() => {
    urls.restore();
    unmountAll();
  });

  it('lists the take with its playback and its own named Retake; the playback plays the kept audio; Retake can be undone', async () => {
    const session = await createSession('helios');
    const el = await mountRecorder({ ...staticUrls(session), 'min-speech-seconds': '0', 'storage-key': uniqueKey('review') });
    await recordAndStop(el);
    await waitUntil(() => part(el, 'playback'), 'the playback control', { timeout: 10_000 });

    const takes = parts(el, 'take');
    expect(takes).to.have.length(1);
    const [take] = takes;
    expect(take.querySelector('[part~="playback"]'), 'the take holds its playback').to.exist;
    const retakes = parts(el, 'retake-button');
    expect(retakes, 'one Retake, the take’s own').to.have.length(1);
    expect(take.contains(retakes[0])).to.be.true;
    expect(retakes[0].getAttribute('aria-label')).to.equal('Retake: Your recording');
    expect(part(el, 'device-select'), 'no microphone choice on the review').to.equal(null);

    // The controls: a named play button and seek bar, 44 × 44 px or more.
    const play = part(el, 'play-button') as HTMLButtonElement;
    const seek = part(el, 'seek') as HTMLInputElement;
    expect(play.getAttribute('aria-label')).to.equal('Play: Your recording');
    expect(seek.getAttribute('aria-label')).to.equal('Position in Your recording');
    for (const control of [play, seek]) {
      const box = control.getBoundingClientRect();
      expect(box.width, `${control.getAttribute('part')} width`).to.be.at.least(44);
      expect(box.height, `${control.getAttribute('part')} height`).to.be.at.least(44);
    }

    // It plays the audio that was kept: the element's audio source is an object URL of a non-empty recording.
    const audio = take.querySelector('audio')!;
    expect(audio.src).to.match(/^blob:/);
    expect(urls.made).to.include(audio.src);
    const bytes = (await (await fetch(audio.src)).blob()).size;
    expect(bytes, 'the take’s audio').to.be.greaterThan(100);
    // From the keyboard, as a person would (WebKit plays audio only on a real gesture, not a scripted click).
    // Firefox under WebDriver BiDi does not hand the key to a focused control in a shadow root (the
    // control stays untouched): there a click presses it; Chromium and WebKit take the real key.
    const press = async () => {
      if (navigator.userAgent.includes('Firefox')) play.click();
      else {
        play.focus();
        await sendKeys({ press: 'Enter' });
      }
    };
    await press();
    // The button turns into Pause while it plays (a short take may already have ended by the time it is read).
    await waitUntil(() => play.getAttribute('aria-label') === 'Pause: Your recording' || audio.ended, `playing (${audio.error ? `media error ${audio.error.code}` : `readyState ${audio.readyState}`})`, { timeout: 10_000 });
    await press();
    await waitUntil(() => audio.paused, 'paused again', { timeout: 5000 });

    // Retake: back to Record (with the microphone choice where there is one), the URL revoked, and an undo.
    const src = audio.src;
    retakes[0].click();
    await waitForState(el, 'idle');
    expect(urls.revoked, 'the take’s URL is revoked once it leaves').to.include(src);
    expect(part(el, 'undo')).to.exist;
    button(el, 'undo-retake-button').click();
    await waitForState(el, 'recorded');
    await waitUntil(() => part(el, 'playback'), 'the playback is back', { timeout: 5000 });
    expect(parts(el, 'take')).to.have.length(1);
    expect(button(el, 'submit-button').disabled).to.be.false;
    const back = part(el, 'playback')!.querySelector('audio')!;
    expect((await (await fetch(back.src)).blob()).size, 'the same audio came back').to.equal(bytes);

    // Sending it lets the URL go too.
    button(el, 'submit-button').click();
    await waitForState(el, 'processing');
    expect(urls.revoked).to.include(back.src);
  });

  it('Apollo: the review lists both takes alike, and the only Retakes are theirs, each named', async () => {
    const session = await createSession('apollo');
    const el = await mountRecorder({
      model: 'apollo',
      'session-url': '/api/session',
      'status-url': session.statusUrl,
      'min-speech-seconds': '0',
      'storage-key': uniqueKey('review-apollo'),
    });
    await recordAndStop(el);
    // The first take, listened back to before going on.
    expect(parts(el, 'take')).to.have.length(1);
    button(el, 'next-button').click();
    await waitForState(el, 'idle');
    await recordAndStop(el);
    await waitUntil(() => parts(el, 'playback').length === 2, 'two playbacks', { timeout: 10_000 });

    const takes = parts(el, 'take');
    expect(takes.map((take) => take.dataset.recording)).to.deep.equal(['moodQuestion', 'readAloud']);
    const retakes = parts(el, 'retake-button');
    expect(retakes).to.have.length(2);
    expect(retakes.every((retake) => takes.some((take) => take.contains(retake))), 'every Retake is inside its take').to.be.true;
    expect(retakes.map((retake) => retake.getAttribute('aria-label'))).to.deep.equal(['Retake: How you feel', 'Retake: Read aloud']);
    // Laid out alike: the same children, in the same order.
    const shape = (take: HTMLElement) => [...take.children].map((child) => child.getAttribute('part') ?? child.className).join(',');
    expect(shape(takes[0])).to.equal(shape(takes[1]));

    // Retaking the mood question keeps the read-aloud; undo restores the review.
    retakes[0].click();
    await waitForState(el, 'idle');
    expect(part(el, 'prompt')!.getAttribute('data-step')).to.equal('moodQuestion');
    button(el, 'undo-retake-button').click();
    await waitForState(el, 'recorded');
    expect(parts(el, 'take')).to.have.length(2);
    expect(button(el, 'submit-button').disabled).to.be.false;
  });
});
