/**
 * The app every runtime serves: the BUILT server half with a test
 * `authorize` (the person named by the `x-test-user` header). Apollo for
 * `pat` under the default policy (none), Helios for `ann` (full), `bob` to
 * hold someone else's token.
 */
import { createThymiaHandler } from '../../dist/lib/server/index.js';

export const SECRET = 'runtimes-secret-0123456789-abcdefghijklmnop';

const people = Object.fromEntries(
  ['ann', 'bob', 'pat'].map((name) => [
    name,
    { subject: `subject-${name}`, user: { userLabel: `runtime-${name}`, dateOfBirth: '1988-02-03', birthSex: 'MALE' }, language: 'en-GB' },
  ]),
);

/** @param {{ apiKey: string, baseUrl: string }} env */
export function createApp(env) {
  return createThymiaHandler({
    apiKey: env.apiKey,
    baseUrl: env.baseUrl,
    secret: SECRET,
    authorize: (request) => people[request.headers.get('x-test-user') ?? ''] ?? null,
    log: () => undefined,
  });
}
