// `pnpm bench` (after the build): how long the imports and exports of @polev/sheets take, and how
// much memory refusing a zip bomb costs. Figures, not pass/fail: the machine is shared and noisy.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'yaml';
import { checkZip, exportCsv, exportXlsx, importSheets } from '../dist/index.js';
import { parseReview } from '@polev/core';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = `${root}../shared/data/rijksfinancien/`;
const exampleText = readFileSync(`${root}examples/nctv-36-2/review.yaml`, 'utf8');
const exampleData = parse(exampleText);
const example = parseReview(exampleText).review;

async function time(label, fn, runs = 5) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${times[runs >> 1].toFixed(0).padStart(6)} ms   min ${times[0].toFixed(0).padStart(6)} ms`);
}

const bytes = (name) => ({ name, data: new Uint8Array(readFileSync(`${shared}${name}`)) });
if (existsSync(shared)) {
  const statements = bytes('begrotingsstaten-2013-2021.csv');
  const detail = bytes('budget-detail-2020.json');
  await time('begrotingsstaten (4,293 rows) VI.36 into the example', () => importSheets([statements], { review: exampleData, article: 'VI.36' }));
  await time('budget detail 2020 (2,574 records) VI.36.2, new review', () => importSheets([detail], { article: 'VI.36.2' }));
} else console.log(`(no ${shared}: open-data figures skipped)`);

const xlsx = await exportXlsx(example);
await time(`export the example to .xlsx (${(xlsx.byteLength / 1024).toFixed(0)} KiB)`, () => exportXlsx(example), 3);
await time('export the example to CSV', () => exportCsv(example), 3);
await time('import the exported .xlsx into an empty review', () => importSheets([{ name: 'x.xlsx', data: xlsx }]), 3);

// A zip bomb: 100 MiB + 1 of zeros in one entry (about 100 KiB packed), whose directory claims 2 KiB.
const zeros = deflateRawSync(Buffer.alloc(100 * 1024 * 1024 + 1));
const bomb = zipOf(zeros, 2048);
global.gc?.();
const rss = process.memoryUsage().rss;
const t = performance.now();
const reason = await checkZip(bomb);
console.log(`zip bomb (${(bomb.byteLength / 1024).toFixed(0)} KiB → 100 MiB): refused in ${(performance.now() - t).toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rss) / 1024 / 1024).toFixed(1)} MiB — ${reason}`);

function zipOf(data, declared) {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(Buffer.alloc(0)), 16);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.byteLength, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
