/**
 * Review files are written by other people. Their text reaches the analyst's terminal in the
 * summary, the diff and the problems of `validate`, where a control character is an instruction:
 * an escape sequence can clear the screen, move the cursor over earlier lines or rewrite a verdict,
 * and a bidirectional override can show text in another order than it is stored ("Trojan source").
 * Such characters are shown as `\u001b`-style escapes instead. JSON output gets the same as `\u`
 * escapes of JSON itself (see jsonText), so it stays the same data.
 */
// C0 controls except tab and newline, DEL and the C1 controls, and the bidirectional embeddings,
// overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same without the global flag, whose `test` keeps no position between calls.
const HAS_CONTROL = new RegExp(CONTROL.source);

const visible = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with its control characters shown as escapes. */
export function inert(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, visible) : text;
}

// What JSON.stringify leaves raw but a terminal acts on: DEL, the C1 controls, the bidirectional
// controls, and the line and paragraph separators. In JSON text they occur only inside strings,
// where a \u escape is the same character.
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const HAS_JSON_RAW = new RegExp(JSON_RAW.source);

/** JSON of a value, indented, with every character a terminal could act on as a `\u` escape. */
export function jsonText(value: unknown): string {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  return HAS_JSON_RAW.test(text) ? text.replace(JSON_RAW, visible) : text;
}

/**
 * Plain data (objects, arrays, strings, numbers …) whose every string is `inert`: the same value
 * where nothing needs changing, so a clean review or assessment is walked, not copied.
 */
export function inertDeep<T>(value: T): T {
  if (typeof value === 'string') return inert(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const w = inertDeep(v);
      if (w !== v) (copy ??= value.slice())[i] = w;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const key = inert(k);
      const w = inertDeep(v);
      if (key === k && w === v) continue;
      const target: Record<string, unknown> = (copy ??= { ...(value as Record<string, unknown>) });
      if (key !== k) delete target[k];
      target[key] = w;
    }
    return (copy ?? value) as T;
  }
  return value;
}
