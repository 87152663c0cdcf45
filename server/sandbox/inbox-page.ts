import { formatBytes } from './format-bytes.ts';
import { html, type SafeHtml } from './html.ts';
import type { OutboxEntryView, OutboxState } from '../outbox/types.ts';
import type { TicketView } from './ticket-view.ts';

// Enough of the digest to tell files apart at a glance; the full one is in the tooltip and the JSON.
const SHORT_SHA256_CHARS = 12;

const STATE_NAMES: Record<OutboxState, string> = {
  outbox: 'Na fila · Queued',
  uncertain: 'Incerto · Uncertain',
  dead: 'Morto · Dead',
};

/**
 * The sandbox inbox: tickets the server still holds (outbox), then every ticket the fake received,
 * newest first. Nothing but markup and a linked stylesheet, so it works under
 * `Content-Security-Policy: default-src 'self'`.
 */
export function renderInboxPage(tickets: readonly TicketView[], outbox: readonly OutboxEntryView[] = []): string {
  const count = tickets.length === 1 ? '1 chamado · 1 ticket' : `${tickets.length} chamados · ${tickets.length} tickets`;
  return html`<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox inbox · TomTicket</title>
<link rel="stylesheet" href="/sandbox/inbox.css">
</head>
<body>
<header class="page-header">
<h1>Caixa de entrada do sandbox</h1>
<p class="subtitle">Sandbox inbox — tickets received by the fake TomTicket. Nothing here reached a real TomTicket account.</p>
<nav><a href="/sandbox">Atualizar · Refresh</a> <a href="/sandbox/tickets.json">JSON</a></nav>
</header>
<main>
${outbox.length === 0 ? html`` : renderOutbox(outbox)}
<p class="count">${count}</p>
${tickets.length === 0 ? renderEmpty() : tickets.map(renderTicket)}
</main>
</body>
</html>
`.markup;
}

function renderOutbox(entries: readonly OutboxEntryView[]): SafeHtml {
  return html`<section class="outbox">
<h2>Ainda não entregues · Not delivered yet (${entries.length})</h2>
<p class="subtitle">Held in the server's outbox (DATA_DIR): queued ones are retried; uncertain and dead ones wait for an operator.</p>
<table>
<thead><tr><th>Estado · State</th><th>Referência · Reference</th><th>Assunto · Title</th><th>Idade · Age</th><th>Tentativas · Tries</th><th>Último erro · Last error</th></tr></thead>
<tbody>${entries.map(
    (entry) => html`<tr class="state-${entry.state}"><td>${STATE_NAMES[entry.state]}</td><td><code>${entry.reference}</code></td><td>${entry.title}</td><td>${formatAge(entry.ageSeconds)}</td><td>${entry.attempts}</td><td>${entry.lastError ?? '—'}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h`;
}

function renderEmpty(): SafeHtml {
  return html`<p class="empty">Nenhum chamado recebido ainda. Envie um pelo formulário.<br>No tickets yet: send one from the form.</p>`;
}

function renderTicket(ticket: TicketView): SafeHtml {
  const categoryName = ticket.category ? (ticket.category.name ?? ticket.category.id) : '—';
  return html`<article class="ticket" id="ticket-${ticket.id}">
<header class="ticket-header">
<h2><span class="protocol">#${ticket.protocol}</span> <span class="title">${ticket.title}</span></h2>
<time datetime="${ticket.createdAt}">${ticket.createdAt.replace('T', ' ').slice(0, 19)} UTC</time>
</header>
<dl class="facts">
<dt>Prioridade · Priority</dt><dd><span class="priority priority-${ticket.priority}">${ticket.priority} · ${ticket.priorityName}</span></dd>
<dt>Departamento · Department</dt><dd>${ticket.department.name ?? ticket.department.id}</dd>
<dt>Categoria · Category</dt><dd>${categoryName}</dd>
<dt>Cliente · Customer</dt><dd>${ticket.customer.email}</dd>
<dt>ID</dt><dd><code>${ticket.id}</code></dd>
</dl>
<div class="message">${ticket.messageText}</div>
${renderCustomFields(ticket.customFields)}
${renderAttachments(ticket)}
</article>
`;
}

function renderCustomFields(fields: Record<string, string>): SafeHtml {
  const entries = Object.entries(fields);
  if (entries.length === 0) return html``;
  return html`<h3>Campos personalizados · Custom fields</h3>
<dl class="custom-fields">${entries.map(([id, value]) => html`<dt><code>${id}</code></dt><dd>${value}</dd>`)}</dl>`;
}

function renderAttachments(ticket: TicketView): SafeHtml {
  if (ticket.attachments.length === 0) return html``;
  return html`<h3>Anexos · Attachments</h3>
<ul class="attachments">${ticket.attachments.map(
    (attachment) => html`<li><a href="${attachment.url}" download="${attachment.name}">${attachment.name}</a> <span class="size">${formatBytes(attachment.size)}</span> <code class="sha256" title="sha256 ${attachment.sha256}">sha256 ${attachment.sha256.slice(0, SHORT_SHA256_CHARS)}…</code></li>`,
  )}</ul>`;
}
