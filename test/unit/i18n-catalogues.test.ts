import { expect } from '@open-wc/testing';
import { en, type Catalogue, type MessageId } from '../../src/i18n/catalogues/en.js';
import { catalogueNow, englishFirstPart, loadCatalogue } from '../../src/i18n/catalogues.js';
import { LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { SAME_AS_ENGLISH, englishLeftIn, latinWordsIn, type TranslatedLanguage } from '../helpers/i18n.js';

const TRANSLATED = LANGUAGES.filter((language): language is TranslatedLanguage => language !== 'en');
const ids = Object.keys(en) as MessageId[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

async function all(): Promise<Record<Language, Catalogue>> {
  const entries = await Promise.all(LANGUAGES.map(async (language) => [language, await loadCatalogue(language)] as const));
  return Object.fromEntries(entries) as Record<Language, Catalogue>;
}

describe('message catalogues', () => {
  it('has every English id in every language, and nothing else', async () => {
    const catalogues = await all();
    for (const language of LANGUAGES) {
      expect(Object.keys(catalogues[language]).sort(), language).to.deep.equal([...ids].sort());
      for (const id of ids) expect(catalogues[language][id].trim(), `${language}.${id}`).not.to.equal('');
    }
  });

  it('keeps every placeholder English has, key by key, so no value goes missing in a translation', async () => {
    const catalogues = await all();
    const mismatches = TRANSLATED.flatMap((language) =>
      ids
        .filter((id) => placeholders(catalogues[language][id]).join() !== placeholders(en[id]).join())
        .map((id) => `${language}.${id}: ${placeholders(catalogues[language][id]).join()} ≠ ${placeholders(en[id]).join()}`),
    );
    expect(mismatches).to.deep.equal([]);
  });

  it('translates every string, except the few that are the same in that language', async () => {
    const catalogues = await all();
    for (const language of TRANSLATED) {
      const same = ids.filter((id) => catalogues[language][id] === en[id]);
      expect(same, language).to.deep.equal([...SAME_AS_ENGLISH[language]]);
    }
  });

  it('leaves no English word in Japanese but names, standards and browsers', async () => {
    const { ja } = await all();
    const left = ids.flatMap((id) => latinWordsIn(ja[id]).map((word) => `${id}: ${word}`));
    expect(left).to.deep.equal([]);
  });

  it('holds no English sentence or label inside any translation', async () => {
    const catalogues = await all();
    for (const language of TRANSLATED) {
      const text = ids.map((id) => catalogues[language][id]).join('\n');
      expect(englishLeftIn(text, language), language).to.deep.equal([]);
    }
  });

  it('reads the North Wind and the Sun aloud in every language, a passage of similar length', async () => {
    const catalogues = await all();
    expect(catalogues.en.readAloudPassage).to.match(/^The North Wind and the Sun were disputing/);
    expect(catalogues.es.readAloudPassage).to.match(/^El viento norte y el sol porfiaban/);
    expect(catalogues.id.readAloudPassage).to.match(/^Angin Utara dan Matahari/);
    expect(catalogues.ja.readAloudPassage).to.match(/北風と太陽/);
    // Roughly the same amount to read: English and the Latin-script languages by words, Japanese by morae (about a kana or kanji each, ~2 per English syllable).
    const words = (text: string) => text.split(/\s+/).length;
    for (const language of ['es', 'id'] as const) {
      expect(words(catalogues[language].readAloudPassage) / words(en.readAloudPassage), language).to.be.within(0.75, 1.35);
    }
    expect([...catalogues.ja.readAloudPassage].length / words(en.readAloudPassage)).to.be.within(1.5, 3.5);
  });

  it('words Helios as wellbeing, never as a disorder, and says it is not a diagnosis, in every language', async () => {
    const catalogues = await all();
    const labels: MessageId[] = ['resultsHeading', 'mentalStrain', 'distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem'];
    const disorder: Record<Language, RegExp> = {
      en: /diagnos|disorder|depress|anxiety|patient/i,
      es: /diagn|trastorno|depresi|ansiedad|paciente/i,
      id: /diagnos|gangguan|depresi|cemas|pasien/i,
      ja: /診断|障害|うつ|病|患者/,
    };
    const notDiagnosis: Record<Language, RegExp> = {
      en: /not a medical diagnosis/,
      es: /no un diagnóstico médico/,
      id: /bukan diagnosis medis/,
      ja: /医学的な診断ではありません/,
    };
    for (const language of LANGUAGES) {
      for (const id of labels) expect(catalogues[language][id], `${language}.${id}`).not.to.match(disorder[language]);
      expect(catalogues[language].resultsDisclaimer, language).to.match(notDiagnosis[language]);
    }
  });

  it('writes Japanese politely (です・ます) in every full sentence the person reads', async () => {
    const { ja } = await all();
    const plain = ids.filter((id) => {
      const text = ja[id];
      // Full sentences end in 。; each should end politely (…ます。 / …です。 / …ください。 / …ません。 / …でした。 / …ました。).
      const sentences = text.split(/(?<=。)/).filter((sentence) => sentence.endsWith('。') && !id.startsWith('readAloud'));
      // A closing quote or a parenthetical aside may follow the polite ending: …ました（0:42、発話31秒）。
      return sentences.some((sentence) => !/(ます|です|ください|ません|でした|ました)(」|（[^）]*）)?。$/.test(sentence));
    });
    expect(plain).to.deep.equal([]);
  });
});

describe('catalogue loading', () => {
  it('has the first screen in English at once, and the rest of English as one more module', async () => {
    // Everything a Helios page shows before Record (and every element error) is in the first part; the
    // meters come with the recording view, which loads with the take views when Record is pressed.
    for (const id of ['instructionsHelios', 'record', 'stop', 'timer', 'insecureContext', 'mic-permission-denied', 'upload-failed'] as const) {
      expect(englishFirstPart[id], id).to.equal(en[id]);
    }
    // Results, Apollo and consent are not: they come with the whole catalogue.
    expect(englishFirstPart.resultsHeading).to.equal(undefined);
    expect(englishFirstPart.consentText).to.equal(undefined);
    expect(englishFirstPart.apolloClinicianNotice).to.equal(undefined);
    expect(englishFirstPart.speechProgress).to.equal(undefined);
    const whole = await loadCatalogue('en');
    expect(whole).to.equal(en);
    expect(catalogueNow('en')).to.equal(en);
    expect(Object.keys(whole)).to.have.members(Object.keys(en));
  });

  it('loads each other language once and gives the same object every time', async () => {
    for (const language of ['es', 'id', 'ja'] as const) {
      const first = loadCatalogue(language);
      const second = loadCatalogue(language);
      const [a, b] = await Promise.all([first, second]);
      expect(a, language).to.equal(b);
      expect(await loadCatalogue(language), language).to.equal(a);
      expect(catalogueNow(language), language).to.equal(a);
      expect(a.record, language).not.to.equal(en.record);
    }
  });

  it('fetches a language as its own module file, apart from the code that asks for it', async () => {
    await loadCatalogue('ja');
    const fetched = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(fetched.filter((path) => /^\/src\/i18n\/catalogues\/ja\.(js|ts)$/.test(path))).to.have.length(1);
  });
});
