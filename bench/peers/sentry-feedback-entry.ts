/**
 * The peer: Sentry's user-feedback form set up as its docs show for npm users
 * (https://docs.sentry.io/platforms/javascript/user-feedback/), the only thing on the page.
 * It is bundled by bench/peers/build-sentry-feedback.ts; it is never imported by the project.
 */
import * as Sentry from '@sentry/browser';

/** Replaced at build time: the benchmark's loopback DSN, so the SDK's own requests stay local. */
declare const __BENCH_SENTRY_DSN__: string;

declare global {
  interface Window {
    /** The integration, for the harness to open the form with its documented createForm() API. */
    benchSentryFeedback?: ReturnType<typeof Sentry.feedbackIntegration>;
  }
}

const feedback = Sentry.feedbackIntegration({ colorScheme: 'system' });
Sentry.init({ dsn: __BENCH_SENTRY_DSN__, integrations: [feedback] });
window.benchSentryFeedback = feedback;
