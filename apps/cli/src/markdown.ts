/**
 * Makes text inert in Markdown, escaping only what CommonMark/GFM would read as markup, so the
 * text reads as written ("(17%)", "R&D", "a > b" stay as they are):
 * - always: `\`, code spans, emphasis (`*`, and `_` except inside a word, where it opens nothing),
 *   link and image brackets (a `(` or `!` means nothing once `[` and `]` are escaped), raw HTML and
 *   autolinks (`<`), strikethrough (`~`);
 * - `&` only where it would start an entity (`&amp;`, `&#38;`);
 * line breaks collapse to spaces so text can never open a block of its own. What opens a block at
 * the start of a line is `escapeLineStart`'s. Small and local on purpose: `polev analyze` must not
 * load @polev/report.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v]+/g, ' ')
    .trim()
    .replace(/[\\`*[\]<~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[0-9a-z]+;)/giu, (ch) => `\\${ch}`);
}

/**
 * Escapes what would open a block at the start of a line — a heading (`#`), a block quote (`>`), a
 * list item (`-`, `+`, `1.`, `1)`), a setext underline or thematic break (`=`, `-`) — and a run of
 * `#` at the end that a heading would take as its closing sequence and drop.
 */
export function escapeLineStart(text: string): string {
  return text
    .replace(/^([-+=#>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/(\s)(#+)$/, '$1\\$2');
}

/** Escaped text for the start of a Markdown line (a heading, paragraph or list item). */
export const markdownLine = (text: string): string => escapeLineStart(escapeMarkdown(text));
