import { describe, expect, it } from 'vitest';
import type { Logger } from '../log/types.ts';
import { UpstreamError } from '../tomticket/upstream-error.ts';
import type { TomTicketClient, UpstreamDepartment } from '../tomticket/types.ts';
import { createFormSchemaSource } from './create-form-schema-source.ts';

/** A client whose listing answers are queued by the test; counts how often it is asked. */
function scriptedClient() {
  const answers: Array<() => Promise<UpstreamDepartment[]>> = [];
  let calls = 0;
  const client: Pick<TomTicketClient, 'listDepartments'> = {
    listDepartments: () => {
      calls++;
      const next = answers.shift();
      if (!next) throw new Error('no answer scripted');
      return next();
    },
  };
  return {
    client,
    calls: () => calls,
    answer: (departments: UpstreamDepartment[]) => answers.push(() => Promise.resolve(departments)),
    fail: (error: Error) => answers.push(() => Promise.reject(error)),
    answerLater: () => {
      let release: (departments: UpstreamDepartment[]) => void = () => undefined;
      answers.push(() => new Promise((resolve) => (release = resolve)));
      return (departments: UpstreamDepartment[]) => release(departments);
    },
  };
}

function capturingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { info: () => undefined, warn: (message) => void warnings.push(message), error: () => undefined };
  return { logger, warnings };
}

const support: UpstreamDepartment = { id: 'd1', name: 'Suporte', categories: [] };
const sales: UpstreamDepartment = { id: 'd2', name: 'Vendas', categories: [] };
const names = (schema: { departments: { name: string }[] }) => schema.departments.map((department) => department.name);

describe('createFormSchemaSource', () => {
  it('asks TomTicket once for many gets within cacheMs, and again after', async () => {
    let time = 0;
    const upstream = scriptedClient();
    upstream.answer([support]);
    upstream.answer([support, sales]);
    const source = createFormSchemaSource({
      client: upstream.client,
      config: {},
      cacheMs: 300_000,
      logger: capturingLogger().logger,
      now: () => time,
    });
    for (let i = 0; i < 5; i++) expect(names(await source.get())).toEqual(['Suporte']);
    time = 299_999;
    expect(names(await source.get())).toEqual(['Suporte']);
    expect(upstream.calls()).toBe(1);
    time = 300_000;
    expect(names(await source.get())).toEqual(['Suporte', 'Vendas']);
    expect(upstream.calls()).toBe(2);
  });

  it('shares one upstream call among gets made during a refresh', async () => {
    const upstream = scriptedClient();
    const release = upstream.answerLater();
    const source = createFormSchemaSource({
      client: upstream.client,
      config: {},
      cacheMs: 1000,
      logger: capturingLogger().logger,
      now: () => 0,
    });
    const pending = Array.from({ length: 10 }, () => source.get());
    release([support]);
    const schemas = await Promise.all(pending);
    expect(upstream.calls()).toBe(1);
    expect(schemas.every((schema) => names(schema).join() === 'Suporte')).toBe(true);
  });

  it('serves the stale schema with a warning when a refresh fails', async () => {
    let time = 0;
    const upstream = scriptedClient();
    const { logger, warnings } = capturingLogger();
    upstream.answer([support]);
    upstream.fail(new UpstreamError('upstream_unavailable', 'departamentos answered HTTP 500'));
    upstream.answer([sales]);
    const source = createFormSchemaSource({
      client: upstream.client,
      config: {},
      cacheMs: 1000,
      retryAfterFailureMs: 500,
      logger,
      now: () => time,
    });
    await source.get();
    time = 1000;
    expect(names(await source.get())).toEqual(['Suporte']);
    expect(warnings).toHaveLength(1);
    // Within the pause after a failure the stale schema is served without asking again.
    time = 1400;
    expect(names(await source.get())).toEqual(['Suporte']);
    expect(upstream.calls()).toBe(2);
    time = 1500;
    expect(names(await source.get())).toEqual(['Vendas']);
  });

  it('throws the UpstreamError when no listing was ever had, and tries again after the pause', async () => {
    let time = 0;
    const upstream = scriptedClient();
    upstream.fail(new UpstreamError('upstream_timeout', 'TomTicket did not list the departments in time'));
    upstream.answer([support]);
    const source = createFormSchemaSource({
      client: upstream.client,
      config: {},
      cacheMs: 60_000,
      retryAfterFailureMs: 100,
      logger: capturingLogger().logger,
      now: () => time,
    });
    await expect(source.get()).rejects.toMatchObject({ name: 'UpstreamError', code: 'upstream_timeout' });
    await expect(source.get()).rejects.toBeInstanceOf(UpstreamError);
    expect(upstream.calls()).toBe(1);
    time = 100;
    expect(names(await source.get())).toEqual(['Suporte']);
  });

  it('merges the configuration into what it serves', async () => {
    const upstream = scriptedClient();
    upstream.answer([support, sales]);
    const source = createFormSchemaSource({
      client: upstream.client,
      config: { departments: [{ id: 'd2', name: 'Sales' }], askName: false },
      cacheMs: 1000,
      logger: capturingLogger().logger,
      now: () => 0,
    });
    const schema = await source.get();
    expect(names(schema)).toEqual(['Sales']);
    expect(schema.customer.nameRequired).toBe(false);
  });

  it('logs what the schema leaves out when it changes, not at every refresh', async () => {
    let time = 0;
    const upstream = scriptedClient();
    const undrawable: UpstreamDepartment = {
      ...support,
      customFields: { noCategory: [{ id: 'f9', label: 'Origem', type: '9', required: false, options: [], askedAtOpening: true }], byCategory: {} },
    };
    upstream.answer([undrawable]);
    upstream.answer([undrawable]);
    upstream.answer([support]);
    upstream.answer([undrawable]);
    const { logger, warnings } = capturingLogger();
    const source = createFormSchemaSource({ client: upstream.client, config: {}, cacheMs: 1000, logger, now: () => time });
    await source.get();
    time += 1000;
    await source.get();
    expect(warnings.filter((message) => message.includes('cannot draw'))).toHaveLength(1);
    time += 1000;
    await source.get();
    time += 1000;
    await source.get();
    expect(warnings.filter((message) => message.includes('cannot draw'))).toHaveLength(2);
  });
});
