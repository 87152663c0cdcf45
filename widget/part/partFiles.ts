/**
 * The files the widget's parts are loaded from, beside the script that loads them on the companion
 * server. The build writes each under its name here and the server serves it, so the three agree
 * on one list.
 */
export const PART_FILES = {
  /** The form (Preact, signals, the model, the fields, the locales): launcher.js loads it on intent. */
  form: 'widget-form.js',
  /** The launcher button and its dialog: widget.js loads it when a form is drawn as a launcher. */
  launcher: 'widget-launcher.js',
  /** The value checks, the problems' texts and the sending: every form loads it after its first render, beside its schema. */
  send: 'widget-send.js',
} as const;

/** One of the parts' file names. */
export type PartFile = (typeof PART_FILES)[keyof typeof PART_FILES];

/**
 * Where a script loads one of its parts from: the part's content-addressed name beside the script
 * (`widget-send.3f2a9c1b7e4d.js`) and its Subresource Integrity hash, both baked in by the build
 * (scripts/widget-scripts.ts), so a script only ever runs the parts it was built with. Outside a
 * build (unit tests) the plain name and no hash.
 */
export type PartPin = readonly [file: string, integrity: string];

/** The event a part dispatches on its own <script> element to hand itself to the loader. */
export const PART_EVENT = 'tomticket:part';
