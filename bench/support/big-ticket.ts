import { LIMITS, SUBMISSION_FIELDS } from '../../contract/index.ts';
import { relayTicketFields, upstreamTicketFields } from './bench-account.ts';
import { streamedFormBody, type StreamedBody } from './multipart.ts';

// An MP4 file's first box ("ftyp", brand isom), so the relay's file-type checks see the video it is declared as.
const MP4_SIGNATURE = Buffer.from('0000001c667479706973736f6d0000020069736f6d69736f32', 'hex');

// The relay checks the form it will send TomTicket against the limit too, counting a 70-character
// boundary for every part: this much room keeps both forms within 25 MB.
const ROOM_FOR_FIELDS = 4 * 1024;

/** Bytes of the attachment of a "25 MB ticket": as large as a ticket may carry. */
export const BIG_FILE_BYTES = LIMITS.requestMaxBytes - ROOM_FOR_FIELDS;

/** A 25 MB ticket (one attachment of {@link BIG_FILE_BYTES}) as the widget posts it to a relay. */
export function bigRelayTicket(): StreamedBody {
  return streamedFormBody(relayTicketFields(), {
    field: SUBMISSION_FIELDS.attachments,
    fileName: 'gravacao-da-tela.mp4',
    type: 'video/mp4',
    size: BIG_FILE_BYTES,
    firstBytes: MP4_SIGNATURE,
  });
}

/** The same ticket in TomTicket's field names, to post straight to the fake's `criar_chamado`. */
export function bigUpstreamTicket(): StreamedBody {
  return streamedFormBody(upstreamTicketFields(), {
    field: 'anexos[0]',
    fileName: 'gravacao-da-tela.mp4',
    type: 'video/mp4',
    size: BIG_FILE_BYTES,
    firstBytes: MP4_SIGNATURE,
  });
}
