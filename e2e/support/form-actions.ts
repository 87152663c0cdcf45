import { randomUUID } from 'node:crypto';
import { expect, type JSHandle, type Locator, type Page } from '@playwright/test';
import type { TestFile } from './test-files.ts';

/** The three departments of the sandbox's demo form (server/sandbox/demo-form-config.json). */
export type DemoDepartment = 'Suporte' | 'Financeiro' | 'Comercial';

/** What {@link fillRequired} types; everything but the title has a default. */
export interface TicketInput {
  title: string;
  message?: string;
  email?: string;
  name?: string;
  department?: DemoDepartment;
}

/** The customer's name the tests type. */
export const CUSTOMER_NAME = 'Cliente Teste';

/** A ticket title no other test uses, so the sandbox's ticket list can be searched by it. */
export function uniqueTitle(what: string): string {
  return `${what} ${randomUUID().slice(0, 8)}`;
}

/** A customer e-mail no other test uses: the server limits tickets per e-mail and hour. */
export function uniqueEmail(): string {
  return `cliente-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * `<tomticket-form id=…>` of the loaded page, once its schema has loaded: the fields are drawn at
 * once, but Send stays aria-disabled (and departments absent) until then.
 */
export async function readyForm(page: Page, id = 'main'): Promise<Locator> {
  const form = page.locator(`tomticket-form#${id}`);
  await expect(sendButton(form)).toBeEnabled();
  return form;
}

/** Loads the host page `path` and returns its ready inline form `id` (see {@link readyForm}). */
export async function openInlineForm(page: Page, path: string, id = 'main'): Promise<Locator> {
  await page.goto(path);
  return readyForm(page, id);
}

/** A text field (input or textarea) of `form` by its visible label, without the required marker. */
export function textbox(form: Locator, label: string): Locator {
  return form.getByRole('textbox', { name: label, exact: true });
}

/** A select of `form` by its visible label. */
export function combobox(form: Locator, label: string): Locator {
  return form.getByRole('combobox', { name: label, exact: true });
}

/** The form's Send button. */
export function sendButton(form: Locator): Locator {
  return form.getByRole('button', { name: 'Enviar', exact: true });
}

/** The attachments drop zone (a button that also opens the file picker). */
export function dropZone(form: Locator): Locator {
  return form.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
}

/** The hidden file input behind the drop zone. */
export function fileInput(form: Locator): Locator {
  return form.locator('input[type=file]');
}

/** The size meter (bar, `used de max` text, state sentence). */
export function sizeMeter(form: Locator): Locator {
  return form.locator('[part=meter]');
}

/** The names of the files listed under the drop zone. */
export function listedFiles(form: Locator): Locator {
  return form.locator('[part=file-list] li > span');
}

/** Attaches `files` through the file input, as the picker would. */
export async function pickFiles(form: Locator, files: readonly TestFile[]): Promise<void> {
  await fileInput(form).setInputFiles(files.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
}

/** A DataTransfer made inside the page holding `files`, as a drag from the desktop carries them. */
export async function dataTransferOf(page: Page, files: readonly TestFile[]): Promise<JSHandle<DataTransfer>> {
  const payload = files.map(({ name, mimeType, buffer }) => ({ name, mimeType, base64: buffer.toString('base64') }));
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, mimeType, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: mimeType }));
    }
    return transfer;
  }, payload);
}

/** Drags `transfer` over `target` (dragenter, dragover), as the pointer entering it would. */
export async function dragOver(target: Locator, transfer: JSHandle<DataTransfer>): Promise<void> {
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
}

/** Drops `transfer` on `target`. */
export async function drop(target: Locator, transfer: JSHandle<DataTransfer>): Promise<void> {
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Fills every field a ticket needs: customer, department and the department's required fields
 * (Suporte: category "Acesso e login" and browser; Financeiro: CPF; Comercial: user count).
 */
export async function fillRequired(form: Locator, input: TicketInput): Promise<void> {
  const department = input.department ?? 'Financeiro';
  await textbox(form, 'E-mail').fill(input.email ?? uniqueEmail());
  await textbox(form, 'Nome').fill(input.name ?? CUSTOMER_NAME);
  await combobox(form, 'Departamento').selectOption({ label: department });
  if (department === 'Suporte') {
    await combobox(form, 'Categoria').selectOption({ label: 'Acesso e login' });
    await combobox(form, 'Navegador').selectOption({ label: 'Google Chrome' });
  } else if (department === 'Financeiro') {
    await textbox(form, 'CPF ou CNPJ').fill('123.456.789-09');
  } else {
    await form.getByRole('spinbutton', { name: 'Quantidade de usuários', exact: true }).fill('5');
  }
  await textbox(form, 'Assunto').fill(input.title);
  await textbox(form, 'Mensagem').fill(input.message ?? `Mensagem de teste: ${input.title}`);
}

/** Waits for the success message and returns the protocol number it shows large. */
export async function expectSent(form: Locator): Promise<number> {
  const status = form.getByRole('status');
  await expect(status).toHaveText(/^Chamado criado\s*Número do chamado\s*\d+$/, { timeout: 30_000 });
  return Number(await status.locator('[part=ticket-number]').textContent());
}
