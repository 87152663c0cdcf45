import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const probe = readFileSync('bench/support/page/usable-probe.js', 'utf8');
const files = process.argv.slice(2).map((f) => [f, readFileSync(f, 'utf8')] as const);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const N = Number(process.env.N ?? 12); const rate = Number(process.env.RATE ?? 4);
const results = new Map<string, number[]>();
for (let i = 0; i < N + 2; i++) for (const [name, code] of (i % 2 ? files : [...files].reverse())) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.route('http://localhost:48251/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/widget.js') return route.fulfill({ body: code, contentType: 'text/javascript' });
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${probe}</script></head><body><tomticket-form endpoint="http://127.0.0.1:48250"></tomticket-form><script>performance.mark('bench:script-start')</script><script src="/widget.js"></script></body></html>` });
  });
  if (rate !== 1) { const cdp = await context.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate }); }
  await page.goto('http://localhost:48251/');
  await page.waitForFunction('window.benchUsable !== undefined');
  const usable = await page.evaluate('window.benchUsable') as number;
  if (i >= 2) (results.get(name) ?? results.set(name, []).get(name)!).push(usable);
  await context.close();
}
const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [name, list] of results) console.log(name, 'median', median(list).toFixed(1), 'mean', (list.reduce((a, b) => a + b, 0) / list.length).toFixed(1));
await browser.close();
