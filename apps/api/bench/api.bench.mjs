// `pnpm bench` (after the build): the API on loopback, driven by autocannon from this process
// against a server process (bench/serve.mjs) that also holds a bare Hono route.
// One run prints: throughput and p99 of GET …/analysis (cached) and of the bare route sending the
// same bytes, their ratio (plain and gzip), and the write throughput of replaces.
// Targets (issue 13): cached analysis ≥ 50% of the bare route's throughput; p99 < 20 ms at 50
// connections. The machine is shared: absolute figures vary from run to run; the ratio less so.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReviewOrThrow } from '@polev/core';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 50;
const dir = mkdtempSync(join(tmpdir(), 'polev-api-bench-'));
const token = 'bench-bootstrap-token';
const child = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url)), dir, token], { stdio: ['ignore', 'pipe', 'inherit'] });
const info = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
  });
  child.on('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
});
const auth = { authorization: `Bearer ${token}` };

const run = (opts) => new Promise((resolve, reject) => autocannon({ connections, duration: seconds, ...opts }, (err, r) => (err ? reject(err) : resolve(r))));
const row = (name, r) => {
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  console.log(`${name.padEnd(40)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms${errors ? `   (${errors} errors/non-2xx)` : ''}`);
  return r;
};
const verdict = (ok) => (ok ? 'met' : 'NOT met');

console.log(`polev API on loopback: ${connections} connections, ${seconds} s per row; the analysis is ${(info.bytes / 1024).toFixed(0)} kB (${(info.gzipBytes / 1024).toFixed(0)} kB gzip)`);
const gz = { 'accept-encoding': 'gzip' };
const bare = row('bare Hono route, same bytes', await run({ url: `${info.bare}/bare` }));
const cached = row('GET …/analysis (cached)', await run({ url: `${info.api}${info.analysis}`, headers: auth }));
const bareGz = row('bare Hono route, same bytes, gzip', await run({ url: `${info.bare}/bare-gzip`, headers: gz }));
const cachedGz = row('GET …/analysis (cached), gzip', await run({ url: `${info.api}${info.analysis}`, headers: { ...auth, ...gz } }));

// Writes: each connection replaces its own review (If-Match: *), so none conflict; every replace
// parses and validates the whole review (~200 kB of JSON) and is fsynced before it is answered.
const writers = 8;
const example = parseReviewOrThrow(readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8'));
const bodies = Array.from({ length: writers }, (_, i) => JSON.stringify({ ...example, id: `bench-${i}` }));
for (const body of bodies) await fetch(`${info.api}/v1/reviews`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
let next = 0;
const writes = row(`PUT /v1/reviews/{id}, ${writers} writers`, await run({
  url: info.api,
  connections: writers,
  requests: [{
    method: 'PUT',
    setupRequest: (req, context) => {
      context.writer ??= next++ % writers;
      return { ...req, path: `/v1/reviews/bench-${context.writer}`, headers: { ...auth, 'content-type': 'application/json', 'if-match': '*' }, body: bodies[context.writer] };
    },
  }],
}));

const ratio = cached.requests.average / bare.requests.average;
const ratioGz = cachedGz.requests.average / bareGz.requests.average;
console.log(`ratio cached analysis / bare route: ${(ratio * 100).toFixed(0)}% plain, ${(ratioGz * 100).toFixed(0)}% gzip (target ≥ 50%): ${verdict(Math.min(ratio, ratioGz) >= 0.5)}`);
console.log(`p99 of cached analysis at ${connections} connections: ${cached.latency.p99} ms plain, ${cachedGz.latency.p99} ms gzip (target < 20 ms): ${verdict(Math.max(cached.latency.p99, cachedGz.latency.p99) < 20)}`);
console.log(`write throughput: ${writes.requests.average.toFixed(0)} replaces/s (${writers} writers, p99 ${writes.latency.p99} ms)`);

child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });
