/**
 * A stand-in of the learning platform's statistics API (`GET /api/statistics?client=...&
 * client_key=...&start=...&end=...`) for learning-etl's tests, demo and benchmark.
 *
 * Each day's records are generated from a seed, so the same day always gives the same data,
 * with the quirks of the real API: `passback_params` as a Python dict literal (single or
 * double quotes, escapes, `None`), missing keys, user ids that are missing or not 32
 * characters, `submit` records with a null `is_correct`. The response is streamed, so a
 * million records do not sit in memory on either side.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './random.js';

/** One record as the API returns it (some keys may be missing: a quirk). */
export interface LearningApiRecord {
  lti_user_id?: string | null;
  passback_params?: string;
  is_correct?: boolean | null;
  attempt_type?: 'run' | 'submit';
  created_at?: string;
}

/** How a day's data is generated. */
export interface GenerateDayOptions {
  /** Day `YYYY-MM-DD`. */
  day: string;
  /** Records in the whole day (default 200). */
  count?: number;
  /** Seed mixed with the day (default 1). */
  seed?: number;
  /** Share of records with a quirk, 0..1 (default 0.1). */
  quirkRate?: number;
  /** Distinct users in the day (default `max(3, count / 20)`). */
  users?: number;
}

/** Options of {@link startLearningApi}. */
export interface LearningApiOptions {
  /** Accepted `client` value (default `test-client`). */
  client?: string;
  /** Accepted `client_key` value (default `test-key`). */
  clientKey?: string;
  /** Records per day, a number or per day (default 200). */
  recordsPerDay?: number | ((day: string) => number);
  seed?: number;
  quirkRate?: number;
  /** Pause between chunks of the response, to make a load observable mid-way (default 0). */
  chunkDelayMs?: number;
  /** Records per written chunk (default 500). */
  chunkRecords?: number;
}

