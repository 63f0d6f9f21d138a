import type { Grid } from './grid.js';

/**
 * Reads CSV as analysts' tools write it: UTF-8 with or without a BOM, `;` (Dutch Excel) or `,`
 * separated, quoted fields with doubled quotes and line breaks inside, CRLF or LF. The separator
 * is the one of `;`, `,` and tab that occurs most often outside quotes in the first line.
 */
export function readCsv(text: string, file: string): Grid {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const separator = detectSeparator(text);
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === separator) endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return { file, rows, merges: [], unterminatedQuote: quoted };
}

function detectSeparator(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [sep, n] of counts) if (n > most) [best, most] = [sep, n];
  return best;
}
