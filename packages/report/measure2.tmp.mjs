import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'], headless: true });
const p = await b.newPage({ viewport: { width: 1280, height: 1000 } });
await p.goto('file://' + process.argv[2]);
const r = await p.evaluate(() => [...document.querySelectorAll('main section.level-2, main section.level-3, main .table-wrap, main figure')].map(s => [s.tagName + ' ' + (s.id||''), (s.querySelector('h3,h4,caption,figcaption')?.textContent||'').slice(0,50), Math.round(s.getBoundingClientRect().height)]).filter(x => x[2] > 700));
for (const x of r) console.log(x.join(' | '));
await b.close();
