/**
 * How far a screenshot may drift from its committed baseline (docs/screenshots/) and still match,
 * for every toHaveScreenshot (playwright.config.ts). `threshold` is pixelmatch's per-pixel colour
 * distance (0–1, YIQ) under which two pixels count as equal: anti-aliasing noise stays under it,
 * a visibly recoloured element does not (the accent #0a58ca → #2f6fd0 changes 3,290 pixels of the
 * filled form). `maxDiffPixels` is how many pixels may still differ: room for a few glyph edges
 * drawn otherwise by another Chromium, while a re-render differs by 0 pixels (under any
 * `--font-render-hinting`) and the Send button moved by 1 px by 243. The experiment and its
 * figures: README, Development and tests (Screenshot comparisons); e2e/screenshots.spec.ts proves
 * both sides on every run.
 */
export const SCREENSHOT_TOLERANCE = { threshold: 0.1, maxDiffPixels: 100 } as const;
