import { readFile } from 'node:fs/promises';

/** The in-page scripts the harness inlines (plain JS files beside this one, in page/). */
export async function readPageScript(name: 'usable-probe' | 'meter-probe'): Promise<string> {
  return readFile(new URL(`./page/${name}.js`, import.meta.url), 'utf8');
}

/** Where each form under test gets its script: ours from `/widget.js`, the peer from `/sentry-feedback.js`. */
export const SCRIPT_PATHS = { ours: '/widget.js', sentry: '/sentry-feedback.js' } as const;

/**
 * The host page of our widget: an inline `<tomticket-form>` talking to `endpoint`, the
 * `bench:script-start` mark right before the script tag (`script`, ours by default), and `probes`
 * inlined before both.
 */
export function widgetPage(endpoint: string, probes: readonly string[], script: string = SCRIPT_PATHS.ours): string {
  return page(
    probes,
    `<tomticket-form endpoint="${endpoint}"></tomticket-form>
<script>performance.mark('bench:script-start')</script>
<script src="${script}"></script>`,
  );
}

/**
 * The host page of the peer: the mark, Sentry's bundle (Sentry.init with feedbackIntegration),
 * then the form opened with the integration's documented API: createForm(), appendToDom(), open().
 */
export function sentryPage(probes: readonly string[]): string {
  return page(
    probes,
    `<script>performance.mark('bench:script-start')</script>
<script src="${SCRIPT_PATHS.sentry}"></script>
<script>window.benchSentryFeedback.createForm().then((form) => { form.appendToDom(); form.open(); });</script>`,
  );
}

function page(probes: readonly string[], body: string): string {
  const inlined = probes.map((probe) => `<script>${probe}</script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bench</title>
${inlined}
</head>
<body>
${body}
</body>
</html>`;
}
