import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTicketForm } from './build-ticket-form.ts';
import type { TicketToCreate } from './types.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ticket-form-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildTicketForm', () => {
  it('names every field as TomTicket expects and streams files with their names and types', async () => {
    const path = join(dir, 'spooled');
    await writeFile(path, 'PDF bytes');
    const ticket: TicketToCreate = {
      customer: { email: 'ana@example.com' },
      departmentId: 'd1',
      categoryId: 'c1',
      title: 'Title',
      message: 'Message',
      priority: 3,
      customFields: { abc01: 'Valor 01' },
      attachments: [{ fileName: 'report.pdf', type: 'application/pdf', size: 9, path }],
    };
    const form = await buildTicketForm(ticket);
    expect([...form.keys()]).toEqual([
      'id_departamento',
      'titulo',
      'mensagem',
      'prioridade',
      'id_tipoassunto',
      'campos[abc01]',
      'tipo_identificador',
      'anexos[0]',
    ]);
    expect(form.get('prioridade')).toBe('3');
    expect(form.get('tipo_identificador')).toBe('E');
    const file = form.get('anexos[0]') as unknown as File;
    expect(file.name).toBe('report.pdf');
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('PDF bytes');
  });

  it('leaves out the category when there is none', async () => {
    const form = await buildTicketForm({
      customer: { email: 'ana@example.com' },
      departmentId: 'd1',
      title: 'T',
      message: 'M',
      priority: 1,
      customFields: {},
      attachments: [],
    });
    expect(form.has('id_tipoassunto')).toBe(false);
  });
});
