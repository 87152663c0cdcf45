// Type-checked only (the build's `tsc`): the props Vue's GlobalComponents gives <tomticket-form>,
// as vue-tsc checks a template's `<tomticket-form lang="en" @tomticket:success="…">` against them.
import type {} from 'tomticket-form/vue';
import type { GlobalComponents } from 'vue';

type TomTicketFormProps = InstanceType<GlobalComponents['tomticket-form']>['$props'];

export const help: TomTicketFormProps = {
  lang: 'en',
  theme: 'dark',
  position: 'bottom-left',
  'department-locked': true,
  'onTomticket:success': (event) => console.log(event.detail.protocol),
};
// @ts-expect-error a misspelled attribute
export const misspelled: TomTicketFormProps = { lnag: 'en' };
// @ts-expect-error a value the attribute does not take
export const wrongValue: TomTicketFormProps = { mode: 'popup' };
