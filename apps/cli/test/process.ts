import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, started as a real process by the tests. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** The whole environment (variables set to undefined are left out). */
  env: Record<string, string | undefined>;
  /** Written to standard input, which is then closed (empty by default). */
  input?: string;
  /** A file descriptor to give the process as its standard output instead of a pipe. */
  stdout?: number;
}

/**
 * A command as a real process, without a terminal: what it wrote and how it ended. Asynchronous,
 * unlike spawnSync, so that tests that share nothing can run at once (describe.concurrent) and keep
 * both cores busy while one of them waits on a browser, a signal or the disk.
 */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    // stdin and stderr are pipes (stdio above); stdout is one unless a descriptor was given.
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    // A command that exits without reading its input closes the pipe: not an error here.
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input ?? '');
  });
}
