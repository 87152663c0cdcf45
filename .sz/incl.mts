import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const probe = readFileSync('bench/support/page/usable-probe.js', 'utf8');
const code = readFileSync(process.argv[2] ?? 'dist/widget.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const totals = new Map<string, number>(); const N = Number(process.env.N ?? 8);
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.route('http://localhost:48251/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/widget.js') return route.fulfill({ body: code, contentType: 'text/javascript' });
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${probe}</script></head><body><tomticket-form endpoint="http://127.0.0.1:48250"></tomticket-form><script>performance.mark('bench:script-start')</script><script src="/widget.js"></script></body></html>` });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.goto('http://localhost:48251/');
  await page.waitForFunction('window.benchUsable !== undefined');
  const { profile } = await cdp.send('Profiler.stop') as any;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas as number[]; const samples = profile.samples as number[];
  for (let k = 0; k < samples.length; k++) {
    const seen = new Set<string>(); let id: number | undefined = samples[k];
    while (id !== undefined) { const f = byId.get(id)!.callFrame; if (f.url.includes('widget.js')) { const key = `${f.functionName || '(anon)'}@${f.columnNumber}`; if (!seen.has(key)) { seen.add(key); totals.set(key, (totals.get(key) ?? 0) + (dt[k] ?? 0) / 1000); } } id = parent.get(id); }
  }
  await context.close();
}
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) { const col = Number(k.split('@')[1]); console.log((v / N).toFixed(1).padStart(7), k, code.slice(col, col + 60).replace(/\n/g, ' ')); }
await browser.close();
