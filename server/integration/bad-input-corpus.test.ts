import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, PROTECTION, type ErrorCode } from '../../contract/index.ts';
import { createProofSupply, solveServerChallenge } from './challenge.ts';
import {
  ALLOWED_ORIGIN,
  PROTECTIONS_ON,
  spoolIsEmpty,
  startHarness,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  waitFor,
  type Harness,
} from './harness.ts';
import { sendRawBytes } from './raw-socket.ts';

/**
 * The bad-input corpus: crafted requests against the live server in front of the fake TomTicket,
 * every protection on. Each must get its own clear 4xx (or, for a body that never ends, lose its
 * connection), while the server stays up, keeps serving, returns to its memory baseline, and the
 * fake never hears of any of them.
 */

const IDENTITY_SECRET = 'corpus-identity-secret-0123456789abcdef';
const B = 'corpus-boundary-7f3a9c';
const MULTIPART = `multipart/form-data; boundary=${B}`;
const encoder = new TextEncoder();

type Bytes = Uint8Array<ArrayBuffer> | string;
const concat = (...parts: Bytes[]) => {
  const chunks = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};
const field = (name: Bytes, value: Bytes) => concat(`--${B}\r\nContent-Disposition: form-data; name="`, name, '"\r\n\r\n', value, '\r\n');
const file = (fileName: Bytes, content: Bytes, type = 'application/octet-stream', name = 'attachments') =>
  concat(`--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="`, fileName, `"\r\nContent-Type: ${type}\r\n\r\n`, content, '\r\n');
const END = `--${B}--\r\n`;
/** The valid fields with `overrides` (undefined drops one), as multipart parts. */
const fields = (overrides: Record<string, Bytes | undefined> = {}) => {
  const all: Record<string, Bytes | undefined> = { ...validFields(), ...overrides };
  return concat(...Object.entries(all).flatMap(([name, value]) => (value === undefined ? [] : [field(name, value)])));
};
/** A complete body: the valid fields, `extra` parts, the closing boundary. */
const body = (extra: Bytes[] = [], overrides: Record<string, Bytes | undefined> = {}) => concat(fields(overrides), ...extra, END);

const mint = (claims: Record<string, unknown>, expiresIn: string | number = '10m', secret = IDENTITY_SECRET, alg = 'HS256') =>
  new SignJWT({ email: 'bia@example.com', name: 'Bia', aud: 'tomticket-form', ...claims })
    .setProtectedHeader({ alg })
    .setExpirationTime(expiresIn)
    .sign(encoder.encode(secret));

/** What one crafted request got. */
interface Outcome {
  status?: number;
  code?: string;
  closed?: boolean;
}

/** Everything a case can use: fresh proofs (an aged form token and its solved proof of work), a spent pair, the server. */
interface Context {
  harness: Harness;
  proofs(): Promise<Record<string, string>>;
  spentProofs: Record<string, string>;
}

interface Case {
  name: string;
  expect: { status: number | 'closed'; code?: ErrorCode };
  send(context: Context): Promise<Outcome>;
}

/** POST /api/tickets with fetch: the allowed origin and valid proofs unless `headers` replace them. */
function post(content: Bytes | undefined, headers: Record<string, string | undefined> = {}, path = '/api/tickets', method = 'POST') {
  return async ({ harness, proofs }: Context): Promise<Outcome> => {
    const merged: Record<string, string> = {};
    for (const [name, value] of Object.entries({ Origin: ALLOWED_ORIGIN, 'Content-Type': MULTIPART, ...(await proofs()), ...headers })) {
      if (value !== undefined) merged[name] = value;
    }
    const answer = await harness.send(path, { method, headers: merged, ...(content !== undefined ? { body: content } : {}) });
    return { status: answer.status, code: codeOf(answer.text) };
  };
}

