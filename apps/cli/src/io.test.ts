import { describe, expect, it } from 'vitest';
import { reportError } from './errors.js';
import { CliError, type Io } from './io.js';

const io = (): Io & { err: string } => {
  const x = { err: '', stdout: () => {}, stderr: (t: string) => void (x.err += t), readStdin: async () => '', env: {}, isTTY: false, stdoutIsTTY: false };
  return x;
};

describe('CliError', () => {
  it('is recognised from another copy of the module, as the validate bundle has', async () => {
    // A second instance of io.ts, as a bundle carries its own.
    const specifier = './io.js?copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('./io.js');
    expect(copy.CliError).not.toBe(CliError);
    const foreign = new copy.CliError('the file does not exist', 2, 'check the path');
    expect(foreign instanceof CliError).toBe(true);
    const out = io();
    expect(reportError(out, foreign, false)).toBe(2);
    expect(out.err).toBe('error: the file does not exist\nhint: check the path\n');
  });

  it('is not any error', () => {
    expect(new Error('x') instanceof CliError).toBe(false);
    expect((null as unknown) instanceof CliError).toBe(false);
    expect(reportError(io(), new TypeError('bug'), false)).toBe(70);
  });
});
