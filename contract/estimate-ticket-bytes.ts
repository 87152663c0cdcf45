import { NOTES_ALLOWANCE_BYTES } from './context.ts';
import { estimateMultipartBytes, type FileEntry, type TextEntry } from './estimate-multipart-bytes.ts';
import { formatMessage, type TextRules } from './sent-text.ts';
import { SUBMISSION_FIELDS } from './submission.ts';
import { utf8Length } from './utf8-length.ts';

/**
 * What the companion server's `criar_chamado` form may carry beyond the widget's own, in the
 * server's own arithmetic: the `tipo_identificador=E` part it adds, and TomTicket's field names
 * where they are longer than the widget's (`department` is sent as `id_departamento`…). The
 * server refuses a ticket whose upstream form is over the limit, so the meter must count this too.
 * server/submission/estimate-upstream-bytes.test.ts fails when the server's form outgrows it.
 */
const UPSTREAM_EXTRA_PART: TextEntry = { name: 'tipo_identificador', value: 'E' };
const UPSTREAM_NAMES: Readonly<Record<string, string>> = {
  [SUBMISSION_FIELDS.department]: 'id_departamento',
  [SUBMISSION_FIELDS.category]: 'id_tipoassunto',
  [SUBMISSION_FIELDS.title]: 'titulo',
  [SUBMISSION_FIELDS.message]: 'mensagem',
  [SUBMISSION_FIELDS.priority]: 'prioridade',
};
// Pure: a script that imports the contract for something else (the widget's send part) drops it.
const UPSTREAM_ALLOWANCE_BYTES = /* @__PURE__ */ upstreamAllowanceBytes();

function upstreamAllowanceBytes(): number {
  const extraPart = estimateMultipartBytes([UPSTREAM_EXTRA_PART]) - estimateMultipartBytes([]);
  // The context and consent a form may send, and what they become upstream: counted whether or not this form sends them.
  const notes = NOTES_ALLOWANCE_BYTES;
  return extraPart + notes + Object.entries(UPSTREAM_NAMES).reduce((sum, [ours, theirs]) => sum + Math.max(0, theirs.length - ours.length), 0);
}

/**
 * An upper bound of the bytes a ticket with `entries` costs against the request limit: both the
 * body the browser sends (estimateMultipartBytes) and the form the server sends TomTicket, whose
 * message may be longer once formatted (`<br>` for a line break, `&lt;` for `<`).
 */
export function estimateTicketBytes(entries: ReadonlyArray<TextEntry | FileEntry>, textRules: TextRules): number {
  const measured = entries.map((entry) => {
    if (!('value' in entry) || entry.name !== SUBMISSION_FIELDS.message) return entry;
    const sent = formatMessage(entry.value, textRules.messageFormat);
    return utf8Length(sent) > utf8Length(entry.value) ? { ...entry, value: sent } : entry;
  });
  return estimateMultipartBytes(measured) + UPSTREAM_ALLOWANCE_BYTES;
}
