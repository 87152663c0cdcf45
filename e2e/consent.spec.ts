import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { CUSTOMER_NAME, uniqueEmail, uniqueTitle } from './support/form-actions.ts';
import { SERVER_CONSENT_ORIGIN } from './support/ports.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';

// The server at SERVER_CONSENT_ORIGIN runs the demo FORM_CONFIG plus a consent (playwright.config.ts).
const LOCALES = [
  {
    lang: 'pt-BR',
    labels: { email: 'E-mail', name: 'Nome', department: 'Departamento', title: 'Assunto', message: 'Mensagem', send: 'Enviar' },
    consent: 'Li e aceito a Política de Privacidade da loja.',
    link: { name: 'Política de Privacidade', href: 'https://loja.example.com/privacidade' },
    error: 'Marque esta caixa para enviar: precisamos do seu consentimento.',
    sent: /^Chamado criado\s*Número do chamado\s*\d+$/,
  },
  {
    lang: 'en',
    labels: { email: 'Email', name: 'Name', department: 'Department', title: 'Subject', message: 'Message', send: 'Send' },
    consent: 'I have read and accept the shop’s Privacy Policy.',
    link: { name: 'Privacy Policy', href: 'https://loja.example.com/privacy' },
    error: 'Tick this box to send: we need your consent.',
    sent: /^Ticket created\s*Ticket number\s*\d+$/,
  },
  {
    lang: 'es',
    labels: { email: 'Correo electrónico', name: 'Nombre', department: 'Departamento', title: 'Asunto', message: 'Mensaje', send: 'Enviar' },
    consent: 'He leído y acepto la Política de Privacidad de la tienda.',
    link: { name: 'Política de Privacidad', href: 'https://loja.example.com/privacidad' },
    error: 'Marque esta casilla para enviar: necesitamos su consentimiento.',
    sent: /^Ticket creado\s*Número de ticket\s*\d+$/,
  },
] as const;

for (const locale of LOCALES) {
  test(`${locale.lang}: the consent checkbox blocks sending until it is ticked, says why next to it, loses nothing typed, and axe finds nothing`, async ({ page, request }) => {
    const posts: string[] = [];
    page.on('request', (sent) => sent.method() === 'POST' && sent.url().startsWith(`${SERVER_CONSENT_ORIGIN}/api/tickets`) && posts.push(sent.url()));
    await page.goto(`/consent.html?lang=${locale.lang}`);
    const form = page.locator('tomticket-form#main');
    const { labels } = locale;
    const send = form.getByRole('button', { name: labels.send, exact: true });
    // Ready once its schema (with the consent) has loaded.
    await expect(send).toBeEnabled();
    const title = uniqueTitle(`Consentimento ${locale.lang}`);
    const message = `Mensagem com consentimento (${locale.lang}).`;
    const textbox = (label: string) => form.getByRole('textbox', { name: label, exact: true });
    await textbox(labels.email).fill(uniqueEmail());
    await textbox(labels.name).fill(CUSTOMER_NAME);
    await form.getByRole('combobox', { name: labels.department, exact: true }).selectOption({ label: 'Financeiro' });
    await textbox('CPF ou CNPJ').fill('123.456.789-09');
    await textbox(labels.title).fill(title);
    await textbox(labels.message).fill(message);

    // The message's counter keeps room for the consent's line the server adds (the context's lines give way instead).
    const schema = (await (await request.get(`${SERVER_CONSENT_ORIGIN}/api/form`)).json()) as { limits: { messageMaxChars: number } };
    expect(schema.limits.messageMaxChars).toBeLessThan(1024);
    await expect(form.locator('#tt-message-count')).toHaveText(`${message.length} / ${schema.limits.messageMaxChars}`);

    const checkbox = form.getByRole('checkbox', { name: locale.consent, exact: true });
    await expect(checkbox).not.toBeChecked();
    const link = form.getByRole('link', { name: locale.link.name, exact: true });
    await expect(link).toHaveAttribute('href', locale.link.href);
    await expect(link).toHaveAttribute('target', '_blank');
    await expectNoAxeViolations(page, `${locale.lang}, consent not yet given`);

    await send.click();
    // Refused in the form: the error is tied to the checkbox, which takes the focus; nothing left for the server.
    await expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    await expect(checkbox).toHaveAccessibleDescription(locale.error);
    await expect(checkbox).toBeFocused();
    await expect(textbox(labels.message)).toHaveValue(message);
    await expect(textbox(labels.title)).toHaveValue(title);
    expect(posts).toEqual([]);
    await expectNoAxeViolations(page, `${locale.lang}, consent missing`);

    await checkbox.check();
    await expect(form.getByText(locale.error)).toHaveCount(0);
    await send.click();
    await expect(form.getByRole('status')).toHaveText(locale.sent, { timeout: 30_000 });
    expect(posts).toHaveLength(1);

    // The ticket records that the consent was given, when (the server's clock, UTC) and which text version.
    const ticket = await ticketByTitle(request, title, SERVER_CONSENT_ORIGIN);
    expect(ticket.messageText.startsWith(message)).toBe(true);
    expect(ticket.messageText).toMatch(/\nConsentimento: dado em \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(versão 2026-01\)\n/);
  });
}
