/**
 * widget.js: the element and the form in one script, so an inline form is drawn without a second
 * request. Beside it: the send part every form loads after its first render, and the launcher part
 * a form drawn as a launcher loads; pages whose forms are all launchers can load launcher.js
 * instead (see launcher.ts).
 */
import { startWidget } from './element/startWidget.ts';
import { formPart } from './form/formPart.ts';

export type { TomTicketFormGlobal } from './element/startWidget.ts';

// The parts' pinned files and integrity hashes are baked in by the build.
startWidget({ form: formPart, launcher: __TT_LAUNCHER_PART__, send: __TT_SEND_PART__ });
