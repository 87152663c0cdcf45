/** The form schema the widget draws: the site owner's configuration over TomTicket's departments. */
export type { FormConfigFile, FormConfigDepartment, FormSchemaSource, SchemaStatus } from './types.ts';
export { createListingStore, type ListingStore, type SavedListing } from './saved-listing.ts';
export { loadFormConfig } from './load-form-config.ts';
export { validateFormConfig } from './validate-form-config.ts';
export { buildFormSchema } from './build-form-schema.ts';
export { createFormSchemaSource, type FormSchemaSourceOptions } from './create-form-schema-source.ts';
