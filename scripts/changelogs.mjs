// `pnpm version-packages`, second step: after `changeset version` has written each package's
// CHANGELOG.md with one marker per changeset (see .changeset/changelog.cjs), replaces every marker
// with that changeset's entry for the package whose changelog it is: its own paragraphs, without
// other packages' or internal ones. Fails when a marker is left anywhere.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.cwd();
const { resolveChangelog, MARKER } = createRequire(import.meta.url)(join(root, '.changeset/changelog.cjs'));
const dirs = ['packages', 'apps'].flatMap((d) => (existsSync(join(root, d)) ? readdirSync(join(root, d)).map((p) => join(root, d, p)) : []));
let left = 0;
for (const dir of dirs) {
  const file = join(dir, 'CHANGELOG.md');
  if (!existsSync(file) || !existsSync(join(dir, 'package.json'))) continue;
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const text = resolveChangelog(readFileSync(file, 'utf8'), name);
  writeFileSync(file, text);
  left += text.split('\n').filter((l) => MARKER.test(l)).length;
}
if (left) {
  console.error(`changelogs: ${left} changeset markers left`);
  process.exit(1);
}
