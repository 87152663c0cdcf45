/**
 * widget.js: the whole widget in one script, so an inline form is drawn without a second request.
 * Pages whose forms are all launchers can load launcher.js instead (see launcher.ts).
 */
import { startWidget } from './element/startWidget.ts';
import { formPart } from './form/formPart.ts';

export type { TomTicketFormGlobal } from './element/startWidget.ts';

startWidget(formPart);
