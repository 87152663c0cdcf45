// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

// The whole script a site loads: Preact, signals, three locales and every stylesheet.
const BUDGET_BYTES = 15 * 1024;

/** Builds widget.js in memory with the project's own vite config, so the budget is checked on the current sources. */
async function buildWidget(): Promise<string> {
  // Vitest runs with NODE_ENV=test, which would make vite keep development-only code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    mode: 'production',
    logLevel: 'silent',
    build: { write: false },
  }).finally(() => (process.env.NODE_ENV = nodeEnv));
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.fileName === 'widget.js');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite build produced no widget.js');
  return chunk.code;
}

describe('widget.js', () => {
  const built = buildWidget();

  it(`stays within ${BUDGET_BYTES} bytes gzip`, async () => {
    const code = await built;
    expect(code.length).toBeGreaterThan(10_000);
    console.log(`widget.js: ${code.length} bytes, ${gzipSync(code).length} gzip`);
    const gzipped = gzipSync(code).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  }, 60_000);

  it('ships no debug logging', async () => {
    expect(await built).not.toContain('[tomticket]');
  }, 60_000);
});
