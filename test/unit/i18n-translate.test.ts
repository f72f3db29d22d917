import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/catalogues/en.js';
import { loadCatalogue } from '../../src/i18n/catalogues.js';
import { formatClock, formatDateTime, formatDuration, formatNumber, formatSeconds } from '../../src/i18n/intl.js';
import { resolveLanguage } from '../../src/i18n/languages.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { englishLeftIn, uiText } from '../helpers/i18n.js';

describe('resolveLanguage', () => {
  it('falls back by language, then to English', () => {
    const cases: Record<string, string> = {
      en: 'en',
      'en-IN': 'en',
      'en-GB': 'en',
      'es-US': 'es',
      'es-419': 'es',
      'ES-es': 'es',
      'ja-JP': 'ja',
      'id-ID': 'id',
      // Indonesian's old code, as older Android and Java locales still send it.
      'in-ID': 'id',
      fr: 'en',
      'pt-BR': 'en',
      'zh-Hant-TW': 'en',
      '': 'en',
      'not a tag': 'en',
    };
    for (const [tag, language] of Object.entries(cases)) expect(resolveLanguage(tag), tag).to.equal(language);
    expect(resolveLanguage(undefined)).to.equal('en');
    expect(resolveLanguage(null)).to.equal('en');
  });
});

describe('createTranslator', () => {
  it('shows the catalogue string, with {name} values filled in', async () => {
    const es = await loadCatalogue('es');
    const t = createTranslator(es, {}, 'es');
    expect(t('record')).to.equal('Grabar');
    expect(t('speechProgress', { speech: 12, min: 30 })).to.equal('Habla: 12 de 30 s');
  });

  it('keeps English byte for byte', () => {
    const t = createTranslator(en, {}, 'en');
    expect(t('speechProgress', { speech: 12, min: 30 })).to.equal('Speech: 12 of 30 s');
    expect(t('reviewReady', { duration: '0:42', speech: 31 })).to.equal('Recording ready: 0:42, with 31 s of speech.');
    expect(t('scoreOutOf', { value: 73 })).to.equal('73 out of 100');
  });

  it('writes numbers the way the language does', async () => {
    const es = createTranslator(await loadCatalogue('es'), {}, 'es-ES');
    const ja = createTranslator(await loadCatalogue('ja'), {}, 'ja-JP');
    expect(es('percent', { value: 12.5 })).to.equal('12,5 %');
    expect(ja('speechProgress', { speech: 12, min: 30 })).to.equal('発話：12秒／30秒');
  });

  it('lets the host override any string, the rest staying translated', async () => {
    const ja = await loadCatalogue('ja');
    const t = createTranslator(ja, { record: '話し始める', speechProgress: 'あと{min}秒中{speech}秒' }, 'ja');
    expect(t('record')).to.equal('話し始める');
    expect(t('speechProgress', { speech: 5, min: 30 })).to.equal('あと30秒中5秒');
    expect(t('stop')).to.equal('停止');
  });

  it('ignores override entries that are not the host’s own strings', () => {
    const inherited = Object.create({ record: 'from the prototype' }) as Record<string, unknown>;
    inherited.stop = 42;
    const t = createTranslator(en, inherited as never, 'en');
    expect(t('record')).to.equal('Record');
    expect(t('stop')).to.equal('Stop');
  });

  it('leaves a placeholder with no value visible rather than dropping it', () => {
    const t = createTranslator(en, {}, 'en');
    expect(t('speechProgress', { speech: 3 })).to.equal('Speech: 3 of {min} s');
  });
});

describe('Intl formatting', () => {
  it('keeps the m:ss clock in every language', () => {
    for (const lang of ['en', 'es', 'id', 'ja', 'en-IN']) {
      expect([formatClock(0, lang), formatClock(7.9, lang), formatClock(125, lang), formatClock(760, lang)], lang).to.deep.equal([
        '0:00',
        '0:07',
        '2:05',
        '12:40',
      ]);
    }
    expect(formatClock(-3)).to.equal('0:00');
    expect(formatClock(Number.NaN)).to.equal('0:00');
  });

  it('writes the clock in the locale’s own digits where it has them', () => {
    expect(formatClock(125, 'ar-EG')).to.equal('٢:٠٥');
  });

  it('says seconds and durations in words of the language', () => {
    expect(formatSeconds(12, 'ja', 'short')).to.equal('12 秒');
    expect(formatSeconds(12, 'en', 'long')).to.equal('12 seconds');
    expect(formatSeconds(12, 'es', 'long')).to.equal('12 segundos');
    expect(formatDuration(125, 'en')).to.match(/^2 minutes,? 5 seconds$/);
    expect(formatDuration(125, 'es')).to.match(/^2 minutos,? y 5 segundos$|^2 minutos y 5 segundos$/);
    expect(formatDuration(125, 'id')).to.match(/^2 menit,? 5 detik$/);
    expect(formatDuration(125, 'ja')).to.match(/^2\s?分\s?5\s?秒$/);
    expect(formatDuration(40, 'en')).to.equal('40 seconds');
    expect(formatDuration(120, 'en')).to.equal('2 minutes');
  });

  it('writes dates and numbers as the language does, and survives a malformed tag', () => {
    const iso = '2026-11-23T09:41:07Z';
    expect(formatDateTime(iso, 'ja-JP')).to.match(/2026\/11\/23/);
    expect(formatDateTime(iso, 'es-ES')).to.match(/23 nov 2026/);
    expect(formatDateTime('not a date', 'en')).to.equal(undefined);
    expect(formatNumber(1234.567, 'es-ES')).to.equal('1234,57');
    expect(formatNumber(1234.567, 'en')).to.equal('1,234.57');
    expect(formatNumber(0.5, 'not_a_tag!')).to.equal('0.5');
  });
});

describe('englishLeftIn (for the every-state, every-language element test)', () => {
  it('finds an English label or sentence left in a translated screen', () => {
    expect(englishLeftIn('Grabar\nSubmit anyway\nDetener', 'es')).to.deep.equal(['Submit anyway']);
    expect(englishLeftIn('録音を開始しました。Keep talking — 5 s of speech still needed.', 'ja')).to.include('Keep talking');
    expect(englishLeftIn('Merekam\nStop', 'id')).to.deep.equal(['Stop']);
  });

  it('flags any Latin word in Japanese but names and standards', () => {
    expect(englishLeftIn('thymia のアクティビティ・PHQ-9・Safari', 'ja')).to.deep.equal([]);
    expect(englishLeftIn('録音 Loading', 'ja')).to.deep.equal(['Loading']);
  });

  it('skips what the caller marks as data (a transcript, thymia’s warnings)', () => {
    expect(englishLeftIn('Transkrip\nI slept badly and feel stressed', 'id', { ignore: ['I slept badly and feel stressed'] })).to.deep.equal([]);
  });

  it('reads the text a person meets in a shadow root: text and labels, not styles, not a filled slot’s fallback', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>.record { color: red }</style>
      <button aria-label="Stop">■</button><span title="Elapsed time">0:12</span>
      <slot name="consent"><p>Before you start</p></slot><p>Grabando</p>`;
    expect(uiText(root).split('\n')).to.deep.equal(['Stop', '■', 'Elapsed time', '0:12', 'Before you start', 'Grabando']);
    expect(englishLeftIn(uiText(root), 'es')).to.have.members(['Stop', 'Elapsed time', 'Before you start']);
    const slotted = Object.assign(document.createElement('p'), { slot: 'consent', textContent: 'Texto del sitio' });
    host.append(slotted);
    expect(uiText(root)).not.to.include('Before you start');
  });
});
