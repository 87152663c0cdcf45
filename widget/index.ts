/**
 * widget.js: the element and the form in one script, so an inline form is drawn without a second
 * request. A form drawn as a launcher loads the launcher part from beside it; pages whose forms
 * are all launchers can load launcher.js instead (see launcher.ts).
 */
import { startWidget } from './element/startWidget.ts';
import { formPart } from './form/formPart.ts';
import { PART_FILES } from './part/partFiles.ts';

export type { TomTicketFormGlobal } from './element/startWidget.ts';

startWidget({ form: formPart, launcher: PART_FILES.launcher });
