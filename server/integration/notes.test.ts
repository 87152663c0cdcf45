import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DEPARTMENTS } from '../sandbox/test-kit.ts';
import type { FakeDepartment } from '../sandbox/types.ts';
import type { FormConfigFile } from '../schema/types.ts';
import { APIS, formOf, startHarness, TEST_FORM_CONFIG, TEST_FORM_CONFIG_V2, validFields, type Harness } from './harness.ts';

// The context and the consent through the whole server, on both APIs: what reaches TomTicket.
const CONTEXT = {
  'context[page]': 'https://loja.example.com/checkout',
  'context[title]': 'Finalizar <compra>',
  'context[browser]': 'Firefox 128',
  'context[os]': 'Linux',
  'context[device]': 'desktop',
  'context[screen]': '2560x1440',
  'context[window]': '1200x800',
  'context[language]': 'en-GB',
  'context[timeZone]': 'Europe/Lisbon',
};
const CONSENT = {
  version: 'lgpd-2026-01',
  url: 'https://loja.example.com/privacidade',
  text: { 'pt-BR': 'Aceito a [política].', en: 'I accept the [policy].', es: 'Acepto la [política].' },
  field: 'registro',
};
// The account's field for the context and the consent's record (API 2.0 describes them; the legacy FORM_CONFIG lists them).
const NOTE_FIELDS = [
  { id: 'contexto', label: 'Contexto', type: 2, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
  { id: 'registro', label: 'Registro LGPD', type: 1, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
];
const DEPARTMENTS: FakeDepartment[] = TEST_DEPARTMENTS.map((department) =>
  department.id === 'dep-suporte' ? { ...department, customFields: [...(department.customFields ?? []), ...NOTE_FIELDS] } : department,
);

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'notes-'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** FORM_CONFIG for `api` with the consent, and on the legacy API the two fields listed as the account would have them. */
async function configWithNotes(api: string): Promise<string> {
  const base: FormConfigFile = structuredClone(api === 'v2' ? TEST_FORM_CONFIG_V2 : TEST_FORM_CONFIG);
  const suporte = base.departments?.[0];
  if (api !== 'v2' && suporte) {
    suporte.fields = [
      ...(suporte.fields ?? []),
      { id: 'contexto', label: 'Contexto', type: 'textarea', required: false },
      { id: 'registro', label: 'Registro LGPD', type: 'text', required: false },
    ];
  }
  const path = join(workDir, `form-${api}.json`);
  await writeFile(path, JSON.stringify({ ...base, consent: CONSENT }));
  return path;
}

describe.each(APIS)('the context and the consent through $name', ({ env, api }) => {
  let harness: Harness;
  afterEach(() => harness?.close());
  const post = (fields: Record<string, string>) => harness.send('/api/tickets', { method: 'POST', body: formOf(fields) });
  const lastTicket = () => harness.fake.tickets.at(-1)!;

  it('puts the context in a block at the end of the message, under the customer\'s words, values escaped', async () => {
    harness = await startHarness(env, 0);
    const answer = await post({ ...validFields(), ...CONTEXT });
    expect(answer.status).toBe(201);
    const message = lastTicket().message;
    expect(message.startsWith('Desde ontem a senha não é aceita.<br><br><b>Dados do formulário</b><br>Página: https://loja.example.com/checkout')).toBe(true);
    expect(message).toContain('<br>Título da página: Finalizar &lt;compra&gt;<br>Navegador: Firefox 128 · Linux · computador');
    expect(message).toContain('<br>Tela: 2560x1440 · janela 1200x800<br>Idioma: en-GB · fuso horário Europe/Lisbon<br>[ref TT-');
  });

  it('sends nothing of the kind when the widget sent no context, and refuses a context no browser would send', async () => {
    harness = await startHarness(env, 0);
    expect((await post(validFields())).status).toBe(201);
    expect(lastTicket().message).toMatch(/^Desde ontem a senha não é aceita\.<br><br>\[ref TT-[0-9A-Z]{8}\]$/);
    const before = harness.fake.tickets.length;
    const refused = await post({ ...validFields(), 'context[page]': 'javascript:alert(1)' });
    expect(refused.status).toBe(400);
    expect(harness.json(refused)).toMatchObject({ error: { code: 'invalid_value', field: 'context[page]' } });
    expect(harness.fake.tickets).toHaveLength(before);
  });

  it('with CONTEXT_FIELD and a consent: the context in its field, the consent required, recorded in the message and its field', async () => {
    harness = await startHarness({ ...env, FORM_CONFIG: await configWithNotes(api), CONTEXT_FIELD: 'contexto' }, 0, { departments: DEPARTMENTS });
    const schema = harness.json(await harness.send('/api/form')) as { departments: Array<{ fields: Array<{ id: string }> }>; consent: unknown; serverFields?: unknown };
    expect(schema.departments[0]?.fields.map((field) => field.id)).not.toContain('contexto');
    expect(schema.departments[0]?.fields.map((field) => field.id)).not.toContain('registro');
    expect(schema).not.toHaveProperty('serverFields');
    expect(schema.consent).toMatchObject({ version: 'lgpd-2026-01' });

    const withoutConsent = await post({ ...validFields(), ...CONTEXT });
    expect(withoutConsent.status).toBe(400);
    expect(harness.json(withoutConsent)).toMatchObject({ error: { code: 'required', field: 'consent' } });

    const before = Date.now();
    const answer = await post({ ...validFields(), ...CONTEXT, consent: 'true' });
    expect(answer.status).toBe(201);
    const ticket = lastTicket();
    expect(ticket.customFields.contexto).toBe(
      'https://loja.example.com/checkout · Finalizar <compra> · Firefox 128 · Linux · computador · Tela 2560x1440 · janela 1200x800 · en-GB · Europe/Lisbon',
    );
    const consentLine = /^Consentimento: dado em (\S+) \(versão lgpd-2026-01\)$/;
    const when = Date.parse(consentLine.exec(ticket.customFields.registro ?? '')?.[1] ?? '');
    expect(when).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(when).toBeLessThanOrEqual(Date.now());
    expect(ticket.message).toMatch(/^Desde ontem a senha não é aceita\.<br><br><b>Dados do formulário<\/b><br>Consentimento: dado em \S+ \(versão lgpd-2026-01\)<br>\[ref TT-[0-9A-Z]{8}\]$/);
    // A customer cannot write into the fields the server fills.
    const forged = await post({ ...validFields(), consent: 'true', 'fields[contexto]': 'forjado' });
    expect(harness.json(forged)).toMatchObject({ error: { code: 'unknown_field', field: 'fields[contexto]' } });
  });
});
