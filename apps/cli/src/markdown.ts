/**
 * Makes text inert in Markdown: every character CommonMark/GFM give a meaning inline is
 * backslash-escaped (emphasis, code spans, links and images, raw HTML and autolinks, entities,
 * table pipes, strikethrough, headings), and line breaks collapse to spaces so text can never open
 * a block of its own. Small and local on purpose: `polev analyze` must not load @polev/report.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v]+/g, ' ')
    .replace(/[\\`*_[\]()<>#|!~&]/g, (ch) => `\\${ch}`)
    .trim();
}

/** Escapes what would open a block at the start of a line: a list item (`-`, `+`, `1.`) or a setext underline (`=`). */
export function escapeLineStart(text: string): string {
  return text.replace(/^([-+=])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
}

/** Escaped text for the start of a Markdown line (a heading, paragraph or list item). */
export const markdownLine = (text: string): string => escapeLineStart(escapeMarkdown(text));
