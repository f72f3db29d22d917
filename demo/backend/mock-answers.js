// @ts-check
/** How the mock thymia answers, shared by its host routes (mock-thymia.js) and thymia's /v1 routes (mock-thymia-api.js). */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Answers one status GET, obeying the run's next scripted status fault: `timeout` (an answer only
 * after 60 s), `hang` (none), `html` (a proxy's HTML error page), `malformed` (JSON of the wrong
 * shape), a three-digit status (429 and 503 with `Retry-After: 0`); else `body()`. Shared by the
 * host routes here and thymia's own /v1 routes (mock-thymia-api.js).
 * @param {import('node:http').ServerResponse} res @param {{ statusFaults: string[] }} run @param {() => unknown} body
 */
export function answerStatus(res, run, body) {
  const fault = run.statusFaults.shift();
  if (fault === 'hang') return;
  if (fault === 'timeout') {
    setTimeout(() => sendJson(res, 200, body()), 60_000).unref();
    return;
  }
  if (fault === 'html') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    return;
  }
  if (fault === 'malformed') {
    sendJson(res, 200, { status: 'SOMETHING_ELSE', id: /** @type {{ id?: string }} */ (run).id });
    return;
  }
  if (fault && /^\d{3}$/.test(fault)) {
    sendJson(res, Number(fault), { detail: `injected ${fault}` }, fault === '429' || fault === '503' ? { 'Retry-After': '0' } : {});
    return;
  }
  sendJson(res, 200, body());
}
