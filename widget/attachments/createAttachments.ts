import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { estimateTicketBytes, type FileEntry, type Limits, type TextEntry, type TextRules } from '../../contract/index.ts';
import { SUBMISSION_FIELDS } from '../../contract/index.ts';

/** A chosen file; `url` is its thumbnail (images only), revoked when the file goes. */
export interface Attachment {
  id: number;
  file: File;
  url?: string;
}

/** The size meter: under 80 % of the limit, from 80 %, or over it (sending impossible). */
export type MeterState = 'calm' | 'warning' | 'over';

/** A file entry exactly as it will be sent, with the file itself. */
export type AttachmentEntry = FileEntry & { file: File };

/** One form's files, their thumbnails and the size meter of the whole request. */
export interface Attachments {
  files: ReadonlySignal<readonly Attachment[]>;
  entries: ReadonlySignal<AttachmentEntry[]>;
  /** The whole request's size as the server will count it (estimateTicketBytes): the text entries and every file. */
  bytes: ReadonlySignal<number>;
  meter: ReadonlySignal<MeterState>;
  add(files: Iterable<File> | ArrayLike<File>): void;
  remove(id: number): void;
  /** Drops every file and its thumbnail. */
  clear(): void;
}

const WARNING_RATIO = 0.8;

/**
 * The attachments of one form: files in the order chosen, a `blob:` thumbnail per image (revoked
 * when its file goes or the list is cleared), and the meter over `texts` plus the files, measured
 * as the server measures the form it sends upstream (`textRules`).
 */
export function createAttachments(
  limits: ReadonlySignal<Limits>,
  texts: ReadonlySignal<TextEntry[]>,
  textRules: ReadonlySignal<TextRules>,
): Attachments {
  const files = signal<readonly Attachment[]>([]);
  let nextId = 0;
  const entries = computed(() =>
    files.value.map(({ file }) => ({ name: SUBMISSION_FIELDS.attachments, fileName: file.name, type: file.type, size: file.size, file })),
  );
  const bytes = computed(() => estimateTicketBytes([...texts.value, ...entries.value], textRules.value));
  const meter = computed<MeterState>(() => {
    const max = limits.value.requestMaxBytes;
    return bytes.value > max ? 'over' : bytes.value >= max * WARNING_RATIO ? 'warning' : 'calm';
  });
  const revoke = (list: readonly Attachment[]) => list.forEach((a) => a.url && URL.revokeObjectURL(a.url));
  return {
    files,
    entries,
    bytes,
    meter,
    add(list) {
      const added = Array.from(list, (file) => ({
        id: nextId++,
        file,
        url: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined,
      }));
      files.value = [...files.value, ...added];
    },
    remove(id) {
      revoke(files.value.filter((a) => a.id === id));
      files.value = files.value.filter((a) => a.id !== id);
    },
    clear() {
      revoke(files.peek());
      files.value = [];
    },
  };
}
