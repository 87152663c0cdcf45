import { afterEach, describe, expect, it } from 'vitest';
import { createTicketUrl, formOf, getJson, patternedBytes, startTestFake, TEST_TOKEN, validTicketFields } from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** What a POST of a ticket ended in: an answer, or the code fetch failed with (its cause's). */
async function sendTicket(target: FakeTomTicket, body: FormData = formOf(validTicketFields())) {
  try {
    const response = await fetch(createTicketUrl(target), { method: 'POST', body, redirect: 'error' });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { failed: cause?.code ?? String(error) };
  }
}

describe('fault modes of the fake TomTicket', () => {
  it("'down' refuses connections, then takes tickets again on the same port", async () => {
    fake = await startTestFake();
    await fake.setFault('down');
    expect(await sendTicket(fake)).toEqual({ failed: 'ECONNREFUSED' });
    await fake.setFault('none');
    expect(await sendTicket(fake)).toMatchObject({ status: 200 });
    expect(fake.tickets).toHaveLength(1);
  });

  it("'rate_limit_storm' answers 429 to every call, however slow they come", async () => {
    fake = await startTestFake();
    await fake.setFault('rate_limit_storm');
    expect(await sendTicket(fake)).toMatchObject({ status: 429 });
    expect((await getJson(`${fake.url}/departamentos/${TEST_TOKEN}`)).status).toBe(429);
    expect(fake.tickets).toHaveLength(0);
  });

  it("'slow' carries the call out but answers only after slowAnswerMs", async () => {
    fake = await startTestFake({ slowAnswerMs: 400 });
    await fake.setFault('slow');
    const started = Date.now();
    expect(await sendTicket(fake)).toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(fake.tickets).toHaveLength(1);
  });

  it("'reset_mid_upload' drops the connection while the body arrives and makes no ticket", async () => {
    fake = await startTestFake();
    await fake.setFault('reset_mid_upload');
    const body = formOf(validTicketFields());
    body.append('anexos[0]', new Blob([patternedBytes(2 * 1024 * 1024)]), 'grande.bin');
    expect(await sendTicket(fake, body)).toHaveProperty('failed');
    expect(fake.tickets).toHaveLength(0);
    // Other endpoints still answer: only the upload is cut.
    expect((await getJson(`${fake.url}/departamentos/${TEST_TOKEN}`)).status).toBe(200);
  });

  it("'created_then_drop' makes the ticket, then drops the connection without an answer", async () => {
    fake = await startTestFake();
    await fake.setFault('created_then_drop');
    expect(await sendTicket(fake)).toHaveProperty('failed');
    expect(fake.tickets).toHaveLength(1);
    expect(fake.requests.at(-1)).toMatchObject({ endpoint: 'criar_chamado', status: 0 });
  });

  it('closes cleanly while down', async () => {
    fake = await startTestFake();
    await fake.setFault('down');
    await fake.close();
    fake = undefined;
  });
});
