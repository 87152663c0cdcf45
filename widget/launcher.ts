/**
 * launcher.js: the element, its global and the launcher, without the form. The form part
 * (its pinned file beside this script, see PartPin) is loaded when the customer shows intent: the pointer over
 * the button, the focus on it, or a click; an inline form on the page loads it at once. The form
 * then loads the send part, as in widget.js.
 */
import { startWidget } from './element/startWidget.ts';
import { launcherPart } from './launcher/launcherPart.ts';

// The parts' pinned files and integrity hashes are baked in by the build.
startWidget({ form: __TT_FORM_PART__, launcher: launcherPart, send: __TT_SEND_PART__ });
