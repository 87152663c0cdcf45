import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// One config for the widget bundle and for every vitest project. The bundle is a single classic
// script (IIFE) so a site owner needs nothing but a <script> tag.
export default defineConfig({
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  define: {
    // Debug logging is compiled out of the shipped bundle.
    __TT_DEBUG__: JSON.stringify(process.env.TT_DEBUG === '1'),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    cssCodeSplit: false,
    minify: true,
    lib: {
      entry: 'widget/index.ts',
      name: 'TomTicketFormBundle',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['contract/**/*.test.ts', 'server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // nginx in front of the server, configured as the README says (npm run test:nginx).
        extends: true,
        test: {
          name: 'nginx',
          environment: 'node',
          include: ['deploy/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          environment: 'jsdom',
          include: ['widget/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
