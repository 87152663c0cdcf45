import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { sendTicket } from './sendTicket.ts';

beforeEach(() => {
  FakeXhr.requests = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => vi.unstubAllGlobals());

/** Starts a send and waits until the request is really sent (its headers come from a promise). */
async function send(onProgress = vi.fn(), headers: Promise<Record<string, string>> = Promise.resolve({})) {
  const body = new FormData();
  body.append('title', 'T');
  const sending = sendTicket('https://s.example/api/tickets', body, 'key-1', onProgress, headers);
  return { sending, xhr: await FakeXhr.sent(), body };
}

describe('sendTicket', () => {
  it('posts the form with the Idempotency-Key header and reports upload progress', async () => {
    const onProgress = vi.fn();
    const { sending, xhr, body } = await send(onProgress);
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
    const { sending, xhr } = await send();
    xhr.respond(202, { ok: true, queued: true, reference: 'TT-7K3M9Q2X' });
    expect(await sending.done).toEqual({ ok: true, ticket: { queued: true, reference: 'TT-7K3M9Q2X' } });
  });

  it('returns the error body of a failure, with its field', async () => {
    const { sending, xhr } = await send();
    xhr.respond(400, { ok: false, error: { code: 'too_long', message: 'title too long', field: 'title' } });
    expect(await sending.done).toEqual({
      ok: false,
      error: { code: 'too_long', message: 'title too long', field: 'title', n: undefined },
    });
  });

  it('reads Retry-After of a 429 in whole minutes', async () => {
    const { sending, xhr } = await send();
    xhr.respond(429, { ok: false, error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '61' });
    expect(await sending.done).toMatchObject({ ok: false, error: { code: 'rate_limited', n: 2 } });
  });

  it('names answers without a JSON body by their status', async () => {
    const tooLarge = await send();
    tooLarge.xhr.respond(413, '<html>Request Entity Too Large</html>');
    expect(await tooLarge.sending.done).toMatchObject({ ok: false, error: { code: 'request_too_large' } });
    const gateway = await send();
    gateway.xhr.respond(502, 'Bad Gateway');
    expect(await gateway.sending.done).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('turns a dropped connection and a cancel into codes', async () => {
    const dropped = await send();
    dropped.xhr.fail();
    expect(await dropped.sending.done).toMatchObject({ ok: false, error: { code: 'network' } });
    const cancelled = await send();
    cancelled.sending.abort();
    expect(cancelled.xhr.aborted).toBe(true);
    expect(await cancelled.sending.done).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });

  it('sends nothing until its headers (the proofs) are ready, and nothing at all when cancelled before', async () => {
    let ready!: (headers: Record<string, string>) => void;
    const body = new FormData();
    const waiting = sendTicket('https://s.example/api/tickets', body, 'key-2', vi.fn(), new Promise((resolve) => (ready = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeXhr.last().sent).toBe(false);
    expect(() => FakeXhr.last().respond(201, { ok: true, ticket: {} })).toThrow('never sent');
    ready({ Altcha: 'proof' });
    const xhr = await FakeXhr.sent();
    expect(xhr.headers).toEqual({ 'Idempotency-Key': 'key-2', Altcha: 'proof' });
    xhr.respond(201, { ok: true, ticket: { protocol: 1 } });
    expect(await waiting.done).toEqual({ ok: true, ticket: { protocol: 1 } });

    const cancelled = sendTicket('https://s.example/api/tickets', body, 'key-3', vi.fn(), new Promise(() => {}));
    cancelled.abort();
    expect(await cancelled.done).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(FakeXhr.last().sent).toBe(false);
  });
});
