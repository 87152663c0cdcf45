/**
 * launcher.js: the element, its global and the launcher button, without the form. The form part
 * (FORM_PART_FILE, beside this script) is loaded when the customer shows intent: the pointer over
 * the button, the focus on it, or a click; an inline form on the page loads it at once.
 */
import { startWidget } from './element/startWidget.ts';
import { createFormPartLoader } from './part/loadFormPart.ts';
import { FORM_PART_FILE } from './part/partFile.ts';

startWidget((base) => createFormPartLoader(new URL(FORM_PART_FILE, base).href));
