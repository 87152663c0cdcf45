import type { FormStrings, LauncherStrings, ProblemStrings, SendStrings } from './strings.ts';

/** Spanish: what the launcher shows before the rest of the form is loaded. */
export const esLauncher = {
  open: 'Abrir un ticket',
  close: 'Cerrar',
  partFailed: 'No se pudo abrir el formulario. Compruebe la conexión y haga clic de nuevo.',
} satisfies LauncherStrings;

/** Spanish: the form's labels, buttons and states, by key. */
export const esForm = {
  email: 'Correo electrónico',
  name: 'Nombre',
  department: 'Departamento',
  category: 'Categoría',
  choose: 'Seleccione',
  title: 'Asunto',
  message: 'Mensaje',
  priority: 'Prioridad',
  p1: 'Baja',
  p2: 'Normal',
  p3: 'Alta',
  p4: 'Urgente',
  attachments: 'Adjuntos',
  drop: 'Arrastre, pegue o haga clic para adjuntar',
  remove: 'Quitar {name}',
  more: '+{n} archivos más; se pueden enviar como máximo {max}',
  kb: '{n} KB',
  mb: '{n} MB',
  meter: '{used} de {max}',
  near: 'Cerca del límite',
  over: 'Quite {n} para enviar',
  send: 'Enviar',
  sending: 'Enviando… {n}%',
  cancel: 'Cancelar',
  retry: 'Intentar de nuevo',
  loading: 'Cargando el formulario; el envío estará disponible en seguida.',
  loadFailed: 'Error al cargar el formulario.',
  sent: 'Ticket nº {n} creado',
  sentPlain: 'Ticket creado',
  queued: 'Recibido ({ref}). Llegará al soporte en breve.',
  another: 'Enviar otro',
} satisfies FormStrings;

/** Spanish: what is wrong, by error code (in the send part, which every form loads after its first render). */
export const esProblems = {
  required: 'Obligatorio',
  too_long: 'Máximo {n} caracteres',
  invalid_email: 'Correo inválido',
  invalid_value: 'Valor inválido',
  not_an_option: 'Opción inválida',
  too_many_files: 'Máximo {n} archivos',
  request_too_large: 'Envío mayor que {max}',
  upstream_rejected: '{message}',
  upstream_unavailable: 'Soporte no disponible. Intente más tarde.',
  upstream_timeout: 'Soporte no respondió. Intente de nuevo.',
  rate_limited: 'Demasiados envíos. Intente en {n} min.',
  origin_not_allowed: 'Sitio no autorizado.',
  identity_invalid: 'Sesión vencida. Recargue la página.',
  identity_required: 'Inicie sesión para abrir un ticket.',
  file_type_denied: 'Tipo de archivo no permitido',
  file_not_image: 'Imagen inválida',
  attachments_unavailable: 'No podemos recibir adjuntos ahora. Envíe sin ellos o intente más tarde.',
  network: 'Sin conexión. Intente de nuevo.',
  aborted: 'Envío cancelado.',
  internal: 'Algo salió mal. Intente de nuevo.',
} satisfies ProblemStrings;

/** Spanish: the send part's own texts (it draws the line saying what a ticket carries besides what was typed). */
export const esSend = {
  contextNote: 'Con el ticket enviamos la dirección y el título de esta página, el navegador, el sistema, el tipo de dispositivo, el tamaño de la pantalla y de la ventana, el idioma y la zona horaria.',
  consentRequired: 'Marque esta casilla para enviar: necesitamos su consentimiento.',
} satisfies SendStrings;
