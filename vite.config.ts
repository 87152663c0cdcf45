import { defineConfig } from 'vitest/config';
import { buildOtherWidgetScripts, widgetDefine, widgetPlugins, widgetScriptBuild } from './scripts/widget-scripts.ts';

// One config for the widget's scripts and for every vitest project. `vite build` writes
// dist/widget.js, then launcher.js and the form part beside it (scripts/widget-scripts.ts): each a
// single classic script (IIFE), so a site owner needs nothing but a <script> tag.
export default defineConfig({
  plugins: [...widgetPlugins(), buildOtherWidgetScripts()],
  define: widgetDefine,
  build: widgetScriptBuild('widget.js'),
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
      {
        // The demo page's theme builder (demo/): its own script, never part of the widget's.
        extends: true,
        test: {
          name: 'demo',
          environment: 'jsdom',
          include: ['demo/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
