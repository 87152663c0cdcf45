import type { SubmissionFieldName, TicketCreatedBody, TicketQueuedBody } from '../../contract/index.ts';
import { appendContext, collectContext, type ContextSetting } from '../context/collectContext.ts';
import type { Problem } from '../i18n/strings.ts';

/** A ticket the server took: created (id and protocol when TomTicket gave them), or queued under its reference. */
export type SentTicket = TicketCreatedBody['ticket'] & Partial<Pick<TicketQueuedBody, 'queued' | 'reference'>>;

/** How a send ended: the ticket taken, or a problem (with the form field it is about, if any). */
export type SendResult =
  | { ok: true; ticket: SentTicket }
  | { ok: false; error: Problem & { field?: SubmissionFieldName } };

/** A send in flight. */
export interface Sending {
  done: Promise<SendResult>;
  abort(): void;
}

/**
 * Posts a ticket with XMLHttpRequest, because fetch cannot report upload progress. `key` goes in
 * the Idempotency-Key header so that a retry of the same ticket is recognised by the server;
 * `headers` (the proofs, the identity) are added; the page and device context is collected now
 * and added to `body` as `context` says (collectContext); the request starts once both are ready.
 */
export function sendTicket(
  url: string,
  body: FormData,
  key: string,
  onProgress: (percent: number) => void,
  headers: Record<string, string> | Promise<Record<string, string>> = {},
  context?: ContextSetting,
): Sending {
  const xhr = new XMLHttpRequest();
  let settle!: (result: SendResult) => void;
  const done = new Promise<SendResult>((resolve) => (settle = resolve));
  const fail = (code: string) => settle({ ok: false, error: { code, message: code } });
  xhr.onerror = () => fail('network');
  xhr.upload.onprogress = (event) => {
    if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
  };
  xhr.onload = () => {
    const status = xhr.status;
    let answer;
    try {
      answer = JSON.parse(xhr.responseText);
    } catch {
      // Not JSON (a proxy's page): the status code alone decides.
    }
    // 201 carries the created ticket; 202 means held by the server for delivery, under a reference.
    if (status < 300 && answer?.ok) return settle({ ok: true, ticket: answer.ticket ?? { queued: true, reference: answer.reference } });
    settle({
      ok: false,
      error: {
        // A proxy's own 413 page has no JSON body; other bodiless answers get the generic text.
        code: status === 413 ? 'request_too_large' : 'internal',
        message: `HTTP ${status}`,
        ...answer?.error,
        // Retry-After in seconds, shown in whole minutes; a missing or date-form header reads as 1.
        n: status === 429 ? Math.ceil(Number(xhr.getResponseHeader('Retry-After')) / 60) || 1 : undefined,
      },
    });
  };
  let stopped = false;
  const start = (extra: Record<string, string>) => {
    if (stopped) return;
    xhr.open('POST', url);
    xhr.setRequestHeader('Idempotency-Key', key);
    for (const name in extra) xhr.setRequestHeader(name, extra[name]!);
    xhr.send(body);
  };
  void Promise.all([headers, collectContext(context)]).then(([extra, details]) => {
    appendContext(body, details);
    start(extra);
  });
  return {
    done,
    abort() {
      stopped = true;
      xhr.abort();
      fail('aborted');
    },
  };
}
