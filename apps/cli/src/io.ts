/** What the CLI needs from the outside world; tests pass their own, bin.ts passes the process's. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal: colour and progress on stderr are shown only then. */
  isTTY: boolean;
  /** Whether stdout is a terminal: data on stdout is coloured only then. */
  stdoutIsTTY: boolean;
  /** Colour decided by --color/--no-color or FORCE_COLOR (see program.ts); unset, the rules below apply. */
  color?: boolean;
}

/** 70 is EX_SOFTWARE of sysexits(3): an unexpected internal error, i.e. a bug in polev. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 70 } as const;

const CLI_ERROR = Symbol.for('@polev/cli:CliError');

/**
 * The CLI's typed failure: one clear line, a hint, and the exit code. `polev validate` runs from a
 * bundle with its own copy of this class (see validate-loader.ts), so `instanceof` goes by a brand
 * that both copies share: a CliError from either is reported with its code, never as a bug.
 */
export class CliError extends Error {
  readonly [CLI_ERROR] = true;

  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && CLI_ERROR in x;
  }
}

export function processIo(): Io {
  // A reader that stops early (`polev schema | head`) closes the pipe: that is not an error of
  // polev's, so it stops writing quietly instead of dying on an unhandled EPIPE. Any other failure
  // to write the output (a full disk: `polev schema > /dev/full`) is one line and exit 2.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: cannot write to standard output (${describeCode(err.code) ?? err.message})\nhint: check where the output goes (disk space, permissions)\n`);
    process.exit(EXIT.usage);
  });
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

const CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a folder',
  EBUSY: 'the file is busy',
};

/** An errno code as words, with the code kept for searching; undefined for no code. */
export function describeCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const words = CODES[code];
  return words ? `${words}, ${code}` : code;
}

export interface Style {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const same = (s: string) => s;
export const plainStyle: Style = { red: same, yellow: same, green: same, bold: same, dim: same };

/** ANSI colour only when the stream is a terminal, and never under NO_COLOR (https://no-color.org), unless `io.color` says. */
export function style(io: Io, stream: 'stdout' | 'stderr' = 'stderr'): Style {
  const tty = stream === 'stdout' ? io.stdoutIsTTY : io.isTTY;
  const on = io.color ?? (tty && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb');
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}
