#!/usr/bin/env node
// etl: etl() over 10M generated records with one filter and one transform into a chunked
// sink: records/s and RSS growth (goal: flat, <= 50 MB), next to the same work written with
// Node's stream.pipeline (Readable.from -> object-mode Transform -> Writable). Needs the
// built dist of @toolbelt/etl.
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';

const { etl, createChunkedSink } = await import(
  new URL('../packages/etl/dist/index.js', import.meta.url).href
);

const N = Number(process.env.ETL_BENCH_RECORDS ?? 10_000_000);
const MB = 1024 * 1024;

function* records(n) {
  for (let i = 0; i < n; i += 1)
    yield { id: i, name: `user${i}`, amount: i % 1000, active: i % 3 !== 0 };
}
const isActive = (r, flag) => r.active === flag;
const toTotal = (r, rate) => ({ id: r.id, total: r.amount * rate });

/** Tracks the highest RSS seen, sampled by the sink (after every chunk) and a timer. */
function rssTracker() {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 50);
  return { sample, stop: () => (clearInterval(timer), sample(), (peak - start) / MB) };
}

async function runEtl(n = N) {
  const rss = rssTracker();
  let sum = 0;
  const started = performance.now();
  const result = await etl({
    streamIn: (n) => records(n),
    streamInParams: n,
    filters: [isActive],
    filterParams: [true],
    transforms: [toTotal],
    transParams: [1.2],
    streamOut: (stream, size, context) =>
      createChunkedSink({
        size,
        write: async (chunk) => {
          for (const r of chunk) sum += r.total;
          rss.sample();
        },
      })(stream, context),
    streamOutParams: 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  return { rate: result.read / seconds, growth: rss.stop(), sum, written: result.written };
}

async function runStreams(n = N) {
  const rss = rssTracker();
  let sum = 0;
  let written = 0;
  let chunk = [];
  const started = performance.now();
  await pipeline(
    Readable.from(records(n)),
    new Transform({
      objectMode: true,
      transform(record, _enc, done) {
        if (!isActive(record, true)) return done();
        done(null, toTotal(record, 1.2));
      },
    }),
    new Writable({
      objectMode: true,
      write(record, _enc, done) {
        chunk.push(record);
        if (chunk.length === 1000) {
          for (const r of chunk) sum += r.total;
          written += chunk.length;
          chunk = [];
          rss.sample();
        }
        done();
      },
      final(done) {
        for (const r of chunk) sum += r.total;
        written += chunk.length;
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: n / seconds, growth: rss.stop(), sum, written };
}

// Warm both up first (JIT, and the heap's young generation growing to its working size), so
// that the measured growth is what the run itself holds on to.
await runEtl(300_000);
await runStreams(300_000);
const a = await runEtl();
process.stderr.write(
  `etl(): ${Math.round(a.rate)} records/s, RSS growth ${a.growth.toFixed(1)} MB\n`,
);
const b = await runStreams();
process.stderr.write(
  `stream.pipeline: ${Math.round(b.rate)} records/s, RSS growth ${b.growth.toFixed(1)} MB\n`,
);
if (a.written !== b.written || a.sum !== b.sum)
  throw new Error(`results differ: ${a.written}/${a.sum} vs ${b.written}/${b.sum}`);

console.log(
  JSON.stringify({
    benchmark: 'etl',
    results: [
      {
        name: `etl() ${N / 1e6}M records, 1 filter + 1 transform, chunks of 1000`,
        value: Math.round(a.rate),
        unit: 'records/s',
        baseline: 'same work with stream.pipeline (object mode)',
        baselineValue: Math.round(b.rate),
        ratio: Number((a.rate / b.rate).toFixed(2)),
      },
      {
        name: 'etl() RSS growth over the run',
        value: Number(a.growth.toFixed(1)),
        unit: 'MB',
        baseline: 'stream.pipeline RSS growth',
        baselineValue: Number(b.growth.toFixed(1)),
        note: 'after a 300k-record warm-up of both; goal: flat, <= 50 MB',
      },
    ],
  }),
);
