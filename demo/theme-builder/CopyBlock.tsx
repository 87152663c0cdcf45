import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { copyText } from './copyText.ts';

/** Code to paste, with a button copying it that says whether it did. */
export function CopyBlock({ code, label }: { code: string; label: string }) {
  const shown = useRef<HTMLElement>(null);
  const said = useSignal('Copiar');
  return (
    <div class="tb-code">
      {/* Focusable: a long line scrolls sideways, and the keyboard must reach it (axe: scrollable-region-focusable). */}
      <pre tabIndex={0}>
        <code ref={shown}>{code}</code>
      </pre>
      <button
        type="button"
        class="copy"
        aria-label={`${said.value} ${label}`}
        onClick={async () => {
          const outcome = await copyText(code, shown.current!);
          said.value = outcome === 'copied' ? 'Copiado' : 'Selecionado: copie com Ctrl+C';
        }}
      >
        {said}
      </button>
    </div>
  );
}
