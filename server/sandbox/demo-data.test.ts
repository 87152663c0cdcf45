import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_TYPES, type CustomField } from '../../contract/index.ts';
import { buildFormSchema } from '../schema/build-form-schema.ts';
import { loadFormConfig } from '../schema/load-form-config.ts';
import type { FormConfigFile } from '../schema/types.ts';
import { createRateLimiter, createTomTicketClient } from '../tomticket/index.ts';
import { createLogger } from '../log/create-logger.ts';
import { DEMO_DEPARTMENTS, demoFakeOptions, SANDBOX_TOKEN } from './demo-data.ts';
import { startFakeTomTicket } from './fake-tomticket.ts';

async function readDemoConfig(): Promise<FormConfigFile> {
  return JSON.parse(await readFile(new URL('./demo-form-config.json', import.meta.url), 'utf8')) as FormConfigFile;
}

describe('demo form configuration', () => {
  it('lists only departments of the demo account, one of them renamed', async () => {
    const config = await readDemoConfig();
    const departments = config.departments ?? [];
    expect(departments.map((department) => department.id).sort()).toEqual(DEMO_DEPARTMENTS.map((d) => d.id).sort());
    const renamed = departments.filter((entry) => {
      const upstream = DEMO_DEPARTMENTS.find((department) => department.id === entry.id);
      return entry.name !== undefined && entry.name !== upstream?.name;
    });
    expect(renamed.length).toBeGreaterThanOrEqual(1);
    expect(departments.some((department) => department.categoryRequired === true)).toBe(true);
  });

  it('defines custom fields of every type, some required, some with help, one limited to categories', async () => {
    const config = await readDemoConfig();
    const fields = (config.departments ?? []).flatMap((department) => department.fields ?? []) as CustomField[];
    expect(new Set(fields.map((field) => field.type))).toEqual(new Set(CUSTOM_FIELD_TYPES));
    expect(fields.some((field) => field.required)).toBe(true);
    expect(fields.some((field) => !field.required)).toBe(true);
    expect(fields.some((field) => field.help)).toBe(true);
    expect(fields.some((field) => field.categories?.length)).toBe(true);
    expect(new Set(fields.map((field) => field.id)).size).toBe(fields.length);
    for (const field of fields.filter((candidate) => candidate.type === 'select')) {
      expect(field.options?.length).toBeGreaterThan(1);
    }
    for (const field of fields.filter((candidate) => candidate.type === 'number')) {
      expect(field.min).toBeLessThan(field.max as number);
    }
  });

  it('restricts fields only to categories of their own department', async () => {
    const config = await readDemoConfig();
    for (const entry of config.departments ?? []) {
      const categoryIds = DEMO_DEPARTMENTS.find((department) => department.id === entry.id)!.categories.map((c) => c.id);
      for (const field of entry.fields ?? []) {
        for (const category of field.categories ?? []) expect(categoryIds).toContain(category);
      }
    }
  });
});

describe('demo account', () => {
  it('runs in the fake and lists its three Portuguese departments', async () => {
    const fake = await startFakeTomTicket(demoFakeOptions());
    try {
      const response = await fetch(`${fake.url}/departamentos/${SANDBOX_TOKEN}`);
      const body = (await response.json()) as { data: { nome: string; categorias: unknown[] }[] };
      expect(body.data.map((department) => [department.nome, department.categorias.length])).toEqual([
        ['Suporte técnico', 3],
        ['Financeiro', 2],
        ['Comercial', 0],
      ]);
    } finally {
      await fake.close();
    }
  });
});

describe('the demo account on API 2.0 (TOMTICKET_API=v2)', () => {
  it('describes the demo form’s custom fields itself: every widget type once demo-form-config-v2.json gives the undrawable ones theirs', async () => {
    const fake = await startFakeTomTicket(demoFakeOptions());
    const client = createTomTicketClient({
      api: 'v2',
      apiUrl: fake.url,
      token: SANDBOX_TOKEN,
      timeoutMs: 2000,
      createCustomers: false,
      limiter: createRateLimiter({ requestsPerSecond: 0 }),
      logger: createLogger({ secrets: [], write: () => undefined }),
    });
    try {
      const config = await loadFormConfig(fileURLToPath(new URL('./demo-form-config-v2.json', import.meta.url)), { fieldsFromAccount: true });
      // The file only changes fields: none of its entries is a field of its own.
      for (const entry of config.departments ?? []) {
        const accountIds = DEMO_DEPARTMENTS.find((department) => department.id === entry.id)?.customFields?.map((field) => field.id) ?? [];
        for (const field of entry.fields ?? []) expect(accountIds).toContain(field.id);
      }
      const warnings: Array<Record<string, unknown>> = [];
      const schema = buildFormSchema(await client.listDepartments(), config, (message, details) => warnings.push({ message, ...details }));
      const fields = schema.departments.flatMap((department) => department.fields);
      expect(new Set(fields.map((field) => field.type))).toEqual(new Set(CUSTOM_FIELD_TYPES));
      // One field only in the account, one asked only without a category, one the form cannot draw (left out, said once).
      expect(fields.map((field) => field.label)).toEqual(expect.arrayContaining(['Sistema operacional', 'Sobre o que é?']));
      expect(fields.find((field) => field.label === 'Sobre o que é?')?.categories).toEqual(['']);
      expect(warnings).toEqual([expect.objectContaining({ label: 'Origem do contato', cause: 'account' })]);
    } finally {
      await client.close();
      await fake.close();
    }
  });
});
