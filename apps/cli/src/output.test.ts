import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from './io.js';

// A file system that fails on demand: the named call rejects with the given code, once.
const failing = vi.hoisted(() => ({ call: '' as string, code: '' }));
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const fail = <A extends unknown[], R>(name: string, fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    if (failing.call === name) {
      failing.call = '';
      throw Object.assign(new Error(`${failing.code}: simulated`), { code: failing.code });
    }
    return fn(...a);
  };
  return { ...real, rename: fail('rename', real.rename), link: fail('link', real.link), open: fail('open', real.open) };
});

const { writeOutput } = await import('./output.js');
const io = (): Io & { out: string } => {
  const x = { out: '', stdout: (t: string) => void (x.out += t), stderr: () => {}, readStdin: async () => '', env: {}, isTTY: false, stdoutIsTTY: false };
  return x;
};
const folder = () => mkdtempSync(join(tmpdir(), 'polev-out-'));

afterEach(() => {
  failing.call = '';
});

describe('writeOutput', () => {
  it('never writes through a link planted at a predictable temporary name', async () => {
    const dir = folder();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const out = join(dir, 'report.md');
    // The names the temporary file had: <out>.<pid>.tmp, and variants an attacker could guess.
    for (const name of [`${out}.${process.pid}.tmp`, `${out}.tmp`, join(dir, '.report.md.tmp')]) symlinkSync(victim, name);
    await writeOutput(io(), out, '# report\n', false);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readFileSync(out, 'utf8')).toBe('# report\n');
    expect(lstatSync(out).isFile()).toBe(true);
  });

  it.each([
    ['link', false],
    ['rename', true],
  ])('removes the temporary file when putting it in place fails (%s, disk full)', async (call, force) => {
    const dir = folder();
    const out = join(dir, 'report.md');
    if (force) writeFileSync(out, 'old');
    failing.call = call;
    failing.code = 'ENOSPC';
    await expect(writeOutput(io(), out, '# new\n', force)).rejects.toMatchObject({ exitCode: 2, message: `cannot write ${out}: no space left on the device, ENOSPC`, hint: 'free disk space and run again' });
    expect(readdirSync(dir).sort()).toEqual(force ? ['report.md'] : []);
    if (force) expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('refuses a file that appeared between the check and the write, without --force', async () => {
    const dir = folder();
    const out = join(dir, 'report.md');
    const { link } = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    expect(typeof link).toBe('function');
    // Simulated: the check sees no file, then one appears before the new file is linked in place.
    const spy = vi.spyOn(fsp, 'link').mockImplementationOnce(async (from, to) => {
      writeFileSync(to as string, 'theirs');
      return link(from, to);
    });
    await expect(writeOutput(io(), out, 'mine', false)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('already exists') });
    spy.mockRestore();
    expect(readFileSync(out, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('makes text for standard output inert', async () => {
    const x = io();
    await writeOutput(x, '-', 'a\u001b[2Jb\u202ec\n', false);
    expect(x.out).toBe('a\\u001b[2Jb\\u202ec\n');
  });
});
