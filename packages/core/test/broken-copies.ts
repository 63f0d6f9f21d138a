import { parseReviewOrThrow } from '../src/index.js';
import { lineOf } from './helpers.js';

export interface BrokenCopy {
  name: string;
  text: string;
  /** Every problem the copy must produce, in order of position. */
  expected: { path: string; line: number; code: string }[];
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`the example no longer contains ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * Broken copies of the bundled example, shared by the library, JSON Schema and CLI tests: a
 * dangling reference, a string where a number belongs, and a year outside the period. Each has
 * two problems, so that "all problems at once" is tested too. Expected paths come from the data
 * of the valid example, expected lines from the text of the copy.
 */
export function brokenCopies(example: string): BrokenCopy[] {
  const review = parseReviewOrThrow(example);
  const [first, second] = review.instruments;
  const staff = review.budgetLines.findIndex((l) => l.expenditures.some((e) => e.amount === 24550));
  const staffYear = (year: number) => review.budgetLines[staff]!.expenditures.findIndex((e) => e.year === year);

  // The first two instruments' objective lines, found in the text after "instruments:".
  const from = example.indexOf('\ninstruments:');
  const at1 = example.indexOf(`objective: ${first!.objective}`, example.indexOf(`id: ${first!.id}`, from));
  const at2 = example.indexOf(`objective: ${second!.objective}`, example.indexOf(`id: ${second!.id}`, from));
  const dangling =
    example.slice(0, at1) + 'objective: ct-9' + example.slice(at1 + `objective: ${first!.objective}`.length, at2) + 'objective: nowhere' + example.slice(at2 + `objective: ${second!.objective}`.length);

  const stringForNumber = replaceOnce(replaceOnce(example, 'amount: 24550', 'amount: "24.550"'), 'period: { start: 2011, end: 2015 }', 'period: { start: 2011, end: "2015" }');
  const outOfPeriod = replaceOnce(replaceOnce(example, '{ year: 2014, amount: 25723', '{ year: 2019, amount: 25723'), '{ year: 2015, amount: 29659', '{ year: 2009, amount: 29659');

  const staffPath = `budgetLines[${staff}].expenditures`;
  return [
    {
      name: 'a dangling reference',
      text: dangling,
      expected: [
        { path: 'instruments[0].objective', line: lineOf(dangling, 'objective: ct-9'), code: 'dangling-reference' },
        { path: 'instruments[1].objective', line: lineOf(dangling, 'objective: nowhere'), code: 'dangling-reference' },
      ],
    },
    {
      name: 'a string where a number belongs',
      text: stringForNumber,
      expected: [
        { path: 'period.end', line: lineOf(stringForNumber, 'end: "2015"'), code: 'schema' },
        { path: `${staffPath}[${staffYear(2013)}].amount`, line: lineOf(stringForNumber, 'amount: "24.550"'), code: 'schema' },
      ],
    },
    {
      name: 'a year outside the period',
      text: outOfPeriod,
      expected: [
        { path: `${staffPath}[${staffYear(2014)}].year`, line: lineOf(outOfPeriod, 'year: 2019'), code: 'out-of-period' },
        { path: `${staffPath}[${staffYear(2015)}].year`, line: lineOf(outOfPeriod, 'year: 2009'), code: 'out-of-period' },
      ],
    },
  ];
}
