import type { DEVICE_TYPES, Locale } from '../../contract/index.ts';

/** The words of the lines the server adds to a ticket for agents (TICKET_NOTES_LANG): labels, never the customer's values. */
export interface NotesWords {
  /** The heading of the block at the end of the message. */
  heading: string;
  page: string;
  title: string;
  browser: string;
  screen: string;
  window: string;
  language: string;
  timeZone: string;
  devices: Record<(typeof DEVICE_TYPES)[number], string>;
  /** `{when}` and `{version}` filled in. */
  consent: string;
  /** What a required custom field the server fills gets when it has nothing to hold (the site sent no context). */
  notSent: string;
}

/** The notes' words in each language the widget speaks; agents read TICKET_NOTES_LANG's (pt-BR by default). */
export const NOTES_WORDS: Readonly<Record<Locale, NotesWords>> = {
  'pt-BR': {
    heading: 'Dados do formulário',
    page: 'Página',
    title: 'Título da página',
    browser: 'Navegador',
    screen: 'Tela',
    window: 'janela',
    language: 'Idioma',
    timeZone: 'fuso horário',
    devices: { desktop: 'computador', mobile: 'celular', tablet: 'tablet' },
    consent: 'Consentimento: dado em {when} (versão {version})',
    notSent: 'não enviado',
  },
  en: {
    heading: 'Form details',
    page: 'Page',
    title: 'Page title',
    browser: 'Browser',
    screen: 'Screen',
    window: 'window',
    language: 'Language',
    timeZone: 'time zone',
    devices: { desktop: 'desktop', mobile: 'mobile', tablet: 'tablet' },
    consent: 'Consent: given on {when} (version {version})',
    notSent: 'not sent',
  },
  es: {
    heading: 'Datos del formulario',
    page: 'Página',
    title: 'Título de la página',
    browser: 'Navegador',
    screen: 'Pantalla',
    window: 'ventana',
    language: 'Idioma',
    timeZone: 'zona horaria',
    devices: { desktop: 'computadora', mobile: 'celular', tablet: 'tableta' },
    consent: 'Consentimiento: dado el {when} (versión {version})',
    notSent: 'no enviado',
  },
};
