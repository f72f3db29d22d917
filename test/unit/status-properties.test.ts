/**
 * Property-based tests: tens of thousands of generated status answers thrown
 * at the schemas, every registered adapter, the pure poll decisions and the
 * real poll loop. Whatever comes back, nothing may throw out of the
 * handling (other than the typed RecorderError the element turns into
 * `thymia-error`) and nothing may hang.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ERROR_CODES, RecorderError } from '../../src/errors.js';
import { classifyAnswer, decide, FRESH_COUNTERS, readBody, type PollAttempt, type PollCounters } from '../../src/api/poll-step.js';
import { pollStatus } from '../../src/api/poller.js';
import { MentalWellnessModelRunSchema, MODEL_RUN_STATUSES, SessionResponseSchema } from '../../src/api/schemas.js';
import { STATUS_ADAPTERS } from '../../src/api/adapters/index.js';
import type { StatusAdapter } from '../../src/api/outcome.js';

const ADAPTERS = Object.entries(STATUS_ADAPTERS) as [string, StatusAdapter][];
const CONTEXTS = [{ model: 'helios' }, { model: 'apollo' }];

// ── Generators ──────────────────────────────────────────────────────────

const score = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double(), fc.constant(null), fc.string(), fc.integer());
const valueObject = fc.oneof(fc.record({ value: score }), score, fc.jsonValue({ maxDepth: 1 }));
const BIOMARKERS = ['mentalStrain', 'distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem', 'uniformDistress', 'uniformStress'];
const section = fc.record(
  {
    startSecs: fc.oneof(fc.double(), fc.string()),
    finishSecs: fc.oneof(fc.double(), fc.constant(null)),
    transcript: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    ...Object.fromEntries(BIOMARKERS.map((name) => [name, valueObject])),
  },
  { requiredKeys: [] },
);
const distribution = fc.record({ none: score, mild: score, moderate: score, severe: score }, { requiredKeys: [] });
const apolloResults = fc.record(
  {
    disorders: fc.dictionary(fc.constantFrom('depression', 'anxiety', 'other'), fc.record({ probability: score, severity: score }, { requiredKeys: [] })),
    symptoms: fc.dictionary(
      fc.constantFrom('depression', 'anxiety'),
      fc.dictionary(fc.constantFrom('anhedonia', 'lowmood', 'nervousness', 'dread', 'x'), fc.record({ severity: score, distribution }, { requiredKeys: [] })),
    ),
  },
  { requiredKeys: [] },
);
const statusValue = fc.oneof(
  fc.constantFrom(...MODEL_RUN_STATUSES),
  fc.constantFrom('completed', 'ended', 'failed', 'in-progress', 'pending', 'deleted', 'error', 'active', 'no-answer', 'busy', 'queued', ''),
  fc.string(),
  fc.integer(),
  fc.constant(null),
);
const errorCode = fc.oneof(fc.constantFrom('ERR_RECORDING_TOO_SHORT', 'ERR_INTERNAL', 'ERR_TRANSCRIPTION_FAILED', 'ERR_NEW_ONE'), fc.string(), fc.constant(null));

/** Bodies shaped like thymia model runs, calls and call records, with every field liable to be wrong. */
const runLike = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
    status: statusValue,
    createdAt: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string()),
    runAt: fc.oneof(fc.string(), fc.constant(null)),
    completedAt: fc.oneof(fc.string(), fc.constant(null)),
    errorCode,
    errorReason: fc.oneof(fc.string(), fc.constant(null)),
    warnings: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), fc.constant(null)),
    userLabel: fc.oneof(fc.string(), fc.integer()),
    deleteData: fc.oneof(fc.boolean(), fc.string()),
    tags: fc.oneof(fc.array(fc.record({ name: fc.string(), value: fc.oneof(fc.string(), fc.integer()) }), { maxLength: 2 }), fc.constant(null)),
    model: fc.oneof(fc.constantFrom('helios-2.1', 'apollo-1.0'), fc.constant(null)),
    results: fc.oneof(
      fc.record({ sections: fc.array(section, { maxLength: 3 }) }),
      apolloResults,
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    report: fc.oneof(fc.record({ viewUrl: fc.webUrl(), pdfUrl: fc.oneof(fc.webUrl(), fc.integer()), accessExpiresAt: fc.string() }, { requiredKeys: [] }), fc.constant(null)),
    // Voice-agent call and third-party call-record fields.
    agent: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), fc.constant(null)),
    modelRun: fc.oneof(fc.record({ mentalWellness: fc.jsonValue({ maxDepth: 2 }), apollo: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }), fc.constant(null)),
    call_status: statusValue,
    call_id: fc.string(),
    duration: fc.oneof(fc.integer(), fc.double(), fc.string()),
    transcript: fc.oneof(fc.string(), fc.array(fc.record({ role: fc.string(), content: fc.string(), text: fc.string() }, { requiredKeys: [] }), { maxLength: 3 }), fc.constant(null)),
    end_call_reason: fc.string(),
    call: fc.jsonValue({ maxDepth: 2 }),
    response: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

