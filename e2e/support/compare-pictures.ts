import type { Page } from '@playwright/test';
import { SCREENSHOT_TOLERANCE } from './screenshot-tolerance.ts';

/**
 * How many pixels of two PNG screenshots differ, decoded by the browser of `page`: a pixel differs
 * when its colour distance (pixelmatch's YIQ measure, as toHaveScreenshot judges) is over
 * SCREENSHOT_TOLERANCE.threshold; pictures of different sizes differ everywhere. For comparing two
 * pictures taken in the same run (toHaveScreenshot compares only with a committed baseline).
 */
export async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second, threshold]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([pixels(first), pixels(second)]);
      if (x.width !== y.width || x.height !== y.height) return Math.max(x.width * x.height, y.width * y.height);
      // pixelmatch's colour distance: YIQ, 35215 being the largest.
      const limit = 35215 * threshold * threshold;
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const [r, g, bl] = [x.data[i]! - y.data[i]!, x.data[i + 1]! - y.data[i + 1]!, x.data[i + 2]! - y.data[i + 2]!];
        const luma = r * 0.29889531 + g * 0.58662247 + bl * 0.11448223;
        const inPhase = r * 0.59597799 - g * 0.2741761 - bl * 0.32180189;
        const quadrature = r * 0.21147017 - g * 0.52261711 + bl * 0.31114694;
        if (0.5053 * luma * luma + 0.299 * inPhase * inPhase + 0.1957 * quadrature * quadrature > limit) differing++;
      }
      return differing;
    },
    [a.toString('base64'), b.toString('base64'), SCREENSHOT_TOLERANCE.threshold] as const,
  );
}
