import type { ViewProps } from './view.ts';

/** After a ticket was created: its protocol number when TomTicket gave one, and a way to send another. */
export function Success({ view: { model, t } }: ViewProps) {
  const protocol = model.ticket.value?.protocol;
  return (
    <div part="success" class="row">
      <p role="status" tabIndex={-1} data-focus>
        {protocol != null ? t('sent', { n: protocol }) : t('sentPlain')}
      </p>
      <button type="button" part="button" onClick={model.reset}>
        {t('another')}
      </button>
    </div>
  );
}
