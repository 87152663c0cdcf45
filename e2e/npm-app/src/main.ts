// A site that bundles: the package imported, an inline <tomticket-form> placed on the page, and a
// launcher mounted with options; the server's origin comes from the build's environment.
import { mount, strings } from 'tomticket-form';

const server = import.meta.env.VITE_TOMTICKET_SERVER;

strings({ 'pt-BR': { open: 'Fale conosco' } });

const form = document.createElement('tomticket-form');
form.id = 'main';
form.setAttribute('endpoint', server);
form.addEventListener('tomticket:success', (event) => {
  document.querySelector('#last-ticket')!.textContent = `Chamado ${event.detail.protocol}`;
});
document.querySelector('main')!.append(form);

mount(document.querySelector<HTMLElement>('#help-button')!, { endpoint: server, mode: 'launcher', draft: false });
