import type { Table } from './strings.ts';

/** Spanish; one text per key of KEYS, in order. */
export const es: Table = [
  'Correo electrónico', // email
  'Nombre', // name
  'Departamento', // department
  'Categoría', // category
  'Seleccione', // choose
  'Asunto', // title
  'Mensaje', // message
  'Prioridad', // priority
  'Baja', // p1
  'Normal', // p2
  'Alta', // p3
  'Urgente', // p4
  'Adjuntos', // attachments
  'Arrastre, pegue o haga clic para adjuntar', // drop
  'Quitar {name}', // remove
  '+{n} archivos más; se pueden enviar como máximo {max}', // more
  '{n} KB', // kb
  '{n} MB', // mb
  '{used} de {max}', // meter
  'Cerca del límite', // near
  'Quite {n} para enviar', // over
  'Enviar', // send
  'Enviando… {n}%', // sending
  'Cancelar', // cancel
  'Intentar de nuevo', // retry
  'Cargando el formulario; el envío estará disponible en seguida.', // loading
  'Error al cargar el formulario.', // loadFailed
  'Ticket nº {n} creado', // sent
  'Ticket creado', // sentPlain
  'Recibido ({ref}). Llegará al soporte en breve.', // queued
  'Enviar otro', // another
  'Abrir un ticket', // open
  'Cerrar', // close
  'Obligatorio', // required
  'Máximo {n} caracteres', // too_long
  'Correo inválido', // invalid_email
  'Valor inválido', // invalid_value
  'Opción inválida', // not_an_option
  'Máximo {n} archivos', // too_many_files
  'Envío mayor que {max}', // request_too_large
  '{message}', // upstream_rejected
  'Soporte no disponible. Intente más tarde.', // upstream_unavailable
  'Soporte no respondió. Intente de nuevo.', // upstream_timeout
  'Demasiados envíos. Intente en {n} min.', // rate_limited
  'Sitio no autorizado.', // origin_not_allowed
  'Sesión vencida. Recargue la página.', // identity_invalid
  'Inicie sesión para abrir un ticket.', // identity_required
  'Tipo de archivo no permitido', // file_type_denied
  'Imagen inválida', // file_not_image
  'No podemos recibir adjuntos ahora. Envíe sin ellos o intente más tarde.', // attachments_unavailable
  'Sin conexión. Intente de nuevo.', // network
  'Envío cancelado.', // aborted
  'Algo salió mal. Intente de nuevo.', // internal
];
