// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWidgetScripts, type WidgetScript } from '../scripts/widget-scripts.ts';
import { PART_FILES } from './part/partFiles.ts';

// Issue 12's budgets (KB = 1024 bytes): everything an inline page downloads for a usable form,
// @preact/signals included (widget.js: the element, Preact, signals, the model, the fields, the
// form's texts in three locales, its stylesheets), and what a page whose forms are all launchers
// downloads before the customer shows intent (launcher.js). What a form needs only once the
// customer acts (checks, problem texts, sending) loads after the first render, beside the schema;
// what only launchers need loads when a form is drawn as one. BENCHMARKS.md has the figures.
const INLINE_BUDGET_BYTES = 18 * 1024;
const LAUNCHER_BUDGET_BYTES = 5 * 1024;

/** Builds the scripts in memory with the project's own build, so the budget is checked on the current sources. */
async function buildAll() {
  // Vitest runs with NODE_ENV=test, which would make vite keep development-only code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildWidgetScripts();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

describe('the widget scripts', () => {
  const built = buildAll();
  const gzipped = async (file: WidgetScript) => gzipSync((await built)[file]).length;
  const report = async (file: WidgetScript, when: string) =>
    console.log(`${file} (${when}): ${(await built)[file].length} bytes, ${await gzipped(file)} gzip`);

  it(`widget.js, all an inline page downloads for a usable form, stays within ${INLINE_BUDGET_BYTES} bytes gzip`, async () => {
    const { 'widget.js': code } = await built;
    expect(code.length).toBeGreaterThan(10_000);
    await report('widget.js', 'inline pages');
    await report(PART_FILES.send, 'every form, after its first render');
    expect(await gzipped('widget.js')).toBeLessThanOrEqual(INLINE_BUDGET_BYTES);
  }, 120_000);

  it('widget.js carries no code only launchers or a sending form need', async () => {
    const { 'widget.js': code, [PART_FILES.launcher]: launcher, [PART_FILES.send]: send } = await built;
    // The dialog (launcher part), the proof of work's header and the request's (send part).
    expect(launcher).toContain('showModal');
    expect(code).not.toContain('showModal');
    for (const mark of ['Altcha', 'Idempotency-Key']) {
      expect(send).toContain(mark);
      expect(code).not.toContain(mark);
    }
    await report(PART_FILES.launcher, 'when a form is drawn as a launcher by widget.js');
  }, 120_000);

  it(`launcher.js, all a launcher-only page downloads before intent, stays within ${LAUNCHER_BUDGET_BYTES} bytes gzip`, async () => {
    await report('launcher.js', 'launcher-only pages, before intent');
    await report(PART_FILES.form, 'loaded by launcher.js on intent');
    expect(await gzipped('launcher.js')).toBeLessThanOrEqual(LAUNCHER_BUDGET_BYTES);
    // The launcher must not carry the form: Preact and its hooks (`__H`) are the part's.
    expect((await built)['launcher.js']).not.toContain('__H');
  }, 120_000);

  it('ships no debug logging', async () => {
    for (const code of Object.values(await built)) expect(code).not.toContain('[tomticket]');
  }, 120_000);
});
