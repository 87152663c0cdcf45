import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { sendTicket } from './sendTicket.ts';

beforeEach(() => {
  FakeXhr.requests = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => vi.unstubAllGlobals());

function send(onProgress = vi.fn()) {
  const body = new FormData();
  body.append('title', 'T');
  const sending = sendTicket('https://s.example/api/tickets', body, 'key-1', onProgress);
  return { sending, xhr: FakeXhr.last(), body };
}

describe('sendTicket', () => {
  it('posts the form with the Idempotency-Key header and reports upload progress', async () => {
    const onProgress = vi.fn();
    const { sending, xhr, body } = send(onProgress);
    await vi.waitFor(() => expect(xhr.method).toBe('POST'));
    expect([xhr.method, xhr.url, xhr.headers['Idempotency-Key'], xhr.body]).toEqual([
      'POST',
      'https://s.example/api/tickets',
      'key-1',
      body,
    ]);
    xhr.progress(1, 3);
    expect(onProgress).toHaveBeenLastCalledWith(33);
    xhr.respond(201, { ok: true, ticket: { id: 'x', protocol: 9 } });
    expect(await sending.done).toEqual({ ok: true, ticket: { id: 'x', protocol: 9 } });
  });

  it('reads a 202 as a ticket the server holds for delivery, under its reference', async () => {
    const { sending, xhr } = send();
    xhr.respond(202, { ok: true, queued: true, reference: 'TT-7K3M9Q2X' });
    expect(await sending.done).toEqual({ ok: true, ticket: { queued: true, reference: 'TT-7K3M9Q2X' } });
  });

  it('returns the error body of a failure, with its field', async () => {
    const { sending, xhr } = send();
    xhr.respond(400, { ok: false, error: { code: 'too_long', message: 'title too long', field: 'title' } });
    expect(await sending.done).toEqual({
      ok: false,
      error: { code: 'too_long', message: 'title too long', field: 'title', n: undefined },
    });
  });

  it('reads Retry-After of a 429 in whole minutes', async () => {
    const { sending, xhr } = send();
    xhr.respond(429, { ok: false, error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '61' });
    expect(await sending.done).toMatchObject({ ok: false, error: { code: 'rate_limited', n: 2 } });
  });

  it('names answers without a JSON body by their status', async () => {
    const tooLarge = send();
    tooLarge.xhr.respond(413, '<html>Request Entity Too Large</html>');
    expect(await tooLarge.sending.done).toMatchObject({ ok: false, error: { code: 'request_too_large' } });
    const gateway = send();
    gateway.xhr.respond(502, 'Bad Gateway');
    expect(await gateway.sending.done).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('turns a dropped connection and a cancel into codes', async () => {
    const dropped = send();
    dropped.xhr.fail();
    expect(await dropped.sending.done).toMatchObject({ ok: false, error: { code: 'network' } });
    const cancelled = send();
    cancelled.sending.abort();
    expect(cancelled.xhr.aborted).toBe(true);
    expect(await cancelled.sending.done).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });
});
