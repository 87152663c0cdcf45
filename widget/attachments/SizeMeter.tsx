import type { ViewProps } from '../form/view.ts';

/**
 * The whole request's size against the limit. Its state sentence is a polite live region whose
 * text changes with the state (and the amount to remove), not with every keystroke.
 */
export function SizeMeter({ view: { model, t, size } }: ViewProps) {
  const state = model.meter.value;
  const bytes = model.bytes.value;
  const max = model.limits.value.requestMaxBytes;
  return (
    <div part="meter" class={`meter ${state}`}>
      <progress max={max} value={Math.min(bytes, max)} aria-hidden="true" />
      {t('meter', { used: size(bytes), max: size(max) })}
      <span aria-live="polite">
        {state === 'over' ? t('over', { n: size(bytes - max) }) : state === 'warning' ? t('near') : ''}
      </span>
    </div>
  );
}
