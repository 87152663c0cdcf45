import type { ViewProps } from '../form/view.ts';

/** The chosen files: thumbnail (images), name, size, and a remove button named after the file. */
export function FileList({ view: { model, t, size } }: ViewProps) {
  const files = model.files.value;
  return (
    !!files.length && (
      <ul part="file-list" class="files">
        {files.map(({ id, file, url }) => (
          <li key={id}>
            {/* A strict img-src (no blob:) blocks thumbnails: hide the broken image rather than show it. */}
            {url && <img src={url} alt="" onError={(e) => (e.currentTarget.hidden = true)} />}
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
      </ul>
    )
  );
}
