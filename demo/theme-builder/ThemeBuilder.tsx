import type { ComponentChildren } from 'preact';
import { toHex } from './contrast.ts';
import type { ThemeModel } from './createThemeModel.ts';
import { CopyBlock } from './CopyBlock.tsx';
import type { ThemeChoices } from './themeChoices.ts';

/** The font stacks offered: ones every system has some face of, so the choice shows anywhere. */
const FONTS: ReadonlyArray<[string, string]> = [
  ['', 'Do sistema (padrão)'],
  ['Georgia, "Times New Roman", serif', 'Serifada (Georgia)'],
  ['"Trebuchet MS", "Segoe UI", sans-serif', 'Humanista (Trebuchet)'],
  ['ui-rounded, "Arial Rounded MT Bold", system-ui, sans-serif', 'Arredondada'],
  ['ui-monospace, Menlo, Consolas, monospace', 'Monoespaçada'],
];

type ColourChoice = 'accent' | 'text' | 'background';

/** One labelled control row. */
function Row({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="tb-row">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

/** A set of radio buttons for one choice. */
function Choice<K extends 'theme' | 'position' | 'launcherLabel'>({
  model,
  name,
  legend,
  options,
}: {
  model: ThemeModel;
  name: K;
  legend: string;
  options: ReadonlyArray<[ThemeChoices[K], string]>;
}) {
  return (
    <fieldset class="tb-choice">
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={`tb-${name}`}
            value={value}
            checked={model.choices.value[name] === value}
            onChange={() => model.choose({ [name]: value })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The theme builder: colours, corners, font, theme and the launcher's corner and label; every
 * change shows on the page's forms at once, and below as the CSS and the elements to paste, with
 * a warning for each colour pair the form would show below WCAG AA contrast.
 */
export function ThemeBuilder({ model }: { model: ThemeModel }) {
  const choices = model.choices.value;
  const look = model.look.value;
  const colour = (name: ColourChoice, label: string, shown: string | undefined) => {
    const id = `tb-${name}`;
    return (
      <Row id={id} label={label}>
        <input id={id} type="color" value={choices[name] ?? (shown ? toHex(shown) : '#000000')} onInput={(e) => model.choose({ [name]: e.currentTarget.value })} />
        <button type="button" class="tb-reset" disabled={!choices[name]} onClick={() => model.choose({ [name]: undefined })}>
          Padrão
        </button>
      </Row>
    );
  };
  const warnings = model.warnings.value;
  return (
    <div class="tb">
      <form class="tb-controls" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Cores</legend>
          {colour('accent', 'Destaque', look?.accent)}
          {colour('text', 'Texto', look?.text)}
          {colour('background', 'Fundo', look?.background)}
        </fieldset>
        <fieldset>
          <legend>Forma e letra</legend>
          <Row id="tb-radius" label="Cantos">
            <input id="tb-radius" type="range" min={0} max={24} value={choices.radius ?? 8} onInput={(e) => model.choose({ radius: Number(e.currentTarget.value) })} />
            <output for="tb-radius">{choices.radius ?? 8} px</output>
          </Row>
          <Row id="tb-font" label="Fonte">
            <select id="tb-font" value={choices.fontFamily ?? ''} onChange={(e) => model.choose({ fontFamily: e.currentTarget.value || undefined })}>
              {FONTS.map(([stack, name]) => (
                <option key={stack} value={stack}>
                  {name}
                </option>
              ))}
            </select>
            <span />
          </Row>
          <Row id="tb-size" label="Tamanho da letra">
            <input id="tb-size" type="range" min={14} max={20} value={choices.fontSize ?? 16} onInput={(e) => model.choose({ fontSize: Number(e.currentTarget.value) })} />
            <output for="tb-size">{choices.fontSize ?? 16} px</output>
          </Row>
        </fieldset>
        <Choice model={model} name="theme" legend="Tema" options={[['light', 'Claro'], ['dark', 'Escuro'], ['auto', 'Automático (do sistema)']]} />
        <Choice model={model} name="position" legend="Botão flutuante: canto" options={[['bottom-right', 'Direito'], ['bottom-left', 'Esquerdo']]} />
        <Choice
          model={model}
          name="launcherLabel"
          legend="Botão flutuante: mostra"
          options={[['both', 'Ícone e texto'], ['label', 'Só o texto'], ['icon', 'Só o ícone']]}
        />
      </form>
      <div class="tb-output">
        <h3>Contraste (WCAG 2.2 AA)</h3>
        <div aria-live="polite">
          {warnings.length ? (
            <ul class="tb-warnings">
              {warnings.map((w) => (
                <li key={w.pair}>
                  {w.pair}: {w.ratio.toFixed(2).replace('.', ',')}:1, abaixo do mínimo de {String(w.minimum).replace('.', ',')}:1.
                </li>
              ))}
            </ul>
          ) : (
            <p class="tb-ok">Todas as cores do formulário têm contraste suficiente.</p>
          )}
        </div>
        <h3>CSS para colar na sua folha de estilos</h3>
        <CopyBlock code={model.css.value} label="o CSS" />
        <h3>Elementos para colar na página</h3>
        <CopyBlock code={model.elements.value} label="os elementos" />
      </div>
    </div>
  );
}
