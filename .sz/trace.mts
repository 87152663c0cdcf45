import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const probe = readFileSync('bench/support/page/usable-probe.js', 'utf8');
const code = readFileSync(process.argv[2] ?? 'dist/widget.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const agg = new Map<string, number>(); const N = Number(process.env.N ?? 6); let usableSum = 0;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.route('http://localhost:48251/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/widget.js') return route.fulfill({ body: code, contentType: 'text/javascript' });
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${probe}</script></head><body><tomticket-form endpoint="http://127.0.0.1:48250"></tomticket-form><script>performance.mark('bench:script-start')</script><script src="/widget.js"></script></body></html>` });
  });
  const cdp = await context.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 4) });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await page.goto('http://localhost:48251/');
  await page.waitForFunction('window.benchUsable !== undefined');
  usableSum += await page.evaluate('window.benchUsable') as number;
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents as any[];
  const mark = events.find((e) => e.name === 'bench:script-start');
  const start = mark?.ts ?? 0; const usableTs = start + (await page.evaluate('window.benchUsable') as number) * 1000;
  const main = events.filter((e) => e.ph === 'X' && e.ts >= start && e.ts <= usableTs && ['EvaluateScript', 'v8.compile', 'v8.parseOnBackground', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'ParseHTML', 'RunMicrotasks', 'v8.run', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'Paint', 'v8.compileModule', 'V8.CompileCode', 'V8.ParseFunction', 'v8.parseFunction', 'V8.CompileLazy', 'ScheduleStyleRecalculation', 'RecalculateStyles', 'HitTest', 'PrePaint', 'Commit'].includes(e.name));
  for (const e of main) agg.set(e.name, (agg.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  await context.close();
}
console.log('usable avg', (usableSum / N).toFixed(1));
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1])) console.log((v / N).toFixed(1).padStart(7), k);
await browser.close();
