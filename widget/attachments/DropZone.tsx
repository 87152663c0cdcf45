import type { ViewProps } from '../form/view.ts';

/**
 * A button that opens the file picker (click, Enter, Space) and takes dropped files; the real
 * input beside it is hidden. The drag highlight is a class toggled on the button itself, since it
 * is no state anyone else reads.
 */
export function DropZone({ view, invalid }: ViewProps & { invalid: boolean }) {
  const { model } = view;
  const highlight = (e: { currentTarget: HTMLElement }, on: boolean) => e.currentTarget.classList.toggle('on', on);
  return (
    <>
      <button
        type="button"
        part="dropzone"
        class="drop"
        aria-invalid={invalid && 'true'}
        aria-describedby={invalid ? 'tt-attachments-error' : undefined}
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
        {view.t('drop')}
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
    </>
  );
}
