import { NO_CATEGORY } from '../../../contract/index.ts';
import type { FakeCustomField, FakeDepartment, FakeV2Variants } from '../types.ts';

/** The fields TomTicket asks for a ticket to `department` in `categoryId` (NO_CATEGORY: none chosen). */
export function fieldsBoundTo(department: FakeDepartment, categoryId: string): FakeCustomField[] {
  return (department.customFields ?? []).filter((field) => field.boundTo.includes(categoryId));
}

/** A field as API 2.0 lists it: `id`, `label`, `type` (a number), `mandatory`, `options`, `operation.open`. */
export function fieldItem(field: FakeCustomField): Record<string, unknown> {
  return {
    id: field.id,
    label: field.label,
    type: field.type,
    mandatory: field.mandatory,
    options: field.options ?? [],
    operation: { open: field.open ?? true },
  };
}

/** A list of fields as `data` of `custom_field/department/list`, nested as the variant says. */
export function fieldListData(fields: readonly FakeCustomField[], variant: FakeV2Variants['customFieldList']): unknown {
  const items = fields.map(fieldItem);
  return variant === 'array' ? items : { ticket: items };
}

/** Whether `categoryId` is NO_CATEGORY or one of the department's categories. */
export function isCategoryOf(department: FakeDepartment, categoryId: string): boolean {
  return categoryId === NO_CATEGORY || department.categories.some((category) => category.id === categoryId);
}
