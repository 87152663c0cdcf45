import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { widgetPlugins } from '/work/wt-12/scripts/widget-scripts.ts';
process.env.NODE_ENV='production';
for (const entry of process.argv.slice(2)) {
const r: any = await build({ configFile: false, root: '/work/wt-12', logLevel: 'silent', plugins: widgetPlugins(), build: { write: false, minify: true, target: 'es2020', lib: { entry, name: 'X', formats: ['iife'], fileName: () => 'x.js' } } });
const code = r[0].output[0].code; console.log(entry, code.length, gzipSync(code, {level: 9}).length);
}
