import ExcelJS from 'exceljs';
import { SCHEMA_VERSION } from '@polev/core/load';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readCsv } from '../src/read/csv.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
/** shared/ beside the repository: /work/wt/shared for a worktree, the CI clone's sibling in CI. */
export const sharedData = join(repoRoot, '..', 'shared', 'data', 'rijksfinancien');
export const haveShared = existsSync(sharedData);

export const file = (name: string, data: string | Uint8Array) => ({ name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data });
export const sharedFile = (name: string) => ({ name, data: new Uint8Array(readFileSync(join(sharedData, name))) });

/** The bundled example as data, as `polev import --into` reads it. */
export const exampleData = () => parse(readFileSync(join(repoRoot, 'examples/nctv-36-2/review.yaml'), 'utf8')) as Record<string, unknown>;


/** A small valid review to merge into: one domain, two objectives, one instrument, one budget line. */
export function miniReview(): Record<string, unknown> {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'mini',
    title: 'Beleidsdoorlichting artikel 36.2',
    language: 'nl',
    ministry: { name: 'Ministerie van Justitie en Veiligheid' },
    budgetChapter: 'VI',
    budgetArticles: [{ number: '36.2' }],
    period: { start: 2013, end: 2015 },
    rpeVersion: '2015',
    method: 'synthesis',
    policyTree: {
      mainGoal: { text: 'Een veilig Nederland' },
      domains: [{ id: 'ct', name: 'Contraterrorisme' }],
      objectives: [
        { id: 'ct-1', domain: 'ct', text: 'Terrorisme voorkomen' },
        { id: 'ct-2', domain: 'ct', text: 'Radicalisering tegengaan' },
      ],
    },
    instruments: [{ id: 'ct-i1', name: 'Nationaal dreigingsbeeld', objective: 'ct-1', kind: 'research', realisation: { status: 'partly' } }],
    budgetLines: [{ id: 'bdur', name: 'Brede Doeluitkering Rampenbestrijding (BDUR)', kind: 'programme', article: '36.2', expenditures: [{ year: 2013, amount: null }] }],
  };
}

/** Builds a workbook in the test: `sheets` maps a sheet name to its rows; `merges` to ranges such as A1:C1. */
export async function workbook(sheets: Record<string, (string | number | null)[][]>, merges: Record<string, string[]> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    for (const m of merges[name] ?? []) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The cells of a CSV text, as the import reads them. */
export const readCsvRows = (text: string) => readCsv(text, 'x.csv').rows.map((r) => r.map((c) => (c === null ? null : String(c))));
