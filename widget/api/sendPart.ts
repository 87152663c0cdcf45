import { checkValue } from '../../contract/index.ts';
import { enProblems } from '../i18n/en.ts';
import { esProblems } from '../i18n/es.ts';
import { ptBRProblems } from '../i18n/pt-BR.ts';
import type { SendPart } from '../part/sendPart.ts';
import { prepareProof } from './prepareProof.ts';
import { sendTicket } from './sendTicket.ts';

/** The send part: what widget-send.js hands to every form (see SendPart). */
export const sendPart: SendPart = {
  checkValue,
  problemTexts: { 'pt-BR': ptBRProblems, en: enProblems, es: esProblems },
  prepareProof,
  sendTicket,
};
