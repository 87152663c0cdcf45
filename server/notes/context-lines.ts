import type { TicketContext } from '../../contract/index.ts';
import type { NotesWords } from './notes-language.ts';

/** A line of the context for the block at the end of the message, plain text; lines with a higher `dropRank` go first when room is short. */
export interface ContextLine {
  text: string;
  dropRank: number;
}

const SEPARATOR = ' · ';

/**
 * The context as the lines agents read at the end of the message, in reading order: the page,
 * its title, browser · system · device, screen and window, language and time zone. When the
 * message leaves too little room, the least useful go first: language and time zone, then the
 * sizes, the title, the browser line; the page last.
 */
export function contextLines(context: TicketContext, words: NotesWords): ContextLine[] {
  const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(SEPARATOR);
  const device = context.device && words.devices[context.device as keyof NotesWords['devices']];
  const lines: Array<[label: string, value: string, dropRank: number]> = [
    [words.page, context.page ?? '', 0],
    [words.title, context.title ?? '', 2],
    [words.browser, joined(context.browser, context.os, device), 1],
    [words.screen, joined(context.screen, context.window && `${words.window} ${context.window}`), 3],
    [words.language, joined(context.language, context.timeZone && `${words.timeZone} ${context.timeZone}`), 4],
  ];
  return lines.filter(([, value]) => value !== '').map(([label, value, dropRank]) => ({ text: `${label}: ${value}`, dropRank }));
}

/**
 * The context as one line for a custom field (CONTEXT_FIELD), within `fits`: its details joined
 * by ` · `, dropping the least useful first (time zone, language, sizes, title, device, system,
 * browser) and, when the page alone is too long, cutting its address with `…`.
 */
export function contextFieldValue(context: TicketContext, words: NotesWords, fits: (value: string) => boolean): string {
  const device = context.device && words.devices[context.device as keyof NotesWords['devices']];
  // In reading order, each with its drop rank (highest first).
  const parts: Array<[value: string | undefined, dropRank: number]> = [
    [context.page, 0],
    [context.title, 4],
    [context.browser, 1],
    [context.os, 2],
    [device, 3],
    [context.screen && `${words.screen} ${context.screen}`, 5],
    [context.window && `${words.window} ${context.window}`, 6],
    [context.language, 7],
    [context.timeZone, 8],
  ];
  let kept = parts.filter((part): part is [string, number] => Boolean(part[0]));
  const value = () => kept.map(([text]) => text).join(SEPARATOR);
  while (kept.length > 1 && !fits(value())) {
    const highest = Math.max(...kept.map(([, rank]) => rank));
    kept = kept.filter(([, rank]) => rank !== highest);
  }
  let last = value();
  // Only one detail left and still too long (a long address): cut it.
  while (last !== '' && !fits(last)) last = `${Array.from(last).slice(0, -2).join('')}…`;
  return last;
}
