import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternedBytes, sha256Of } from '../sandbox/test-kit.ts';
import { APIS, formOf, startHarness, TEST_TOKEN, textsShowingToken, validFields, type Harness } from './harness.ts';

const TICKETS = 100;
const OUTAGE_AFTER_LAST_ANSWER_MS = 2000;

describe.each(APIS)('through $name', ({ name, env }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(
      {
        ...env,
        TOMTICKET_CREATE_CUSTOMERS: 'false',
        TOMTICKET_REQUESTS_PER_SECOND: '0',
        OUTBOX_RETRY_BASE_MS: '100',
        OUTBOX_RETRY_MAX_MS: '1000',
      },
      0,
    );
    expect((await harness.send('/api/form')).status).toBe(200);
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });

  /** Ticket i: every fourth carries one or two attachments of distinct bytes. */
  function ticketForm(i: number): FormData {
    const files: File[] = [];
    if (i % 4 === 0) {
      files.push(new File([patternedBytes(20_000 + i * 997)], `captura-${i}.bin`));
      if (i % 8 === 0) files.push(new File([`registro do chamado ${i}\n`.repeat(50)], `log-${i}.txt`, { type: 'text/plain' }));
    }
    return formOf({ ...validFields(), title: `Chamado na queda ${i}` }, files);
  }

  describe(`${TICKETS} tickets sent while TomTicket is down`, () => {
    it('are all answered 202, then each delivered exactly once, attachments intact, once it recovers', async () => {
      await harness.fake.setFault('down');
      const expectedFiles = new Map<number, Array<{ name: string; sha256: string }>>();
      const answers = await Promise.all(
        Array.from({ length: TICKETS }, async (_, i) => {
          const form = ticketForm(i);
          const sent: Array<{ name: string; sha256: string }> = [];
          for (const value of form.getAll('attachments')) {
            const file = value as File;
            sent.push({ name: file.name, sha256: sha256Of(new Uint8Array(await file.arrayBuffer())) });
          }
          expectedFiles.set(i, sent);
          return harness.send('/api/tickets', { method: 'POST', body: form, headers: { 'Idempotency-Key': `outage-${i}` } });
        }),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(TICKETS).fill(202));
      const references = answers.map((answer) => harness.json(answer).reference as string);
      expect(new Set(references).size).toBe(TICKETS);
      const health = harness.json(await harness.send('/healthz')) as { outbox: { queued: number } };
      expect(health.outbox.queued).toBe(TICKETS);
      expect(harness.fake.tickets).toHaveLength(0);

      await new Promise((resolve) => setTimeout(resolve, OUTAGE_AFTER_LAST_ANSWER_MS));
      const recoveredAt = Date.now();
      await harness.fake.setFault('none');
      const deadline = recoveredAt + 45_000;
      for (;;) {
        const { outbox } = harness.json(await harness.send('/healthz')) as { outbox: { queued: number } };
        if (outbox.queued === 0) break;
        if (Date.now() > deadline) throw new Error(`${outbox.queued} tickets still queued`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const drainMs = Date.now() - recoveredAt;

      const byReference = references.map((reference) =>
        harness.fake.tickets.filter((ticket) => ticket.message.endsWith(`[ref ${reference}]`)),
      );
      const duplicates = byReference.filter((found) => found.length > 1).length;
      const delivered = byReference.filter((found) => found.length === 1).length;
      expect({ delivered, duplicates, total: harness.fake.tickets.length }).toEqual({ delivered: TICKETS, duplicates: 0, total: TICKETS });
      byReference.forEach(([ticket], i) => {
        expect(ticket?.title).toBe(`Chamado na queda ${i}`);
        expect(ticket?.attachments.map((file) => ({ name: file.fileName, sha256: file.sha256 }))).toEqual(expectedFiles.get(i));
      });
      const health2 = harness.json(await harness.send('/healthz')) as { outbox: object };
      // (Its size, usedMb, drops as the delivered items' folders are removed, just after the queue empties.)
      expect(health2.outbox).toMatchObject({ queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null, maxMb: 2048 });

      const retries = harness.logLines.filter((line) => line.includes('will retry')).length;
      console.log(
        `[outage, ${name}] sent ${TICKETS} (${[...expectedFiles.values()].flat().length} attachments), answered 202: ${TICKETS}, ` +
          `delivered ${delivered}, duplicates ${duplicates}, outbox retries ${retries}, drain after recovery ${drainMs} ms`,
      );
    }, 90_000);
  });
});
