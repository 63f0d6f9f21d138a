import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { constants as os } from 'node:os';
import { access, link, lstat, mkdir, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inert } from './inert.js';
import { CliError, describeCode, EXIT, type Io } from './io.js';

/**
 * Writes an output file safely:
 * - never over an existing file without --force, never into a missing folder, never over a
 *   directory or a device, and a symbolic link (to a file, dangling or looping) is named as such
 *   and replaced (the link itself, never the file it points to) only with --force;
 * - through a temporary file beside the target, created exclusively (O_EXCL | O_NOFOLLOW, with an
 *   unpredictable name, so no one can plant a link there), flushed to disk (fsync) and then put in
 *   place in one step: linked when the target must not exist (so a file that appeared meanwhile is
 *   not overwritten either), renamed otherwise. On any failure the temporary file is removed.
 *
 * Text for standard output (`-o -`) is made inert: a report of someone else's review must not
 * drive the terminal it is piped to.
 */
export async function writeOutput(io: Io, out: string, data: string | Uint8Array, force: boolean): Promise<void> {
  if (out === '-') {
    if (typeof data === 'string') io.stdout(inert(data));
    else throw new CliError('binary output cannot be written to standard output here', EXIT.usage, 'give a file name with -o');
    return;
  }
  const shown = inert(out);
  const path = resolve(out);
  const existing = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new CliError(`cannot write ${shown} (${describeCode(err.code)})`, EXIT.usage, 'check the path');
  });
  if (existing?.isSymbolicLink()) {
    if (!force) throw new CliError(`${shown} is a symbolic link ${await linkState(path)}`, EXIT.usage, 'use --force to replace the link itself with the new file, or give another name');
  } else if (existing?.isDirectory()) {
    throw new CliError(`${shown} is a directory`, EXIT.usage, 'give a file name, e.g. -o report.html');
  } else if (existing && !existing.isFile()) {
    throw new CliError(`${shown} is not a regular file (a device, pipe or socket)`, EXIT.usage, 'give a file name; use -o - to write to standard output');
  } else if (existing && !force) {
    throw new CliError(`${shown} already exists`, EXIT.usage, 'use --force to overwrite it, or choose another name');
  }
  const dir = dirname(path);
  await checkFolder(dir, dirname(out));

  const tmp = join(dir, `.${basename(path)}.${randomBytes(9).toString('base64url')}.tmp`);
  let created = false;
  pending.add(tmp);
  if (pending.size === 1) for (const signal of SIGNALS) process.on(signal, interrupted);
  try {
    const file = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    created = true;
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    if (existing) await rename(tmp, path);
    else await placeNew(tmp, path, shown);
    created = false;
    await syncFolder(dir);
  } catch (err) {
    if (created) await unlink(tmp).catch(() => {});
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write ${shown}: ${describeCode(code) ?? inert((err as Error).message)}`, EXIT.usage, code === 'ENOSPC' || code === 'EDQUOT' ? 'free disk space and run again' : 'check the path and the permissions of its folder');
  } finally {
    pending.delete(tmp);
    if (pending.size === 0) for (const signal of SIGNALS) process.off(signal, interrupted);
  }
}

/**
 * Temporary files being written. Ctrl-C (or a kill) while one exists would leave it behind, so
 * for as long as one does the signals are caught: the files are removed (the targets were not
 * touched yet: a target changes only in the last, atomic step) and the process ends with the
 * shell's code for the signal, 128 + its number (130 for SIGINT, 143 for SIGTERM).
 */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function interrupted(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already put in place or removed.
    }
  }
  process.stderr.write(`interrupted (${signal}); the unfinished output file was removed\n`);
  process.exit(128 + (os.signals[signal] ?? 0));
}

/** Puts the new file where no file may be: a hard link fails if one appeared since the check. */
async function placeNew(tmp: string, path: string, shown: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${shown} already exists (it appeared while writing)`, EXIT.usage, 'use --force to overwrite it, or choose another name');
    // File systems without hard links (FAT, some network shares): a rename, after the check above.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'EMLINK') {
      await rename(tmp, path);
      return;
    }
    throw err;
  }
  await unlink(tmp);
}

async function linkState(path: string): Promise<string> {
  const target = await readlink(path).catch(() => undefined);
  const to = target === undefined ? '' : ` to ${inert(target)}`;
  try {
    await stat(path);
    return `(${to.trim() || 'to a file'})`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? `that loops${to ? ` (${to.trim()})` : ''}` : `to a missing file${to ? ` (${to.trim()})` : ''}`;
  }
}

async function checkFolder(dir: string, shownDir: string): Promise<void> {
  const shown = inert(shownDir);
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const [message, hint] =
      code === 'ENOENT'
        ? [`the folder ${shown} does not exist`, `create it first (mkdir -p ${shown})`]
        : code === 'ENOTDIR'
          ? [`${shown} is not a folder`, 'give a path inside a folder']
          : [`cannot write to the folder ${shown} (${describeCode(code)})`, 'choose a folder you can write to'];
    throw new CliError(message, EXIT.usage, hint);
  }
}

/** The rename is durable once the folder's entry is on disk; not every platform can sync a folder. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create the folder ${inert(dir)}: ${describeCode((err as NodeJS.ErrnoException).code) ?? String(err)}`, EXIT.usage, 'choose a folder you can write to');
  }
}
