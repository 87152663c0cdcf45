import type { LauncherPart } from '../part/launcherPart.ts';
import { createLauncher } from './createLauncher.ts';

/** The launcher part: what launcher.js bundles and widget-launcher.js hands to widget.js. */
export const launcherPart: LauncherPart = { create: createLauncher };
