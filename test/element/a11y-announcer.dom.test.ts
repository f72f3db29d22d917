/**
 * The polite live region (src/render/announcer.ts) in a small host element:
 * what a screen reader hears through a whole run, and that timer and meter
 * ticks, errors and repeated states add nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer, type Announcement, type AnnouncerReading } from '../../src/render/announcer.js';
import { announcementFor } from '../../src/render/announcements.js';
import { LanguageController } from '../../src/i18n/language-controller.js';
import { recorderStyles } from '../../src/styles.js';

class AnnouncerHost extends LitElement {
  static override styles = [recorderStyles];
  reading: AnnouncerReading = { state: 'idle', enough: false, take: undefined, model: 'helios', following: false };
  // As the element does: the rest of English is fetched once the first screen is left behind.
  readonly language = new LanguageController(
    this,
    () => this.lang || 'en',
    () => ({}),
    () => this.reading.state !== 'idle' || this.reading.model === 'apollo' || this.reading.following,
  );
  /** The sentences, as the element gets them with the views that follow Record (here at once unless a test holds them back). */
  announcement: Announcement | undefined = announcementFor;
  readonly announcer = new Announcer(this, () => this.reading, () => this.language.t, () => this.announcement);
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.language.settled();
    return super.getUpdateComplete();
  }
  override render() {
    return html`${this.announcer.render()}<p>${this.reading.state}</p>`;
  }
}
customElements.define('announcer-test-host', AnnouncerHost);

async function hear(host: AnnouncerHost, ...readings: Partial<AnnouncerReading>[]): Promise<string[]> {
  const heard: string[] = [];
  for (const reading of readings) {
    host.reading = { ...host.reading, ...reading };
    host.requestUpdate();
    await host.updateComplete;
    const text = host.shadowRoot!.querySelector('[part="announcer"]')!.textContent!;
    // A live region is read when its text changes; an empty region says nothing.
    if (text && text !== heard.at(-1)) heard.push(text);
  }
  return heard.map((text) => text.trim());
}

describe('live region announcer', () => {
  it('is a polite, atomic live region present (empty) from the first render, and visually hidden', async () => {
    const host = await fixture<AnnouncerHost>(html`<announcer-test-host></announcer-test-host>`);
    const region = host.shadowRoot!.querySelector<HTMLElement>('[part="announcer"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('aria-atomic')).to.equal('true');
    expect(region.textContent).to.equal('');
    expect(region.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('says nothing until its sentences arrive, then what changed since the page was first read', async () => {
    const host = await fixture<AnnouncerHost>(html`<announcer-test-host></announcer-test-host>`);
    host.announcement = undefined;
    expect(await hear(host, { state: 'requesting-permission' }, { state: 'recording' })).to.deep.equal([]);
    host.announcement = announcementFor;
    expect(await hear(host, { state: 'recording' })).to.deep.equal(['Recording']);
  });

  it('announces start, minimum reached, stop, upload, processing and results — not the ticks in between', async () => {
    const host = await fixture<AnnouncerHost>(html`<announcer-test-host></announcer-test-host>`);
    const take = { durationSeconds: 14.2, speechSeconds: 11.6, enough: true };
    const heard = await hear(
      host,
      { state: 'requesting-permission' },
      { state: 'recording' },
      { state: 'recording' }, // timer and meter ticks
      { state: 'recording' },
      { state: 'recording', enough: true },
      { state: 'recording', enough: true },
      { state: 'recorded', take },
      { state: 'uploading' },
      { state: 'processing' },
      { state: 'processing' },
      { state: 'complete' },
    );
    expect(heard).to.deep.equal([
      'Recording',
      'Enough speech. Press Stop when you are ready.',
      'Recording ready: 0:14, with 11 s of speech.',
      'Uploading your recording…',
      'Analysing your recording. This usually takes under a minute.',
      'Thank you — your recording has been analysed.',
    ]);
  });

  it('leaves errors and a too-short stop to the notice (role="alert"), and says "Recording" again on a second take', async () => {
    const host = await fixture<AnnouncerHost>(html`<announcer-test-host></announcer-test-host>`);
    const short = { durationSeconds: 3, speechSeconds: 2, enough: false };
    const heard = await hear(host, { state: 'recording' }, { state: 'recorded', take: short }, { state: 'error' }, { state: 'recording' });
    expect(heard, 'the second take is announced too').to.deep.equal(['Recording', 'Recording']);
    const region = host.shadowRoot!.querySelector('[part="announcer"]')!;
    expect(region.textContent, 'changed, so it is read again').to.equal('Recording\u00a0');
  });

  it('speaks the protocol: Apollo and followed calls, in the element language', async () => {
    const apollo = await fixture<AnnouncerHost>(html`<announcer-test-host></announcer-test-host>`);
    apollo.reading = { ...apollo.reading, model: 'apollo' };
    expect(await hear(apollo, { state: 'uploading' }, { state: 'processing' }, { state: 'complete' })).to.deep.equal([
      'Uploading your recordings…',
      'Your recordings are being processed. This usually takes under a minute.',
      'Thank you — your recordings were submitted.',
    ]);
    const call = await fixture<AnnouncerHost>(html`<announcer-test-host lang="es"></announcer-test-host>`);
    call.reading = { ...call.reading, following: true, state: 'processing' };
    expect(await hear(call, { state: 'processing' }, { state: 'complete' })).to.deep.equal(['La llamada ha terminado. Gracias.']);
  });
});
