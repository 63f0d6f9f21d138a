import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP } from './helpers.js';

const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const example = readFileSync(fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url)), 'utf8');
let child: ChildProcess;
let base: string;
let stderr = '';
let stdout = '';

beforeAll(async () => {
  // The built server as a real process, whose native PNG module cannot be loaded (a module hook
  // refuses @resvg/resvg-js), as on a platform without a prebuilt binary.
  const dir = mkdtempSync(join(tmpdir(), 'polev-api-'));
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier === '@resvg/resvg-js') throw new Error('no prebuilt binary for this platform (test)');
  return next(specifier, context);
}\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, server], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POLEV_DB: join(dir, 'polev.db'), POLEV_BOOTSTRAP_TOKEN: BOOTSTRAP },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      stdout = out;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
  });
});
afterAll(() => {
  child.kill();
});

describe('POST /v1/report without a PNG renderer', () => {
  it('answers 503 rasterizer-unavailable for .docx (and logs it), and still renders HTML', async () => {
    const headers = { 'content-type': 'application/yaml', authorization: `Bearer ${BOOTSTRAP}` };
    const docx = await fetch(`${base}/v1/report?format=docx`, { method: 'POST', body: example, headers });
    expect(docx.status).toBe(503);
    const body = (await docx.json()) as { type: string; detail: string };
    expect(body.type).toBe('urn:polev:problem:rasterizer-unavailable');
    expect(body.detail).toContain('no prebuilt binary for this platform (test)');
    // The log is JSON lines on stdout (pino), with the error's class; it is written in batches, at
    // least once a second, so the line may follow the answer.
    for (let i = 0; i < 100 && !stdout.includes('RasterizerUnavailableError'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toContain('RasterizerUnavailableError');
    expect((await fetch(`${base}/v1/report?format=html`, { method: 'POST', body: example, headers })).status).toBe(200);
  });
});
