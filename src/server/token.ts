/**
 * Status tokens: a compact JWS (HS256, via `jose`) naming the model, thymia's
 * run id, the person and an expiry, so the status route needs no server-side
 * state and any replica that shares the secret serves any token.
 *
 * The subject travels as an HMAC of itself under the same key (the token is
 * readable by whoever holds it; the host's id for the person must not be).
 * Keys rotate by array: sign with the first, accept any; the header's `kid`
 * (a SHA-256 fingerprint prefix) picks the key, and jose verifies the MAC
 * with `crypto.subtle.verify`, which compares in constant time, as does the
 * subject check below.
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { HttpError } from './errors.js';

/** What a status token can point at: the element's model names, plus a voice-agent call. */
export const TOKEN_MODELS = ['helios', 'apollo', 'questionnaire', 'call'] as const;
export type TokenModel = (typeof TOKEN_MODELS)[number];

export interface TokenClaims {
  readonly model: TokenModel;
  readonly runId: string;
  readonly subject: string;
}

/** thymia's ids are UUIDs; anything outside this never reaches a thymia URL. */
export const RUN_ID = /^[\w-]{1,64}$/;

export const MIN_SECRET_BYTES = 32;
const VERIFIED_CACHE_SIZE = 1024;
const encoder = new TextEncoder();

interface Key {
  readonly kid: string;
  readonly key: CryptoKey;
}

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[\w-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function importKey(secret: string | Uint8Array): Promise<Key> {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  const fingerprint = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const key = await crypto.subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return { kid: base64url(fingerprint).slice(0, 8), key };
}

/** Validates the secrets up front, so a short key fails at start-up and not on the first request. */
export function checkSecrets(secret: string | Uint8Array | readonly (string | Uint8Array)[] | undefined): (string | Uint8Array)[] {
  const secrets = secret === undefined ? [] : typeof secret === 'string' || secret instanceof Uint8Array ? [secret] : [...secret];
  if (!secrets.length) throw new TypeError('createThymiaHandler: `secret` is required (or THYMIA_SECRET in the environment)');
  for (const item of secrets) {
    const size = typeof item === 'string' ? encoder.encode(item).byteLength : item.byteLength;
    if (size < MIN_SECRET_BYTES) throw new TypeError(`createThymiaHandler: every secret needs at least ${MIN_SECRET_BYTES} bytes`);
  }
  return secrets;
}

const SUBJECT_CONTEXT = 'thymia-recorder/subject\n';

export function createTokens(secrets: readonly (string | Uint8Array)[], ttlSeconds: number, clock: () => number = Date.now) {
  if (!(ttlSeconds > 0)) throw new TypeError('createThymiaHandler: `tokenTtlSeconds` must be positive');
  let keys: Promise<Key[]> | undefined;
  const loadKeys = () => (keys ??= Promise.all(secrets.map(importKey)));
  /** Tokens this instance verified, oldest first; bounded, so memory stays flat. */
  const verified = new Map<string, { subject: string; model: TokenModel; runId: string; expiresAt: number }>();

  async function subjectMac(key: CryptoKey, subject: string): Promise<string> {
    return base64url(await crypto.subtle.sign('HMAC', key, encoder.encode(SUBJECT_CONTEXT + subject)));
  }

  async function sign(claims: TokenClaims, now = clock()): Promise<string> {
    const [first] = await loadKeys();
    const iat = Math.floor(now / 1000);
    return new SignJWT({ m: claims.model, r: claims.runId, s: await subjectMac(first.key, claims.subject) })
      .setProtectedHeader({ alg: 'HS256', kid: first.kid })
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(first.key);
  }

  /**
   * The token's model and run id, for this subject only: 404 when it is not
   * ours (forged, altered, unknown key), 410 past its expiry, 403 when it
   * belongs to another person.
   */
  async function verify(token: string, subject: string, now = clock()): Promise<{ model: TokenModel; runId: string }> {
    // A token already verified for this subject skips the two MACs until it expires (the element polls every few seconds).
    const known = verified.get(token);
    if (known && known.subject === subject && now < known.expiresAt) return { model: known.model, runId: known.runId };
    const all = await loadKeys();
    let payload: JWTPayload;
    let used: Key | undefined;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          used = all.find((key) => key.kid === header.kid);
          if (!used) throw new errors.JWKSNoMatchingKey();
          return used.key;
        },
        { algorithms: ['HS256'], currentDate: new Date(now), requiredClaims: ['exp'] },
      ));
    } catch (error) {
      // jose checks the signature before the claims: only a genuine token can be "expired".
      if (error instanceof errors.JWTExpired) throw new HttpError('expired', 'This status link has expired; start a new recording.');
      throw new HttpError('not-found', 'No such status link.');
    }
    const { m: model, r: runId, s: mac } = payload as { m?: unknown; r?: unknown; s?: unknown };
    if (!(TOKEN_MODELS as readonly unknown[]).includes(model) || typeof runId !== 'string' || !RUN_ID.test(runId) || typeof mac !== 'string' || !used) {
      throw new HttpError('not-found', 'No such status link.');
    }
    const macBytes = fromBase64url(mac);
    const same = !!macBytes && (await crypto.subtle.verify('HMAC', used.key, macBytes as Uint8Array<ArrayBuffer>, encoder.encode(SUBJECT_CONTEXT + subject)));
    if (!same) throw new HttpError('forbidden', 'This status link belongs to someone else.');
    verified.set(token, { subject, model: model as TokenModel, runId, expiresAt: (payload.exp ?? 0) * 1000 });
    if (verified.size > VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    return { model: model as TokenModel, runId };
  }

  return { sign, verify };
}
export type Tokens = ReturnType<typeof createTokens>;