/** Anything JSON.parse can hand back, biased towards almost-right answers. */
const statusBody = fc.oneof(
  { weight: 5, arbitrary: runLike },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
);

const bodyText = fc.oneof(
  { weight: 4, arbitrary: statusBody.map((body) => { try { return JSON.stringify(body) ?? 'undefined'; } catch { return '{'; } }) },
  { weight: 1, arbitrary: fc.constantFrom('', '<html><body><h1>502 Bad Gateway</h1></body></html>', '{"status":', 'null', '[]', '"COMPLETE_OK"', '\u0000') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

const httpStatus = fc.oneof(
  { weight: 4, arbitrary: fc.constant(200) },
  { weight: 2, arbitrary: fc.constantFrom(201, 202, 203, 204, 400, 401, 403, 404, 408, 410, 418, 429, 500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
);
const retryAfter = fc.oneof(fc.constant(null), fc.nat({ max: 120 }).map(String), fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()));

function isUnderstood(attempt: PollAttempt): boolean {
  return attempt.kind === 'outcome' || attempt.kind === 'malformed' || attempt.kind === 'transient' || (attempt.kind === 'fatal' && attempt.error instanceof RecorderError);
}

// ── Properties ──────────────────────────────────────────────────────────

describe('status handling under generated answers (fast-check)', () => {
  it('schemas never throw on 12 000 generated bodies (safeParse only reports)', () => {
    fc.assert(
      fc.property(statusBody, (body) => {
        const run = MentalWellnessModelRunSchema.safeParse(body);
        const session = SessionResponseSchema.safeParse(body);
        expect(typeof run.success).to.equal('boolean');
        expect(typeof session.success).to.equal('boolean');
        if (run.success) expect(MODEL_RUN_STATUSES).to.include(run.data.status);
      }),
      { numRuns: 12_000 },
    );
  });

  it('every registered adapter turns 12 000 generated bodies into an outcome or "malformed", never an exception', () => {
    const seen = { outcome: 0, malformed: 0 };
    fc.assert(
      fc.property(statusBody, fc.constantFrom(...CONTEXTS), (body, context) => {
        for (const [, adapter] of ADAPTERS) {
          const attempt = readBody(body, adapter, context);
          expect(attempt.kind === 'outcome' || attempt.kind === 'malformed' || attempt.kind === 'fatal').to.be.true;
          if (attempt.kind === 'fatal') expect(attempt.error).to.be.instanceOf(RecorderError);
          if (attempt.kind === 'outcome') {
            expect(['pending', 'complete', 'failed']).to.include(attempt.outcome.phase);
            expect(typeof attempt.outcome.status).to.equal('string');
            seen.outcome += 1;
          } else seen.malformed += 1;
        }
      }),
      { numRuns: 12_000 },
    );
    console.log(`adapters (${ADAPTERS.map(([name]) => name).join(', ')}): ${seen.outcome} outcomes, ${seen.malformed} malformed`);
    expect(seen.outcome, 'the generator reaches understood answers too').to.be.greaterThan(100);
  });

  it('classifyAnswer reads 12 000 generated HTTP answers without throwing, by the status-code rules', () => {
    fc.assert(
      fc.property(httpStatus, retryAfter, bodyText, fc.constantFrom(...ADAPTERS), (status, header, body, [, adapter]) => {
        const attempt = classifyAnswer({ status, retryAfter: header, body }, adapter, { model: 'helios' });
        expect(isUnderstood(attempt)).to.be.true;
        if (status === 404) expect(attempt.kind === 'fatal' && attempt.error.code).to.equal(ERROR_CODES.dataDeleted);
        if (status >= 500 || status === 408 || status === 429) {
          expect(attempt.kind).to.equal('transient');
          if (attempt.kind === 'transient' && attempt.retryAfterMs !== undefined) expect(attempt.retryAfterMs).to.be.at.least(0);
        }
        if (status >= 200 && status < 300 && attempt.kind === 'fatal') expect(attempt.error).to.be.instanceOf(RecorderError);
      }),
      { numRuns: 12_000 },
    );
  });

  it('poll decisions always terminate: bounded, finite delays and give-up after consecutive failures', () => {
    const limits = { intervalMs: 250, maxMalformed: 5, maxTransient: 8, maxBackoffMs: 4000 };
    const attemptArb: fc.Arbitrary<PollAttempt> = fc.oneof(
      fc.constant<PollAttempt>({ kind: 'malformed', reason: 'x' }),
      fc.option(fc.nat({ max: 10_000_000 })).map<PollAttempt>((ms) => ({ kind: 'transient', reason: 'HTTP 503', retryAfterMs: ms ?? undefined })),
      fc.constant<PollAttempt>({ kind: 'outcome', outcome: { phase: 'pending', status: 'RUNNING', response: {} } }),
      fc.constant<PollAttempt>({ kind: 'outcome', outcome: { phase: 'failed', status: 'COMPLETE_ERROR', response: {}, errorCode: 'ERR_INTERNAL' } }),
    );
    fc.assert(
      fc.property(fc.array(attemptArb, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (attempts, random) => {
        let counters: PollCounters = FRESH_COUNTERS;
        let consecutiveMalformed = 0;
        let consecutiveTransient = 0;
        for (const attempt of attempts) {
          const step = decide(counters, attempt, limits, () => random);
          counters = step.counters;
          consecutiveMalformed = attempt.kind === 'malformed' ? consecutiveMalformed + 1 : attempt.kind === 'outcome' ? 0 : consecutiveMalformed;
          consecutiveTransient = attempt.kind === 'transient' ? consecutiveTransient + 1 : attempt.kind === 'outcome' ? 0 : consecutiveTransient;
          const { decision } = step;
          if (decision.action === 'retry' || decision.action === 'pending') {
            expect(Number.isFinite(decision.delayMs)).to.be.true;
            expect(decision.delayMs).to.be.within(0, Math.max(limits.intervalMs, limits.maxBackoffMs));
          }
          if (decision.action === 'fail') {
            if (decision.error.code === ERROR_CODES.invalidStatusResponse) expect(consecutiveMalformed).to.equal(limits.maxMalformed);
            else expect(consecutiveTransient).to.equal(limits.maxTransient);
            return;
          }
          if (decision.action === 'done') return;
          expect(consecutiveMalformed).to.be.below(limits.maxMalformed);
          expect(consecutiveTransient).to.be.below(limits.maxTransient);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  describe('the real poll loop with a scripted fetch', () => {
    const realFetch = window.fetch;
    afterEach(() => {
      window.fetch = realFetch;
    });

    it('settles on every generated answer sequence (≈ 5 000 answers): result or typed error, never a hang', async () => {
      let answers = 0;
      const outcomes = new Map<string, number>();
      const done = JSON.stringify({ id: 'r', status: 'COMPLETE_ERROR', errorCode: 'ERR_INTERNAL' });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(httpStatus, retryAfter, bodyText), { maxLength: 25 }), fc.constantFrom(...ADAPTERS), async (script, [, adapter]) => {
          let index = 0;
          window.fetch = async () => {
            const [status, header, body] = script[index] ?? [200, null, done];
            index += 1;
            answers += 1;
            const nullBody = status === 204 || status === 205 || status === 304;
            return new Response(nullBody ? null : body, { status, headers: header === null ? {} : { 'Retry-After': header.replace(/[^\t\x20-\x7e]/g, '') } });
          };
          const controller = new AbortController();
          const poll = pollStatus({
            url: '/status',
            intervalMs: 1,
            adapter,
            context: { model: 'helios' },
            signal: controller.signal,
            onStatus: () => undefined,
            maxMalformed: 5,
            maxTransient: 8,
            sleep: () => Promise.resolve(),
          });
          let timer: ReturnType<typeof setTimeout> | undefined;
          const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), 3000)));
          const settled = await Promise.race([
            poll.then(
              (outcome) => `resolved:${outcome.phase}`,
              (error: unknown) => (error instanceof RecorderError ? `rejected:${error.code}` : `threw:${String(error)}`),
            ),
            hang,
          ]);
          clearTimeout(timer);
          controller.abort();
          outcomes.set(settled, (outcomes.get(settled) ?? 0) + 1);
          expect(settled).to.not.equal('hang');
          expect(settled.startsWith('threw'), settled).to.be.false;
        }),
        { numRuns: 1500 },
      );
      console.log(`poll loop: ${answers} answers; settled as ${JSON.stringify(Object.fromEntries(outcomes))}`);
      expect(answers).to.be.greaterThan(4000);
    });

    it('moves on from a status request that hangs and ignores its abort, and reaches the result', async () => {
      const requests: (AbortSignal | undefined)[] = [];
      window.fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
        requests.push(init?.signal ?? undefined);
        // The first request never settles, abort or not (seen in WebKit); the next one answers.
        if (requests.length === 1) return new Promise<Response>(() => undefined);
        return Promise.resolve(new Response(JSON.stringify({ id: 'r', status: 'COMPLETE_ERROR', errorCode: 'ERR_INTERNAL' }), { status: 200 }));
      };
      const outcome = await pollStatus({
        url: '/status',
        intervalMs: 10,
        adapter: STATUS_ADAPTERS.thymia,
        context: { model: 'helios' },
        signal: new AbortController().signal,
        onStatus: () => undefined,
        requestTimeoutMs: 100,
        maxBackoffMs: 20,
      });
      expect(outcome.phase).to.equal('failed');
      expect(requests).to.have.length(2);
      expect(requests[0]?.aborted, 'the hung request was told to stop').to.equal(true);
    });

    it('stops at once when aborted mid-wait, rejecting with the abort reason', async () => {
      window.fetch = async () => new Response(JSON.stringify({ status: 'RUNNING' }), { status: 200 });
      const controller = new AbortController();
      const seen: string[] = [];
      const poll = pollStatus({
        url: '/status',
        intervalMs: 60_000,
        adapter: STATUS_ADAPTERS.thymia,
        context: { model: 'helios' },
        signal: controller.signal,
        onStatus: (outcome) => seen.push(outcome.status),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(new DOMException('disconnected', 'AbortError'));
      const error = await poll.then(() => undefined, (reason: unknown) => reason);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(seen).to.deep.equal(['RUNNING']);
    });
  });
});
