export type PathSegment = string | number;

/** One thing wrong with a review file, located so that an editor or a person can jump to it. */
export interface Problem {
  file: string;
  /** 1-based; 0 when the position is unknown. */
  line: number;
  /** 1-based; 0 when the position is unknown. */
  column: number;
  /** e.g. `instruments[12].objective`; empty for the whole document. */
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
  code: ProblemCode;
}

export type ProblemCode =
  | 'syntax'
  | 'schema'
  | 'duplicate-id'
  | 'dangling-reference'
  | 'out-of-period'
  | 'negative-amount'
  | 'inconsistent'
  // Warnings (load/warnings.ts): the file loads, but probably does not say what its author meant.
  | 'unlocated-answer'
  | 'expert-required'
  | 'foreign-article'
  | 'strength-above-cap'
  | 'migrated';

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:col  path  message` — the form compilers use, so editors and terminals link it. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const path = p.path ? ` ${p.path}:` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}: ${p.severity}:${path} ${p.message}${hint}`;
}
