// Harness instrumentation, inlined in the host page before the script under test (plain JS: it
// runs in the browser as is). It records in `window.benchUsable` the milliseconds from the
// `bench:script-start` mark, placed right before the script tag, to the moment the first form
// field inside any shadow root is rendered, visible and enabled: focusable. Both forms draw into
// a shadow root, which MutationObserver on the document cannot see, so attachShadow is wrapped to
// observe each root from its creation.
(() => {
  const FIELDS = 'input:not([type=hidden]):not([hidden]), select, textarea';
  const roots = [];
  const isFocusable = (field) =>
    !field.matches(':disabled') && !field.closest('[inert]') && field.checkVisibility({ visibilityProperty: true });
  const check = () => {
    if (window.benchUsable !== undefined) return;
    for (const root of roots) {
      const first = root.querySelector(FIELDS);
      if (first && isFocusable(first)) {
        const [start] = performance.getEntriesByName('bench:script-start');
        window.benchUsable = performance.now() - start.startTime;
        window.benchUsableField = first;
        return;
      }
    }
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
  // Catches, within a frame, a change no observer sees (e.g. a stylesheet adopted after the DOM).
  const poll = () => {
    check();
    if (window.benchUsable === undefined) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  document.addEventListener('tomticket:ready', () => {
    const [start] = performance.getEntriesByName('bench:script-start');
    window.benchReadyEvent = performance.now() - start.startTime;
  });
})();
