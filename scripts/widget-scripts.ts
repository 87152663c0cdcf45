/**
 * The widget's scripts, each one classic IIFE file (a <script> tag is all a site needs, and a
 * strict CSP allows it): the two a site embeds and the parts they load from beside themselves. One
 * vite build per file, since one IIFE build has one entry. vite.config.ts builds widget.js and,
 * through {@link buildOtherWidgetScripts}, the others beside it; the size test and the bench build
 * them all in memory with {@link buildWidgetScripts}.
 */
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Plugin, type Rollup } from 'vite';
import { PART_FILES } from '../widget/part/partFiles.ts';

/** Each script the build writes to dist/, by file name, with its entry. */
export const WIDGET_SCRIPTS = {
  /** The element and the form: what an inline form needs, in one request. */
  'widget.js': 'widget/index.ts',
  /** The element and the launcher alone; the form part loads on intent. */
  'launcher.js': 'widget/launcher.ts',
  /** The form part launcher.js loads. */
  [PART_FILES.form]: 'widget/form-part.ts',
  /** The launcher part widget.js loads for a form drawn as a launcher. */
  [PART_FILES.launcher]: 'widget/launcher-part.ts',
  /** The send part every form loads after its first render. */
  [PART_FILES.send]: 'widget/send-part.ts',
} as const;

/** One of the widget's script file names. */
export type WidgetScript = keyof typeof WIDGET_SCRIPTS;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Preact's plugin, as every widget script is built with it. */
export const widgetPlugins = () => [preact({ prefreshEnabled: false, devToolsEnabled: false })];

/** The build-time constants of every widget script. */
export const widgetDefine = {
  // Debug logging is compiled out of the shipped bundle.
  __TT_DEBUG__: JSON.stringify(process.env.TT_DEBUG === '1'),
};

/** The `build` options of one script. */
export function widgetScriptBuild(file: WidgetScript): InlineConfig['build'] {
  return {
    outDir: 'dist',
    emptyOutDir: file === 'widget.js',
    target: 'es2020',
    cssCodeSplit: false,
    // terser with more passes than vite's default minifier. No pure_getters or unsafe options: a
    // signal's `.value` getter subscribes, so a read that looks unused must stay.
    minify: 'terser',
    terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 3 } },
    // The outer build times the nested ones too; its slow-plugin warning would only be noise.
    rolldownOptions: { checks: { bundlerTimings: false } },
    lib: {
      entry: WIDGET_SCRIPTS[file],
      name: 'TomTicketFormBundle',
      formats: ['iife'],
      fileName: () => file,
    },
  };
}

async function buildScript(file: WidgetScript, write: boolean): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: widgetPlugins(),
    define: widgetDefine,
    build: { ...widgetScriptBuild(file), write },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.fileName === file);
  if (!chunk || chunk.type !== 'chunk') throw new Error(`vite build produced no ${file}`);
  return chunk.code;
}

/** Builds every widget script from the current sources; `write: false` keeps them in memory. Returns each one's code. */
export async function buildWidgetScripts({ write }: { write: boolean }): Promise<Record<WidgetScript, string>> {
  // In order: widget.js empties dist/ first when writing.
  const code = {} as Record<WidgetScript, string>;
  for (const file of Object.keys(WIDGET_SCRIPTS) as WidgetScript[]) code[file] = await buildScript(file, write);
  return code;
}

/** A vite plugin for the widget.js build: once it is written, builds the other scripts beside it. */
export function buildOtherWidgetScripts(): Plugin {
  return {
    name: 'tomticket-widget-scripts',
    apply: 'build',
    async writeBundle() {
      for (const file of Object.keys(WIDGET_SCRIPTS) as WidgetScript[]) {
        if (file !== 'widget.js') await buildScript(file, true);
      }
    },
  };
}
