import { answerMessage } from './answer-message.ts';
import type { AnswerBody } from './read-answer.ts';

/**
 * What one answer of TomTicket means, read from its status and the structure of its body (never
 * from its words: no exact texts are published, and they are Portuguese prose).
 */
export type AnswerMeaning =
  /** 2xx with a JSON object that does not say it failed. */
  | { kind: 'answer'; body: Record<string, unknown> }
  /** TomTicket said no to this request: a body saying it failed with any status, or a 4xx with a JSON object. */
  | { kind: 'refused'; message: string | undefined; body: Record<string, unknown> }
  /** 401 or 403, whatever the body: the token (or its permissions) is refused. */
  | { kind: 'token_refused'; message: string | undefined }
  /** 429, whatever the body: the account is over its rate limit; nothing was done. */
  | { kind: 'rate_limited' }
  /** 5xx, 408, or a 2xx that is not a JSON object: no usable answer, and the work may have been done. */
  | { kind: 'unavailable'; problem: string }
  /** 3xx, or a 4xx without a JSON object (a proxy's page, a wrong URL): not understood, and not acted on. */
  | { kind: 'unexpected'; problem: string };

/**
 * Classifies an answer: the table of README "Every answer, classified". The order matters: the
 * status says who is speaking (the account's limits, the token, a server in trouble) before the
 * body says what TomTicket thought of the request.
 */
export function classifyAnswer(status: number, answer: AnswerBody, saysRefused: (body: Record<string, unknown>) => boolean = legacySaysRefused): AnswerMeaning {
  const body = answer.ok ? answer.body : undefined;
  const message = body ? answerMessage(body) : undefined;
  if (status === 429) return { kind: 'rate_limited' };
  if (status === 401 || status === 403) return { kind: 'token_refused', message };
  if (status >= 500 || status === 408) return { kind: 'unavailable', problem: `HTTP ${status}${body ? '' : ` with ${describe(answer)}`}` };
  if (body && saysRefused(body)) return { kind: 'refused', message, body };
  if (status >= 200 && status < 300) {
    return body ? { kind: 'answer', body } : { kind: 'unavailable', problem: `HTTP ${status} with ${describe(answer)}` };
  }
  if (status >= 400 && status < 500 && body) return { kind: 'refused', message, body };
  return { kind: 'unexpected', problem: `HTTP ${status}${body ? '' : ` with ${describe(answer)}`}` };
}

/** The legacy API's failure flag: `erro: true` (any status). */
export function legacySaysRefused(body: Record<string, unknown>): boolean {
  return body.erro === true;
}

function describe(answer: AnswerBody): string {
  if (answer.ok) return 'a JSON object';
  return answer.problem === 'too_large' ? 'a body too large to read' : 'a body that is not a JSON object';
}
