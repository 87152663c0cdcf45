import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The demo page's script (demo/main.tsx: the theme builder, the snippet's copy button) as one
// classic script, dist/demo/demo.js, served at /demo/demo.js under the page's strict CSP. Its own
// build with its own Preact: nothing of it reaches widget.js or the widget's parts. Run after the
// widget's build, whose config empties dist/.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: 'demo/main.tsx', name: 'TomTicketDemo', formats: ['iife'], fileName: () => 'demo.js' },
  },
});
