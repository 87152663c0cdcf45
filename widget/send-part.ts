/** widget-send.js: the send part every form loads after its first render; it hands itself to the loader. */
import { sendPart } from './api/sendPart.ts';
import { announcePart } from './part/announcePart.ts';

announcePart(sendPart);
