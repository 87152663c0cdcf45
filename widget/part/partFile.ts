/**
 * The file launcher.js loads the form from, beside itself on the companion server. The build
 * writes it under this name and the server serves it, so the three agree on one constant.
 */
export const FORM_PART_FILE = 'widget-form.js';

/** The event the form part dispatches on its own <script> element to hand itself to the loader. */
export const FORM_PART_EVENT = 'tomticket:part';
