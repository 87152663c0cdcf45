/**
 * demo.js: the demo page's own script (index.html), never part of the widget: the theme builder
 * over the page's forms, and the copy button of the embed snippet.
 */
import { render } from 'preact';
import { copyText } from './theme-builder/copyText.ts';
import { createThemeModel } from './theme-builder/createThemeModel.ts';
import { ThemeBuilder } from './theme-builder/ThemeBuilder.tsx';

const mount = document.getElementById('theme-builder');
const sample = document.getElementById('demo-inline');
if (mount && sample) {
  const model = createThemeModel(() => document.querySelectorAll('tomticket-form'), sample);
  mount.replaceChildren();
  render(<ThemeBuilder model={model} />, mount);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const code = document.getElementById(button.dataset.copy!)!;
  button.addEventListener('click', async () => {
    const outcome = await copyText(code.textContent ?? '', code);
    button.textContent = outcome === 'copied' ? 'Copiado' : 'Selecionado: copie com Ctrl+C';
  });
}
