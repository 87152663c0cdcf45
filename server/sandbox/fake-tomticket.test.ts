import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createTicketUrl, formOf, postForm, startTestFake, TEST_DEPARTMENTS, validTicketFields } from './test-kit.ts';

const exists = (path: string) => stat(path).then(() => true, () => false);

it('listens on 127.0.0.1 on an ephemeral port', async () => {
  const fake = await startTestFake();
  try {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.url).not.toMatch(/:0$/);
  } finally {
    await fake.close();
  }
});

it('removes the storage folder it created on close', async () => {
  const fake = await startTestFake();
  const form = formOf(validTicketFields());
  form.append('anexos[0]', new Blob(['x']), 'x.txt');
  await postForm(createTicketUrl(fake), form);
  expect(await exists(fake.tickets[0]!.attachments[0]!.path)).toBe(true);
  await fake.close();
  expect(await exists(fake.storageDir as string)).toBe(false);
});

it('keeps a storage folder it was given', async () => {
  const storageDir = await mkdtemp(join(tmpdir(), 'fake-given-'));
  try {
    const fake = await startTestFake({ storageDir });
    const form = formOf(validTicketFields());
    form.append('anexos[0]', new Blob(['x']), 'x.txt');
    await postForm(createTicketUrl(fake), form);
    await fake.close();
    expect(await exists(fake.tickets[0]!.attachments[0]!.path)).toBe(true);
  } finally {
    await rm(storageDir, { recursive: true, force: true });
  }
});

it('never changes the departments and customers it was given', async () => {
  const departments = structuredClone(TEST_DEPARTMENTS);
  const customers = [{ id: 'c1', email: 'c1@example.com', name: 'C1' }];
  const fake = await startTestFake({ departments, customers });
  try {
    await postForm(
      `${fake.url}/criar_cliente/test-token-8c41f2a9/`,
      formOf({ identificador: 'c2', nome: 'C2', email: 'c2@example.com' }),
    );
    expect(fake.customers).toHaveLength(2);
    expect(customers).toHaveLength(1);
    expect(departments).toEqual(TEST_DEPARTMENTS);
  } finally {
    await fake.close();
  }
});

it('can be closed twice', async () => {
  const fake = await startTestFake();
  await fake.close();
  await expect(fake.close()).resolves.toBeUndefined();
});
