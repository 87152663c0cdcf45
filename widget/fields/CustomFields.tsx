import { customFieldName } from '../../contract/index.ts';
import { Field } from '../form/Field.tsx';
import type { ViewProps } from '../form/view.ts';

/** The chosen department's custom fields for the chosen category, each drawn by its type. */
export function CustomFields({ view }: ViewProps) {
  return (
    <>
      {view.model.fields.value.map((field) => (
        <Field
          view={view}
          key={field.id}
          name={customFieldName(field.id)}
          label={field.label}
          required={field.required}
          type={field.type}
          options={field.options}
          help={field.help}
          max={field.type === 'text' || field.type === 'textarea' ? field.maxLength : undefined}
          min={field.min}
          top={field.max}
        />
      ))}
    </>
  );
}
