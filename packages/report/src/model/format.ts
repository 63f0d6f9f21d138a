import type { Lang } from '../labels/index.js';
import { formatAmount, labelsFor } from '../labels/index.js';
import type { Sum } from '../assessment.js';

const MONTHS: Record<Lang, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in words: "7 december 2015", "April 2016", "2017". */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[lang][Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** An amount in euro x 1,000, or "unknown" for null (never 0). */
export function formatMoney(amount: number | null | undefined, lang: Lang): string {
  return amount === null || amount === undefined ? labelsFor(lang).unknownAmount : formatAmount(amount, lang);
}

/** A sum with unknown parts: the total, or "≥ known (n unknown)". */
export function formatSum(sum: Sum, lang: Lang): string {
  if (sum.amount !== null) return formatAmount(sum.amount, lang);
  const unknown = labelsFor(lang).unknown;
  return sum.known > 0 ? `≥ ${formatAmount(sum.known, lang)} (${sum.unknownParts} ${unknown})` : unknown;
}
