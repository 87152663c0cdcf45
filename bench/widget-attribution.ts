/**
 * Where a widget script's bytes come from: builds it with a source map, gives every minified
 * character to the source file it maps to, and prints per source file its minified bytes and its
 * marginal gzip bytes (the script's gzip size minus the size with that file's characters taken
 * out), largest first. Marginal bytes are what removing or moving a file would save; they do not
 * add up to the total, since gzip shares what files repeat.
 * Run: npx tsx bench/widget-attribution.ts [widget.js | launcher.js | widget-form.js | …]
 */
import { gzipSync } from 'node:zlib';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { build, type Rollup } from 'vite';
import { WIDGET_SCRIPTS, widgetDefine, widgetPlugins, widgetScriptBuild, type WidgetScript } from '../scripts/widget-scripts.ts';
import { REPO_ROOT } from './support/paths.ts';

const file = (process.argv[2] ?? 'widget.js') as WidgetScript;
if (!(file in WIDGET_SCRIPTS)) throw new Error(`${file} is none of ${Object.keys(WIDGET_SCRIPTS).join(', ')}`);

/** The script as the build writes it (production mode, its own options), with its source map. */
async function buildWithMap(): Promise<Rollup.OutputChunk> {
  process.env.NODE_ENV = 'production';
  const result = await build({
    configFile: false,
    root: REPO_ROOT,
    mode: 'production',
    logLevel: 'warn',
    plugins: widgetPlugins(),
    define: widgetDefine(),
    build: { ...widgetScriptBuild(file), write: false, sourcemap: true },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.fileName === file);
  if (!chunk || chunk.type !== 'chunk' || !chunk.map) throw new Error(`vite build produced no ${file} with a map`);
  return chunk;
}

/** The source file of each UTF-16 unit of `code` (a line break included): one with no mapping belongs to the one before it. */
function ownersOf(code: string, map: TraceMap): string[] {
  const owners: string[] = [];
  let owner = '(wrapper)';
  code.split('\n').forEach((line, index) => {
    for (let column = 0; column <= line.length; column++) {
      const { source } = originalPositionFor(map, { line: index + 1, column });
      if (source) owner = source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
      owners.push(owner);
    }
  });
  // The last line has no line break after it.
  return owners.slice(0, code.length);
}

const chunk = await buildWithMap();
// Without the source map's comment, the script is byte for byte the one the build ships.
const code = chunk.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
const owners = ownersOf(code, new TraceMap(chunk.map as unknown as ConstructorParameters<typeof TraceMap>[0]));
const total = gzipSync(code).length;
const sources = [...new Set(owners)].map((source) => {
  let without = '';
  for (let i = 0; i < code.length; i++) if (owners[i] !== source) without += code[i];
  return { source, bytes: owners.filter((o) => o === source).length, marginalGzip: total - gzipSync(without).length };
});
sources.sort((a, b) => b.marginalGzip - a.marginalGzip);
console.log(`${file}: ${code.length} B minified, ${total} B gzip (zlib's default level, as widget/bundle-size.test.ts counts)`);
console.log('marginal gzip B | minified B | source');
for (const { source, bytes, marginalGzip } of sources) console.log(`${String(marginalGzip).padStart(15)} | ${String(bytes).padStart(10)} | ${source}`);
