import type { Launcher, LauncherEvents } from '../launcher/createLauncher.ts';

/**
 * The launcher (the floating button, its dialog, their styles and texts): bundled into
 * launcher.js, loaded by widget.js from {@link PART_FILES}`.launcher` when a form is drawn as a
 * launcher, so inline pages never carry it.
 */
export interface LauncherPart {
  /** Draws the button, its note and its dialog into `parent` (inside the element's shadow root). */
  create(parent: HTMLElement, on: LauncherEvents): Launcher;
}
