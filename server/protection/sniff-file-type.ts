/** How many leading bytes of a file {@link executableKind} and {@link looksLikeImage} need. */
export const SNIFF_BYTES = 1024;

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** Signatures of programs and scripts that run when opened, by the bytes they start with. */
const EXECUTABLE_SIGNATURES: ReadonlyArray<{ kind: string; bytes: readonly number[] }> = [
  { kind: 'Windows or DOS program (MZ)', bytes: ascii('MZ') },
  { kind: 'Linux program (ELF)', bytes: [0x7f, ...ascii('ELF')] },
  { kind: 'macOS program (Mach-O)', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { kind: 'macOS program (Mach-O)', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'macOS program (Mach-O)', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: 'macOS program (Mach-O)', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  // Also a Java class file: both run.
  { kind: 'macOS universal program or Java class', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'Windows shortcut (LNK)', bytes: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00] },
  { kind: 'WebAssembly module', bytes: [0x00, ...ascii('asm')] },
  { kind: 'Android program (DEX)', bytes: [...ascii('dex'), 0x0a] },
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
// A JAR's or APK's first entry; documents (docx, odt, epub) start with [Content_Types].xml or mimetype.
const RUNNABLE_ZIP_FIRST_ENTRY = /^(?:META-INF\/|AndroidManifest\.xml$|classes\.dex$)/;

/** What program or script `head` (a file's first bytes) is, or undefined when it is none of the known ones. */
export function executableKind(head: Uint8Array): string | undefined {
  for (const { kind, bytes } of EXECUTABLE_SIGNATURES) if (startsWith(head, bytes)) return kind;
  // A Unix script, even when an editor put a byte order mark before it.
  if (startsWith(skipUtf8Bom(head), ascii('#!'))) return 'script (#!)';
  if (startsWith(head, ZIP_LOCAL_HEADER) && head.length >= 30) {
    const nameLength = (head[26] as number) | ((head[27] as number) << 8);
    const firstEntry = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
    if (RUNNABLE_ZIP_FIRST_ENTRY.test(firstEntry)) return 'Java or Android archive (JAR/APK)';
  }
  return undefined;
}

/** Raster image signatures: what `image/*` files really start with. */
const IMAGE_SIGNATURES: ReadonlyArray<readonly (number | undefined)[]> = [
  [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF87a'),
  ascii('GIF89a'),
  [...ascii('RIFF'), undefined, undefined, undefined, undefined, ...ascii('WEBP')],
  ascii('BM'), // BMP
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  [0x00, 0x00, 0x01, 0x00], // ICO
  [0x00, 0x00, 0x02, 0x00], // CUR
  [0xff, 0x0a], // JPEG XL codestream
  [0x00, 0x00, 0x00, 0x0c, ...ascii('JXL '), 0x0d, 0x0a, 0x87, 0x0a], // JPEG XL container
  ascii('8BPS'), // Photoshop
  [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], // JPEG 2000
];
// ISO-BMFF brands of AVIF and HEIF/HEIC images (the `ftyp` box at offset 4).
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/**
 * Whether a file declared as `declaredType` (an `image/…` type) starts the way such an image
 * does: one of the raster signatures, an AVIF/HEIC `ftyp` box, or for SVG an XML text with an
 * `<svg` element near its start.
 */
export function looksLikeImage(head: Uint8Array, declaredType: string): boolean {
  if (declaredType.toLowerCase().startsWith('image/svg')) {
    const text = new TextDecoder().decode(skipUtf8Bom(head)).trimStart();
    return text.startsWith('<') && /<svg[\s>]/i.test(text);
  }
  if (IMAGE_SIGNATURES.some((signature) => startsWith(head, signature))) return true;
  if (head.length >= 12 && new TextDecoder().decode(head.subarray(4, 8)) === 'ftyp') {
    return IMAGE_BRANDS.has(new TextDecoder().decode(head.subarray(8, 12)));
  }
  return false;
}

/** Whether `head` starts with `signature`; undefined entries match any byte. */
function startsWith(head: Uint8Array, signature: readonly (number | undefined)[]): boolean {
  if (head.length < signature.length) return false;
  return signature.every((byte, i) => byte === undefined || head[i] === byte);
}

function skipUtf8Bom(head: Uint8Array): Uint8Array {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
}
