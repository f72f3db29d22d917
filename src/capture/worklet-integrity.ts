/**
 * The speech worklet checked before it runs. An AudioWorklet's addModule takes no integrity, and
 * engines apply neither a script's `integrity` nor an import map's to it; so the bundle's build
 * writes the worklet file's SRI hash into speechWorkletIntegrity() below (vite.config.ts), and
 * this module, part of the capture engine chunk that the page's import-map integrity covers,
 * fetches the file with that integrity before addModule may load it.
 */

/**
 * The SRI hash (`sha384-…`) of the worklet file the build put beside the bundle, or undefined
 * where nothing baked one in (the package's dist/lib/, whose worklet a host's bundler copies; the
 * dev server).
 */
export function speechWorkletIntegrity(): string | undefined {
  return undefined;
}

/**
 * Whether the worklet at `url` is the one this build made: true without a baked hash; else a
 * fetch with that integrity must succeed (a tampered copy fails it, and the browser says so in
 * the console). addModule then fetches the same URL, normally from the HTTP cache.
 */
export function verifySpeechWorklet(url: URL): Promise<boolean> {
  const integrity = speechWorkletIntegrity();
  if (!integrity) return Promise.resolve(true);
  return fetch(url, { integrity, mode: 'cors', credentials: 'same-origin' }).then(
    (response) => response.ok,
    () => false,
  );
}