/** A raw request: the request line and headers as written, then `rest`; proofs added unless `bare`. */
function raw(head: string, rest: Bytes[] = [], options: { bare?: boolean; drip?: boolean } = {}) {
  return async ({ harness, proofs }: Context): Promise<Outcome> => {
    const extra = options.bare ? '' : Object.entries({ Origin: ALLOWED_ORIGIN, ...(await proofs()) }).map(([n, v]) => `${n}: ${v}\r\n`).join('');
    const answer = await sendRawBytes(harness.server.url, [head.replace('\r\n\r\n', `\r\n${extra}Connection: close\r\n\r\n`), ...rest], {
      ...(options.drip ? { drip: { bytes: 'a', everyMs: 200 }, maxMs: 15_000 } : {}),
    });
    harness.observed.push(`${answer.status} ${JSON.stringify(answer.headers)}\n\n${answer.body}`);
    return { ...(answer.status !== undefined ? { status: answer.status } : {}), code: codeOf(answer.body), closed: answer.closed };
  };
}

/** A big upload streamed with node:http, written only while the server has not answered. */
function stream(headers: Record<string, string>, chunks: () => Iterable<Uint8Array>) {
  return async ({ harness, proofs }: Context): Promise<Outcome> => {
    const exchange = await harness.raw('/api/tickets', { headers: { Origin: ALLOWED_ORIGIN, ...(await proofs()), ...headers }, chunks });
    return { ...(exchange.status !== undefined ? { status: exchange.status } : {}), code: codeOf(exchange.text) };
  };
}

function codeOf(text: string): string | undefined {
  return /"code":"([a-z_]+)"/.exec(text)?.[1];
}

function* bigFile(totalBytes: number): Iterable<Uint8Array> {
  yield concat(fields(), `--${B}\r\nContent-Disposition: form-data; name="attachments"; filename="huge.bin"\r\n\r\n`);
  const chunk = new Uint8Array(256 * 1024).fill(0x61);
  for (let sent = 0; sent < totalBytes; sent += chunk.length) yield chunk;
  yield encoder.encode(`\r\n${END}`);
}

/** An ISO 9660 image as far as its primary volume descriptor, 32 KiB in. */
const ISO_HEAD = concat(new Uint8Array(0x8001), 'CD001', new Uint8Array(2042));
const PNG = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'rest');
const bad = (status: number | 'closed', code?: ErrorCode) => (code === undefined ? { status } : { status, code });

