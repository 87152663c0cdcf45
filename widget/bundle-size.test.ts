// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWidgetScripts } from '../scripts/widget-scripts.ts';
import { PART_FILES } from './part/partFiles.ts';

// Everything an inline page downloads for a usable form (widget.js: Preact, @preact/signals, three
// locales and every stylesheet), and what a page whose forms are all launchers downloads before
// the customer shows intent (launcher.js). KB = 1024 bytes.
// Issue 12 asked 18 KB for widget.js; @preact/signals with its Preact integration alone takes the
// old 14.6 KB bundle to 17.4 KB, and the rest of the issue (keyed locales, the launcher that loads
// the form on intent, the shared value checks) to 19.6 KB: the collision is reported with its
// figures in BENCHMARKS.md. This guard keeps the bundle from growing past 20 KB meanwhile.
const INLINE_BUDGET_BYTES = 20 * 1024;
const LAUNCHER_BUDGET_BYTES = 5 * 1024;

/** Builds the scripts in memory with the project's own build, so the budget is checked on the current sources. */
async function buildAll() {
  // Vitest runs with NODE_ENV=test, which would make vite keep development-only code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildWidgetScripts({ write: false });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

describe('the widget scripts', () => {
  const built = buildAll();
  const gzipped = async (file: keyof Awaited<typeof built>) => gzipSync((await built)[file]).length;

  it(`widget.js, all an inline page downloads, stays within ${INLINE_BUDGET_BYTES} bytes gzip`, async () => {
    const { 'widget.js': code } = await built;
    expect(code.length).toBeGreaterThan(10_000);
    console.log(`widget.js: ${code.length} bytes, ${await gzipped('widget.js')} gzip`);
    expect(await gzipped('widget.js')).toBeLessThanOrEqual(INLINE_BUDGET_BYTES);
  }, 120_000);

  it(`launcher.js, all a launcher-only page downloads before intent, stays within ${LAUNCHER_BUDGET_BYTES} bytes gzip`, async () => {
    console.log(`launcher.js: ${(await built)['launcher.js'].length} bytes, ${await gzipped('launcher.js')} gzip`);
    console.log(`${PART_FILES.form} (loaded on intent): ${await gzipped(PART_FILES.form)} gzip`);
    expect(await gzipped('launcher.js')).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    // The launcher must not carry the form: Preact and its hooks (`__H`) are the part's.
    expect((await built)['launcher.js']).not.toContain('__H');
  }, 120_000);

  it('ships no debug logging', async () => {
    for (const code of Object.values(await built)) expect(code).not.toContain('[tomticket]');
  }, 120_000);
});
