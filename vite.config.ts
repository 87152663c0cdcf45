import { defineConfig, type Plugin } from 'vitest/config';
import { widgetDefine, widgetPlugins } from './scripts/widget-scripts.ts';

// The vitest projects, with the widget's plugins and constants. The widget's scripts are built by
// `npm run build:widget` (scripts/build-widget.ts): the parts first, then the scripts that load
// them with their pins; a bare `vite build` would build index.html as an app, so it is stopped.
const noBareBuild: Plugin = {
  name: 'tomticket-no-bare-build',
  apply: 'build',
  config() {
    throw new Error('Build the widget with `npm run build:widget` (or everything with `npm run build`), not `vite build`.');
  },
};

export default defineConfig({
  plugins: [...widgetPlugins(), noBareBuild],
  define: widgetDefine(),
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
