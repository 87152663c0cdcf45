import { PART_EVENT } from './partFiles.ts';

/** Hands `part` to the loader that added this script (see createPartLoader). */
export function announcePart(part: object): void {
  document.currentScript?.dispatchEvent(new CustomEvent(PART_EVENT, { detail: part }));
}
