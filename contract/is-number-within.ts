// Plain decimal notation only: `1e3`, `0x10`, `Infinity` or ` 5 ` are numbers to JavaScript but not
// what an agent reading the ticket expects, and the customer typed something else.
const NUMBER_SHAPE = /^-?\d+(?:\.\d+)?$/;

/** Whether `text` is a decimal number (`-12`, `3.5`) within the inclusive bounds given. */
export function isNumberWithin(text: string, min?: number, max?: number): boolean {
  if (!NUMBER_SHAPE.test(text)) return false;
  const number = Number(text);
  return Number.isFinite(number) && number >= (min ?? -Infinity) && number <= (max ?? Infinity);
}
