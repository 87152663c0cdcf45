import type { Launcher, LauncherHost } from '../launcher/createLauncher.ts';

/**
 * The launcher (the floating button, its dialog, their styles and texts, what a click does
 * while the form loads): bundled into launcher.js, loaded by widget.js from {@link PART_FILES}`.launcher` when a form is drawn as a
 * launcher, so inline pages never carry it.
 */
export interface LauncherPart {
  /** Draws the button, its note and its dialog into `parent` (inside the element's shadow root), the form's `body` in the dialog. */
  create(parent: HTMLElement, host: LauncherHost): Launcher;
}
