import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorBody, ErrorCode } from '../../contract/index.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import type { RequestContext } from '../http/types.ts';
import { createRedactor } from '../log/create-redactor.ts';
import { toLoggable } from '../log/to-loggable.ts';
import { isLoopbackAddress } from './is-loopback-address.ts';
import type { OutboxEntryView } from '../outbox/types.ts';
import { attachmentResponse } from './attachment-response.ts';
import { decodeSegment } from './fake-route.ts';
import { renderInboxPage } from './inbox-page.ts';
import { toTicketViews } from './ticket-view.ts';
import type { FakeTomTicket } from './types.ts';

const PREFIX = '/sandbox';
const ATTACHMENT_PATH = /^\/sandbox\/attachments\/([^/]+)\/(\d+)$/;
// The page has no script and no inline style, so the strictest policy costs nothing.
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Who may see the sandbox inbox, and what it must never show. */
export interface SandboxRouteOptions {
  /** The server's secrets, redacted from every text shown. */
  secrets?: readonly string[];
  /** Answer peers on other machines too (SANDBOX_PUBLIC=true). */
  public?: boolean;
}

/**
 * The sandbox inbox routes, showing what the fake TomTicket received: `GET /sandbox` (HTML page),
 * `/sandbox/inbox.css`, `/sandbox/tickets.json` and `/sandbox/attachments/{ticketId}/{index}`.
 * The handler answers undefined for any path outside /sandbox, so it can sit in front of the others.
 * With `outbox`, the page and the JSON also list the tickets not delivered yet (queued, uncertain, dead).
 * Every text shown has `secrets` (the server's token, FORM_SECRET, IDENTITY_SECRET) redacted: a
 * last error can quote TomTicket, and the page is for anyone who can reach the sandbox.
 * Only peers on this machine (loopback) are answered unless `public` (SANDBOX_PUBLIC=true): the
 * inbox shows every ticket typed into the form, which a sandbox left reachable would expose.
 */
export function createSandboxRoutes(
  fake: FakeTomTicket,
  outbox?: () => Promise<OutboxEntryView[]>,
  options: SandboxRouteOptions = {},
): (request: Request, context?: RequestContext) => Promise<Response | undefined> {
  let stylesheet: Promise<string> | undefined;
  const redact = createRedactor(options.secrets ?? []);
  // Redacted as data, before rendering: in the page a secret would be HTML-escaped past a text match.
  const clean = <T>(value: T): T => toLoggable(value, redact) as T;
  const views = () => clean(toTicketViews(fake.tickets, fake.departments ?? []));
  const entries = async () => clean((await outbox?.()) ?? []);

  return async (request, context) => {
    const { pathname } = new URL(request.url);
    if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return undefined;
    if (!options.public && !isLoopbackAddress(context?.remoteAddress ?? '')) {
      return errorResponse(404, 'not_found', 'The sandbox inbox answers only this machine (set SANDBOX_PUBLIC=true to share it).');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', 'Only GET and HEAD are allowed here', { Allow: 'GET, HEAD' });
    }
    const withBody = request.method === 'GET';

    if (pathname === PREFIX || pathname === `${PREFIX}/`) {
      const page = renderInboxPage(views(), await entries());
      return textResponse(page, 'text/html; charset=utf-8', withBody, PAGE_HEADERS);
    }
    if (pathname === `${PREFIX}/inbox.css`) {
      stylesheet ??= readFile(join(PACKAGE_ROOT, 'server', 'sandbox', 'inbox.css'), 'utf8');
      return textResponse(await stylesheet, 'text/css; charset=utf-8', withBody, { 'Cache-Control': 'no-cache' });
    }
    if (pathname === `${PREFIX}/tickets.json`) {
      const body = { tickets: views(), outbox: await entries() };
      return textResponse(JSON.stringify(body), 'application/json; charset=utf-8', withBody, {
        'Cache-Control': 'no-store',
      });
    }
    const match = ATTACHMENT_PATH.exec(pathname);
    if (match) {
      const ticketId = decodeSegment(match[1] as string);
      const ticket = fake.tickets.find((candidate) => candidate.id === ticketId);
      const attachment = ticket?.attachments[Number(match[2])];
      const response = attachment && (await attachmentResponse(attachment, withBody));
      if (response) return response;
    }
    return errorResponse(404, 'not_found', 'Nothing here: see /sandbox');
  };
}

function textResponse(body: string, contentType: string, withBody: boolean, headers: Record<string, string>): Response {
  return new Response(withBody ? body : null, {
    status: 200,
    headers: { ...headers, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) },
  });
}

function errorResponse(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { ok: false, error: { code, message } };
  return Response.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
}

