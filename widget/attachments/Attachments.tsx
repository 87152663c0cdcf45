/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { useComputed } from '@preact/signals';
import { h } from 'preact';
import type { View } from '../form/view.ts';
import { FileList } from './FileList.tsx';
import { SizeMeter } from './SizeMeter.tsx';

/**
 * The attachments field: a drop zone, the chosen files, the request's size against the limit, and
 * the files' problem. Renders again only when that problem changes.
 */
export function Attachments(view: View) {
  const { model, t } = view;
  const problem = useComputed(() => model.problems.value.attachments).value;
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
      <FileList {...view} />
      <SizeMeter {...view} />
      {problem && (
        <span id="tt-attachments-error" part="error" class="bad">
          {view.problem(problem)}
        </span>
      )}
    </div>
  );
}
