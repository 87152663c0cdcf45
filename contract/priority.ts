/** TomTicket's `prioridade`: 1 Baixa (the default), 2 Normal, 3 Alta, 4 Urgente. */
export const PRIORITIES = [1, 2, 3, 4] as const;

/** One of {@link PRIORITIES}. */
export type Priority = (typeof PRIORITIES)[number];

/** The priority TomTicket applies when none is sent. */
export const DEFAULT_PRIORITY: Priority = 1;

/** Whether a value is one of TomTicket's four priorities. */
export function isPriority(value: unknown): value is Priority {
  return typeof value === 'number' && (PRIORITIES as readonly number[]).includes(value);
}
