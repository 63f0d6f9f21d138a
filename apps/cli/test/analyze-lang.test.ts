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
  dir = mkdtempSync(join(tmpdir(), 'polev-cli-lang-'));
});

/** The built binary as a real process, without a terminal. */
function polev(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('polev analyze --lang', () => {
  it('writes the summary, its reasons and recommendations in Dutch with --lang nl', () => {
    const r = polev(['analyze', example, '--lang', 'nl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Oordelen per taakveld (getrapte aanpak)');
    expect(r.stdout).toMatch(/Contraterrorisme[\s\S]*Doelmatigheid: niet vast te stellen[\s\S]*\(a\) Aan geen van ten minste 26 ingezette instrumenten zijn kosten toegerekend; de begrotingsregels en hun bedragen zijn niet alle bekend/);
    expect(r.stdout).toContain('Geen evaluatie die berust op ten minste een procesevaluatie verbindt kosten met effect');
    expect(r.stdout).toContain('Belangrijkste aanbevelingen');
    for (const english of ['Verdicts per domain', 'No evaluation resting on', 'No cost is attributed', 'Formulate the objectives']) expect(r.stdout).not.toContain(english);
  });

  it('is in the review’s own language by default (Dutch for the example), and says the language in the JSON assessment', () => {
    const r = polev(['analyze', example]);
    expect(r.stdout).toContain('Geen evaluatie die berust op ten minste');
    expect(r.stdout).toContain('Oordelen per taakveld (getrapte aanpak)');
    expect(r.stdout).not.toContain('No evaluation resting on at least a process evaluation relates cost to effect');
    expect(polev(['analyze', example, '--lang', 'en']).stdout).toContain('No evaluation resting on at least a process evaluation relates cost to effect');
    expect(JSON.parse(polev(['analyze', example, '--format', 'json']).stdout).lang).toBe('nl');
    expect(JSON.parse(polev(['analyze', example, '--format', 'json', '--lang', 'en']).stdout).lang).toBe('en');
    const nl = JSON.parse(polev(['analyze', example, '--format', 'json', '--lang', 'nl']).stdout);
    expect(nl.lang).toBe('nl');
    expect(nl.verdicts.domains[0].efficiency.value).toBe('not-determinable');
  });

  it('explains in Dutch, and refuses an unknown language', () => {
    const x = polev(['analyze', example, '--explain', 'ct-1', '--lang', 'nl']);
    expect(x.stdout).toMatch(/doelstelling ct-1[\s\S]*Getrapte oordelen[\s\S]*SMART \(\d van 5 criteria voldaan\)/);
    expect(x.stdout).toContain('De doelstelling heeft geen meetbare streefwaarde; in hoeverre zij is bereikt, is moeilijk te beoordelen (ct-1).');
    expect(polev(['analyze', example, '--lang', 'de']).code).toBe(2);
  });
});

describe('polev report --lang', () => {
  it('writes the reasons in the report’s language', () => {
    const nl = polev(['report', example, '-o', '-', '--format', 'md', '--lang', 'nl']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('Geen evaluatie die berust op ten minste een procesevaluatie verbindt kosten met effect');
    expect(nl.stdout).not.toContain('No evaluation resting on at least a process evaluation relates cost to effect');
    const en = polev(['report', example, '-o', '-', '--format', 'md', '--lang', 'en']);
    expect(en.stdout).toContain('No evaluation resting on at least a process evaluation relates cost to effect');
  });
});
