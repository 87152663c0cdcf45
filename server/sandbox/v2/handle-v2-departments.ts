import { NO_CATEGORY } from '../../../contract/index.ts';
import type { FakeV2Exchange } from './fake-v2-exchange.ts';
import { fieldItem, fieldListData, fieldsBoundTo } from './fake-v2-fields.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';
import { readQuery } from './fake-v2-query.ts';

/**
 * `GET /v2.0/department/list[?show_nested_items=0|1]`: the departments; nested (the default, and
 * under the 'nested' variant) with their `categories` (each with its `custom_fields`),
 * `general_custom_fields.tickets` (the fields asked without a category) and `operators`.
 */
export function handleV2DepartmentList(exchange: FakeV2Exchange): void {
  const { reply, account } = exchange;
  const query = readQuery(exchange.url, ['show_nested_items']);
  if (!query.ok) return reply.refuse('invalid', query.message);
  const nestedAsked = query.values.get('show_nested_items') ?? '1';
  if (nestedAsked !== '0' && nestedAsked !== '1') return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidFlag('show_nested_items'));
  const nested = nestedAsked === '1' && exchange.v2.departmentListing === 'nested';
  const data = account.departments.map((department) => {
    if (!nested) return { id: department.id, name: department.name };
    return {
      id: department.id,
      name: department.name,
      categories: department.categories.map((category) => ({
        id: category.id,
        name: category.name,
        custom_fields: fieldsBoundTo(department, category.id).map(fieldItem),
      })),
      general_custom_fields: { tickets: fieldsBoundTo(department, NO_CATEGORY).map(fieldItem) },
      operators: [],
    };
  });
  reply.ok({ size: data.length, data });
}

/** `GET /v2.0/department/category/list?department_id=`: the department's categories, `{ id, name }`. */
export function handleV2CategoryList(exchange: FakeV2Exchange): void {
  const { reply, account } = exchange;
  const query = readQuery(exchange.url, ['department_id']);
  if (!query.ok) return reply.refuse('invalid', query.message);
  const departmentId = query.values.get('department_id');
  if (!departmentId) return reply.refuse('invalid', FAKE_V2_MESSAGES.required('department_id'));
  const department = account.findDepartment(departmentId);
  if (!department) return reply.refuse('not_found', FAKE_V2_MESSAGES.departmentNotFound);
  const data = department.categories.map(({ id, name }) => ({ id, name }));
  reply.ok({ size: data.length, data });
}

/**
 * `GET /v2.0/custom_field/department/list?department_id=&category_id=` [doc D1]: the fields bound
 * to the department in that category, or (without `category_id`) when no category is chosen.
 */
export function handleV2CustomFieldList(exchange: FakeV2Exchange): void {
  const { reply, account } = exchange;
  const query = readQuery(exchange.url, ['department_id', 'category_id']);
  if (!query.ok) return reply.refuse('invalid', query.message);
  const departmentId = query.values.get('department_id');
  if (!departmentId) return reply.refuse('invalid', FAKE_V2_MESSAGES.required('department_id'));
  const department = account.findDepartment(departmentId);
  if (!department) return reply.refuse('not_found', FAKE_V2_MESSAGES.departmentNotFound);
  const categoryId = query.values.get('category_id');
  if (categoryId !== undefined && !department.categories.some((category) => category.id === categoryId)) {
    return reply.refuse('invalid', FAKE_V2_MESSAGES.categoryNotInDepartment);
  }
  const fields = fieldsBoundTo(department, categoryId ?? NO_CATEGORY);
  reply.ok({ size: fields.length, data: fieldListData(fields, exchange.v2.customFieldList) });
}
