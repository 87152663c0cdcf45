/** widget-launcher.js: the launcher part widget.js loads when a form is drawn as a launcher; it hands itself to the loader. */
import { launcherPart } from './launcher/launcherPart.ts';
import { announcePart } from './part/announcePart.ts';

announcePart(launcherPart);
