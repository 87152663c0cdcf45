import { describe, expect, it } from 'vitest';
import { namePastedFiles } from './namePastedFiles.ts';

describe('namePastedFiles', () => {
  it('renames generic clipboard images to screenshot-<time>, keeping type and bytes', () => {
    const [first, second] = namePastedFiles(
      [new File(['a'], 'image.png', { type: 'image/png' }), new File(['b'], 'image.jpeg', { type: 'image/jpeg' })],
      1700000000000,
    );
    expect(first!.name).toBe('screenshot-1700000000000.png');
    expect(second!.name).toBe('screenshot-1700000000001.jpeg');
    expect(second!.type).toBe('image/jpeg');
    expect(first!.size).toBe(1);
  });

  it('keeps real file names', () => {
    const file = new File(['a'], 'diagram.png', { type: 'image/png' });
    expect(namePastedFiles([file], 1)[0]).toBe(file);
  });
});
