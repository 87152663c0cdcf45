import type { OutboxEntryView, OutboxItem, OutboxState } from './types.ts';

/** An outbox item as the sandbox inbox lists it, its age taken at `time`. */
export function toEntryView(item: OutboxItem, state: OutboxState, time: number): OutboxEntryView {
  return {
    state,
    reference: item.reference,
    title: item.ticket.title,
    receivedAt: item.receivedAt,
    ageSeconds: Math.max(0, Math.floor((time - Date.parse(item.receivedAt)) / 1000)),
    attempts: item.attempts,
    lastError: item.lastError ?? null,
    attachments: item.ticket.attachments.length,
  };
}
