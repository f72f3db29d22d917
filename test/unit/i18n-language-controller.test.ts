import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { loadCatalogue } from '../../src/i18n/catalogues.js';
import { LanguageController } from '../../src/i18n/language-controller.js';
import type { MessageOverrides } from '../../src/i18n/translate.js';

/**
 * The wiring the element uses, in miniature: the language read from `lang`
 * (own, else an ancestor's), the host's `strings`, and `updateComplete`
 * waiting for a language chunk. Every render logs what the Record button said.
 */
class LanguageHost extends LitElement {
  static override properties = { lang: {}, strings: { attribute: false } };
  override lang = '';
  strings: MessageOverrides = {};
  readonly said: string[] = [];
  readonly language = new LanguageController(
    this,
    () => this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'en',
    () => this.strings,
  );

  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.language.settled();
    return (await super.getUpdateComplete()) && complete;
  }

  override render() {
    const t = this.language.t;
    this.said.push(t('record'));
    return html`<button>${t('record')}</button>
      <p>${t('speechProgress', { speech: 12.5, min: 30 })}</p>`;
  }
}
customElements.define('language-host', LanguageHost);

const text = (el: LanguageHost, selector: string) => el.shadowRoot!.querySelector(selector)!.textContent!.trim();

describe('LanguageController', () => {
  // First, while no translation has loaded yet.
  it('shows the last language asked for when an earlier one arrives later', async () => {
    let lang = 'ja';
    let updates = 0;
    const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => (updates += 1), updateComplete: Promise.resolve(true) };
    const controller = new LanguageController(host, () => lang);
    controller.hostUpdate();
    lang = 'es';
    controller.hostUpdate();
    await Promise.all([loadCatalogue('ja'), loadCatalogue('es'), controller.settled()]);
    expect(controller.language).to.equal('es');
    expect(controller.t('record')).to.equal('Grabar');
    // Only the wanted language's arrival asks for a render.
    expect(updates).to.equal(1);
  });

  it('renders English while a language loads, then renders again in it — never a missing key', async () => {
    const el = await fixture<LanguageHost>(fixtureHtml`<language-host lang="id-ID"></language-host>`);
    expect(el.said).to.deep.equal(['Record', 'Rekam']);
    expect(text(el, 'button')).to.equal('Rekam');
    expect(el.language.language).to.equal('id');
  });

  it('switches language when lang changes, keeping the current one until the new one arrives', async () => {
    const el = await fixture<LanguageHost>(fixtureHtml`<language-host lang="id"></language-host>`);
    el.said.length = 0;
    el.lang = 'ja-JP';
    await el.updateComplete;
    expect(el.said[el.said.length - 1]).to.equal('録音');
    expect(el.said.every((word) => word === 'Rekam' || word === '録音')).to.equal(true);
    expect(text(el, 'p')).to.equal('発話：12.5秒／30秒');
  });

  it('shows a language already loaded in the very next render', async () => {
    await loadCatalogue('es');
    const el = await fixture<LanguageHost>(fixtureHtml`<language-host lang="es"></language-host>`);
    expect(el.said).to.deep.equal(['Grabar']);
  });

  it('takes the language from an ancestor when the element has none', async () => {
    const wrapper = await fixture<HTMLDivElement>(fixtureHtml`<div lang="ja"><language-host></language-host></div>`);
    const el = wrapper.querySelector<LanguageHost>('language-host')!;
    await el.updateComplete;
    expect(text(el, 'button')).to.equal('録音');
  });

  it('formats numbers for the page’s own regional tag, and English numbers for a language it falls back from', async () => {
    const spain = await fixture<LanguageHost>(fixtureHtml`<language-host lang="es-ES"></language-host>`);
    const mexico = await fixture<LanguageHost>(fixtureHtml`<language-host lang="es-MX"></language-host>`);
    const french = await fixture<LanguageHost>(fixtureHtml`<language-host lang="fr-FR"></language-host>`);
    expect(text(spain, 'p')).to.equal('Habla: 12,5 de 30 s');
    expect(text(mexico, 'p')).to.equal('Habla: 12.5 de 30 s');
    // French falls back to English text, so its numbers are English too: no "12,5" inside an English sentence.
    expect(text(french, 'p')).to.equal('Speech: 12.5 of 30 s');
    expect([spain.language.locale, mexico.language.locale, french.language.locale]).to.deep.equal(['es-ES', 'es-MX', 'en']);
  });

  it('lets the host override single strings in any language', async () => {
    const el = await fixture<LanguageHost>(fixtureHtml`<language-host lang="ja"></language-host>`);
    el.strings = { record: '話し始める' };
    await el.updateComplete;
    expect(text(el, 'button')).to.equal('話し始める');
    expect(text(el, 'p')).to.equal('発話：12.5秒／30秒');
  });

  it('gives the same t between renders until language or strings change', async () => {
    const el = await fixture<LanguageHost>(fixtureHtml`<language-host lang="es"></language-host>`);
    const first = el.language.t;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.language.t).to.equal(first);
    el.strings = { stop: 'Parar' };
    await el.updateComplete;
    expect(el.language.t).not.to.equal(first);
  });

});
