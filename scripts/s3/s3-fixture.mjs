// @ts-check
/**
 * The real-S3 fixture for the browser tests: starts the throw-away Ceph
 * cluster (./start.sh), creates the bucket and its CORS rule with the AWS
 * SDK, and mints genuine SigV4 pre-signed URLs for radosgw. `s3Middleware`
 * serves that to the test page, on an origin other than radosgw's:
 *
 *   POST /__s3/presign     { key?, contentType?, expiresIn?, signedAgo?, tamper? } → { key, url }
 *                          expiresIn and signedAgo in seconds: signedAgo > expiresIn gives a URL
 *                          that has expired by its own X-Amz-Date; contentType signs content-type
 *   GET  /__s3/object/KEY  the stored bytes, with the stored Content-Type in X-Stored-Content-Type; 204 if none
 * and acts as a host backend whose runs upload to radosgw:
 *   POST /__s3/session?tag=T[&signedAgo=S&expiresIn=S]   body { model, … } → { id, recordingUploadUrl, statusUrl }
 *                          the URL shape (signedAgo, expiresIn) applies to the tag's first run only,
 *                          so a re-mint gets a healthy URL
 *   GET  /__s3/status/ID   thymia's status JSON: CREATED until the object is stored, then COMPLETE_OK
 *   GET  /__s3/tags/T      [{ id, key, body }] the runs minted for a tag, oldest first, with the request body
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  CreateBucketCommand,
  GetObjectCommand,
  NoSuchKey,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

// Node 20 is what CI runs; the SDK's notice about its future Node 22 floor is noise in every test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const host = process.env.S3_HOST ?? '127.0.0.1';
const port = process.env.S3_PORT ?? '7480';
export const S3_ENDPOINT = `http://${host}:${port}`;
const BUCKET = 'thymia-recordings';

/** @param {'start' | 'stop'} what */
function script(what) {
  return fileURLToPath(new URL(`./${what}.sh`, import.meta.url));
}

/**
 * Starts the cluster (unless it runs already), then the bucket and CORS
 * rule. Throws — failing the test run — when any of it does not work.
 * @param {{ stopOnExit?: boolean }} [options]
 */
