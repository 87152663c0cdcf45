/** How many leading bytes {@link carrierKind} needs: an ISO 9660 volume descriptor lies 32 KiB into the image. */
export const CARRIER_HEAD_BYTES = 0x9006;
/** How many trailing bytes it needs: a fixed-size VHD has no header, only a footer in its last 512 bytes. */
export const CARRIER_TAIL_BYTES = 512;

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** Containers by the bytes they hold at an offset from the start. */
const CARRIER_SIGNATURES: ReadonlyArray<{ kind: string; offset: number; bytes: readonly number[] }> = [
  // ISO 9660: the primary volume descriptor at sector 16 (of 2048 bytes), or a later descriptor.
  { kind: 'disk image (ISO 9660)', offset: 0x8001, bytes: ascii('CD001') },
  { kind: 'disk image (ISO 9660)', offset: 0x8801, bytes: ascii('CD001') },
  { kind: 'disk image (ISO 9660)', offset: 0x9001, bytes: ascii('CD001') },
  // UDF (DVD and Blu-ray images, many .iso files): its volume recognition sequence starts there too.
  { kind: 'disk image (UDF)', offset: 0x8001, bytes: ascii('BEA01') },
  // A dynamic or differencing VHD starts with a copy of its footer.
  { kind: 'virtual disk (VHD)', offset: 0, bytes: ascii('conectix') },
  { kind: 'virtual disk (VHDX)', offset: 0, bytes: ascii('vhdxfile') },
  { kind: 'cabinet archive (CAB)', offset: 0, bytes: [...ascii('MSCF'), 0, 0, 0, 0] },
  // A OneNote section: its file format GUID {7B5C52E4-D88C-4DA7-AEB1-5378D02996D3}, little-endian.
  { kind: 'OneNote notebook', offset: 0, bytes: [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3] },
  { kind: 'compiled help file (CHM)', offset: 0, bytes: [...ascii('ITSF'), 3, 0, 0, 0] },
];
const VHD_FOOTER = ascii('conectix');

/**
 * What container that mounts, unpacks or runs programs with a double-click `head` and `tail` (a
 * file's first {@link CARRIER_HEAD_BYTES} and last {@link CARRIER_TAIL_BYTES} bytes) show, or
 * undefined: disk images (ISO 9660, UDF, VHD, VHDX), cabinet archives, OneNote notebooks and
 * compiled help files, the carriers phishing moved to once Office stopped running macros from the
 * internet. Raw disk images (.img) have no signature and are refused by their extension only.
 */
export function carrierKind(head: Uint8Array, tail: Uint8Array): string | undefined {
  for (const { kind, offset, bytes } of CARRIER_SIGNATURES) if (matchesAt(head, offset, bytes)) return kind;
  // A fixed-size VHD: the footer is the last 512 bytes (511 in images made by old versions).
  if (matchesAt(tail, tail.length - 512, VHD_FOOTER) || matchesAt(tail, tail.length - 511, VHD_FOOTER)) return 'virtual disk (VHD)';
  return undefined;
}

function matchesAt(data: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (offset < 0 || data.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => data[offset + i] === byte);
}
