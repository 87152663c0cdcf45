// Harness instrumentation for the size-meter benchmark, inlined in the host page (plain JS: it
// runs in the browser as is). `window.benchMeter` adds files through the widget's own file input
// and removes them with each file's remove button, timing each change from the action to the
// meter and file list showing it, laid out. It reads only the public ::part names (meter,
// file-list) and the meter's <progress>, whose value is the exact byte count the meter shows.
(() => {
  const root = () => document.querySelector('tomticket-form').shadowRoot;
  const meter = () => root().querySelector('[part~="meter"]');
  const meterReading = () => `${meter()?.querySelector('progress')?.value}|${meter()?.textContent}`;
  // The list's shape: rows shown and the first row's text. A list may show fewer rows than files
  // (a summary row), so the change is detected, not a row count per file.
  const listReading = () => {
    const rows = root().querySelectorAll('[part~="file-list"] li');
    return `${rows.length}|${rows[0]?.textContent ?? ''}`;
  };
  const hasFiles = () => root().querySelector('[part~="file-list"] li button') !== null;
  const TIMEOUT_MS = 10_000;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  // Starts a measurement after a frame was drawn, so no earlier rendering work is pending.
  const settle = async () => {
    await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  // Resolves when `shown()` holds: at once when the widget updated synchronously, else on the
  // mutation that makes it true; fails after TIMEOUT_MS rather than hang the benchmark.
  const whenShown = (shown) =>
    new Promise((resolve, reject) => {
      if (shown()) return resolve();
      const observer = new MutationObserver(() => {
        if (shown()) {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the meter and file list did not show the change within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      observer.observe(root(), { subtree: true, childList: true, characterData: true, attributes: true });
    });
  const changedFrom = (meterBefore, listBefore) => () => meterReading() !== meterBefore && listReading() !== listBefore;
  // work: action → DOM shows it → style and layout done (forced). frame: action → next frame starts.
  const timeChange = async (act, shown) => {
    await settle();
    const start = performance.now();
    act();
    await whenShown(shown);
    meter().getBoundingClientRect();
    const workMs = performance.now() - start;
    const frameMs = (await nextFrame()) - start;
    return { workMs, frameMs };
  };

  document.addEventListener('tomticket:ready', () => (window.benchReady = true));
  window.benchMeter = {
    /** Adds `count` files of varied sizes (10 MB in all for 500) in one change of the file input. */
    async addFiles(count) {
      const transfer = new DataTransfer();
      for (let i = 0; i < count; i++) {
        const size = ((i * 7919) % 40960) + 1;
        transfer.items.add(new File([new Uint8Array(size)], `report-${i}.log`, { type: 'text/plain' }));
      }
      const input = root().querySelector('input[type=file]');
      return timeChange(
        () => {
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        changedFrom(meterReading(), listReading()),
      );
    },
    /** Removes every listed file, first one first, with its remove button; one timing per removal. */
    async removeAll() {
      const timings = [];
      while (hasFiles()) {
        const button = root().querySelector('[part~="file-list"] li button');
        timings.push(await timeChange(() => button.click(), changedFrom(meterReading(), listReading())));
      }
      return timings;
    },
  };
})();
