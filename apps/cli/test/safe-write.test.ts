// Ctrl-C or a kill while the CLI writes its output, as a real process: the temporary file goes,
// the target stays as it was, and the exit code is the shell's for the signal.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticReview } from '@polev/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-signal-'));
  // Large enough that writing and syncing the output takes a while; import does no analysis.
  writeFileSync(join(dir, 'review.json'), JSON.stringify(syntheticReview({ instruments: 4000 }), null, 2));
  writeFileSync(join(dir, 'new.csv'), 'id,name,objective,kind\nadded1,Added,o1,financial\n');
});

type Caught = { code: number | null; signal: NodeJS.Signals | null; stderr: string; sawTemporary: boolean };

/**
 * Runs `polev import … -o <out>` and, the moment its temporary file appears, stops the process
 * (SIGSTOP), sends `signal` and lets it go on (SIGCONT): the signal is handled while the write is
 * in progress. Undefined when the write was already over when the process stopped (a busy machine
 * can be that slow to react); the caller tries again.
 */
function interruptWrite(out: string, signal: NodeJS.Signals, force: boolean): Promise<Caught | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'import', 'new.csv', '--into', 'review.json', '-o', out, ...(force ? ['--force'] : [])], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let sawTemporary = false;
    let missed = false;
    const watcher = watch(dir, (_, name) => {
      if (sawTemporary || missed || !name?.endsWith('.tmp')) return;
      child.kill('SIGSTOP');
      if (existsSync(join(dir, name))) {
        sawTemporary = true;
        child.kill(signal);
      } else missed = true;
      child.kill('SIGCONT');
    });
    child.on('error', reject);
    child.on('close', (code, sig) => {
      watcher.close();
      resolve(sawTemporary ? { code, signal: sig, stderr, sawTemporary } : undefined);
    });
  });
}

async function caught(out: string, signal: NodeJS.Signals, force: boolean): Promise<Caught> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const r = await interruptWrite(out, signal, force);
    if (r) return r;
    // The write won the race: undo it and try again.
    if (!force) rmSync(join(dir, out), { force: true });
    if (force) writeFileSync(join(dir, out), 'the old review\n');
  }
  throw new Error('the temporary file was never caught in time');
}

const temporaries = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('a signal during a write', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the temporary file, leaves no target, exits %i', async (signal, exit) => {
    const out = `new-${signal}.json`;
    const r = await caught(out, signal, false);
    expect(r).toMatchObject({ code: exit, signal: null, sawTemporary: true });
    expect(r.stderr).toContain(`interrupted (${signal})`);
    expect(temporaries()).toEqual([]);
    expect(existsSync(join(dir, out))).toBe(false);
  }, 120_000);

  it('leaves an existing target as it was (--force)', async () => {
    const out = 'old.json';
    writeFileSync(join(dir, out), 'the old review\n');
    const r = await caught(out, 'SIGINT', true);
    expect(r.code).toBe(130);
    expect(temporaries()).toEqual([]);
    expect(readFileSync(join(dir, out), 'utf8')).toBe('the old review\n');
  }, 120_000);
});
