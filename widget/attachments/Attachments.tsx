import type { ViewProps } from '../form/view.ts';
import { DropZone } from './DropZone.tsx';
import { FileList } from './FileList.tsx';
import { SizeMeter } from './SizeMeter.tsx';

/** The attachments field: drop zone, chosen files, the request's size, and the files' problem. */
export function Attachments({ view }: ViewProps) {
  const problem = view.model.problems.value.attachments;
  return (
    <div part="field" class="field">
      <span part="label" class="label">
        {view.t('attachments')}
      </span>
      <DropZone view={view} invalid={!!problem} />
      <FileList view={view} />
      <SizeMeter view={view} />
      {problem && (
        <span id="tt-attachments-error" part="error" class="bad">
          {view.problem(problem)}
        </span>
      )}
    </div>
  );
}
