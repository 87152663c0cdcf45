import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintTicket } from './fingerprint-ticket.ts';
import { createOutboxTestFolder, testTicket, type OutboxTestFolder } from './test-kit.ts';

let folder: OutboxTestFolder;
beforeEach(async () => {
  folder = await createOutboxTestFolder();
});
afterEach(() => folder.remove());

describe('fingerprintTicket', () => {
  it('is the same for the same form, whatever the order of custom fields or where files were spooled', async () => {
    const a = testTicket({ customFields: { a: '1', b: '2' }, attachments: [await folder.spoolFile('f.txt', 'conteúdo')] });
    const b = testTicket({ customFields: { b: '2', a: '1' }, attachments: [await folder.spoolFile('f.txt', 'conteúdo')] });
    expect(await fingerprintTicket(a)).toBe(await fingerprintTicket(b));
  });

  it('differs when anything the customer sent differs, file bytes included', async () => {
    const base = await fingerprintTicket(testTicket({ attachments: [await folder.spoolFile('f.txt', 'um')] }));
    const variants = [
      testTicket({ title: 'Outro assunto', attachments: [await folder.spoolFile('f.txt', 'um')] }),
      testTicket({ priority: 3, attachments: [await folder.spoolFile('f.txt', 'um')] }),
      testTicket({ customer: { email: 'bia@example.com' }, attachments: [await folder.spoolFile('f.txt', 'um')] }),
      testTicket({ attachments: [await folder.spoolFile('f.txt', 'dois')] }),
      testTicket({ attachments: [await folder.spoolFile('g.txt', 'um')] }),
      testTicket(),
    ];
    for (const variant of variants) expect(await fingerprintTicket(variant)).not.toBe(base);
  });
});
