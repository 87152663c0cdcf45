/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import type { View } from '../form/view.ts';

/**
 * The attachments field: a drop zone, the chosen files, the request's size against the limit, and
 * the files' problem. It lists at most as many files as can be sent and sums up the rest in one
 * row: 500 rows would take longer than a frame to draw, and the meter counts every file anyway.
 */
export function Attachments({ model, t, size, problem: text }: View) {
  const problem = model.problems.value.attachments;
  const files = model.files.value;
  const state = model.meter.value;
  const bytes = model.bytes.value;
  const { requestMaxBytes: max, maxFiles } = model.limits.value;
  const hidden = files.length - maxFiles;
  // The drag highlight is a class on the drop zone itself: no one else reads that state.
  const highlight = (e: { currentTarget: HTMLElement }, on: boolean) => e.currentTarget.classList.toggle('on', on);
  return (
    <div part="field" class="field">
      <span part="label" class="label">
        {t('attachments')}
      </span>
      {/* A button opens the hidden file input (click, Enter, Space) and takes dropped files. */}
      <button
        type="button"
        part="dropzone"
        class="drop"
        aria-invalid={!!problem && 'true'}
        aria-describedby={problem ? 'tt-attachments-error' : undefined}
        onClick={(e) => (e.currentTarget.nextSibling as HTMLInputElement).click()}
        onDragOver={(e) => {
          e.preventDefault();
          highlight(e, true);
        }}
        onDragLeave={(e) => highlight(e, false)}
        onDrop={(e) => {
          e.preventDefault();
          highlight(e, false);
          model.addFiles(e.dataTransfer?.files ?? []);
        }}
      >
        {t('drop')}
      </button>
      <input
        type="file"
        name="attachments"
        multiple
        hidden
        onChange={(e) => {
          model.addFiles(e.currentTarget.files ?? []);
          // Choosing the same file again must fire change again.
          e.currentTarget.value = '';
        }}
      />
      {!!files.length && (
        <ul part="file-list" class="files">
          {files.slice(0, maxFiles).map(({ id, file, url }) => (
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
          {hidden > 0 && <li>{t('more', { n: hidden, max: maxFiles })}</li>}
        </ul>
      )}
      {/* The state sentence is a polite live region: it changes with the state, not with every keystroke. */}
      <div part="meter" class={`meter ${state}`}>
        <progress max={max} value={Math.min(bytes, max)} aria-hidden="true" />
        {t('meter', { used: size(bytes), max: size(max) })}
        <span aria-live="polite">
          {state === 'over' ? t('over', { n: size(bytes - max) }) : state === 'warning' ? t('near') : ''}
        </span>
      </div>
      {problem && (
        <span id="tt-attachments-error" part="error" class="bad">
          {text(problem)}
        </span>
      )}
    </div>
  );
}
