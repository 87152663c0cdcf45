import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { accountFingerprint } from '../account/account-fingerprint.ts';
import { runDoctor } from '../doctor/run-doctor.ts';
import { createLogger } from '../log/create-logger.ts';
import { createRateLimiter, createTomTicketClient } from '../tomticket/index.ts';
import { APIS, formOf, startHarness, TEST_CUSTOMER, TEST_TOKEN, validFields, type Harness } from './harness.ts';
import type { ApiName } from '../tomticket/types.ts';

// Until an account's way of counting is known the server counts the 250/1024 in UTF-8 bytes (the
// stricter); `npm run doctor -- --send-test` finds out, keeps it in DATA_DIR, and the server uses it.
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Runs the doctor with --send-test against the harness's fake, through `api`, into its DATA_DIR. */
async function learn(h: Harness, api: ApiName): Promise<number> {
  const client = createTomTicketClient({
    api,
    apiUrl: h.fake.url,
    token: TEST_TOKEN,
    timeoutMs: 2000,
    createCustomers: false,
    limiter: createRateLimiter({ requestsPerSecond: 0 }),
    logger: createLogger({ secrets: [TEST_TOKEN], write: () => undefined }),
  });
  try {
    return await runDoctor({
      client,
      answers: () => [],
      formConfig: undefined,
      email: TEST_CUSTOMER.email,
      sendTest: true,
      messageFormat: 'html',
      dataDir: h.dataDir,
      account: accountFingerprint(TEST_TOKEN),
      print: () => undefined,
    });
  } finally {
    await client.close();
  }
}

// 1024 characters, 2048 bytes: fits an account counting characters, not one counting bytes.
const WIDE_MESSAGE = 'ç'.repeat(LIMITS.messageMaxChars);
const sendWide = (h: Harness) => h.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title: 'Mensagem larga', message: WIDE_MESSAGE }) });
const unitOf = async (h: Harness) => (h.json(await h.send('/api/form')).textRules as { lengthUnit: string }).lengthUnit;

describe.each(APIS)('the length unit the doctor learns through $name', ({ api, env }) => {
  it('counting characters: the server takes 1024 two-byte characters once it knows, and TomTicket creates the ticket', async () => {
    const h = (harness = await startHarness({ ...env, TOMTICKET_REQUESTS_PER_SECOND: '0' }, 0, { variants: { lengthUnit: 'chars' } }));
    expect(await unitOf(h)).toBe('bytes');
    expect((await sendWide(h)).status).toBe(400);
    expect(await learn(h, api)).toBe(0);
    await h.restart();
    expect(await unitOf(h)).toBe('chars');
    const answer = await sendWide(h);
    expect(answer.status).toBe(201);
    expect(h.fake.tickets.find((ticket) => ticket.title === 'Mensagem larga')?.message).toBe(WIDE_MESSAGE);
  });

  it('counting bytes (as PHP’s strlen): the server keeps counting bytes, so TomTicket never refuses what it let through', async () => {
    const h = (harness = await startHarness({ ...env, TOMTICKET_REQUESTS_PER_SECOND: '0' }, 0, { variants: { lengthUnit: 'bytes' } }));
    expect(await learn(h, api)).toBe(0);
    await h.restart();
    expect(await unitOf(h)).toBe('bytes');
    const refused = await sendWide(h);
    expect(refused.status).toBe(400);
    expect(h.json(refused)).toMatchObject({ error: { code: 'too_long', field: 'message' } });
    expect(h.fake.requests.filter((request) => request.role === 'ticket_create' && request.status !== 200)).toEqual([]);
  });
});

describe('what was learned through one API', () => {
  it('is not used by the other, which may count differently', async () => {
    const [legacy, v2] = APIS as [(typeof APIS)[number], (typeof APIS)[number]];
    const h = (harness = await startHarness({ ...legacy.env, TOMTICKET_REQUESTS_PER_SECOND: '0' }, 0, { variants: { lengthUnit: 'chars' } }));
    expect(await learn(h, 'legacy')).toBe(0);
    await h.restart();
    expect(await unitOf(h)).toBe('chars');
    await h.restart({ TOMTICKET_API: v2.api });
    expect(await unitOf(h)).toBe('bytes');
    await h.restart({ TOMTICKET_API: legacy.api });
    expect(await unitOf(h)).toBe('chars');
  });
});
