/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import type { View } from '../form/view.ts';

/**
 * The chosen files, each with its thumbnail (an image's preview, or a file-type icon with the
 * name's extension: every row has the slot, so names line up), size and a remove button; renders again only when the
 * list changes. It lists at most as many files as can be sent and sums up the rest in one row: 500
 * rows would take longer than a frame to draw, and the meter counts every file anyway.
 */
export function FileList({ model, t, size }: View) {
  const files = model.files.value;
  const { maxFiles } = model.limits.value;
  const hidden = files.length - maxFiles;
  if (!files.length) return null;
  return (
    <ul part="file-list" class="files">
      {files.slice(0, maxFiles).map(({ id, file, url }) => (
        <li key={id}>
          <div class="thumb" aria-hidden="true">
            {/* The group always matches when the expression does. */}
            {/\.(\w+)$/.exec(file.name)?.[1]!.toUpperCase()}
            {/* A strict img-src (no blob:) blocks thumbnails: the broken image is hidden, the icon shows. */}
            {url && <img src={url} alt="" onError={(e) => (e.currentTarget.hidden = true)} />}
          </div>
          <span>{file.name}</span>
          {size(file.size)}
          <button
            type="button"
            part="button"
            aria-label={t('remove', { name: file.name })}
            onClick={(e) => {
              // The button goes away with its file: keep the keyboard focus in the field.
              const dropZone = e.currentTarget.closest('.field')!.querySelector('button')!;
              model.removeFile(id);
              dropZone.focus();
            }}
          >
            ×
          </button>
        </li>
      ))}
      {hidden > 0 && <li>{t('more', { n: hidden, max: maxFiles })}</li>}
    </ul>
  );
}