export async function startS3(options = {}) {
  let output;
  try {
    output = execFileSync('bash', [script('start')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000 });
  } catch (error) {
    throw new Error(`The real-S3 test group needs radosgw and could not start it (scripts/s3/start.sh): ${/** @type {Error} */ (error).message}`);
  }
  process.stdout.write(output);
  if (options.stopOnExit && !output.includes('already running')) {
    process.once('exit', () => execFileSync('bash', [script('stop')], { stdio: 'ignore' }));
  }
  const client = new S3Client({
    endpoint: S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: {
      accessKeyId: process.env.S3_ACCESS_KEY ?? 'THYMIATESTACCESSKEY',
      secretAccessKey: process.env.S3_SECRET_KEY ?? 'thymia-test-secret-key',
    },
    // The SDK's default CRC32 of the body would otherwise be signed into every PUT URL (of an empty body).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  } catch (error) {
    if (/** @type {Error} */ (error).name !== 'BucketAlreadyOwnedByYou') throw error;
  }
  // What a host configures for browser uploads: PUT from any page, only Content-Type sent.
  await client.send(
    new PutBucketCorsCommand({
      Bucket: BUCKET,
      CORSConfiguration: {
        CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PUT'], AllowedHeaders: ['content-type'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 600 }],
      },
    }),
  );
  return createS3Fixture(client);
}

/** @param {S3Client} client */
function createS3Fixture(client) {
  return {
    endpoint: S3_ENDPOINT,
    /**
     * A SigV4 pre-signed PUT URL for `key`.
     * @param {{ key: string, contentType?: string, expiresIn?: number, signedAgo?: number }} request
     */
    async presignPut({ key, contentType, expiresIn = 3600, signedAgo = 0 }) {
      const command = new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: contentType });
      return getSignedUrl(client, command, {
        expiresIn,
        signingDate: new Date(Date.now() - signedAgo * 1000),
        // Only when asked: the URL then holds only for a PUT with exactly this Content-Type.
        signableHeaders: contentType ? new Set(['content-type']) : undefined,
      });
    },
    /** @param {string} key @returns {Promise<{ bytes: Buffer, contentType: string | undefined } | undefined>} */
    async readObject(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        const bytes = Buffer.from(await /** @type {any} */ (object.Body).transformToByteArray());
        return { bytes, contentType: object.ContentType };
      } catch (error) {
        if (error instanceof NoSuchKey || /** @type {Error} */ (error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
  };
}

/** The same URL with its signature's last hex digit changed. @param {string} url */
export function tamperSignature(url) {
  const signed = new URL(url);
  const signature = signed.searchParams.get('X-Amz-Signature') ?? '';
  const last = signature.at(-1) === '0' ? '1' : '0';
  signed.searchParams.set('X-Amz-Signature', signature.slice(0, -1) + last);
  return signed.href;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<any>} */
async function readJson(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** @param {string | null} value @param {number} fallback */
function seconds(value, fallback) {
  return value !== null && /^\d+$/.test(value) ? Number(value) : fallback;
}

/**
 * A thymia model-run status body for a Helios run. @param {string} id @param {boolean} uploaded
 */
function heliosStatus(id, uploaded) {
  const base = { id, createdAt: new Date().toISOString(), userLabel: 's3-test', deleteData: false, tags: [], warnings: [] };
  if (!uploaded) return { ...base, status: 'CREATED' };
  const scores = { mentalStrain: 0.4, distress: 0.3, stress: 0.3, exhaustion: 0.6, sleepPropensity: 0.6, lowSelfEsteem: 0.1 };
  return {
    ...base,
    status: 'COMPLETE_OK',
    runAt: base.createdAt,
    completedAt: base.createdAt,
    model: 'helios-2.1',
    results: {
      sections: [
        { startSecs: 0, finishSecs: 12, transcript: 'Stored in radosgw.', ...Object.fromEntries(Object.entries(scores).map(([name, value]) => [name, { value }])) },
      ],
    },
  };
}

/** Koa middleware for the routes in this file's header. @param {Awaited<ReturnType<typeof startS3>>} s3 */
export function s3Middleware(s3) {
  /** @type {Map<string, { id: string, key: string, body: unknown }[]>} */
  const tags = new Map();
  /** @type {Map<string, string>} run id → object key */
  const runs = new Map();

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (!path.startsWith('/__s3/')) return false;

    if (req.method === 'POST' && path === '/__s3/presign') {
      const body = await readJson(req);
      const key = typeof body.key === 'string' ? body.key : `direct/${randomUUID()}`;
      const signed = await s3.presignPut({ key, contentType: body.contentType, expiresIn: body.expiresIn, signedAgo: body.signedAgo });
      sendJson(res, 200, { key, url: body.tamper ? tamperSignature(signed) : signed });
      return true;
    }

    const object = path.match(/^\/__s3\/object\/(.+)$/);
    if (req.method === 'GET' && object) {
      const stored = await s3.readObject(decodeURIComponent(object[1]));
      if (!stored) {
        // 204, not 404: "nothing stored" is an expected answer here, not a broken request.
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
        return true;
      }
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-Stored-Content-Type': stored.contentType ?? '', 'Cache-Control': 'no-store' });
      res.end(stored.bytes);
      return true;
    }

    if (req.method === 'POST' && path === '/__s3/session') {
      const body = await readJson(req);
      const tag = url.searchParams.get('tag') ?? randomUUID();
      const minted = tags.get(tag) ?? [];
      const first = minted.length === 0;
      const id = randomUUID();
      const key = `runs/${id}/main`;
      const recordingUploadUrl = await s3.presignPut({
        key,
        expiresIn: first ? seconds(url.searchParams.get('expiresIn'), 3600) : 3600,
        signedAgo: first ? seconds(url.searchParams.get('signedAgo'), 0) : 0,
      });
      minted.push({ id, key, body });
      tags.set(tag, minted);
      runs.set(id, key);
      sendJson(res, 200, { id, recordingUploadUrl, statusUrl: `/__s3/status/${id}` });
      return true;
    }

    const status = path.match(/^\/__s3\/status\/([\w-]+)$/);
    if (req.method === 'GET' && status) {
      const key = runs.get(status[1]);
      if (!key) {
        sendJson(res, 404, { detail: 'Not Found' });
        return true;
      }
      sendJson(res, 200, heliosStatus(status[1], !!(await s3.readObject(key))));
      return true;
    }

    const tag = path.match(/^\/__s3\/tags\/([\w-]+)$/);
    if (req.method === 'GET' && tag) {
      sendJson(res, 200, tags.get(tag[1]) ?? []);
      return true;
    }
    sendJson(res, 404, { detail: 'Not Found' });
    return true;
  }

  /** @param {any} ctx @param {() => Promise<unknown>} next */
  return async (ctx, next) => {
    if (await handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    await next();
  };
}
