import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendPart } from '../api/sendPart.ts';
import { resolveOptions } from '../element/options.ts';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { serveSchema } from '../testing/schema.ts';
import { createFormModel } from './createFormModel.ts';

beforeEach(() => {
  FakeXhr.requests = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('fetch', vi.fn(serveSchema()));
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

async function readyModel(options = {}) {
  const settings = signal(resolveOptions(options, 'https://s.example'));
  const emit = vi.fn();
  const model = createFormModel(settings, emit, async () => sendPart);
  await vi.waitFor(() => expect(model.loadState.value).toBe('ready'));
  return { model, emit, settings };
}

function fillValid(model: Awaited<ReturnType<typeof readyModel>>['model']) {
  model.prefill({
    email: 'ana@example.com',
    name: 'Ana',
    department: 'd1',
    category: 'c2',
    title: 'Teclado',
    message: 'Não digita\r\nnada',
    fields: { order: 'A-1', terms: true, qty: 2 },
  });
}

/** The text entries of a sent FormData, in order. */
const sentEntries = (body: FormData) => [...body.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : (value as File).name]);

describe('the request the model builds', () => {
  it('counts exactly the entries it sends (the estimate itself is checked against real encoders elsewhere)', async () => {
    const { model } = await readyModel();
    fillValid(model);
    model.set('fields[cam]', 'only for category c1');
    model.set('fields[os]', '');
    const file = new File(['%PDF'], 'nota "fiscal".pdf', { type: 'application/pdf' });
    model.addFiles([file]);

    const expected = [
      { name: 'email', value: 'ana@example.com' },
      { name: 'name', value: 'Ana' },
      { name: 'department', value: 'd1' },
      { name: 'category', value: 'c2' },
      { name: 'title', value: 'Teclado' },
      { name: 'message', value: 'Não digita\r\nnada' },
      { name: 'fields[order]', value: 'A-1' },
      { name: 'fields[qty]', value: '2' },
      { name: 'fields[terms]', value: 'true' },
      { name: 'priority', value: '1' },
    ];
    expect(model.entries.value.slice(0, -1)).toEqual(expected);
    expect(model.entries.value.at(-1)).toMatchObject({ name: 'attachments', fileName: 'nota "fiscal".pdf', size: 4 });

    expect(model.submit()).toBe(true);
    await vi.waitFor(() => expect(FakeXhr.last().method).toBe('POST'));
    // Then the page and device context the send part collected as it sent (jsdom's page; its user agent names no system or browser).
    expect(sentEntries(FakeXhr.last().body!)).toEqual([
      ...expected.map((e) => [e.name, e.value]),
      ['attachments', 'nota "fiscal".pdf'],
      ['context[page]', `${location.origin}${location.pathname}`],
      ['context[device]', 'desktop'],
      ['context[screen]', '0x0'],
      ['context[window]', `${innerWidth}x${innerHeight}`],
      ['context[language]', navigator.language],
      ['context[timeZone]', Intl.DateTimeFormat().resolvedOptions().timeZone],
    ]);
  });

  it('sends an unchecked checkbox as nothing and drops a category of another department', async () => {
    const { model } = await readyModel();
    fillValid(model);
    model.prefill({ fields: { terms: false, qty: '' } });
    expect(model.entries.value.map((e) => e.name)).not.toContain('fields[terms]');
    model.set('department', 'd2');
    expect(model.entries.value.map((e) => e.name)).toEqual(['email', 'name', 'department', 'title', 'message', 'priority']);
    expect(model.values.value.category).toBe('');
    model.set('department', 'd1');
    expect(model.values.value.category).toBe('c2');
  });

  it('moves through calm, warning and over as files are added', async () => {
    const { model } = await readyModel();
    const file = (size: number) => {
      const f = new File(['x'], 'f.bin');
      Object.defineProperty(f, 'size', { value: size });
      return f;
    };
    const max = model.limits.value.requestMaxBytes;
    expect(model.meter.value).toBe('calm');
    model.addFiles([file(0.8 * max)]);
    expect(model.meter.value).toBe('warning');
    model.addFiles([file(0.2 * max)]);
    expect(model.meter.value).toBe('over');
    fillValid(model);
    expect(model.submit()).toBe(false);
    expect(FakeXhr.requests).toHaveLength(0);
  });
});

describe('submitting', () => {
  it('reuses the Idempotency-Key for retries of one ticket and takes a new one after success', async () => {
    const { model, emit } = await readyModel();
    fillValid(model);
    model.submit();
    (await FakeXhr.sent()).respond(504, { ok: false, error: { code: 'upstream_timeout', message: 'slow' } });
    await vi.waitFor(() => expect(model.status.value).toBe('failed'));
    expect(model.failure.value).toMatchObject({ code: 'upstream_timeout' });
    model.submit();
    const second = await FakeXhr.sent();
    const [first] = FakeXhr.requests;
    expect(second).not.toBe(first);
    expect(second.headers['Idempotency-Key']).toBe(first!.headers['Idempotency-Key']);
    second.respond(201, { ok: true, ticket: { id: 'h', protocol: 8 } });
    await vi.waitFor(() => expect(model.status.value).toBe('sent'));
    expect(emit).toHaveBeenLastCalledWith('success', { id: 'h', protocol: 8 });
    model.reset();
    fillValid(model);
    model.submit();
    await vi.waitFor(() => expect(FakeXhr.last().method).toBe('POST'));
    expect(FakeXhr.last().headers['Idempotency-Key']).not.toBe(first!.headers['Idempotency-Key']);
  });

  it('takes a new Idempotency-Key when the server says the key already went with a different form', async () => {
    const { model } = await readyModel();
    fillValid(model);
    model.submit();
    const first = await FakeXhr.sent();
    first.respond(422, { ok: false, error: { code: 'idempotency_mismatch', message: 'other form' } });
    await vi.waitFor(() => expect(model.status.value).toBe('failed'));
    model.submit();
    await vi.waitFor(() => expect(FakeXhr.last().method).toBe('POST'));
    expect(FakeXhr.last()).not.toBe(first);
    expect(FakeXhr.last().headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(FakeXhr.last().headers['Idempotency-Key']).not.toBe(first.headers['Idempotency-Key']);
  });

  it('shows a field error of a field the form does not show at form level', async () => {
    const { model } = await readyModel({ department: 'd1', departmentLocked: true });
    fillValid(model);
    model.submit();
    (await FakeXhr.sent()).respond(400, { ok: false, error: { code: 'unknown_department', message: 'no', field: 'department' } });
    await vi.waitFor(() => expect(model.status.value).toBe('failed'));
    expect(model.problems.value.department).toBeUndefined();
    expect(model.failure.value).toMatchObject({ code: 'unknown_department' });
  });

  it('fills in the limit of a too_long answer from the field rules', async () => {
    const { model } = await readyModel();
    fillValid(model);
    model.submit();
    (await FakeXhr.sent()).respond(400, { ok: false, error: { code: 'too_long', message: 'long', field: 'title' } });
    await vi.waitFor(() => expect(model.problems.value.title).toMatchObject({ code: 'too_long', n: 250 }));
  });
});

describe('attribute changes', () => {
  it('reloads the schema from a new endpoint and follows prefilled values', async () => {
    const { model, settings } = await readyModel();
    settings.value = resolveOptions({ endpoint: 'https://other.example', email: 'x@y.z' }, 'https://s.example');
    expect(model.values.value.email).toBe('x@y.z');
    expect(fetch).toHaveBeenLastCalledWith('https://other.example/api/form', expect.anything());
    await vi.waitFor(() => expect(model.loadState.value).toBe('ready'));
  });
});

describe('loading', () => {
  it('starts the proof of work only once the schema arrived and ready was emitted', async () => {
    let answerSchema = () => {};
    const schema = serveSchema();
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        urls.push(url);
        if (url.endsWith('/api/form')) await new Promise<void>((resolve) => (answerSchema = resolve));
        return schema(url, init);
      }),
    );
    const emit = vi.fn((type: string) => urls.push(`emit ${type}`));
    const model = createFormModel(signal(resolveOptions({}, 'https://s.example')), emit, async () => sendPart);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(urls).toEqual(['https://s.example/api/form']);
    answerSchema();
    await vi.waitFor(() => expect(urls).toContain('https://s.example/api/challenge'));
    expect(urls).toEqual(['https://s.example/api/form', 'emit ready', 'https://s.example/api/challenge']);
    model.destroy();
  });

  it('asks for the schema while the send part is on its way, judges nothing before it and sends only once both are there', async () => {
    let deliverPart = () => {};
    const part = new Promise<typeof sendPart>((resolve) => (deliverPart = () => resolve(sendPart)));
    const model = createFormModel(signal(resolveOptions({}, 'https://s.example')), vi.fn(), () => part);
    model.touch('email');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('https://s.example/api/form', expect.anything()));
    // The schema is in; the part is not: no verdict yet, and the form cannot send.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(model.loadState.value).toBe('loading');
    expect(model.problems.value).toEqual({});
    fillValid(model);
    expect(model.submit()).toBe(false);

    deliverPart();
    await vi.waitFor(() => expect(model.loadState.value).toBe('ready'));
    model.set('email', 'a@b.c');
    expect(model.problems.value.email).toMatchObject({ code: 'invalid_email' });
    model.set('email', 'ana@example.com');
    expect(model.submit()).toBe(true);
    model.destroy();
  });

  it('fails to load when the send part cannot be had, says so, and load() tries the part again', async () => {
    const emit = vi.fn();
    let attempts = 0;
    const loadPart = async () => {
      if (++attempts === 1) throw new Error('could not load widget-send.js');
      return sendPart;
    };
    const model = createFormModel(signal(resolveOptions({}, 'https://s.example')), emit, loadPart);
    await vi.waitFor(() => expect(model.loadState.value).toBe('failed'));
    expect(emit).toHaveBeenCalledWith('error', { code: 'network', message: 'Error: could not load widget-send.js' });
    fillValid(model);
    expect(model.submit()).toBe(false);

    await model.load();
    expect(model.loadState.value).toBe('ready');
    expect(attempts).toBe(2);
    expect(model.values.value.title, 'what was typed is kept').toBe('Teclado');
    expect(model.submit()).toBe(true);
    model.destroy();
  });
});
