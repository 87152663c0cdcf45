import { expect, type APIRequestContext } from '@playwright/test';
import type { TicketView } from '../../server/sandbox/ticket-view.ts';
import { SERVER_ORIGIN } from './ports.ts';

export type { TicketView };

/** Every ticket the sandbox's fake TomTicket holds, newest first (`GET /sandbox/tickets.json` of the server at `origin`). */
export async function sandboxTickets(request: APIRequestContext, origin = SERVER_ORIGIN): Promise<TicketView[]> {
  const response = await request.get(`${origin}/sandbox/tickets.json`);
  expect(response.ok(), `GET /sandbox/tickets.json answered ${response.status()}`).toBe(true);
  const body = (await response.json()) as { tickets: TicketView[] };
  return body.tickets;
}

/** The tickets whose title is exactly `title` (tests give each ticket a unique title). */
export async function ticketsTitled(request: APIRequestContext, title: string, origin = SERVER_ORIGIN): Promise<TicketView[]> {
  return (await sandboxTickets(request, origin)).filter((ticket) => ticket.title === title);
}

/** The one ticket the fake (of the server at `origin`) received under `title`, waiting for it to arrive; fails when none or several did. */
export async function ticketByTitle(request: APIRequestContext, title: string, origin = SERVER_ORIGIN): Promise<TicketView> {
  await expect
    .poll(async () => (await ticketsTitled(request, title, origin)).length, { message: `tickets titled "${title}"`, timeout: 10_000 })
    .toBeGreaterThan(0);
  const found = await ticketsTitled(request, title, origin);
  expect(found, `exactly one ticket titled "${title}"`).toHaveLength(1);
  return found[0]!;
}

/**
 * The start of a received ticket's message as TomTicket shows it (the server sends HTML: `<br>`
 * for each line break, `<`, `>`, `&` escaped), as long as `typed`: the server may add lines after
 * the customer's text (its outbox reference).
 */
export function messageStart(ticket: TicketView, typed: string): string {
  return ticket.messageText.slice(0, typed.length);
}
