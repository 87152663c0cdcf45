import type { ErrorCode, SubmissionFieldName } from '../../contract/index.ts';
import type { SpooledFile } from '../tomticket/types.ts';

/** One expected problem with a submission: what the API answers as `error` (and in `errors`). */
export interface SubmissionProblem {
  code: ErrorCode;
  /** For developers reading the API; the widget shows its own text for the code. */
  message: string;
  /** The form field to show it next to, when there is one. */
  field?: SubmissionFieldName;
}

/** A refusal of the whole request, with the HTTP status it is answered with. */
export interface Refusal extends SubmissionProblem {
  status: 400 | 413 | 415;
}

/** A text part of the multipart body, as it arrived. */
export interface ReceivedField {
  name: string;
  value: string;
  /** The value was longer than the parser keeps (so it is certainly too long). */
  valueTruncated: boolean;
  /** The name was longer than the parser keeps (so it is certainly unknown). */
  nameTruncated: boolean;
}

/** A file part under `attachments`, spooled to disk; `fileName` is sanitised and may be empty. */
export type ReceivedFile = SpooledFile & {
  /** The file name exactly as the client sent it, for the checks that refuse crafted names. */
  rawFileName: string;
};

/** The multipart body, parsed: text parts in arrival order and the spooled attachments. */
export interface ReceivedSubmission {
  fields: ReceivedField[];
  files: ReceivedFile[];
  /** Field names of file parts that came under a name other than `attachments` (their bytes were discarded). */
  strayFileFieldNames: string[];
}
