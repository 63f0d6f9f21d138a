import { parseDocument } from 'yaml';
import { COMPLETENESS_STATUSES, LIST_NAMES } from '@polev/core/load';
import { z } from 'zod';
import type { SheetProblem } from './problems.js';
import { TABLE_KINDS } from './tables/definitions.js';

/**
 * A mapping file (YAML or JSON) tells the import how to read tables whose headers it does not
 * recognise: which table a file or sheet holds, on which row its header is, which header holds
 * which field, what the cells' words mean, and constants for columns the table lacks.
 */
const Header = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const TableMapping = z
  .strictObject({
    file: z.string().min(1).optional().describe('glob on the file name (not the folder): * and ? as in a shell, e.g. "uitgaven-*.csv"'),
    sheet: z.string().min(1).optional().describe('glob on the sheet name; absent = every sheet of the file'),
    table: z.enum(TABLE_KINDS).describe('which table the sheet holds'),
    headerRow: z.int().min(1).optional().describe('the 1-based row of the header (the lowest one when headers span two rows); found by itself when absent'),
    columns: z.record(z.string(), Header).optional().describe('field → header(s) in the sheet, e.g. { name: "Omschrijving", amount: ["Bedrag", "Realisatie"] }'),
    values: z.record(z.string(), z.record(z.string(), z.string())).optional().describe('field → { word in the sheet: model value }, e.g. { kind: { Prog: programme } }'),
    defaults: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('field → a value for every row, for a column the sheet does not have, e.g. { kind: programme }'),
  })
  .meta({ id: 'TableMapping' });

const Status = z.enum(COMPLETENESS_STATUSES);

export const Mapping = z
  .strictObject({
    $schema: z.string().optional(),
    tables: z.array(TableMapping).min(1),
    completeness: z
      .partialRecord(
        z.enum(LIST_NAMES),
        z.union([
          Status,
          z.strictObject({
            status: Status,
            missing: z.string().min(1).optional().describe('what is known to be missing, e.g. "the even pages are lost"'),
            expectedAtLeast: z.int().min(0).optional().describe('how many items the source has at least'),
          }),
        ]),
      )
      .optional()
      .describe('how complete the tables make each list of the review: complete, partial or unknown (or { status, missing, expectedAtLeast }). Without it an imported list is partial: the import never takes a table to be complete on its own'),
  })
  .meta({ id: 'Mapping', title: 'polev import mapping', description: 'How `polev import` reads spreadsheet tables whose headers it does not recognise by itself.' });

export type Mapping = z.output<typeof Mapping>;
export type TableMapping = z.output<typeof TableMapping>;

/** The JSON Schema of mapping files, as published in schema/mapping.schema.json. */
export function mappingJsonSchema(): Record<string, unknown> {
  return { $id: 'https://polev.dev/schema/mapping.schema.json', ...z.toJSONSchema(Mapping, { target: 'draft-2020-12', io: 'input' }) };
}

/** Parses a mapping file; every problem located by line and path. */
export function parseMapping(text: string, file: string): { ok: true; mapping: Mapping } | { ok: false; problems: SheetProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => ({ file, row: e.linePos?.[0]?.line, message: `mapping: ${e.message.split('\n')[0]}`, severity: 'error' as const })) };
  }
  const parsed = Mapping.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      file,
      message: `mapping ${i.path.map(String).join('.') || '(document)'}: ${i.message}`,
      hint: 'see the mapping file JSON Schema: @polev/sheets/mapping.schema.json',
      severity: 'error' as const,
    })),
  };
}

/** Whether a glob (`*`, `?`) matches a name, case-insensitively. */
export function globMatch(glob: string, name: string): boolean {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}
