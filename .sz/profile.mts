import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const probe = readFileSync('bench/support/page/usable-probe.js', 'utf8');
const widget = readFileSync(process.argv[2] ?? 'dist/widget.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const totals = new Map<string, number>(); let usableSum = 0; const N = Number(process.env.N ?? 8);
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.route('http://localhost:48251/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/widget.js') return route.fulfill({ body: widget, contentType: 'text/javascript' });
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${probe}</script></head><body><tomticket-form endpoint="http://127.0.0.1:48250"></tomticket-form><script>performance.mark('bench:script-start')</script><script src="/widget.js"></script></body></html>` });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.goto('http://localhost:48251/');
  await page.waitForFunction('window.benchUsable !== undefined');
  const usable = await page.evaluate('window.benchUsable') as number; usableSum += usable;
  const { profile } = await cdp.send('Profiler.stop') as any;
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const dt = profile.timeDeltas as number[]; const samples = profile.samples as number[];
  // only samples up to usable: approximate by all samples (page idle after)
  for (let k = 0; k < samples.length; k++) { const n: any = byId.get(samples[k]); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`; totals.set(key, (totals.get(key) ?? 0) + (dt[k] ?? 0) / 1000); }
  await context.close();
}
console.log('usable avg', (usableSum / N).toFixed(1));
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / N).toFixed(1).padStart(7), k);
await browser.close();
