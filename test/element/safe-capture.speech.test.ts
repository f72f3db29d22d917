/**
 * The second wave's safe-capture contract, through the element with a
 * speaking fake microphone: consent before the microphone, sleep times in
 * the session request, the quality report, URL attributes that are refused
 * before any request, wake lock while recording, and clearing kept audio.
 */
import { expect } from '@open-wc/testing';
import {
  button, createSession, fixture, html, nextEvent, part, recordEvents, recorderFor, recordUntilEnough, waitForState, waitUntil,
  type Recorder,
} from '../helpers/element.js';

/** Counts getUserMedia calls without changing what they do. */
function spyOnGetUserMedia(): { calls: () => number; restore: () => void } {
  const media = navigator.mediaDevices;
  const original = media.getUserMedia.bind(media);
  let calls = 0;
  media.getUserMedia = (constraints) => {
    calls += 1;
    return original(constraints);
  };
  return { calls: () => calls, restore: () => (media.getUserMedia = original) };
}

/** Records every request the page makes through fetch and XHR (URL and method). */
function watchRequests(): { urls: () => string[]; restore: () => void } {
  const seen: string[] = [];
  const originalFetch = window.fetch;
  const originalOpen = XMLHttpRequest.prototype.open;
  window.fetch = (input, init) => {
    seen.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)}`);
    return originalFetch(input, init);
  };
  XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    seen.push(`${method} ${String(url)}`);
    return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  return {
    urls: () => [...seen],
    restore: () => {
      window.fetch = originalFetch;
      XMLHttpRequest.prototype.open = originalOpen;
    },
  };
}

describe('<thymia-recorder require-consent>', () => {
  it('keeps Record disabled and the microphone untouched until the person ticks the consent box', async () => {
    const session = await createSession('helios');
    const spy = spyOnGetUserMedia();
    try {
      const el = await recorderFor(session, { 'require-consent': '', 'min-speech-seconds': '1' });
      const log = recordEvents(el);
      const consent = part(el, 'consent')!;
      expect(consent, 'consent panel').to.exist;
      expect(consent.textContent!.trim().length, 'a default text saying what is recorded and why').to.be.greaterThan(40);
      const checkbox = part(el, 'consent-checkbox') as HTMLInputElement;
      expect(checkbox).to.be.instanceOf(HTMLInputElement);
      expect(checkbox.type).to.equal('checkbox');
      expect(button(el, 'record-button').disabled).to.be.true;

      await el.start();
      expect(el.state, 'start() is refused without consent').to.equal('idle');
      expect(spy.calls(), 'no getUserMedia before consent').to.equal(0);

      const accepted = nextEvent(el, 'thymia-consent');
      checkbox.click();
      const { detail } = await accepted;
      expect(detail.accepted).to.be.true;
      expect(detail.text.length, 'the text the person agreed to').to.be.greaterThan(40);
      expect(consent.textContent!.replace(/\s+/g, ' '), 'the text shown is the text reported').to.include(detail.text.replace(/\s+/g, ' '));
      expect(Number.isNaN(Date.parse(detail.at))).to.be.false;
      await el.updateComplete;
      expect(button(el, 'record-button').disabled).to.be.false;

      button(el, 'record-button').click();
      await waitForState(el, 'recording');
      expect(spy.calls()).to.equal(1);
      expect(log.of('thymia-consent')).to.have.length(1);
      await el.reset();
    } finally {
      spy.restore();
    }
  });

  it("reports the host's own consent text from the consent slot", async () => {
    const el = await fixture<Recorder>(html`<thymia-recorder require-consent>
      <p slot="consent">We record 30 seconds of your voice and send it to thymia for Acme Clinic.</p>
    </thymia-recorder>`);
    const accepted = nextEvent(el, 'thymia-consent');
    (part(el, 'consent-checkbox') as HTMLInputElement).click();
    expect((await accepted).detail.text).to.equal('We record 30 seconds of your voice and send it to thymia for Acme Clinic.');
  });
});

describe('quality report and sleep times', () => {
  it('adds the quality report with the applied track settings to thymia-recording-stop', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '2' });
    await recordUntilEnough(el);
    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'stop-button').click();
    const { quality } = (await stopped).detail;
    expect(quality, 'quality report').to.exist;
    expect(quality!.issues).to.be.an('array');
    expect(quality!.issues, 'clean synthetic speech raises no issue').to.not.include('mostly-silence');
    expect(quality!.sampleRate).to.be.at.least(16_000);
    expect(quality!.levelDbfs).to.be.within(-60, 0);
    expect(quality!.settings).to.include.keys('echoCancellation', 'noiseSuppression', 'autoGainControl');
    expect(quality!.settings.echoCancellation, 'raw voice: echo cancellation off').to.equal(false);
    await el.reset();
  });

  it('asks when the person slept and sends sleepTime, wakeTime and recordingTime with the session request', async () => {
    const bodies: unknown[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).includes('/api/session') && init?.body) bodies.push(JSON.parse(String(init.body)));
      return originalFetch(input, init);
    };
    try {
      const el = await fixture<Recorder>(html`<thymia-recorder ask-sleep session-url="/api/session" poll-interval="250" min-speech-seconds="2"></thymia-recorder>`);
      const sleep = part(el, 'sleep-time') as HTMLInputElement;
      const wake = part(el, 'wake-time') as HTMLInputElement;
      expect(sleep).to.be.instanceOf(HTMLInputElement);
      expect(wake).to.be.instanceOf(HTMLInputElement);
      const fill = (input: HTMLInputElement, value: string) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      };
      fill(sleep, sleep.type === 'time' ? '23:15' : '2026-11-22T23:15');
      fill(wake, wake.type === 'time' ? '07:05' : '2026-11-23T07:05');
      await recordUntilEnough(el);
      const result = nextEvent(el, 'thymia-result');
      button(el, 'submit-button').click();
      await result;
      const body = bodies[0] as { model: string; recordingTime: string; sleepTime: string; wakeTime: string };
      expect(body.model).to.equal('helios');
      expect(body.recordingTime).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(body.sleepTime).to.match(/T23:15:00$/);
      expect(body.wakeTime).to.match(/T07:05:00$/);
      expect(Date.parse(body.sleepTime) < Date.parse(body.wakeTime), 'slept before waking').to.be.true;
    } finally {
      window.fetch = originalFetch;
    }
  });
});

describe('URL attributes', () => {
  for (const [attribute, value] of [
    ['upload-url', 'javascript:alert(1)'],
    ['status-url', 'data:application/json,{}'],
    ['upload-url', 'http://example.com/upload'],
  ] as const) {
    it(`refuses ${attribute}="${value}" with missing-config naming it, and requests nothing with it`, async () => {
      const session = await createSession('helios');
      const requests = watchRequests();
      try {
        const el = await recorderFor(session, { 'min-speech-seconds': '1', [attribute]: value });
        const log = recordEvents(el);
        await recordUntilEnough(el);
        button(el, 'submit-button').click();
        await waitUntil(() => log.of('thymia-error').some((error) => error.code === 'missing-config'), 'missing-config');
        const error = log.of('thymia-error').find((entry) => entry.code === 'missing-config')!;
        expect(error.message).to.include(attribute);
        expect(requests.urls().some((url) => url.includes(value)), 'no request with the refused URL').to.be.false;
        expect(part(el, 'error')!.textContent).to.include(attribute);
        await el.reset();
      } finally {
        requests.restore();
      }
    });
  }
});

describe('wake lock and stored recordings', () => {
  it('holds a screen wake lock while recording and releases it on stop', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '1' });
    const requested: { released: boolean }[] = [];
    const wakeLock = {
      request: async () => {
        const sentinel = { released: false, release: async () => void (sentinel.released = true), addEventListener() {}, removeEventListener() {} };
        requested.push(sentinel);
        return sentinel;
      },
    };
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'wakeLock');
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, get: () => wakeLock });
    try {
      await recordUntilEnough(el);
      expect(requested.length, 'a lock while recording').to.be.at.least(1);
      expect(requested.at(-1)!.released).to.be.false;
      button(el, 'stop-button').click();
      await waitForState(el, 'recorded');
      await waitUntil(() => requested.every((lock) => lock.released), 'released on stop');
      await el.reset();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).wakeLock;
      if (descriptor) Object.defineProperty(Navigator.prototype, 'wakeLock', descriptor);
    }
  });

  it('clearStoredRecordings() forgets a kept recording so a new page finds nothing to restore', async () => {
    const session = await createSession('helios');
    const key = `clear-${Math.random().toString(36).slice(2)}`;
    const el = await recorderFor(session, { 'min-speech-seconds': '1', 'storage-key': key });
    await recordUntilEnough(el);
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    // Kept until its upload is confirmed: a second element on the same key would be offered it…
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.clearStoredRecordings();
    const again = await fixture<Recorder>(html`<thymia-recorder storage-key=${key}></thymia-recorder>`);
    const log = recordEvents(again);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(log.of('thymia-restored'), '…but not after clearStoredRecordings()').to.deep.equal([]);
    expect(again.state).to.equal('idle');
  });
});
