import { FormData as UndiciFormData, Response as UndiciResponse } from 'undici';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  estimateMultipartBytes,
  estimateTicketBytes,
  formatMessage,
  normaliseTypedText,
  type FileEntry,
  type TextEntry,
  type TextRules,
} from '../../contract/index.ts';
import { buildTicketForm } from '../tomticket/build-ticket-form.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { estimateUpstreamBytes } from './estimate-upstream-bytes.ts';

/** A ticket as the widget sends it: its entries, and the ticket the server builds from them. */
interface Case {
  name: string;
  text: Record<string, string>;
  files: Array<{ fileName: string; type: string; size: number }>;
}

const HTML: TextRules = { messageFormat: 'html', lengthUnit: 'bytes' };
const TEXT: TextRules = { messageFormat: 'text', lengthUnit: 'chars' };
const crlfHeavy = 'linha\r\n'.repeat(140).trim();

const CASES: Case[] = [
  {
    name: 'signed-in customer (no e-mail or name parts), category and custom fields',
    text: { department: 'd1', category: 'c1', title: 'Título', message: 'Olá', priority: '4', 'fields[order]': 'A-1', 'fields[terms]': 'true' },
    files: [],
  },
  {
    name: 'non-ASCII and quoted file names',
    text: { email: 'ana@example.com', name: 'Ana', department: 'd1', title: 'Anexos', message: 'Veja', priority: '1' },
    files: [
      { fileName: 'relatório "final" ção 😀.pdf', type: 'application/pdf', size: 2048 },
      { fileName: 'ファイル名.txt', type: 'text/plain', size: 10 },
      { fileName: 'semtipo', type: '', size: 0 },
    ],
  },
  {
    name: '25 files',
    text: { department: 'd1', title: 'Muitos', message: 'Segue', priority: '2' },
    files: Array.from({ length: 25 }, (_, i) => ({ fileName: `foto-${i}.jpg`, type: 'image/jpeg', size: 1000 + i })),
  },
  {
    name: 'a CRLF-heavy message with markup',
    text: { department: 'd1', title: 'Quebras', message: `${crlfHeavy}\r\n<b>&</b>`, priority: '1' },
    files: [],
  },
];

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'upstream-bytes-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The widget's entries of a case, in the order it appends them. */
function widgetEntries(c: Case): Array<TextEntry | FileEntry> {
  return [
    ...Object.entries(c.text).map(([name, value]) => ({ name, value })),
    ...c.files.map((f) => ({ name: 'attachments', fileName: f.fileName, type: f.type, size: f.size })),
  ];
}

/** The ticket the server builds from a case, the message sent in `rules`' format, files spooled to disk. */
async function serverTicket(c: Case, rules: TextRules): Promise<TicketToCreate> {
  const attachments = await Promise.all(
    c.files.map(async (f, i) => {
      const path = join(folder, `${c.files.length}-${i}`);
      await writeFile(path, '');
      await truncate(path, f.size);
      return { fileName: f.fileName, type: f.type || 'application/octet-stream', size: f.size, path };
    }),
  );
  const customFields: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.text)) {
    const id = /^fields\[(.+)\]$/.exec(name)?.[1];
    if (id) customFields[id] = value === 'true' ? 'Sim' : value;
  }
  return {
    customer: { email: c.text.email ?? 'signed-in@example.com' },
    departmentId: c.text.department!,
    ...(c.text.category ? { categoryId: c.text.category } : {}),
    title: normaliseTypedText(c.text.title!),
    message: formatMessage(c.text.message!, rules.messageFormat),
    priority: Number(c.text.priority) as TicketToCreate['priority'],
    customFields,
    attachments,
  };
}

/** Bytes of a FormData as Node's own encoder (undici) really sends it. */
async function encodedBytes(form: FormData | UndiciFormData): Promise<number> {
  // Each FormData is encoded by its own fetch implementation: Node's global Response would encode
  // undici's FormData (what the client sends upstream) as the text "[object FormData]".
  const response = form instanceof UndiciFormData ? new UndiciResponse(form) : new Response(form);
  return (await response.arrayBuffer()).byteLength;
}

describe('the meter covers both real bodies', () => {
  it.each(CASES.flatMap((c) => [[c.name, 'html', c, HTML] as const, [c.name, 'text', c, TEXT] as const]))(
    '%s (%s messages)',
    async (_name, _format, c, rules) => {
      const meter = estimateTicketBytes(widgetEntries(c), rules);
      // The body the widget's FormData makes, encoded for real.
      const browserShaped = new FormData();
      for (const entry of widgetEntries(c)) {
        if ('value' in entry) browserShaped.append(entry.name, entry.value);
        else browserShaped.append(entry.name, new File([new Uint8Array(entry.size)], entry.fileName, { type: entry.type }));
      }
      expect(meter).toBeGreaterThanOrEqual(await encodedBytes(browserShaped));
      expect(meter).toBeGreaterThanOrEqual(estimateMultipartBytes(widgetEntries(c)));
      // The server's own measure of its upstream form, and that form encoded for real.
      const ticket = await serverTicket(c, rules);
      const upstream = await estimateUpstreamBytes(ticket);
      expect(meter).toBeGreaterThanOrEqual(upstream);
      expect(upstream).toBeGreaterThanOrEqual(await encodedBytes(await buildTicketForm(ticket)));
    },
  );
});
