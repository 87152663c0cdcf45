/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import type { View } from './view.ts';

/**
 * After a ticket was taken: its protocol number when TomTicket gave one, or, when the server holds
 * it for delivery (TomTicket unavailable), that it was received, with its reference; and a way to send another.
 */
export function Success({ model, t }: View) {
  const { protocol, queued, reference } = model.ticket.value!;
  return (
    <div part="success" class="row">
      <p role="status" tabIndex={-1} data-focus>
        {t(queued ? 'queued' : protocol != null ? 'sent' : 'sentPlain', { ref: reference, n: protocol })}
      </p>
      <button type="button" part="button" onClick={model.reset}>
        {t('another')}
      </button>
    </div>
  );
}
