import type { SheetProblem } from '../problems.js';
import { isBlank, type Grid } from '../read/grid.js';
import { normalise } from './values.js';

/** The key/value sheet of review metadata the export writes first, so a workbook makes a whole review. */
export const REVIEW_KEYS = [
  { path: 'id', en: 'Id', nl: 'Id' },
  { path: 'title', en: 'Title', nl: 'Titel' },
  { path: 'language', en: 'Language', nl: 'Taal' },
  { path: 'ministry.name', en: 'Ministry', nl: 'Ministerie' },
  { path: 'ministry.abbreviation', en: 'Ministry abbreviation', nl: 'Afkorting ministerie' },
  { path: 'budgetChapter', en: 'Budget chapter', nl: 'Begrotingshoofdstuk' },
  { path: 'budgetArticles', en: 'Budget articles', nl: 'Begrotingsartikelen' },
  { path: 'period.start', en: 'Period start', nl: 'Begin periode' },
  { path: 'period.end', en: 'Period end', nl: 'Einde periode' },
  { path: 'rpeVersion', en: 'RPE version', nl: 'RPE-versie' },
  { path: 'method', en: 'Method', nl: 'Methode' },
  { path: 'performedBy', en: 'Performed by', nl: 'Uitgevoerd door' },
  { path: 'policyTree.mainGoal.text', en: 'Main goal', nl: 'Hoofddoel' },
] as const;

export function isReviewSheet(grid: Grid): boolean {
  const keys = grid.rows.slice(0, 20).map((r) => (typeof r[0] === 'string' ? normalise(r[0]) : ''));
  return REVIEW_KEYS.filter((k) => keys.includes(normalise(k.en)) || keys.includes(normalise(k.nl))).length >= 3;
}

/** Reads the metadata rows into dotted paths; numbers of the period as numbers, articles as a list. */
export function readReviewSheet(grid: Grid, problems: SheetProblem[]): { fields: Record<string, unknown>; rows: Record<string, number> } {
  const fields: Record<string, unknown> = {};
  const rows: Record<string, number> = {};
  grid.rows.forEach((r, i) => {
    if (typeof r[0] !== 'string') return;
    const key = REVIEW_KEYS.find((k) => normalise(k.en) === normalise(r[0] as string) || normalise(k.nl) === normalise(r[0] as string));
    if (!key) return;
    rows[key.path] = i + 1;
    const v = r[1];
    if (isBlank(v)) return;
    if (key.path === 'period.start' || key.path === 'period.end') {
      const y = Number(v);
      if (Number.isInteger(y)) fields[key.path] = y;
      else problems.push({ file: grid.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), row: i + 1, column: 'B', value: String(v), message: 'is not a year', severity: 'error' });
    } else if (key.path === 'budgetArticles') {
      fields[key.path] = String(v).split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    } else fields[key.path] = String(v).trim();
  });
  return { fields, rows };
}
