/**
 * Writes demo/favicon.ico from demo/favicon.svg: Chromium draws the SVG at 16, 32 and 48 px and
 * each PNG goes into one ICO file (an ICO may hold PNG images: one 6-byte header, one 16-byte
 * entry per image, then the images). Run after editing the SVG: npx tsx demo/make-favicon.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/support/find-chromium.ts';

const SIZES = [16, 32, 48];
const svg = await readFile(new URL('favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() });
const images: Buffer[] = [];
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  images.push(await page.screenshot({ omitBackground: true }));
}
await browser.close();

const header = Buffer.alloc(6);
header.writeUInt16LE(1, 2); // type 1: icon
header.writeUInt16LE(images.length, 4);
let offset = header.length + 16 * images.length;
const entries = images.map((png, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(SIZES[i]!, 0); // width (0 would mean 256)
  entry.writeUInt8(SIZES[i]!, 1); // height
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
await writeFile(new URL('favicon.ico', import.meta.url), Buffer.concat([header, ...entries, ...images]));
