// How a changeset becomes changelog entries (config.json "changelog"): per package, for its users.
//
// A changeset's summary is read paragraph by paragraph:
// - a paragraph that starts with a package's name and a colon ("@polev/cli: …") is for that
//   package's changelog only (the name is dropped there);
// - a paragraph that starts with "Internal:" is for the maintainers and goes into no changelog;
// - every other paragraph goes into the changelog of every package the changeset names.
// The lines of a paragraph are joined (changesets are wrapped at 100 columns, a changelog entry is
// one list item), list items stay items and code blocks stay as written; "(issue 5)"-style
// references to the tracker are dropped, users have no use for them.
//
// changesets does not tell getReleaseLine which package's changelog it is writing, so the entry is
// written as a marker holding the summary, and `pnpm version-packages` (scripts/changelogs.mjs)
// replaces each marker with the entry for the package whose CHANGELOG.md it is in.
'use strict';

const MARKER = /^- <!-- polev-changeset ([A-Za-z0-9+/=]+) -->$/;

const marker = (summary) => `- <!-- polev-changeset ${Buffer.from(summary, 'utf8').toString('base64')} -->`;

/** Joins the wrapped lines of one paragraph; list items and code blocks keep their lines. */
function unwrap(paragraph) {
  if (/^(```|~~~|    )/.test(paragraph)) return paragraph;
  const out = [];
  for (const raw of paragraph.split('\n')) {
    const line = raw.trim();
    if (/^([-*+]|\d+[.)])\s/.test(line) || !out.length) out.push(line);
    else out[out.length - 1] += ` ${line}`;
  }
  return out.join('\n');
}

/** The paragraphs of a summary meant for `pkg`'s users, unwrapped. */
function paragraphsFor(summary, pkg) {
  const out = [];
  // Paragraphs, with fenced code blocks kept whole.
  const blocks = [];
  let fence = false;
  for (const line of summary.replace(/\r\n/g, '\n').trim().split('\n')) {
    const last = blocks[blocks.length - 1];
    if (/^(```|~~~)/.test(line.trim())) fence = !fence;
    if (!fence && !line.trim()) {
      if (last !== '') blocks.push('');
    } else if (last === undefined || last === '') blocks.push(line);
    else blocks[blocks.length - 1] = `${last}\n${line}`;
  }
  for (const block of blocks.filter(Boolean)) {
    if (/^internal:/i.test(block)) continue;
    const scoped = /^(@[\w.-]+\/[\w.-]+|[\w.-]+):\s+/.exec(block);
    let text = block;
    if (scoped && scoped[1].startsWith('@')) {
      if (scoped[1] !== pkg) continue;
      text = block.slice(scoped[0].length);
      text = text.charAt(0).toUpperCase() + text.slice(1);
    }
    text = unwrap(text).replace(/\s*\(issues? \d+(,\s*\d+)*\)/g, '');
    if (text.trim()) out.push(text.trim());
  }
  return out;
}

/** One changelog list item for `pkg` from a changeset summary, or '' when none of it is for `pkg`. */
function entryFor(summary, pkg) {
  const paragraphs = paragraphsFor(summary, pkg);
  if (!paragraphs.length) return '';
  const indent = (s) => s.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  const [first, ...rest] = paragraphs;
  // A paragraph that is a list becomes a sub-list of the entry.
  return [`- ${first.split('\n').join('\n  ')}`, ...rest.map(indent)].join('\n\n');
}

/** A CHANGELOG.md with every marker replaced by `pkg`'s entry, and headings left empty removed. */
function resolveChangelog(text, pkg) {
  const lines = text.split('\n').map((line) => {
    const m = MARKER.exec(line);
    return m ? entryFor(Buffer.from(m[1], 'base64').toString('utf8'), pkg) : line;
  });
  let out = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  // "### Minor Changes" with nothing under it (every paragraph was for other packages).
  out = out.replace(/^### [A-Z][a-z]+ Changes\n\n(?=#{2,3} |$(?![\s\S]))/gm, '');
  return out.replace(/\n{3,}/g, '\n\n');
}

module.exports = {
  default: {
    getReleaseLine: async (changeset) => marker(changeset.summary),
    getDependencyReleaseLine: async (_changesets, dependencies) =>
      dependencies.length ? `- Works with ${dependencies.map((d) => `${d.name} ${d.newVersion}`).join(', ')}.` : '',
  },
  entryFor,
  paragraphsFor,
  resolveChangelog,
  MARKER,
};
