import { ptBR } from '../widget/i18n/pt-BR.ts';
import { en } from '../widget/i18n/en.ts';
import { es } from '../widget/i18n/es.ts';
(window as any).x = [ptBR, en, es];
