/**
 * launcher.js: the element, its global and the launcher, without the form. The form part
 * (PART_FILES.form, beside this script) is loaded when the customer shows intent: the pointer over
 * the button, the focus on it, or a click; an inline form on the page loads it at once. The form
 * then loads the send part, as in widget.js.
 */
import { startWidget } from './element/startWidget.ts';
import { launcherPart } from './launcher/launcherPart.ts';
import { PART_FILES } from './part/partFiles.ts';

startWidget({ form: PART_FILES.form, launcher: launcherPart, send: PART_FILES.send });
