import type { SubmissionFieldName, TicketCreatedBody } from '../../contract/index.ts';
import type { Problem } from '../i18n/strings.ts';

/** How a send ended: the created ticket, or a problem (with the form field it is about, if any). */
export type SendResult =
  | { ok: true; ticket: TicketCreatedBody['ticket'] }
  | { ok: false; error: Problem & { field?: SubmissionFieldName } };

/** A send in flight. */
export interface Sending {
  done: Promise<SendResult>;
  abort(): void;
}

/**
 * Posts a ticket with XMLHttpRequest, because fetch cannot report upload progress. `key` goes in
 * the Idempotency-Key header so that a retry of the same ticket is recognised by the server.
 */
export function sendTicket(
  url: string,
  body: FormData,
  key: string,
  onProgress: (percent: number) => void,
): Sending {
  const xhr = new XMLHttpRequest();
  const done = new Promise<SendResult>((resolve) => {
    const fail = (code: string) => () => resolve({ ok: false, error: { code, message: code } });
    xhr.onerror = fail('network');
    xhr.onabort = fail('aborted');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let answer;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's page): the status code alone decides.
      }
      if (xhr.status < 300 && answer?.ok) return resolve({ ok: true, ticket: answer.ticket ?? {} });
      const error = answer?.error ?? {};
      resolve({
        ok: false,
        error: {
          // A proxy's own 413 page has no JSON body; other bodiless answers get the generic text.
          code: error.code ?? (xhr.status === 413 ? 'request_too_large' : 'internal'),
          message: error.message ?? `HTTP ${xhr.status}`,
          field: error.field,
          // Retry-After in seconds, shown in whole minutes; a missing or date-form header reads as 1.
          n: xhr.status === 429 ? Math.ceil(Number(xhr.getResponseHeader('Retry-After')) / 60) || 1 : undefined,
        },
      });
    };
  });
  xhr.open('POST', url);
  xhr.setRequestHeader('Idempotency-Key', key);
  xhr.send(body);
  return { done, abort: () => xhr.abort() };
}
