/**
 * Reads a JSON request body: `application/json` only (415), at most 16 KiB
 * whatever Content-Length claims (413), parsed (400). A JSON body also makes
 * any cross-site browser request a preflighted one.
 */
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

export function requireJson(request: Request): void {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError('unsupported-media-type', 'Send JSON (Content-Type: application/json).');
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new HttpError('too-large', `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await readText(request);
  if (!text.trim()) throw new HttpError('invalid-request', 'body: expected a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('invalid-request', 'body: not valid JSON');
  }
}

/** Counts bytes as they arrive, so a chunked body without Content-Length cannot grow past the limit. */
async function readText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError('too-large', `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError('invalid-request', 'body: not UTF-8');
  }
}
