/**
 * The widget's scripts, each one classic IIFE file (a <script> tag is all a site needs, and a
 * strict CSP allows it): the two a site embeds and the parts they load from beside themselves. One
 * vite build per file, since one IIFE build has one entry. The parts are built first: each
 * script that loads a part gets the part's pinned name and integrity hash baked in, so a script
 * only ever runs the parts it was built with. scripts/build-widget.ts writes them to dist/; the
 * size test and the bench build them in memory with {@link buildWidgetScripts}.
 */
import preact from '@preact/preset-vite';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rollup } from 'vite';
import { pinnedName } from '../server/widget-files/pinned-name.ts';
import { PART_FILES, type PartFile, type PartPin } from '../widget/part/partFiles.ts';

/** Each script the build writes to dist/, by file name, with its entry; parts first (the scripts embed their pins). */
export const WIDGET_SCRIPTS = {
  /** The form part launcher.js loads. */
  [PART_FILES.form]: 'widget/form-part.ts',
  /** The launcher part widget.js loads for a form drawn as a launcher. */
  [PART_FILES.launcher]: 'widget/launcher-part.ts',
  /** The send part every form loads after its first render. */
  [PART_FILES.send]: 'widget/send-part.ts',
  /** The element and the form: what an inline form needs, in one request. */
  'widget.js': 'widget/index.ts',
  /** The element and the launcher alone; the form part loads on intent. */
  'launcher.js': 'widget/launcher.ts',
} as const;

/** One of the widget's script file names. */
export type WidgetScript = keyof typeof WIDGET_SCRIPTS;

/**
 * The hash a script checks its parts with. SHA-256 (as strong as SRI needs, and 20 characters
 * shorter than SHA-384 in every script that carries two of them); the embed snippet uses SHA-384,
 * the usual choice for a tag people paste.
 */
export const PART_INTEGRITY_ALGORITHM = 'sha256';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Preact's plugin, as every widget script is built with it. */
export const widgetPlugins = () => [preact({ prefreshEnabled: false, devToolsEnabled: false })];

/** The part pins of a build outside scripts/build-widget.ts (unit tests, attribution): plain names, no hash. */
export const UNPINNED_PARTS: Readonly<Record<PartFile, PartPin>> = {
  [PART_FILES.form]: [PART_FILES.form, ''],
  [PART_FILES.launcher]: [PART_FILES.launcher, ''],
  [PART_FILES.send]: [PART_FILES.send, ''],
};

/** The build-time constants of every widget script, with the pins of the parts it may load. */
export function widgetDefine(pins: Readonly<Record<PartFile, PartPin>> = UNPINNED_PARTS): Record<string, string> {
  return {
    // Debug logging is compiled out of the shipped bundle.
    __TT_DEBUG__: JSON.stringify(process.env.TT_DEBUG === '1'),
    __TT_FORM_PART__: JSON.stringify(pins[PART_FILES.form]),
    __TT_LAUNCHER_PART__: JSON.stringify(pins[PART_FILES.launcher]),
    __TT_SEND_PART__: JSON.stringify(pins[PART_FILES.send]),
  };
}

/** The `build` options of one script. */
export function widgetScriptBuild(file: WidgetScript): InlineConfig['build'] {
  return {
    outDir: 'dist',
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

/** `sha256-…`, `sha384-…`: the Subresource Integrity value of `code`. */
export function integrityOf(code: string, algorithm: 'sha256' | 'sha384'): string {
  return `${algorithm}-${createHash(algorithm).update(code).digest('base64')}`;
}

/** The content-addressed name of `file` with these bytes (see server/widget-files/pinned-name.ts). */
export function pinnedNameOf(file: WidgetScript, code: string): string {
  return pinnedName(file, createHash('sha256').update(code).digest('hex'));
}

async function buildScript(file: WidgetScript, define: Record<string, string>): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: widgetPlugins(),
    define,
    build: { ...widgetScriptBuild(file), write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.fileName === file);
  if (!chunk || chunk.type !== 'chunk') throw new Error(`vite build produced no ${file}`);
  return chunk.code;
}

/**
 * Builds every widget script from the current sources, in memory: the parts first, then the two
 * scripts with the parts' pins baked in. Returns each one's code by its stable name.
 */
export async function buildWidgetScripts(): Promise<Record<WidgetScript, string>> {
  const code = {} as Record<WidgetScript, string>;
  for (const part of Object.values(PART_FILES)) code[part] = await buildScript(part, widgetDefine());
  const pins = Object.fromEntries(
    Object.values(PART_FILES).map((part) => [part, [pinnedNameOf(part, code[part]), integrityOf(code[part], PART_INTEGRITY_ALGORITHM)]]),
  ) as unknown as Record<PartFile, PartPin>;
  for (const script of ['widget.js', 'launcher.js'] as const) code[script] = await buildScript(script, widgetDefine(pins));
  return code;
}
