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
        // The production setup the README shows: its files verbatim, nginx in front of the server (npm run test:deploy).
        extends: true,
        test: {
          name: 'deploy',
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
