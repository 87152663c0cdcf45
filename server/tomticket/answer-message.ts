/** The longest upstream message passed on, in characters: enough for any sentence, not for a page. */
export const ANSWER_MESSAGE_MAX_CHARS = 500;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * TomTicket's own words from an answer (`mensagem`, or `message` as one client library reads it)
 * as plain text: tags dropped, entities decoded, whitespace collapsed, capped. Undefined when the
 * answer says nothing.
 */
export function answerMessage(body: Record<string, unknown>): string | undefined {
  const raw = [body.mensagem, body.message].find((value) => typeof value === 'string' && value.trim() !== '');
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  const chars = Array.from(text);
  return chars.length <= ANSWER_MESSAGE_MAX_CHARS ? text : `${chars.slice(0, ANSWER_MESSAGE_MAX_CHARS - 1).join('')}…`;
}

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return ENTITIES[name.toLowerCase()] ?? entity;
}