/** A request the stand-in received. */
export interface LearningApiRequest {
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface LearningApiStandIn {
  /** Base URL of the statistics endpoint, e.g. `http://127.0.0.1:PORT/api/statistics`. */
  url: string;
  readonly requests: LearningApiRequest[];
  /** Records written to responses so far (all requests): shows how far a client has read. */
  readonly sent: number;
  /** Answer the next `n` requests with `status` (default 503) and no data. */
  failNext(n: number, status?: number): void;
  /** Accept the next `n` connections and never answer them (a timeout for the client). */
  hangNext(n: number): void;
  stop(): Promise<void>;
}

function hashDay(day: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < day.length; i++) h = Math.imul(h ^ day.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

const courses = [
  'SkillFactory+DST-3.0+28FEB2021',
  'SkillFactory+PY-2.0+12JAN2022',
  'SkillFactory+SQL+01MAR2023',
];

/**
 * The records of one day, in `created_at` order, generated lazily. Deterministic for
 * (seed, day, count, quirkRate).
 */
export function* generateDay(options: GenerateDayOptions): Generator<LearningApiRecord> {
  const count = options.count ?? 200;
  const random = seededRandom(hashDay(options.day, options.seed ?? 1));
  const quirkRate = options.quirkRate ?? 0.1;
  const userCount = options.users ?? Math.max(3, Math.floor(count / 20));
  const userIds = Array.from({ length: userCount }, () => hex(random, 32));
  const dayStart = Date.parse(`${options.day}T00:00:00Z`);
  for (let i = 0; i < count; i++) {
    // Evenly spread over the day with jitter, so the order is by time and the first hour holds ~1/24.
    const micros = Math.floor(((i + random()) / count) * 86_400_000_000);
    const at = new Date(dayStart + Math.floor(micros / 1000));
    const createdAt = `${at.toISOString().slice(0, 10)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${pad(micros % 1_000_000, 6)}`;
    const user = userIds[Math.floor(random() * userCount)] ?? userIds[0] ?? '';
    const submit = random() < 0.4;
    const course = courses[Math.floor(random() * courses.length)] ?? '';
    const block = hex(random, 32);
    const params: [string, string | null][] = [
      ['oauth_consumer_key', ''],
      ['lis_result_sourcedid', `course-v1:${course}:lms.skillfactory.ru-${block}:${user}`],
      [
        'lis_outcome_service_url',
        `https://lms.skillfactory.ru/courses/course-v1:${course}/xblock/block-v1:${course}+type@lti+block@${block}/handler_noauth/outcome_service_handler`,
      ],
    ];
    const record: LearningApiRecord = {
      lti_user_id: user,
      passback_params: '',
      is_correct: submit ? random() < 0.45 : null,
      attempt_type: submit ? 'submit' : 'run',
      created_at: createdAt,
    };
    let quote = "'";
    if (random() < quirkRate) {
      const quirk = Math.floor(random() * 7);
      if (quirk === 0) record.lti_user_id = user.slice(0, 20 + Math.floor(random() * 10));
      else if (quirk === 1) delete record.lti_user_id;
      else if (quirk === 2) params.splice(Math.floor(random() * params.length), 1);
      else if (quirk === 3) {
        const param = params[Math.floor(random() * params.length)];
        if (param) param[1] = null;
      } else if (quirk === 4 && submit) record.is_correct = null;
      else if (quirk === 5) quote = '"';
      else {
        // A value that needs escaping in the literal: a quote, a backslash, non-ASCII text.
        const param = params[1];
        if (param) param[1] = `${param[1] ?? ''}:O'Brien\\Жук`;
      }
    }
    record.passback_params = toPythonDict(params, quote);
    yield record;
  }
}

/** A Python `repr` of a dict of strings / None, with the given quote. */
function toPythonDict(params: readonly [string, string | null][], quote: string): string {
  const lit = (s: string): string =>
    `${quote}${s.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
  return `{${params.map(([k, v]) => `${lit(k)}: ${v === null ? 'None' : lit(v)}`).join(', ')}}`;
}

/** The records of a day whose `created_at` lies in `[start, end]` (the API's window). */
export function* recordsInWindow(
  options: GenerateDayOptions,
  start: string,
  end: string,
): Generator<LearningApiRecord> {
  for (const record of generateDay(options)) {
    const at = record.created_at ?? '';
    if (at >= start && at <= end) yield record;
  }
}

/** Start the stand-in on 127.0.0.1 (a free port). */
export async function startLearningApi(
  options: LearningApiOptions = {},
): Promise<LearningApiStandIn> {
  const client = options.client ?? 'test-client';
  const clientKey = options.clientKey ?? 'test-key';
  const requests: LearningApiRequest[] = [];
  const failures: number[] = [];
  let hang = 0;
  let sent = 0;
  const hanging = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    const answer = (status: number, body: unknown) => {
      requests.push({ path: url.pathname, query, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (hang > 0) {
      hang--;
      requests.push({ path: url.pathname, query, status: 0 });
      hanging.add(res);
      return;
    }
    const failure = failures.shift();
    if (failure !== undefined) return answer(failure, { detail: 'injected failure' });
    if (req.method !== 'GET' || url.pathname !== '/api/statistics')
      return answer(404, { detail: 'Not found.' });
    if (query.client !== client || query.client_key !== clientKey)
      return answer(403, { detail: 'Invalid client credentials.' });
    const { start, end } = query;
    if (!start || !end || !/^\d{4}-\d{2}-\d{2} /.test(start))
      return answer(400, { detail: 'start and end are required' });
    requests.push({ path: url.pathname, query, status: 200 });
    res.writeHead(200, { 'content-type': 'application/json' });
    const day = start.slice(0, 10);
    const count =
      typeof options.recordsPerDay === 'function'
        ? options.recordsPerDay(day)
        : (options.recordsPerDay ?? 200);
    const chunkRecords = options.chunkRecords ?? 500;
    let parts: string[] = [];
    let first = true;
    const flush = async (): Promise<boolean> => {
      if (res.destroyed) return false;
      const ok = res.write(parts.join(''));
      parts = [];
      if (!ok) await new Promise((resolve) => res.once('drain', resolve));
      if (options.chunkDelayMs)
        await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs));
      return !res.destroyed;
    };
    parts.push('[');
    for (const record of recordsInWindow(
      { day, count, seed: options.seed ?? 1, quirkRate: options.quirkRate ?? 0.1 },
      start,
      end,
    )) {
      parts.push((first ? '' : ', ') + JSON.stringify(record));
      first = false;
      sent++;
      if (parts.length >= chunkRecords && !(await flush())) return;
    }
    parts.push(']');
    res.end(parts.join(''));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.destroy(error as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/statistics`,
    requests,
    get sent() {
      return sent;
    },
    failNext(n, status = 503) {
      for (let i = 0; i < n; i++) failures.push(status);
    },
    hangNext(n) {
      hang += n;
    },
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
