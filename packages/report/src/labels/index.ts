import { en } from './en.js';
import { nl } from './nl.js';
import type { Labels, Lang } from './types.js';

export type { Labels, Lang } from './types.js';

const LABELS: Record<Lang, Labels> = { nl, en };

/** The label dictionary of a language. */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/** Formats a whole number with the thousands separator of the language (1.234 in nl, 1,234 in en). */
export function formatAmount(value: number, lang: Lang): string {
  // Validation keeps amounts finite; should a non-finite value reach a report, it is unknown, never "Infinity".
  if (!Number.isFinite(value)) return LABELS[lang].unknown;
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  return sign + digits;
}

/** Formats a number with up to `decimals` decimals, with the decimal mark of the language. */
export function formatNumber(value: number, lang: Lang, decimals = 1): string {
  if (!Number.isFinite(value)) return LABELS[lang].unknown;
  if (Number.isInteger(value)) return formatAmount(value, lang);
  const fixed = value.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
  const [int = '0', frac] = fixed.split('.');
  const intPart = formatAmount(Number(int), lang);
  const withSign = Number(int) === 0 && value < 0 ? `-${intPart}` : intPart;
  return frac ? `${withSign}${lang === 'nl' ? ',' : '.'}${frac}` : withSign;
}

/** Formats a share (0..1) as a percentage, or "unknown" for null. */
export function formatShare(share: number | null, lang: Lang): string {
  if (share === null) return LABELS[lang].unknown;
  return `${formatNumber(Math.round(share * 1000) / 10, lang, 1)}%`;
}

/** "3 of 12 (25%)" / "3 van 12 (25%)". */
export function formatCount(count: number, total: number, share: number | null, lang: Lang): string {
  return `${count} ${lang === 'nl' ? 'van' : 'of'} ${total} (${formatShare(share, lang)})`;
}

/** How complete one of the review's lists is (core's `completenessOf`). */
export type ListStatus = 'complete' | 'partial' | 'unknown';

/**
 * A count over one of the review's lists, as far as the lists are known — the rule every count of
 * the report follows. `list` is the list the count is taken over (the evaluations for coverage, the
 * budget lines for instruments with a cost, the instruments for realisation); `of` the list the
 * total counts (the instruments). "unknown" when either is (never "0 of 12"); where only `list` is
 * partial, a lower bound ("at least 3 of 12 (≥ 25%)": a missing entry could only add to it); where
 * the total's list is partial, both are lower bounds and the share is of those known ("at least 3
 * of at least 12 (25% of those known)": a missing row could go either way); the plain count when
 * both are complete.
 */
export function formatListCount(count: number, total: number, share: number | null, list: ListStatus, lang: Lang, of: ListStatus = 'complete'): string {
  const L = LABELS[lang];
  if (list === 'unknown' || of === 'unknown') return L.unknown;
  if (list === 'complete' && of === 'complete') return formatCount(count, total, share, lang);
  const word = lang === 'nl' ? 'van' : 'of';
  if (of === 'partial') {
    const percent = share === null ? L.unknown : `${formatShare(share, lang)} ${lang === 'nl' ? 'van de bekende' : 'of those known'}`;
    return `${formatListNumber(count, 'partial', lang)} ${word} ${formatListNumber(total, 'partial', lang)} (${percent})`;
  }
  const percent = share === null ? L.unknown : `≥ ${formatShare(share, lang)}`;
  return `${formatListNumber(count, 'partial', lang)} ${word} ${total} (${percent})`;
}

/**
 * How many entries of a list (or counted over one) the review holds, as a number a reader can
 * take: the number when the list is complete, "at least n" otherwise — the file holds n, the
 * source may hold more — and "none known" for none (never "at least 0", which reads as a figure).
 */
export function formatListNumber(n: number, list: ListStatus, lang: Lang): string {
  if (list === 'complete') return String(n);
  if (n === 0) return lang === 'nl' ? 'geen bekend' : 'none known';
  return `${lang === 'nl' ? 'ten minste' : 'at least'} ${n}`;
}
