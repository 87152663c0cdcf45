/**
 * `npm run pack:npm`: builds the npm package for sites that bundle into dist/npm/ and packs it
 * into dist/tomticket-form-<version>.tgz (printing its path). The repository's own package.json
 * stays private (it is the server's); the package gets its own, written here, with only what a
 * site's bundler needs: the ESM entry and its chunks (vite's library mode), the .d.ts files
 * (tsc, tsconfig.package.json), the JSX/Vue typings (npm/), the README. No server code: the
 * entry reaches widget/ and contract/ only, and the pack test checks the tarball for it.
 */
import preact from '@preact/preset-vite';
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import repoPackage from '../package.json' with { type: 'json' };
import { widgetDefine } from './widget-scripts.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the package is assembled. */
export const PACKAGE_DIR = join(root, 'dist', 'npm');
/** The package's name: the product's. */
export const PACKAGE_NAME = 'tomticket-form';

// Preact and the signals stay imports (dependencies), so a Preact site's bundler shares one copy.
const EXTERNAL = /^(preact|@preact\/signals)(\/|$)/;

/** The versions the package accepts of a dependency pinned here: this one and later minors (a site dedupes within the range). */
const rangeOf = (name: keyof typeof repoPackage.dependencies) => `^${repoPackage.dependencies[name]}`;

async function buildModule(): Promise<void> {
  await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    define: widgetDefine(),
    build: {
      outDir: PACKAGE_DIR,
      emptyOutDir: true,
      target: 'es2020',
      // The site's bundler minifies; readable code lets its developers step through it.
      minify: false,
      sourcemap: true,
      rolldownOptions: { external: (id) => EXTERNAL.test(id), checks: { bundlerTimings: false } },
      lib: { entry: 'widget/package/index.ts', formats: ['es'], fileName: () => 'index.js' },
    },
  });
}

/** Emits the .d.ts files, then points their `.ts` imports at the `.d.ts` beside them (`.js`, as a consumer's tsc resolves). */
async function buildDeclarations(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.package.json'], { cwd: root, stdio: 'inherit' });
  const typesDir = join(PACKAGE_DIR, 'types');
  for (const file of await readdir(typesDir, { recursive: true })) {
    if (!file.endsWith('.d.ts')) continue;
    const path = join(typesDir, file);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/(['"])(\.{1,2}\/[^'"]+)\.tsx?\1/g, '$1$2.js$1'));
  }
  for (const typing of ['jsx', 'preact', 'react', 'vue']) await cp(join(root, 'npm', `${typing}.d.ts`), join(PACKAGE_DIR, `${typing}.d.ts`));
  // The entry's types, with Preact's JSX typings always on (preact is a dependency, so it always resolves).
  await writeFile(
    join(PACKAGE_DIR, 'index.d.ts'),
    `/// <reference path="./preact.d.ts" />\nexport * from './types/widget/package/index.js';\n`,
  );
}

async function writeManifest(): Promise<void> {
  const manifest = {
    name: PACKAGE_NAME,
    version: repoPackage.version,
    description: 'The TomTicket support form as a custom element, <tomticket-form>, for sites that bundle (Vite, Next.js, Nuxt, Angular). Needs the tomticket-form companion server.',
    type: 'module',
    // Importing the entry registers <tomticket-form>: a bundler must keep it even when nothing is used.
    sideEffects: ['./index.js'],
    main: './index.js',
    module: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
      './preact': { types: './preact.d.ts' },
      './react': { types: './react.d.ts' },
      './vue': { types: './vue.d.ts' },
      './package.json': './package.json',
    },
    files: ['*.js', '*.js.map', '*.d.ts', 'types/', 'README.md'],
    dependencies: { preact: rangeOf('preact'), '@preact/signals': rangeOf('@preact/signals') },
    engines: repoPackage.engines,
    keywords: ['tomticket', 'support', 'helpdesk', 'custom-element', 'web-component', 'preact'],
  };
  await writeFile(join(PACKAGE_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(join(root, 'npm', 'README.md'), join(PACKAGE_DIR, 'README.md'));
}

/** Builds the package into dist/npm/ and packs it; returns the tarball's path. */
export async function buildAndPackPackage(): Promise<string> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildModule();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await buildDeclarations();
  await writeManifest();
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', join(root, 'dist')], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  ) as Array<{ filename: string }>;
  return join(root, 'dist', packed[0]!.filename);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tarball = await buildAndPackPackage();
  console.log(tarball);
}
