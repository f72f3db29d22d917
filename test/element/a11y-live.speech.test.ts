/** What a screen reader hears from <thymia-recorder>'s polite live region through a whole Helios run. */
import { expect } from '@open-wc/testing';
import { createSession, part, recordAndSubmit, recordEvents, recorderFor, waitForState } from '../helpers/element.js';

describe('live region through a Helios run', () => {
  it('announces start, minimum reached, stop, upload, processing and results once each; no ticks', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '2' });
    const region = part(el, 'announcer')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const heard: string[] = [];
    new MutationObserver(() => {
      const text = region.textContent!.trim();
      if (text && text !== heard.at(-1)) heard.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
    const log = recordEvents(el);
    await recordAndSubmit(el, 'complete');
    await el.updateComplete;
    expect(log.of('thymia-result')).to.have.length(1);
    // Submit stops the recording first: "Recording ready: 0:02, with 2 s of speech."
    expect(heard[2]).to.match(/^Recording ready: 0:0\d, with \d s of speech\.$/);
    heard.splice(2, 1);
    expect(heard).to.deep.equal([
      'Recording',
      'Enough speech. Press Stop when you are ready.',
      'Uploading your recording…',
      'Analysing your recording. This usually takes under a minute.',
      'Thank you — your recording has been analysed.',
    ]);
    expect(el.shadowRoot!.querySelectorAll('[aria-live]:not([part="announcer"])'), 'no other chatty live regions').to.have.length(0);
    await waitForState(el, 'complete');
  });
});

describe('keyboard focus through a whole run', () => {
  it('is never lost to the page: Stop while recording, the status while uploading and processing, then the results', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const { button } = await import('../helpers/element.js');
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '1' });
    button(el, 'record-button').focus();
    const seen = new Set<string>();
    const look = () => {
      const active = el.shadowRoot!.activeElement;
      seen.add(active ? active.getAttribute('part') ?? active.getAttribute('role') ?? active.tagName : `outside:${document.activeElement?.tagName}`);
    };
    const watch = setInterval(look, 10);
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'recording');
    const { waitUntil } = await import('@open-wc/testing');
    await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech', { timeout: 20_000 });
    button(el, 'submit-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'complete');
    await el.updateComplete;
    clearInterval(watch);
    // The last look, in case focus moved within the final 10 ms.
    look();
    expect(el.shadowRoot!.activeElement === part(el, 'results'), 'focus on the results').to.be.true;
    expect([...seen].filter((where) => where.startsWith('outside')), 'focus never left the element').to.deep.equal([]);
    expect([...seen]).to.include.members(['status', 'stop-button', 'results']);
  });
});
