import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { ThymiaRecorder } from '../../src/thymia-recorder.js';

describe('<thymia-recorder> definition', () => {
  it('is defined once, and loading the entry again does not throw', async () => {
    expect(customElements.get('thymia-recorder')).to.equal(ThymiaRecorder);
    // A second copy of the entry module (a page with two script tags, or the bundle plus the package).
    await import(/* @vite-ignore */ `../../src/index.ts?again=${Date.now()}`);
    expect(customElements.get('thymia-recorder')).to.equal(ThymiaRecorder);
  });

  it('starts idle with the state reflected for styling, and the defaults of the contract', async () => {
    const el = await fixture<ThymiaRecorder>(html`<thymia-recorder></thymia-recorder>`);
    expect(el.getAttribute('state')).to.equal('idle');
    expect(el.state).to.equal('idle');
    expect([el.model, el.maxSeconds, el.pollInterval, el.autoSubmit, el.statusAdapter]).to.deep.equal(['helios', 180, 3000, false, 'thymia']);
    const speech = await fixture<ThymiaRecorder>(html`<thymia-recorder model="apollo"></thymia-recorder>`);
    expect(speech.shadowRoot!.querySelector('[part~="prompt"]')!.textContent).to.include('15 s');
  });

  it('dispatches thymia-* events that bubble and are composed, with the contract detail', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><thymia-recorder></thymia-recorder></div>`);
    const el = host.querySelector('thymia-recorder')!;
    const heard: CustomEvent[] = [];
    host.addEventListener('thymia-state-change', (event) => heard.push(event));
    host.addEventListener('thymia-error', (event) => heard.push(event));
    // No microphone in this browser: start() must end in a typed microphone error, heard outside.
    await el.start();
    const error = heard.find((event) => event.type === 'thymia-error')!;
    expect(error.bubbles && error.composed).to.be.true;
    expect(error.detail.code).to.match(/^mic-(permission-denied|not-found)$/);
    expect(error.detail.recoverable).to.be.true;
    expect(heard.filter((event) => event.type === 'thymia-state-change').map((event) => event.detail.state)).to.deep.equal([
      'requesting-permission',
      'error',
    ]);
    expect(el.getAttribute('state')).to.equal('error');
  });

  it('follows the UI language when lang changes', async () => {
    const el = await fixture<ThymiaRecorder>(html`<thymia-recorder></thymia-recorder>`);
    const record = () => el.shadowRoot!.querySelector('[part~="record-button"]')!.textContent!.trim();
    expect(record()).to.equal('Record');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(record()).to.equal('Grabar');
  });
});
