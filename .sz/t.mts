import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { widgetPlugins, widgetDefine } from '../scripts/widget-scripts.ts';
process.env.NODE_ENV='production';
const t = (ecma: number, extra = {}) => ({ minify: 'terser', terserOptions: { ecma, toplevel: true, compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true, unsafe: true, ...extra }, mangle: { toplevel: true } } });
const variants: Record<string, any> = {
  es2020: { target: 'es2020', ...t(2020) },
  es2022: { target: 'es2022', ...t(2020) },
  es2022b: { target: 'es2022', ...t(2020, { unsafe_comps: true, unsafe_math: true, hoist_funs: true }) },
};
for (const [name, opts] of Object.entries(variants)) {
  const r: any = await build({ configFile: false, root: process.cwd(), logLevel: 'silent', plugins: widgetPlugins(), define: widgetDefine, build: { write: false, ...opts, lib: { entry: 'widget/index.ts', name: 'X', formats: ['iife'], fileName: () => 'x.js' } } });
  const code = r[0].output[0].code; console.log(name, code.length, gzipSync(code, {level:9}).length);
}
