import type { ViewProps } from './view.ts';

/**
 * After a ticket was taken: its protocol number when TomTicket gave one, or, when the server holds
 * it for delivery (TomTicket unavailable), that it was received, with its reference; and a way to send another.
 */
export function Success({ view: { model, t } }: ViewProps) {
  const { protocol, queued, reference } = model.ticket.value!;
  return (
    <div part="success" class="row">
      <p role="status" tabIndex={-1} data-focus>
        {queued ? t('queued', { ref: reference }) : protocol != null ? t('sent', { n: protocol }) : t('sentPlain')}
      </p>
      <button type="button" part="button" onClick={model.reset}>
        {t('another')}
      </button>
    </div>
  );
}
