/**
 * Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) or whose leading tab or CR it
 * would strip and then evaluate: prefixed with an apostrophe, as OWASP advises for CSV injection,
 * so no spreadsheet evaluates it. The import takes the apostrophe off again.
 */
export function inertText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
