import { describe, expect, it } from 'vitest';
import { renderMarkdown, resolveOptions } from '../src/index.js';
import { loadExample } from './helpers.js';

/** Without `lang`, a report is in the review's own language (issue 17: one language rule). */
const { review } = loadExample();

describe('the default language of a report', () => {
  it('is the review’s own: Dutch for the Dutch example, English for an English review', () => {
    expect(review.language).toBe('nl');
    expect(resolveOptions({}, review).lang).toBe('nl');
    expect(resolveOptions({}, { language: 'en' }).lang).toBe('en');
    expect(resolveOptions({ lang: 'nl' }, { language: 'en' }).lang).toBe('nl');
    expect(resolveOptions({}).lang).toBe('nl');
  });

  it('writes the headings and reasons of an English review in English', async () => {
    const md = await renderMarkdown({ ...review, language: 'en' });
    expect(md).toContain('relates cost to effect');
    const nl = await renderMarkdown(review);
    expect(nl).toContain('De doelmatigheid is vast te stellen voor');
    expect(nl).not.toContain('relates cost to effect');
  });
});