const CASES: Case[] = [
  // Multipart framing
  { name: 'no boundary parameter', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': 'multipart/form-data' }) },
  { name: 'an empty boundary', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': 'multipart/form-data; boundary=""' }) },
  { name: 'a boundary of 71 characters', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': `multipart/form-data; boundary=${'b'.repeat(71)}` }) },
  { name: 'a boundary of 252 characters', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': `multipart/form-data; boundary=${'b'.repeat(252)}` }) },
  { name: 'a boundary with a character RFC 2046 forbids', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': 'multipart/form-data; boundary="a\\b"' }) },
  { name: 'a body framed by another boundary', expect: bad(400, 'malformed_body'), send: post(body(), { 'Content-Type': 'multipart/form-data; boundary=other-boundary' }) },
  { name: 'a body cut in the middle of a file', expect: bad(400, 'malformed_body'), send: post(concat(fields(), file('a.bin', 'x'.repeat(5000))).slice(0, -2000)) },
  { name: 'a body cut in the middle of part headers', expect: bad(400, 'malformed_body'), send: post(concat(fields(), `--${B}\r\nContent-Disposi`)) },
  { name: 'an empty multipart body', expect: bad(400, 'malformed_body'), send: post('') },
  { name: 'no closing boundary', expect: bad(400, 'malformed_body'), send: post(fields()) },
  { name: 'a part without a name', expect: bad(400, 'malformed_body'), send: post(concat(fields(), `--${B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n`, END)) },
  { name: 'a part header without a colon', expect: bad(400, 'malformed_body'), send: post(concat(fields(), `--${B}\r\nthis is no header\r\n\r\nx\r\n`, END)) },
  { name: 'a part header of 100 KB', expect: bad(400, 'malformed_body'), send: post(concat(`--${B}\r\nContent-Disposition: form-data; name="title"\r\nX-Pad: ${'p'.repeat(100_000)}\r\n\r\nx\r\n`, fields(), END)) },
  { name: 'binary garbage', expect: bad(400, 'malformed_body'), send: post(new Uint8Array(4096).map((_, i) => (i * 7919) % 256)) },
  // Parts, fields and names
  { name: 'five thousand text fields', expect: bad(400, 'malformed_body'), send: post(concat(fields(), ...Array.from({ length: 5000 }, (_, i) => field(`f${i}`, 'x')), END)) },
  { name: 'a thousand files', expect: bad(400, 'too_many_files'), send: post(concat(fields(), ...Array.from({ length: 1000 }, (_, i) => file(`f${i}.txt`, 'x')), END)) },
  { name: `${LIMITS.maxFiles + 1} files`, expect: bad(400, 'too_many_files'), send: post(body(Array.from({ length: LIMITS.maxFiles + 1 }, (_, i) => file(`f${i}.txt`, 'x')))) },
  { name: 'a field name of 2000 characters', expect: bad(400, 'unknown_field'), send: post(body([field('n'.repeat(2000), 'x')])) },
  { name: 'a nested field name fields[a][b]', expect: bad(400, 'unknown_field'), send: post(body([field('fields[a][b]', 'x')])) },
  { name: 'a field named __proto__', expect: bad(400, 'unknown_field'), send: post(body([field('__proto__', '{"isAdmin":true}')])) },
  { name: 'a field named constructor', expect: bad(400, 'unknown_field'), send: post(body([field('constructor', 'x')])) },
  { name: 'a custom field named fields[__proto__]', expect: bad(400, 'unknown_field'), send: post(body([field('fields[__proto__]', 'x')])) },
  { name: 'an unknown field', expect: bad(400, 'unknown_field'), send: post(body([field('admin', 'true')])) },
  { name: 'the title twice', expect: bad(400, 'duplicate_field'), send: post(body([field('title', 'again')])) },
  { name: 'the e-mail twice', expect: bad(400, 'duplicate_field'), send: post(body([field('email', 'eve@example.com')])) },
  { name: 'a custom field twice', expect: bad(400, 'duplicate_field'), send: post(body([field('fields[navegador]', 'firefox')])) },
  { name: 'a text value under attachments', expect: bad(400, 'invalid_value'), send: post(body([field('attachments', 'not a file')])) },
  { name: 'a file under another field name', expect: bad(400, 'unknown_field'), send: post(body([file('a.txt', 'x', 'text/plain', 'upload')])) },
  { name: 'a file where the title belongs', expect: bad(400, 'invalid_value'), send: post(body([file('t.txt', 'x', 'text/plain', 'title')])) },
  // Bytes no one types
  { name: 'a NUL byte in the title', expect: bad(400, 'invalid_value'), send: post(body([], { title: 'abc\u0000def' })) },
  { name: 'a NUL byte in the message', expect: bad(400, 'invalid_value'), send: post(body([], { message: '\u0000' })) },
  { name: 'an escape sequence in the name', expect: bad(400, 'invalid_value'), send: post(body([], { name: 'Ana \u001b[2J' })) },
  { name: 'invalid UTF-8 in the message', expect: bad(400, 'invalid_value'), send: post(body([], { message: new Uint8Array([0x6f, 0x6c, 0xff, 0xfe, 0xc3]) })) },
  { name: 'an encoded surrogate (CESU-8) in the title', expect: bad(400, 'invalid_value'), send: post(body([], { title: new Uint8Array([0xed, 0xa0, 0x80, 0x41]) })) },
  { name: 'invalid UTF-8 in a field name', expect: bad(400, 'unknown_field'), send: post(body([field(new Uint8Array([0x74, 0xff, 0x74]), 'x')])) },
  { name: 'a C1 control in a custom field', expect: bad(400, 'invalid_value'), send: post(body([], { 'fields[navegador]': 'chrome\u0085' })) },
  // Oversized values
  { name: 'a title of 251 characters', expect: bad(400, 'too_long'), send: post(body([], { title: 't'.repeat(251) })) },
  { name: 'a message of 100 KB', expect: bad(400, 'too_long'), send: post(body([], { message: 'm'.repeat(100_000) })) },
  { name: 'an e-mail of 300 characters', expect: bad(400, 'too_long'), send: post(body([], { email: `${'a'.repeat(290)}@example.com` })) },
  { name: 'a custom field over its limit', expect: bad(400, 'too_long'), send: post(body([], { category: 'cat-erro', 'fields[passos]': 'p'.repeat(201) })) },
  { name: 'a file of 26 MB, streamed', expect: bad(413, 'request_too_large'), send: stream({ 'Content-Type': MULTIPART, 'Transfer-Encoding': 'chunked' }, () => bigFile(26 * 1024 * 1024)) },
  { name: 'a Content-Length of 30 MB', expect: bad(413, 'request_too_large'), send: stream({ 'Content-Type': MULTIPART, 'Content-Length': String(30 * 1024 * 1024) }, () => []) },
  // File names
  { name: 'a file name with ../', expect: bad(400, 'invalid_value'), send: post(body([file('../../etc/passwd', 'x', 'text/plain')])) },
  { name: 'a file name with a Windows path', expect: bad(400, 'invalid_value'), send: post(body([file('..\\..\\boot.ini', 'x', 'text/plain')])) },
  { name: 'a file name with ../ in RFC 5987 form', expect: bad(400, 'invalid_value'), send: post(concat(fields(), `--${B}\r\nContent-Disposition: form-data; name="attachments"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd\r\n\r\nx\r\n`, END)) },
  { name: 'a file name with CRLF inside the header', expect: bad(400, 'malformed_body'), send: post(body([file('a\r\nContent-Type: text/html', 'x')])) },
  { name: 'a file name with a NUL byte', expect: bad(400, 'malformed_body'), send: post(body([file('pic.png\u0000.exe', PNG, 'image/png')])) },
  { name: 'a file name with an escape character', expect: bad(400, 'malformed_body'), send: post(body([file('a\u001b.txt', 'x')])) },
  { name: 'a file name that is only dots', expect: bad(400, 'empty_file_name'), send: post(body([file('...', 'x')])) },
  { name: 'an empty file name', expect: bad(400, 'empty_file_name'), send: post(body([file('', 'x')])) },
  // File types
  { name: 'a .exe', expect: bad(400, 'file_type_denied'), send: post(body([file('setup.exe', 'MZ\x90\x00')])) },
  { name: 'a .bat with a trailing dot', expect: bad(400, 'file_type_denied'), send: post(body([file('run.bat.', '@echo off')])) },
  { name: 'a PowerShell script', expect: bad(400, 'file_type_denied'), send: post(body([file('fix.ps1', 'Remove-Item -Recurse C:\\', 'text/plain')])) },
  { name: 'a program named .pdf', expect: bad(400, 'file_type_denied'), send: post(body([file('fatura.pdf', 'MZ\x90\x00\x03', 'application/pdf')])) },
  { name: 'a Linux program named .txt', expect: bad(400, 'file_type_denied'), send: post(body([file('leia.txt', '\x7fELF\x02\x01', 'text/plain')])) },
  { name: 'a shell script named .jpg', expect: bad(400, 'file_type_denied'), send: post(body([file('foto.jpg', '#!/bin/sh\ncurl x | sh', 'image/jpeg')])) },
  { name: 'a disk image named .pdf', expect: bad(400, 'file_type_denied'), send: post(body([file('fatura.pdf', ISO_HEAD, 'application/pdf')])) },
  { name: 'a .vhdx', expect: bad(400, 'file_type_denied'), send: post(body([file('disk.vhdx', 'vhdxfile')])) },
  { name: 'an HTML page', expect: bad(400, 'file_type_denied'), send: post(body([file('boleto.html', '<form action="https://phish.example">', 'text/html')])) },
  { name: 'HTML declared as a PNG', expect: bad(400, 'file_not_image'), send: post(body([file('foto.png', '<html><script>alert(1)</script>', 'image/png')])) },
  { name: 'text declared as an SVG', expect: bad(400, 'file_not_image'), send: post(body([file('logo.svg', 'hello', 'image/svg+xml')])) },
  // Wrong content types and methods
  { name: 'a JSON body', expect: bad(415, 'not_multipart'), send: post(JSON.stringify(validFields()), { 'Content-Type': 'application/json' }) },
  { name: 'a urlencoded body', expect: bad(415, 'not_multipart'), send: post(new URLSearchParams(validFields()).toString(), { 'Content-Type': 'application/x-www-form-urlencoded' }) },
  { name: 'a text/plain body', expect: bad(415, 'not_multipart'), send: post('title=x', { 'Content-Type': 'text/plain' }) },
  { name: 'no Content-Type', expect: bad(415, 'not_multipart'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n`, ['hello']) },
  { name: 'multipart/mixed', expect: bad(415, 'not_multipart'), send: post(body(), { 'Content-Type': `multipart/mixed; boundary=${B}` }) },
  { name: 'GET on /api/tickets', expect: bad(405, 'method_not_allowed'), send: post(undefined, { 'Content-Type': undefined }, '/api/tickets', 'GET') },
  { name: 'PUT on /api/tickets', expect: bad(405, 'method_not_allowed'), send: post(body(), {}, '/api/tickets', 'PUT') },
  { name: 'DELETE on /api/tickets', expect: bad(405, 'method_not_allowed'), send: post(undefined, {}, '/api/tickets', 'DELETE') },
  { name: 'TRACE', expect: bad(405, 'method_not_allowed'), send: raw('TRACE /api/tickets HTTP/1.1\r\nHost: x\r\n\r\n') },
  { name: 'a POST to a path with ../', expect: bad(404, 'not_found'), send: post(body(), {}, '/api/../api/tickets/%2e%2e/x') },
  // Who may call
  { name: 'no Origin header', expect: bad(403, 'origin_required'), send: post(body(), { Origin: undefined }) },
  { name: 'a disallowed origin', expect: bad(403, 'origin_not_allowed'), send: post(body(), { Origin: 'https://evil.example' }) },
  { name: 'the origin "null" of a sandboxed page', expect: bad(403, 'origin_not_allowed'), send: post(body(), { Origin: 'null' }) },
  { name: 'an allowed origin with a path', expect: bad(403, 'origin_not_allowed'), send: post(body(), { Origin: `${ALLOWED_ORIGIN}/x` }) },
  { name: 'a preflight from a disallowed origin', expect: bad(403, 'origin_not_allowed'), send: post(undefined, { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }, '/api/tickets', 'OPTIONS') },
  { name: 'the schema for a disallowed origin', expect: bad(403, 'origin_not_allowed'), send: post(undefined, { Origin: 'https://evil.example', 'Content-Type': undefined }, '/api/form', 'GET') },
  { name: 'an origin of invalid UTF-8 bytes', expect: bad(403, 'origin_not_allowed'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nOrigin: https://\xff\xfe.example\r\nContent-Type: ${MULTIPART}\r\nContent-Length: 4\r\n\r\n`, ['abcd'], { bare: true }) },
  // Bot checks
  { name: 'no proof of work', expect: bad(400, 'challenge_failed'), send: post(body(), { [PROTECTION.proofHeader]: undefined }) },
  { name: 'a proof of work that is garbage', expect: bad(400, 'challenge_failed'), send: post(body(), { [PROTECTION.proofHeader]: 'bm90IGEgcHJvb2Y=' }) },
  {
    name: 'a forged proof-of-work solution',
    expect: bad(400, 'challenge_failed'),
    send: async (context) => {
      const headers = await context.proofs();
      const payload = JSON.parse(Buffer.from(headers[PROTECTION.proofHeader] as string, 'base64').toString());
      payload.solution.derivedKey = 'ab'.repeat(32);
      return post(body(), { [PROTECTION.proofHeader]: Buffer.from(JSON.stringify(payload)).toString('base64') })(context);
    },
  },
  { name: 'a proof of work used before', expect: bad(400, 'challenge_failed'), send: (context) => post(body(), context.spentProofs)(context) },
  { name: 'no form token', expect: bad(400, 'challenge_failed'), send: post(body(), { [PROTECTION.formTokenHeader]: undefined }) },
  {
    name: 'a form token used before, with a fresh proof of work',
    expect: bad(400, 'challenge_failed'),
    send: async (context) => post(body(), { [PROTECTION.formTokenHeader]: context.spentProofs[PROTECTION.formTokenHeader] })(context),
  },
  {
    name: 'a form token paired with another challenge\'s proof of work',
    expect: bad(400, 'challenge_failed'),
    send: async (context) => post(body(), { [PROTECTION.proofHeader]: (await context.proofs())[PROTECTION.proofHeader] })(context),
  },
  { name: 'a backdated form token', expect: bad(400, 'challenge_failed'), send: post(body(), { [PROTECTION.formTokenHeader]: `1.${'A'.repeat(43)}` }) },
  {
    name: 'a form sent right after loading it',
    expect: bad(400, 'too_fast'),
    send: async (context) => post(body(), (await solveServerChallenge(context.harness.server.url, ALLOWED_ORIGIN)).headers)(context),
  },
  { name: 'the honeypot filled', expect: bad(400, 'bot_suspected'), send: post(body([field(PROTECTION.honeypotField, 'http://spam.example')])) },
  { name: 'the honeypot sent as a file', expect: bad(400, 'bot_suspected'), send: post(body([file('x.txt', 'x', 'text/plain', PROTECTION.honeypotField)])) },
  // Identity tokens
  { name: 'an identity token that is garbage', expect: bad(401, 'identity_invalid'), send: post(body(), { Authorization: 'Bearer not.a.jwt' }) },
  { name: 'Basic credentials instead of a token', expect: bad(401, 'identity_invalid'), send: post(body(), { Authorization: 'Basic YWRtaW46YWRtaW4=' }) },
  { name: 'an expired identity token', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({}, '-1h')}` })(c) },
  { name: 'an identity token valid for a year', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({}, '365d')}` })(c) },
  { name: 'an identity token signed with another secret', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({}, '5m', `${IDENTITY_SECRET}?`)}` })(c) },
  { name: 'an identity token signed with HS512', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({}, '5m', IDENTITY_SECRET, 'HS512')}` })(c) },
  {
    name: 'an unsigned identity token (alg none)',
    expect: bad(401, 'identity_invalid'),
    send: (c) => post(body(), { Authorization: `Bearer ${new UnsecuredJWT({ email: 'ceo@example.com', name: 'CEO' }).setExpirationTime('5m').encode()}x` })(c),
  },
  { name: 'a site session token without this form\'s audience', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({ aud: undefined })}` })(c) },
  { name: 'an identity token with an admin e-mail but no name', expect: bad(401, 'identity_invalid'), send: async (c) => post(body(), { Authorization: `Bearer ${await mint({ name: undefined })}` })(c) },
  // Raw HTTP
  { name: 'a header of 20 KB', expect: bad(431, 'request_too_large'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`, [], { bare: true }) },
  { name: '1500 repeated header lines', expect: bad(431, 'request_too_large'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\n${'X-A: 1\r\n'.repeat(1500)}\r\n`, [], { bare: true }) },
  { name: 'two thousand headers', expect: bad(431, 'request_too_large'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 2000 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n`, [], { bare: true }) },
  { name: 'a control character in a header', expect: bad(400, 'malformed_body'), send: raw('POST /api/tickets HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', [], { bare: true }) },
  { name: 'a garbage request line', expect: bad(400, 'malformed_body'), send: raw('HELLO\u0000THERE\r\n\r\n', [], { bare: true }) },
  { name: 'Content-Length with Transfer-Encoding (smuggling)', expect: bad(400, 'malformed_body'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n`, ['0\r\n\r\n'], { bare: true }) },
  { name: 'two different Content-Lengths', expect: bad(400, 'malformed_body'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Length: 8\r\n\r\n`, ['abcd'], { bare: true }) },
  { name: 'a chunk size that is not hex', expect: bad(400, 'malformed_body'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: ${MULTIPART}\r\nTransfer-Encoding: chunked\r\n\r\n`, ['zz\r\nabc\r\n']) },
  { name: 'a body that never ends', expect: bad('closed'), send: raw(`POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: ${MULTIPART}\r\nTransfer-Encoding: chunked\r\n\r\n`, [`1\r\n-\r\n`], { drip: true }) },
];

describe(`the bad-input corpus (${CASES.length} crafted requests)`, () => {
  let harness: Harness;
  const context = {} as Context;
  const outcomes: Array<{ name: string; outcome: Outcome }> = [];

  beforeAll(async () => {
    harness = await startHarness({
      ...PROTECTIONS_ON,
      IDENTITY_SECRET,
      FORM_SECRET: 'corpus-form-secret-0123456789abcdefgh',
      MIN_SUBMIT_SECONDS: '1',
      PROOF_OF_WORK_MAX_NUMBER: '200',
      RATE_LIMIT_IP_HOUR: '100000',
      RATE_LIMIT_IP_DAY: '100000',
      REQUEST_TIMEOUT_MS: '3000',
      HEADERS_TIMEOUT_MS: '2000',
    });
    // A pair for every case, aged together: each form token is spent with its proof of work.
    Object.assign(context, { harness, proofs: createProofSupply(harness.server.url, ALLOWED_ORIGIN, CASES.length + 8) });
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });

  it('refuses every one with its own clear 4xx, forwards none, and stays up, serving and within its memory', async () => {
    // The baseline: a valid ticket, whose proof is then spent (the corpus replays it).
    context.spentProofs = await context.proofs();
    const first = await harness.send('/api/tickets', {
      method: 'POST',
      headers: { Origin: ALLOWED_ORIGIN, 'Content-Type': MULTIPART, ...context.spentProofs },
      body: body(),
    });
    expect(first.status).toBe(201);
    const gc = exposeGc();
    const baseline = memory(gc);
    harness.fake.clearRequests();

    for (const testCase of CASES) {
      const outcome = await testCase.send(context);
      outcomes.push({ name: testCase.name, outcome });
    }
    const got = outcomes.map(({ name, outcome }) => ({
      name,
      status: outcome.status === undefined || (testCase(name).expect.status === 'closed' && outcome.closed) ? 'closed' : outcome.status,
      ...(testCase(name).expect.code !== undefined ? { code: outcome.code } : {}),
    }));
    expect(got).toEqual(CASES.map(({ name, expect: expected }) => ({ name, ...expected })));

    // None reached TomTicket: not even a customer check.
    expect(harness.fake.requests.filter((call) => call.endpoint !== 'departamentos')).toEqual([]);
    expect(await waitFor(() => spoolIsEmpty(harness))).toBe(true);

    // Still up and serving.
    const after = await harness.send('/api/tickets', {
      method: 'POST',
      headers: { Origin: ALLOWED_ORIGIN, 'Content-Type': MULTIPART, ...(await context.proofs()) },
      body: body(),
    });
    expect(after.status).toBe(201);
    expect(harness.fake.tickets).toHaveLength(2);

    const grown = memory(gc) - baseline;
    console.log(`bad-input corpus: ${CASES.length} requests, heap+buffers grew ${(grown / 1024 / 1024).toFixed(1)} MB`);
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});

function testCase(name: string): Case {
  return CASES.find((candidate) => candidate.name === name) as Case;
}

/** V8's collector, exposed at run time (vitest does not start workers with --expose-gc). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in use plus memory held by buffers (request bodies live there), after a full collection. */
function memory(gc: () => void): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  void getHeapStatistics;
  return heapUsed + external;
}
