import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'polev-api-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The request log's lines for the given request ids, from the server's stdout so far. */
const linesFor = (stdout: string, ids: string[]) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; requestId?: string; status?: number })
    .filter((l) => l.msg === 'request' && ids.includes(l.requestId ?? ''));

describe('the request log of the built server (pino on stdout, written in batches)', () => {
  it('writes a quiet server\'s lines within a second or two, and every buffered line at SIGTERM', async () => {
    const child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POLEV_DB: join(dir, 'polev.db'), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const quiet = ['quiet-1', 'quiet-2', 'quiet-3'];
    for (const id of quiet) await fetch(`${base}/healthz`, { headers: { 'x-request-id': id } });
    // Three short lines are far from a batch: they come out by the periodic flush.
    for (let i = 0; i < 100 && linesFor(stdout, quiet).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(linesFor(stdout, quiet).map((l) => l.requestId)).toEqual(quiet);

    const busy = Array.from({ length: 40 }, (_, i) => `busy-${i}`);
    await Promise.all(busy.map((id) => fetch(`${base}/healthz`, { headers: { 'x-request-id': id } })));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(linesFor(stdout, busy).map((l) => l.requestId).sort()).toEqual([...busy].sort());
    expect(linesFor(stdout, busy).every((l) => l.status === 200)).toBe(true);
  });
});
