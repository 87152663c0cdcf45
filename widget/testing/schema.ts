import { DEFAULT_TEXT_RULES, LIMITS, type FormSchema } from '../../contract/index.ts';

/** A schema with two departments, categories and one custom field of every type, for the widget's tests. */
export function testSchema(): FormSchema {
  return {
    departments: [
      {
        id: 'd1',
        name: 'Suporte',
        categoryRequired: true,
        categories: [
          { id: 'c1', name: 'Webcam' },
          { id: 'c2', name: 'Teclado' },
        ],
        fields: [
          { id: 'order', label: 'Pedido', type: 'text', required: true, help: 'Número do pedido', maxLength: 10 },
          { id: 'qty', label: 'Quantidade', type: 'number', required: false, min: 1, max: 10 },
          { id: 'alt', label: 'Outro e-mail', type: 'email', required: false },
          { id: 'when', label: 'Data', type: 'date', required: false },
          {
            id: 'os',
            label: 'Sistema',
            type: 'select',
            required: false,
            options: [
              { value: 'win', label: 'Windows' },
              { value: 'mac', label: 'macOS' },
            ],
          },
          { id: 'terms', label: 'Aceito os termos', type: 'checkbox', required: true },
          { id: 'cam', label: 'Modelo da webcam', type: 'textarea', required: false, categories: ['c1'] },
        ],
      },
      { id: 'd2', name: 'Financeiro', categoryRequired: false, categories: [], fields: [] },
    ],
    priorities: [1, 2, 3, 4],
    defaultPriority: 1,
    limits: { ...LIMITS },
    textRules: DEFAULT_TEXT_RULES,
    customer: { emailRequired: true, nameRequired: true },
  };
}

/** Makes `fetch` answer `GET /api/form` with `schema` (or with `status` and an error body); returns the mock. */
export function serveSchema(schema: FormSchema | undefined = testSchema(), status = 200) {
  const fetchMock = async (_url: string, _init?: RequestInit) => ({
    ok: status < 300,
    status,
    json: async () => (status < 300 ? schema : { ok: false, error: { code: 'internal', message: 'boom' } }),
  });
  return fetchMock;
}
