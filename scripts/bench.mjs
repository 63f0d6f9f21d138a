// `pnpm bench`: runs every package's benchmarks (packages/*/bench/*.bench.mjs, apps/*/bench/*.bench.mjs)
// after the build; each prints its own figures, ratios and targets.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['packages', 'apps'].flatMap((top) =>
  readdirSync(top).flatMap((pkg) => {
    const dir = join(top, pkg, 'bench');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).map((f) => join(dir, f)) : [];
  }),
);
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
