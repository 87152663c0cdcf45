import { describe, expect, it } from 'vitest';
import { executableKind, looksLikeImage } from './sniff-file-type.ts';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part)));

/** A ZIP whose first entry is `name`, as a JAR, an APK or a document starts. */
function zipStartingWith(name: string): Uint8Array {
  const header = new Uint8Array(30 + name.length);
  header.set([0x50, 0x4b, 0x03, 0x04]);
  header[26] = name.length;
  header.set(bytes(name), 30);
  return header;
}

describe('executableKind', () => {
  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0, 3])],
    ['a Linux program', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a 64-bit macOS program', bytes([0xcf, 0xfa, 0xed, 0xfe, 7])],
    ['a universal macOS program or Java class', bytes([0xca, 0xfe, 0xba, 0xbe, 0])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~')],
    ['a script behind a byte order mark', bytes([0xef, 0xbb, 0xbf], '#!/usr/bin/env python3')],
    ['a Windows shortcut', bytes([0x4c, 0, 0, 0, 1, 0x14, 2, 0, 0, 0])],
    ['a WebAssembly module', bytes([0], 'asm', [1, 0, 0, 0])],
    ['an Android DEX file', bytes('dex\n035')],
    ['a JAR', zipStartingWith('META-INF/MANIFEST.MF')],
    ['an APK', zipStartingWith('AndroidManifest.xml')],
  ])('recognises %s', (_case, head) => {
    expect(executableKind(head)).toBeDefined();
  });

  it.each([
    ['a PDF', bytes('%PDF-1.7')],
    ['a Word document', zipStartingWith('[Content_Types].xml')],
    ['an OpenDocument', zipStartingWith('mimetype')],
    ['plain text mentioning MZ later', bytes('Hello MZ #!')],
    ['an empty file', new Uint8Array()],
    ['a single M', bytes('M')],
  ])('lets %s through', (_case, head) => {
    expect(executableKind(head)).toBeUndefined();
  });
});

describe('looksLikeImage', () => {
  it.each([
    ['image/png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['image/bmp', bytes('BM', [0, 0])],
    ['image/avif', bytes([0, 0, 0, 0x1c], 'ftypavif')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['image/tiff', bytes('II', [0x2a, 0])],
    ['image/x-icon', bytes([0, 0, 1, 0, 1, 0])],
    ['image/svg+xml', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
  ])('accepts a real %s', (type, head) => {
    expect(looksLikeImage(head, type)).toBe(true);
  });

  it.each([
    ['image/png', bytes('MZ', [0x90])],
    ['image/jpeg', bytes('<html><script>alert(1)</script>')],
    ['image/gif', bytes('GIF90a')],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WAVE')],
    ['image/mp4-in-disguise', bytes([0, 0, 0, 0x1c], 'ftypisom')],
    ['image/svg+xml', bytes('<html><body>no svg here</body></html>')],
    ['image/png', new Uint8Array()],
  ])('refuses %s that is not one', (type, head) => {
    expect(looksLikeImage(head, type)).toBe(false);
  });
});
