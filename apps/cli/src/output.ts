import { constants } from 'node:fs';
import { access, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT, type Io } from './io.js';

/**
 * Writes an output file safely: never over an existing file without --force, into an existing
 * folder, and atomically (a temp file renamed into place) so a failed write leaves nothing half-done.
 */
export async function writeOutput(io: Io, out: string, data: string | Uint8Array, force: boolean): Promise<void> {
  if (out === '-') {
    if (typeof data === 'string') io.stdout(data);
    else throw new CliError('binary output cannot be written to standard output here', EXIT.usage, 'give a file name with -o');
    return;
  }
  const path = resolve(out);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`${out} is a directory`, EXIT.usage, 'give a file name, e.g. -o report.html');
  if (existing && !force) throw new CliError(`${out} already exists`, EXIT.usage, 'use --force to overwrite it, or choose another name');
  const dir = dirname(path);
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const [message, hint] =
      code === 'ENOENT'
        ? [`the folder ${dirname(out)} does not exist`, `create it first (mkdir -p ${dirname(out)})`]
        : code === 'ENOTDIR'
          ? [`${dirname(out)} is not a folder`, 'give a path inside a folder']
          : [`cannot write to the folder ${dirname(out)} (${code === 'EACCES' || code === 'EROFS' ? 'permission denied' : code})`, 'choose a folder you can write to'];
    throw new CliError(message, EXIT.usage, hint);
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as Error).message}`, EXIT.usage, 'check the path and free disk space');
  }
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create the folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, EXIT.usage, 'choose a folder you can write to');
  }
}
