import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN as bin, runProcess } from './process.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../packages/core/src/__fixtures__/${name}`, import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));
const sparse = fixture('sparse.yaml');
const rpe2013 = fixture('rpe-2013.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-cli-unknown-'));
});
/** The built binary as a real process, without a terminal; the tests of a block run at once, each with files of its own. */
const polev = (args: string[], input = '') =>
  runProcess(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '', XDG_CACHE_HOME: join(dir, 'cache') }, input });

describe.concurrent('polev analyze: what a review does not say stays unknown, in the terminal, Markdown and JSON', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`sparse review, ${lang}: RPE answers not recorded, never "not answered"; period unknown; no advice to answer`, async () => {
      for (const format of ['text', 'md'] as const) {
        const r = await polev(['analyze', sparse, '--lang', lang, '--format', format]);
        expect(r.code, r.stderr).toBe(0);
        const out = r.stdout.replace(/\\([()[\].*_#+!|-])/g, '$1');
        expect(out).toContain(lang === 'en' ? 'Not recorded in the review data (unknown): questions 1, 2, 3' : 'Niet vastgelegd in de gegevens (onbekend): vragen 1, 2, 3');
        expect(out).not.toMatch(lang === 'en' ? /Not answered/ : /Niet beantwoord/);
        expect(out).not.toMatch(lang === 'en' ? /Answer the questions of RPE/ : /Beantwoord de vragen uit de RPE/);
        expect(out).not.toMatch(/unknown–unknown|onbekend–onbekend/);
        expect(out).toContain(lang === 'en' ? ' · unknown · RPE 2015' : ' · onbekend · RPE 2015');
        // No evaluation is known: no advice built on "not covered by any evaluation".
        expect(out).not.toMatch(lang === 'en' ? /not covered by any evaluation/ : /onder geen enkele evaluatie/);
        // Unknown evaluations and budget lines: no 0/2, no "not evaluated", no "cost attributed to 0".
        expect(out).toContain(lang === 'en' ? 'the review does not list its evaluations' : 'de doorlichting geeft geen lijst van haar evaluaties');
        expect(out).not.toMatch(/\b0\/2\b|\b0%/);
        expect(out).not.toMatch(lang === 'en' ? /Not evaluated|Cost attributed to 0/ : /Niet geëvalueerd|toe te rekenen aan 0/);
      }
    });

    it(`RPE 2013 review, ${lang}: its parts by letter, and no savings question`, async () => {
      const r = await polev(['analyze', rpe2013, '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(lang === 'en' ? 'Answered in the report: parts a, b, c, d, e' : 'Beantwoord in het rapport: onderdelen a, b, c, d, e');
      expect(r.stdout).not.toMatch(/question 15|vraag 15/);
      expect(r.stdout).toContain(lang === 'en' ? 'Savings variant\n' : 'Besparingsvariant (x € 1.000)');
    });
  }

  it('JSON: the checklist tells not recorded from not answered, and the instrument list says what it holds', async () => {
    const a = JSON.parse((await polev(['analyze', sparse, '--format', 'json'])).stdout);
    expect(a.rpe).toMatchObject({ version: '2015', basis: 'bundled', answers: 'unknown', notAnswered: [], answeredInReport: [] });
    expect(a.rpe.notRecorded).toHaveLength(15);
    expect(a.rpe.items.every((i: { status: string }) => i.status === 'not-recorded')).toBe(true);
    expect(a.review.period).toEqual({ start: null, end: null });
    expect(a.realisation.article.list).toMatchObject({ status: 'partial', stated: false, known: 2 });
    expect(a.recommendations.map((r: { rule: string }) => r.rule)).not.toContain('rpe-question-missing');
    const ex = JSON.parse((await polev(['analyze', example, '--format', 'json', '--lang', 'en'])).stdout);
    expect(ex.realisation.article.list).toMatchObject({ status: 'partial', known: 70, expectedAtLeast: 108, counted: '70 of at least 108 instrument rows' });
    const b = JSON.parse((await polev(['analyze', rpe2013, '--format', 'json'])).stdout);
    expect(b.rpe).toMatchObject({ version: '2013', questionNoun: 'part', answers: 'complete', savingsQuestions: [], rules: { savingsVariantRequired: { value: false } } });
  });
});

describe.concurrent('polev validate prints warnings and exits 0', () => {
  it('an answer in the report without a location; a version 1 file, with how to upgrade', async () => {
    const r = await polev(['validate', rpe2013]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rpe-2013\.yaml:\d+:\d+: warning: rpeAnswers\[4\]\.location: RPE 2013 part e is answered in the report, but the answer gives no location/);
    expect(r.stderr).toContain('is valid, 1 warning');
    const old = await polev(['validate', fixture('mini.v1.yaml')]);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/mini\.v1\.yaml:4:\d+: warning: schemaVersion: schemaVersion 1 is out of date.*run `polev migrate <file>`/);
    const json = JSON.parse((await polev(['validate', '--format', 'json', rpe2013])).stdout);
    expect(json.valid).toBe(true);
    expect(json.files[0].problems[0]).toMatchObject({ severity: 'warning', code: 'unlocated-answer' });
  });
});

describe.concurrent('polev migrate', () => {
  it('rewrites a version 1 file in place, keeping its comments, and prints what changed', async () => {
    const file = join(dir, 'old.yaml');
    copyFileSync(fixture('mini.v1.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const r = await polev(['migrate', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('schemaVersion 1 → 2, comments and layout kept');
    expect(r.stderr).toMatch(/old\.yaml:\d+: findings\[0\]: source → origin, sources/);
    expect(r.stderr).toContain('note: version 2 reads these lists as unknown');
    const after = readFileSync(file, 'utf8');
    for (const comment of before.split('\n').filter((l) => l.startsWith('#'))) expect(after).toContain(comment);
    expect(await polev(['validate', file])).toMatchObject({ code: 0, stdout: '' });
    // Run again: nothing to change, the file untouched.
    const mtime = statSync(file).mtimeMs;
    const again = await polev(['migrate', file]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already schemaVersion 2; nothing to change');
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('round-trips the example and the fixtures: version 2 files come back unchanged', async () => {
    for (const file of [example, sparse, rpe2013, fixture('mini.yaml')]) {
      const out = join(dir, 'copy.yaml');
      const r = await polev(['migrate', file, '-o', out, '--force']);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('writes elsewhere with -o (never over a file without --force), or to standard output with -o -', async () => {
    const out = join(dir, 'new.yaml');
    expect((await polev(['migrate', fixture('mini.v1.yaml'), '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('schemaVersion: 2');
    const refused = await polev(['migrate', fixture('mini.v1.yaml'), '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    const piped = await polev(['migrate', '-', '-o', '-'], readFileSync(fixture('mini.v1.yaml'), 'utf8'));
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('writes nothing when the migrated file still has problems, and says which', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, readFileSync(fixture('mini.v1.yaml'), 'utf8').replace('objective: o1a', 'objective: nowhere'));
    const before = readFileSync(file, 'utf8');
    const r = await polev(['migrate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error: instruments\[0\]\.objective/);
    expect(r.stderr).toContain('nothing was written');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await polev(['migrate', join(dir, 'missing.yaml')])).code).toBe(2);
    writeFileSync(join(dir, 'bad.yaml'), 'schemaVersion: 1\n  - x: [\n');
    expect(await polev(['migrate', join(dir, 'bad.yaml')])).toMatchObject({ code: 1 });
  });
});
