import type { Problem } from './load/problem.js';

/** Base class of the typed errors of polev; edges map `code` to an exit code or HTTP status. */
export class PolevError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PolevError';
  }
}

export class InvalidReviewError extends PolevError {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super('INVALID_REVIEW', `the review has ${errors} problem${errors === 1 ? '' : 's'}`);
    this.name = 'InvalidReviewError';
  }
}

/** Options that do not fit the review (a savings base year without figures, an unknown line…). */
export class InvalidOptionsError extends PolevError {
  constructor(readonly problems: { option: string; message: string; hint?: string }[]) {
    super('INVALID_OPTIONS', problems.map((p) => `${p.option}: ${p.message}`).join('; '));
    this.name = 'InvalidOptionsError';
  }
}
