import { migrateReview, parseReview, type Problem, type Review } from '@polev/core/load';
import { parse, stringify } from 'yaml';

/**
 * A review file read for merging into: checked as polev reads it, and kept as the data it is
 * (without the defaults the schema fills in; a schemaVersion 1 file migrated), so the merged file
 * changes only what the import changed.
 */
export function readReviewData(text: string, file: string): { ok: true; review: Review; data: Record<string, unknown> } | { ok: false; problems: Problem[] } {
  const checked = parseReview(text, { file });
  if (!checked.ok) return checked;
  return { ok: true, review: checked.review, data: migrateReview(parse(text)).data as Record<string, unknown> };
}

/**
 * The merged review as YAML or JSON. `original` is the text of the review merged into: its leading
 * comment block (the `# yaml-language-server: $schema=…` line editors read) is kept.
 */
export function serialiseReview(data: Record<string, unknown>, format: 'yaml' | 'json', original?: string): string {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const header = /^(?:#[^\n]*\n)+/.exec(original ?? '')?.[0] ?? '';
  return header + stringify(data, { lineWidth: 110, aliasDuplicateObjects: false });
}
