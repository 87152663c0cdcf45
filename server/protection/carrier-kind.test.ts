import { describe, expect, it } from 'vitest';
import { CARRIER_HEAD_BYTES, carrierKind } from './carrier-kind.ts';

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));
/** A head of CARRIER_HEAD_BYTES zero bytes with `bytes` written at `offset`. */
function headWith(offset: number, bytes: readonly number[]): Uint8Array {
  const head = new Uint8Array(CARRIER_HEAD_BYTES);
  head.set(bytes, offset);
  return head;
}
const NO_TAIL = new Uint8Array(512);

describe('carrierKind', () => {
  it.each([
    ['an ISO 9660 image', headWith(0x8001, ascii('CD001')), 'disk image (ISO 9660)'],
    ['an ISO 9660 image with its descriptor further in', headWith(0x9001, ascii('CD001')), 'disk image (ISO 9660)'],
    ['a UDF image', headWith(0x8001, ascii('BEA01')), 'disk image (UDF)'],
    ['a dynamic VHD', headWith(0, ascii('conectix')), 'virtual disk (VHD)'],
    ['a VHDX', headWith(0, ascii('vhdxfile')), 'virtual disk (VHDX)'],
    ['a cabinet', headWith(0, [...ascii('MSCF'), 0, 0, 0, 0]), 'cabinet archive (CAB)'],
    ['a OneNote section', headWith(0, [0xe4, 0x52, 0x5c, 0x7b, 0x8c, 0xd8, 0xa7, 0x4d, 0xae, 0xb1, 0x53, 0x78, 0xd0, 0x29, 0x96, 0xd3]), 'OneNote notebook'],
    ['a compiled help file', headWith(0, [...ascii('ITSF'), 3, 0, 0, 0]), 'compiled help file (CHM)'],
  ])('recognises %s by its first bytes', (_case, head, kind) => {
    expect(carrierKind(head, NO_TAIL)).toBe(kind);
  });

  it('recognises a fixed-size VHD by its footer, also the 511-byte one of old images', () => {
    const footer = new Uint8Array(512);
    footer.set(ascii('conectix'));
    expect(carrierKind(new Uint8Array(CARRIER_HEAD_BYTES), footer)).toBe('virtual disk (VHD)');
    const oldFooter = new Uint8Array(512);
    oldFooter.set(ascii('conectix'), 1);
    expect(carrierKind(new Uint8Array(CARRIER_HEAD_BYTES), oldFooter)).toBe('virtual disk (VHD)');
  });

  it.each([
    ['a short file', new Uint8Array(ascii('%PDF-1.7'))],
    ['a long file of zeros', new Uint8Array(CARRIER_HEAD_BYTES)],
    ['CD001 at the wrong place', headWith(0x8000, ascii('CD001'))],
    ['text that mentions MSCF', headWith(0, ascii('MSCF is a cabinet'))],
  ])('lets %s through', (_case, head) => {
    expect(carrierKind(head, head.subarray(Math.max(0, head.length - 512)))).toBeUndefined();
  });
});
