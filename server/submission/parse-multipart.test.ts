import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { parseMultipart, type ParseMultipartOptions } from './parse-multipart.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parse-multipart-test-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A FormData encoded the way fetch sends it: the body bytes and the Content-Type with its boundary. */
async function encode(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = new Response(form);
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') as string };
}

/** A body stream handing out `bytes` in chunks, counting how many chunks were pulled. */
function streamOf(bytes: Uint8Array, chunkSize = 64 * 1024, options: { failAfter?: number } = {}) {
  const state = { pulled: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.failAfter !== undefined && offset >= options.failAfter) {
          controller.error(new Error('socket hang up'));
          return;
        }
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        state.pulled++;
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function options(contentType: string, overrides: Partial<ParseMultipartOptions> = {}): ParseMultipartOptions {
  return { contentType, spoolFolder: folder, maxFields: 20, ...overrides };
}

function patterned(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 10)) & 0xff;
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('parseMultipart', () => {
  it('keeps text parts in order and spools each attachment byte for byte', async () => {
    const big = patterned(3 * 1024 * 1024 + 17);
    const form = new FormData();
    form.append('title', 'Olá 😀');
    form.append('message', 'a\nb');
    form.append('attachments', new File([big], 'relatório final.bin', { type: 'application/x-test' }));
    form.append('attachments', new File(['hi'], '../../evil.txt'));
    form.append('fields[x]', 'y');
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes, 10_000).stream, options(contentType));

    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const { fields, files, strayFileFieldNames } = outcome.submission;
    expect(fields.map(({ name, value }) => [name, value])).toEqual([
      ['title', 'Olá 😀'],
      ['message', 'a\r\nb'],
      ['fields[x]', 'y'],
    ]);
    expect(strayFileFieldNames).toEqual([]);
    expect(files.map(({ fileName, type, size }) => ({ fileName, type, size }))).toEqual([
      { fileName: 'relatório final.bin', type: 'application/x-test', size: big.length },
      { fileName: 'evil.txt', type: 'application/octet-stream', size: 2 },
    ]);
    expect(sha256(await readFile(files[0]!.path))).toBe(sha256(big));
    expect(await readFile(files[1]!.path, 'utf8')).toBe('hi');
    expect((await readdir(folder)).sort()).toEqual(['0', '1']);
  });

  it('stops reading as soon as the body passes the byte limit', async () => {
    const form = new FormData();
    form.append('attachments', new File([patterned(1024 * 1024)], 'big.bin'));
    const { bytes, contentType } = await encode(form);
    const { stream, state } = streamOf(bytes, 1024);

    const outcome = await parseMultipart(stream, options(contentType, { maxBodyBytes: 100 * 1024 }));

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 413, code: 'request_too_large' } });
    expect(state.pulled).toBe(101);
  });

  it('accepts a body of exactly the byte limit and refuses one byte more', async () => {
    const form = new FormData();
    form.append('title', 'Backup');
    form.append('attachments', new File([patterned(300 * 1024)], 'big.bin'));
    const { bytes, contentType } = await encode(form);

    const atLimit = await parseMultipart(streamOf(bytes).stream, options(contentType, { maxBodyBytes: bytes.length }));
    expect(atLimit).toMatchObject({ ok: true, submission: { files: [{ size: 300 * 1024 }] } });

    await rm(folder, { recursive: true, force: true });
    folder = await mkdtemp(join(tmpdir(), 'parse-multipart-test-'));
    const overLimit = await parseMultipart(streamOf(bytes).stream, options(contentType, { maxBodyBytes: bytes.length - 1 }));
    expect(overLimit).toMatchObject({ ok: false, refusal: { status: 413, code: 'request_too_large' } });
  });

  it('refuses a file over the per-file limit with 413 on attachments, and keeps each name as sent', async () => {
    const form = new FormData();
    form.append('attachments', new File(['small'], 'dir/small.txt'));
    form.append('attachments', new File([patterned(300 * 1024)], 'big.bin'));
    const { bytes, contentType } = await encode(form);

    const fits = await parseMultipart(streamOf(bytes).stream, options(contentType, { maxFileBytes: 400 * 1024 }));
    if (!fits.ok) throw new Error(fits.refusal.message);
    expect(fits.submission.files.map(({ fileName, rawFileName }) => [fileName, rawFileName])).toEqual([
      ['small.txt', 'dir/small.txt'],
      ['big.bin', 'big.bin'],
    ]);

    // A fresh folder: spool files are named by position and never overwritten.
    const spoolFolder = await mkdtemp(join(folder, 'again-'));
    const outcome = await parseMultipart(streamOf(bytes).stream, options(contentType, { maxFileBytes: 200 * 1024, spoolFolder }));
    expect(outcome).toMatchObject({ ok: false, refusal: { status: 413, code: 'request_too_large', field: 'attachments' } });
  });

  it('refuses a truncated body as malformed', async () => {
    const form = new FormData();
    form.append('title', 'x');
    form.append('attachments', new File([patterned(50_000)], 'a.bin'));
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes.slice(0, 30_000)).stream, options(contentType));

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: 'malformed_body' } });
  });

  it('refuses garbage as malformed', async () => {
    const garbage = new TextEncoder().encode('--b\r\nthis is not a header\r\n\r\n--b--\r\n');
    const outcome = await parseMultipart(streamOf(garbage).stream, options('multipart/form-data; boundary=b'));
    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: 'malformed_body' } });
  });

  it('refuses a missing body', async () => {
    const outcome = await parseMultipart(null, options('multipart/form-data; boundary=b'));
    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: 'malformed_body' } });
  });

  it('treats a body that breaks off (client gone) as malformed', async () => {
    const form = new FormData();
    form.append('attachments', new File([patterned(500_000)], 'a.bin'));
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes, 50_000, { failAfter: 200_000 }).stream, options(contentType));

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: 'malformed_body' } });
  });

  it(`refuses more than ${LIMITS.maxFiles} files`, async () => {
    const form = new FormData();
    for (let i = 0; i <= LIMITS.maxFiles; i++) form.append('attachments', new File(['x'], `f${i}.txt`));
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes).stream, options(contentType));

    expect(outcome).toMatchObject({
      ok: false,
      refusal: { status: 400, code: 'too_many_files', field: 'attachments' },
    });
  });

  it('refuses more text parts than allowed', async () => {
    const form = new FormData();
    for (let i = 0; i < 4; i++) form.append(`f${i}`, 'x');
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes).stream, options(contentType, { maxFields: 3 }));

    expect(outcome).toMatchObject({ ok: false, refusal: { status: 400, code: 'malformed_body' } });
  });

  it('marks a value longer than the parser keeps as truncated', async () => {
    const form = new FormData();
    form.append('message', 'x'.repeat(100_000));
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes).stream, options(contentType));

    expect(outcome.ok && outcome.submission.fields[0]?.valueTruncated).toBe(true);
  });

  it('discards files sent under other names, and keeps a nameless attachment for validation to refuse', async () => {
    const form = new FormData();
    form.append('upload', new File(['x'], 'a.txt'));
    form.append('attachments', new File(['y'], '...'));
    const { bytes, contentType } = await encode(form);

    const outcome = await parseMultipart(streamOf(bytes).stream, options(contentType));

    if (!outcome.ok) throw new Error(outcome.refusal.message);
    expect(outcome.submission.strayFileFieldNames).toEqual(['upload']);
    expect(outcome.submission.files.map((file) => file.fileName)).toEqual(['']);
  });
});
