import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { widgetPlugins, widgetDefine } from '../scripts/widget-scripts.ts';
process.env.NODE_ENV='production';
const entry = process.argv[2];
const r: any = await build({ configFile: false, root: process.cwd(), logLevel: 'silent', plugins: widgetPlugins(), define: widgetDefine, build: { ...(await import("../scripts/widget-scripts.ts")).widgetScriptBuild("widget.js"), write: false, sourcemap: true, target: 'es2020', lib: { entry, name: 'X', formats: ['iife'], fileName: () => 'x.js' } } });
if (process.env.SHOW) { }
const chunk = r[0].output.find((o: any) => o.type === 'chunk');
const code: string = chunk.code; const map = new TraceMap(chunk.map);
const lines = code.split('\n'); const offsets: number[] = []; let acc = 0; for (const l of lines) { offsets.push(acc); acc += l.length + 1; }
const marks: Array<[number, string]> = [];
eachMapping(map, (m) => { marks.push([offsets[m.generatedLine - 1] + m.generatedColumn, m.source ?? '?']); });
marks.sort((a, b) => a[0] - b[0]);
const bytes = new Map<string, string>();
for (let i = 0; i < marks.length; i++) { const [start, src] = marks[i]; const end = i + 1 < marks.length ? marks[i + 1][0] : code.length; bytes.set(src, (bytes.get(src) ?? '') + code.slice(start, end)); }
const rows = [...bytes].map(([s, c]) => [c.length, gzipSync(c, { level: 9 }).length, s.replace(/.*node_modules\//, 'nm/').replace(/^.*?widget\//, 'widget/')] as const).sort((a, b) => b[0] - a[0]);
for (const [n, g, s] of rows) console.log(String(n).padStart(6), String(g).padStart(6), s);
console.log('total', code.length, gzipSync(code, { level: 9 }).length);
if (process.env.SHOW) for (const [s, c] of bytes) if (s.includes(process.env.SHOW)) console.log(c);
if (process.env.MARGINAL) {
  const total = gzipSync(code, { level: 9 }).length;
  const segs = new Map<string, Array<[number, number]>>();
  for (let i = 0; i < marks.length; i++) { const [start, src] = marks[i]; const end = i + 1 < marks.length ? marks[i + 1][0] : code.length; (segs.get(src) ?? segs.set(src, []).get(src)!).push([start, end]); }
  const out: Array<[number, string]> = [];
  for (const [src, list] of segs) { let rest = ''; let pos = 0; for (const [s, e] of list) { rest += code.slice(pos, s); pos = e; } rest += code.slice(pos); out.push([total - gzipSync(rest, { level: 9 }).length, src.replace(/.*node_modules\//, 'nm/').replace(/^.*?widget\//, 'widget/')]); }
  out.sort((a, b) => b[0] - a[0]); for (const [n, s] of out) console.log('marginal', String(n).padStart(6), s);
}
