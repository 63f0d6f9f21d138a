import { reviewJsonSchema } from '@polev/core';
import { EXIT, type Io } from '../io.js';

export function schemaCommand(io: Io): number {
  io.stdout(`${JSON.stringify(reviewJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
