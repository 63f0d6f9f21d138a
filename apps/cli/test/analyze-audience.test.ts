import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/nctv-36-2/review.yaml', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polev-cli-audience-'));
});

function polev(args: string[]) {
  // These tests read the English wording; without --lang, analyze writes in the review's language (Dutch here).
  if (args[0] === 'analyze' && !args.includes('--lang')) args = [...args, '--lang', 'en'];
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('polev analyze --audience', () => {
  it('says it prints the full view by default, containing classified material', () => {
    const r = polev(['analyze', example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('View: full — contains classified material');
    const nl = polev(['analyze', example, '--lang', 'nl']);
    expect(nl.stdout).toContain('Weergave: volledig — bevat gerubriceerd materiaal');
  });

  it('prints the public view with counts of what it left out, and agrees with the public report', () => {
    const r = polev(['analyze', example, '--audience', 'public', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.audience.level).toBe('public');
    expect(a.audience.leftOutTotal).toBeGreaterThan(0);
    expect(a.audience.leftOut.source).toBeGreaterThan(0);
    expect(r.stdout).not.toContain('src-ivenj-benb-2014');
    const text = polev(['analyze', example, '--audience', 'public']);
    expect(text.stdout).toMatch(/View: public — \d+ items above this clearance left out \(counts only\)/);
    // The report's verdicts come from the same function.
    const report = polev(['report', example, '-o', '-', '--format', 'md', '--lang', 'en', '--audience', 'public']);
    expect(report.code, report.stderr).toBe(0);
    for (const d of a.verdicts.domains) for (const reason of d.effectiveness.reasons.slice(0, 2)) expect(report.stdout.replace(/\\/g, '')).toContain(reason.replace(/\\/g, ''));
    expect(polev(['analyze', example, '--audience', 'nobody']).code).toBe(2);
  });

  it('explains nothing the public view left out', () => {
    expect(polev(['analyze', example, '--explain', 'src-ivenj-benb-2014']).code).toBe(0);
    const r = polev(['analyze', example, '--audience', 'public', '--explain', 'src-ivenj-benb-2014']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('visible to the public audience');
  });

  it('shows scope exclusions', () => {
    expect(polev(['analyze', example]).stdout).toMatch(/Out of scope\n• [\s\S]*opsporing en vervolging van cybercrime/);
  });
});

describe('polev analyze --explain for every kind of id', () => {
  const ids: [string, RegExp][] = [
    ['ct-i49', /^instrument ct-i49[\s\S]*3–4\. Contribution: [\s\S]*5\. Efficiency: /],
    ['ct-1', /^objective ct-1[\s\S]*Stepped verdicts/],
    ['ct', /^domain ct[\s\S]*Effectiveness: not determinable/],
    ['f-ct-i49-pdm-samenwerking', /^finding f-ct-i49-pdm-samenwerking[\s\S]*Feeds the verdicts[\s\S]*instrument ct-i49, contribution: plausible/],
    ['src-um-pdm-proces-2013', /^source src-um-pdm-proces-2013[\s\S]*Feeds the verdicts/],
    ['bdur', /^budget line bdur/],
  ];
  for (const [id, pattern] of ids) {
    it(`explains ${id}`, () => {
      const r = polev(['analyze', example, '--explain', id]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(pattern);
    });
  }
  it('gives JSON for a finding, and "did you mean" for a near miss', () => {
    const r = JSON.parse(polev(['analyze', example, '--explain', 'f-ct-i49-pdm-doelmatig', '--format', 'json']).stdout);
    expect(r).toMatchObject({ kind: 'finding', aspect: 'efficiency' });
    expect(polev(['analyze', example, '--explain', 'f-ct-i49-pdm-doelmatik']).stderr).toContain('did you mean "f-ct-i49-pdm-doelmatig"?');
  });
});
