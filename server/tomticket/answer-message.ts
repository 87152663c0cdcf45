import { htmlToText } from './html-text.ts';

/** The longest upstream message passed on, in characters: enough for any sentence, not for a page. */
export const ANSWER_MESSAGE_MAX_CHARS = 500;

/**
 * TomTicket's own words from an answer (`mensagem`, or `message` as one client library reads it)
 * as plain text: tags dropped, entities decoded, whitespace collapsed, capped. Undefined when the
 * answer says nothing.
 */
export function answerMessage(body: Record<string, unknown>): string | undefined {
  const raw = [body.mensagem, body.message].find((value) => typeof value === 'string' && value.trim() !== '');
  if (typeof raw !== 'string') return undefined;
  // Tags become spaces first, so words on either side of one stay apart once they are dropped.
  const text = htmlToText(raw.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  const chars = Array.from(text);
  return chars.length <= ANSWER_MESSAGE_MAX_CHARS ? text : `${chars.slice(0, ANSWER_MESSAGE_MAX_CHARS - 1).join('')}…`;
}

