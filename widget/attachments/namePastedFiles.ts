/**
 * Pasted files, with the generic name browsers give a clipboard image ("image.png") replaced by
 * `screenshot-<time>.<ext>`, so several pasted screenshots stay tellable apart.
 */
export function namePastedFiles(files: ArrayLike<File>, now: number): File[] {
  return Array.from(files, (file, index) =>
    /^image\.\w+$/.test(file.name)
      ? new File([file], `screenshot-${now + index}.${file.name.slice(6)}`, { type: file.type })
      : file,
  );
}
