/**
 * How every tool here starts Debian's Firefox ESR (through puppeteer-core,
 * WebDriver BiDi): the test group and the bench's bytes-per-minute take use
 * the same fake microphone (a tone) and let audio start without a click.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const FIREFOX_FAKE_MEDIA_PREFS = Object.freeze({
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.autoplay.default': 0,
  'media.autoplay.block-webaudio': false,
});
