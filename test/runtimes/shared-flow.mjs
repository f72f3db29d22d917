/**
 * The one flow every runtime must pass, as a browser and a stranger would
 * drive it over HTTP: a Helios session (create, PUT to the mock's upload URL,
 * poll to a result), Apollo under the default policy (no probability
 * leaves), and the security cases. Answers one { name, ok, error } per check.
 */

/** @param {boolean} condition @param {string} message */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * @param {string} base the runtime's origin, e.g. http://127.0.0.1:4000
 * @returns {Promise<{ name: string, ok: boolean, error?: string }[]>}
 */
export async function runSharedFlow(base) {
  const api = `${base}/api/thymia`;
  /** @param {string} user @param {unknown} body @param {Record<string, string>} [headers] */
  const post = (user, body, headers = {}) =>
    fetch(`${api}/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, 'x-test-user': user, ...headers }, body: JSON.stringify(body) });
  /** @param {string} statusUrl @param {string} [user] */
  const poll = (statusUrl, user) => fetch(`${base}${statusUrl}`, { headers: user ? { 'x-test-user': user } : {} });
  /** @param {string} url */
  const put = async (url) => {
    const answer = await fetch(url, { method: 'PUT', headers: { 'content-type': 'audio/webm' }, body: new Uint8Array(48_000) });
    check(answer.ok, `upload answered ${answer.status}`);
  };
  /** Polls until thymia's run leaves CREATED/RUNNING (bounded by count, not time). @param {string} statusUrl @param {string} user */
  const result = async (statusUrl, user) => {
    for (let i = 0; i < 50; i += 1) {
      const answer = await poll(statusUrl, user);
      check(answer.status === 200, `status answered ${answer.status}`);
      const text = await answer.text();
      const json = JSON.parse(text);
      if (json.status !== 'CREATED' && json.status !== 'RUNNING') return { json, text };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no result after 50 polls');
  };

  /** @type {{ name: string, ok: boolean, error?: string }[]} */
  const outcomes = [];
  /** @param {string} name @param {() => Promise<void>} body */
  const step = async (name, body) => {
    try {
      await body();
      outcomes.push({ name, ok: true });
    } catch (error) {
      outcomes.push({ name, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  /** @type {{ statusUrl: string, recordingUploadUrl: string } | undefined} */
  let helios;
  await step('helios session, upload, result', async () => {
    const created = await post('ann', { model: 'helios', recordingTime: '2026-11-23T09:41:07' });
    check(created.status === 200, `session answered ${created.status}`);
    helios = await created.json();
    check(typeof helios?.recordingUploadUrl === 'string' && helios.statusUrl.startsWith('/api/thymia/status/'), 'session answer shape');
    await put(helios.recordingUploadUrl);
    const { json } = await result(helios.statusUrl, 'ann');
    check(json.status === 'COMPLETE_OK' && json.results.sections.length === 1, `result ${json.status}`);
    check(json.userLabel === undefined, 'userLabel reached the browser');
  });
  await step('apollo under policy none: no probability', async () => {
    const created = await post('pat', { model: 'apollo' });
    check(created.status === 200, `session answered ${created.status}`);
    const session = await created.json();
    await put(session.uploadUrls.moodQuestionUploadUrl);
    await put(session.uploadUrls.readAloudUploadUrl);
    const { json, text } = await result(session.statusUrl, 'pat');
    check(json.status === 'COMPLETE_OK', `result ${json.status}`);
    check(!text.includes('probability') && !text.includes('symptoms') && !text.includes('report'), `leaked: ${text}`);
  });
  await step('another subject\'s token: 403', async () => {
    check(!!helios, 'no session');
    check((await poll(/** @type {any} */ (helios).statusUrl, 'bob')).status === 403, 'not 403');
  });
  await step('no authorization: 401', async () => {
    check((await post('nobody', { model: 'helios' })).status === 401, 'session not 401');
    check((await poll(/** @type {any} */ (helios).statusUrl)).status === 401, 'status not 401');
  });
  await step('forged token: 404', async () => {
    const [h, p, s] = /** @type {any} */ (helios).statusUrl.split('/').pop().split('.');
    const forged = await poll(`/api/thymia/status/${h}.${p}.${s.slice(0, -3)}AAA`, 'ann');
    check(forged.status === 404, `answered ${forged.status}`);
    const body = await forged.json();
    check(body.error?.code === 'not-found', 'error code');
  });
  await step('cross-site POST: 403', async () => {
    check((await post('ann', { model: 'helios' }, { origin: 'https://evil.example' })).status === 403, 'not 403');
  });
  await step('bad input: 400, 405, 415, 413', async () => {
    check((await post('ann', { model: 'helios', extra: 1 })).status === 400, 'extra field not 400');
    check((await fetch(`${api}/session`, { headers: { 'x-test-user': 'ann' } })).status === 405, 'GET /session not 405');
    const text = await fetch(`${api}/session`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: base, 'x-test-user': 'ann' }, body: '{}' });
    check(text.status === 415, `text/plain answered ${text.status}`);
    const big = await post('ann', { model: 'helios', pad: 'x'.repeat(20_000) });
    check(big.status === 413, `big body answered ${big.status}`);
  });
  return outcomes;
}
