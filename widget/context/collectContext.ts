import { CONTEXT_MAX_CHARS, NOT_PLAIN_TEXT, contextFieldName, contextProblem, type ContextKey, type TicketContext } from '../../contract/index.ts';
import { describeClient, type UserAgentData } from './describeClient.ts';

/**
 * What a form sends of its page and device: `true` (the default; also `undefined`, `''` or any
 * other attribute value) the page's address without query and fragment, `'full'` all of it,
 * `false`/`'off'` nothing.
 */
export type ContextSetting = boolean | 'full' | 'off' | '' | undefined;

// What no detail may hold (the server's own rule), as spaces.
const NOT_PLAIN = new RegExp(NOT_PLAIN_TEXT.source, 'g');

/**
 * The page and device details the widget sends with a ticket, read at send time: the page's
 * address and title, browser, system and kind of device, screen and window sizes, language and
 * time zone, each cut to its length and cleaned to one line of plain text; a detail the server
 * would still refuse (a `file:` page) is left out, so the context never costs the customer a ticket.
 * Nothing with `context="off"` (`context: false`).
 */
export async function collectContext(setting: ContextSetting): Promise<TicketContext> {
  if (setting === false || setting === 'off') return {};
  const { location, screen } = window;
  const client = await describeClient(navigator as Navigator & { userAgentData?: UserAgentData });
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // No Intl time zones (rare): the detail is left out.
  }
  const details: TicketContext = {
    // Never the credentials an address may carry; the query and fragment only when the site asks.
    page: location.origin + location.pathname + (setting === 'full' ? location.search + location.hash : ''),
    title: document.title,
    ...client,
    screen: `${screen.width}x${screen.height}`,
    window: `${innerWidth}x${innerHeight}`,
    language: navigator.language,
    timeZone,
  };
  const clean: TicketContext = {};
  for (const [key, value] of Object.entries(details) as Array<[ContextKey, string | undefined]>) {
    const text = Array.from(value?.replace(NOT_PLAIN, ' ').trim() ?? '')
      .slice(0, CONTEXT_MAX_CHARS[key])
      .join('')
      .trim();
    if (text && !contextProblem(key, text)) clean[key] = text;
  }
  return clean;
}

/** Appends the context's details to a ticket's body as `context[<key>]` parts. */
export function appendContext(body: FormData, context: TicketContext): void {
  for (const [key, value] of Object.entries(context) as Array<[ContextKey, string]>) body.append(contextFieldName(key), value);
}
