export { createProgram, run } from './program.js';
export { CliError, EXIT, type Io } from './io.js';
