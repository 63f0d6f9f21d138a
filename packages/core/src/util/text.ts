/** How much of a value from the file a message quotes; the rest is cut, so messages stay short. */
export const QUOTE_LENGTH = 60;

/**
 * A value from the file as a message quotes it: in double quotes with JSON escapes (so control
 * characters stay visible), and cut after QUOTE_LENGTH characters with the full length given.
 */
export function quote(value: string): string {
  if (value.length <= QUOTE_LENGTH) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, QUOTE_LENGTH))}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** A count for messages: 120000 → "120,000". */
export const count = (n: number): string => n.toLocaleString('en-GB');

/** A quoted text as the end of a sentence: one closing full stop, whether or not the text has its own. */
export const sentence = (text: string): string => {
  const t = text.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};
