/**
 * The peer relay, written the way most tutorials show: Express with multer's memoryStorage reads
 * the whole form into memory, then the ticket is forwarded with fetch + FormData. Run as its own
 * process by the benchmarks (it prints `buffering relay on <url>`); env TOMTICKET_TOKEN,
 * TOMTICKET_API_URL, HOST, PORT. It validates nothing and creates no customers: it only has to
 * carry the same upload to the same fake, so its memory can be compared with our relay's.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import multer from 'multer';
import { LIMITS, SUBMISSION_FIELDS as F } from '../../contract/index.ts';

const token = process.env.TOMTICKET_TOKEN ?? '';
const apiUrl = process.env.TOMTICKET_API_URL ?? '';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LIMITS.requestMaxBytes, files: LIMITS.maxFiles },
});
const app = express();

app.post('/api/tickets', upload.array(F.attachments, LIMITS.maxFiles), async (request, response) => {
  const fields = request.body as Record<string, string | undefined>;
  const files = (request.files ?? []) as Express.Multer.File[];
  const form = new FormData();
  form.append('id_departamento', fields[F.department] ?? '');
  form.append('titulo', fields[F.title] ?? '');
  form.append('mensagem', fields[F.message] ?? '');
  form.append('prioridade', fields[F.priority] ?? '1');
  form.append('tipo_identificador', 'E');
  files.forEach((file, index) => {
    // multer's Buffers are never shared memory; @types/node only cannot prove it to the DOM's Blob.
    const bytes = file.buffer as Buffer<ArrayBuffer>;
    form.append(`anexos[${index}]`, new Blob([bytes], { type: file.mimetype }), file.originalname);
  });
  try {
    const customer = encodeURIComponent(fields[F.email] ?? '');
    const upstream = await fetch(`${apiUrl}/criar_chamado/${token}/${customer}`, { method: 'POST', body: form });
    const answer = (await upstream.json()) as { erro?: boolean; id_chamado?: string };
    if (upstream.ok && answer.erro === false) response.status(201).json({ ok: true, ticket: { id: answer.id_chamado } });
    else response.status(502).json({ ok: false, error: { code: 'upstream_rejected' } });
  } catch {
    response.status(502).json({ ok: false, error: { code: 'upstream_unavailable' } });
  }
});

const server = app.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  console.log(`buffering relay on http://${host}:${address.port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
