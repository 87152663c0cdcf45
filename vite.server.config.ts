import { defineConfig } from 'vite';

// The companion server compiled to one plain-JS ES module, dist/server/main.js, so production runs
// it with `node` alone: no TypeScript loader in the process (tsx's hooks worker and transpiled
// sources cost ~30 MiB of resident memory and CPU on every request). npm packages stay
// external, imported from node_modules as the sources do. Run after the widget build, whose
// config empties dist/.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    // Unminified: stack traces in the logs stay readable, and a server gains nothing from fewer bytes.
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'main.js', format: 'es' },
    },
  },
});
