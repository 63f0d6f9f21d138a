import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'], headless: true });
const p = await b.newPage({ viewport: { width: 1280, height: 1000 } });
await p.goto('file://' + process.argv[2]);
for (const [sel, name, click, maxH] of JSON.parse(process.argv[3])) {
  if (click) { await p.goto('file://' + process.argv[2] + '#' + click); await p.waitForTimeout(150); }
  const el = p.locator(sel).first();
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const sy = await p.evaluate(() => scrollY);
  await p.screenshot({ path: `/tmp/rep/${name}.png`, fullPage: true, clip: { x: box.x, y: box.y + sy, width: box.width, height: Math.min(box.height, maxH ?? 1000) } });
}
await b.close();
