import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { OTHER_FAKE_V2_VARIANTS, OTHER_FAKE_VARIANTS } from '../sandbox/fake-variants.ts';
import { patternedBytes, sha256Of } from '../sandbox/test-kit.ts';
import type { FakeTomTicketOptions, FakeV2Variants, FakeVariants } from '../sandbox/types.ts';
import { APIS, formOf, startHarness, TEST_CUSTOMER, textsShowingToken, validFields, type Harness } from './harness.ts';

// Every reading of TomTicket where public integrations disagree (shared/tomticket-api.md for the
// legacy API, docs/tomticket-api-v2.md for API 2.0), alone and all together: the server must
// create each ticket exactly once whichever way the real API turns out to behave. The fake's rate
// limit and the server's limiter are off: this matrix is about shapes, the limit has its own
// suites (upstream, outbox-outage-limited).
type Case = [string, Partial<FakeTomTicketOptions>];
const LEGACY_NAMES = Object.keys(OTHER_FAKE_VARIANTS) as Array<keyof FakeVariants>;
const V2_NAMES = Object.keys(OTHER_FAKE_V2_VARIANTS) as Array<keyof FakeV2Variants>;
// The account-wide readings apply to API 2.0 too: how it refuses, how it counts lengths.
const SHARED: Partial<FakeVariants> = { refusals: OTHER_FAKE_VARIANTS.refusals, lengthUnit: OTHER_FAKE_VARIANTS.lengthUnit };
const MATRIX: Array<[string, Record<string, string>, string, Partial<FakeTomTicketOptions>]> = APIS.flatMap(({ api, name, env }) => {
  const cases: Case[] =
    api === 'legacy'
      ? [
          ['the documented defaults', {}],
          ...LEGACY_NAMES.map((key): Case => [`${key}: ${OTHER_FAKE_VARIANTS[key]}`, { variants: { [key]: OTHER_FAKE_VARIANTS[key] } }]),
          ['all of them together', { variants: OTHER_FAKE_VARIANTS }],
        ]
      : [
          ['the best-supported readings', {}],
          ...V2_NAMES.map((key): Case => [`${key}: ${OTHER_FAKE_V2_VARIANTS[key]}`, { v2Variants: { [key]: OTHER_FAKE_V2_VARIANTS[key] } }]),
          ...Object.entries(SHARED).map(([key, value]): Case => [`${key}: ${value}`, { variants: { [key]: value } }]),
          ['all of them together', { v2Variants: OTHER_FAKE_V2_VARIANTS, variants: SHARED }],
        ];
  return cases.map(([reading, options]): [string, Record<string, string>, string, Partial<FakeTomTicketOptions>] => [name, env, reading, options]);
});

describe.each(MATRIX)('%s, the fake TomTicket reading %s', (_api, env, reading, fakeOptions) => {
  let harness: Harness;
  // `+` and `@` stay bare in the path: an account that does not decode its path finds the customer.
  const newEmail = `nova+${reading.replace(/\W+/g, '-')}@example.com`;

  beforeAll(async () => {
    harness = await startHarness({ ...env, TOMTICKET_REQUESTS_PER_SECOND: '0' }, 0, fakeOptions);
    expect(harness.fake.variants).toMatchObject(fakeOptions.variants ?? {});
    expect(harness.fake.v2Variants).toMatchObject(fakeOptions.v2Variants ?? {});
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });

  /** Sends a ticket with one attachment and checks it reached TomTicket exactly once, intact, its protocol on the customer's screen. */
  async function sendsExactlyOnce(email: string, title: string, message = 'Texto com <tags> & quebras\nde linha.') {
    const bytes = patternedBytes(30_000 + title.length);
    const answer = await harness.send('/api/tickets', {
      method: 'POST',
      body: formOf({ ...validFields(), email, name: 'Cliente Teste', title, message }, [new File([bytes], 'anexo.bin')]),
    });
    expect(answer.status, answer.text).toBe(201);
    const made = harness.fake.tickets.filter((ticket) => ticket.title === title);
    expect(made).toHaveLength(1);
    const [ticket] = made;
    // The number the customer sees ("Chamado nº 6 criado") is TomTicket's, whatever its id key or type.
    expect(harness.json(answer)).toEqual({ ok: true, ticket: { id: ticket?.id, protocol: ticket?.protocol } });
    expect(typeof ticket?.protocol).toBe('number');
    expect(ticket?.customerEmail).toBe(email);
    expect(ticket?.attachments.map((file) => [file.fileName, file.sha256])).toEqual([['anexo.bin', sha256Of(bytes)]]);
    expect(ticket?.droppedCustomFields).toBeUndefined();
    return ticket;
  }

  it('creates a known customer’s ticket once, the message as HTML with its reference', async () => {
    const ticket = await sendsExactlyOnce(TEST_CUSTOMER.email, 'Cliente conhecido');
    expect(ticket?.message).toMatch(/^Texto com &lt;tags&gt; &amp; quebras<br>de linha\.<br><br>\[ref TT-[0-9A-Z]{8}\]$/);
    expect(harness.fake.customers.filter((customer) => customer.email === TEST_CUSTOMER.email)).toHaveLength(1);
  });

  it('creates a new customer once and their ticket once', async () => {
    await sendsExactlyOnce(newEmail, 'Cliente novo');
    expect(harness.fake.customers.filter((customer) => customer.email === newEmail)).toHaveLength(1);
  });

  it('creates the same new customer’s second ticket once, without a second customer', async () => {
    await sendsExactlyOnce(newEmail, 'Cliente novo de novo');
    expect(harness.fake.customers.filter((customer) => customer.email === newEmail)).toHaveLength(1);
    expect(harness.fake.tickets).toHaveLength(3);
  });

  it('never has a message the server let through refused for its length', async () => {
    // 1024 bytes in UTF-8 once sent (ç is two): the server counts bytes until it learns otherwise,
    // so whichever way the fake counts, it takes it.
    const message = `${'ç'.repeat(LIMITS.messageMaxChars / 2 - 1)}ab`;
    const ticket = await sendsExactlyOnce(TEST_CUSTOMER.email, 'No limite', message);
    // No room left for the reference line: the customer's words win.
    expect(ticket?.message).toBe(message);
    const over = await harness.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title: 'Além do limite', message: `${message}x` }) });
    expect(over.status).toBe(400);
    expect(harness.json(over)).toMatchObject({ error: { code: 'too_long', field: 'message' } });
  });
});
