// In priority order: a field with a problem, then what a state change offers next (cancel,
// the failure alert, the success message), then the first field (after "send another").
const TARGETS = ['[aria-invalid="true"]', '[data-focus]', 'input:not([hidden]),select,textarea'];

/** Moves the keyboard focus to where the customer's attention belongs inside `root`. */
export function focusFirst(root: ParentNode): void {
  for (const selector of TARGETS) {
    const target = root.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}
