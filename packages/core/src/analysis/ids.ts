/**
 * The natural order of ids ("i2" before "i10"), used for every list of ids an assessment gives, so
 * that output reads the same whatever the input order.
 *
 * The order is that of a key in which every run of digits is padded with zeros to 16 places,
 * followed by the id itself to break ties ("i02" before "i2"). Building and comparing such keys
 * for a list of 100,000 ids costs more than the rest of an analysis step, so most ids take a
 * shorter road: an id that is a digit-free prefix followed by at most 15 digits without a leading
 * zero ("i42", "ct-i7", "d3", "x") is ordered by its prefix and then by its number, as plain
 * numbers in a typed array. Lists holding any other id ("o1.2", "i007") use the keys.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;
const ZEROS = '0000000000000000';

/** "ct-i7" → "ct-i0000000000000007\0ct-i7". */
function naturalKey(id: string): string {
  let out = '';
  let i = 0;
  while (i < id.length) {
    const start = i;
    const digits = isDigit(id.charCodeAt(i));
    while (i < id.length && isDigit(id.charCodeAt(i)) === digits) i++;
    if (digits && i - start < ZEROS.length) out += ZEROS.slice(i - start);
    out += id.slice(start, i);
  }
  return `${out}\u0000${id}`;
}

/**
 * The group of a simple id and its number: "ct-i7" → ["ct-i0", 7], "x" → ["x\0", -1]; null for
 * any other id. All members of a group sit together in the natural order (their keys share the
 * group as a prefix, and no group is a prefix of another), so groups are ordered by that string
 * and members by number.
 */
function simple(id: string): [group: string, n: number] | null {
  let end = id.length;
  while (end > 0 && isDigit(id.charCodeAt(end - 1))) end--;
  for (let i = 0; i < end; i++) {
    const c = id.charCodeAt(i);
    if (isDigit(c) || c === 0) return null;
  }
  const digits = id.length - end;
  if (digits === 0) return [`${id}\u0000`, -1];
  if (digits > 15 || (digits > 1 && id.charCodeAt(end) === 48)) return null;
  return [`${id.slice(0, end)}0`, Number(id.slice(end))];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: readonly [string, string], b: readonly [string, string]) => byString(a[0], b[0]);

/** Members of one group, ordered by number. */
function orderGroup(ids: string[], numbers: number[]): string[] {
  if (ids.length === 1) return ids;
  const n = ids.length;
  // Number and position in one double (exact below 2^53), sorted natively.
  if (n < 2 ** 21 && numbers.every((x) => x < 2 ** 31)) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (numbers[i]! + 1) * 2 ** 21 + i;
    packed.sort();
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = ids[packed[i]! % 2 ** 21]!;
    return out;
  }
  return ids.map((id, i) => [numbers[i]!, id] as const).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
}

/** The order of two simple ids (see `simple`), compared in place: no key is built. */
function compareSimple(a: string, b: string): number {
  let ea = a.length;
  while (ea > 0 && isDigit(a.charCodeAt(ea - 1))) ea--;
  let eb = b.length;
  while (eb > 0 && isDigit(b.charCodeAt(eb - 1))) eb--;
  // Prefix, then "\0" for no digits or "0" for digits: the group.
  const ga = ea === a.length ? 0 : 48;
  const gb = eb === b.length ? 0 : 48;
  const common = Math.min(ea, eb);
  for (let i = 0; i < common; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  if (ea !== eb) return ea < eb ? ga - b.charCodeAt(ea) : a.charCodeAt(eb) - gb;
  if (ga !== gb) return ga - gb;
  // Same prefix: numbers without leading zeros, so the longer is the larger.
  const la = a.length - ea;
  const lb = b.length - eb;
  if (la !== lb) return la - lb;
  return a < b ? -1 : a > b ? 1 : 0;
}

const isSimple = (id: string) => simple(id) !== null;

/** ids in natural order, without duplicates. */
export function sortIds(ids: Iterable<string>): string[] {
  const list = Array.isArray(ids) ? (ids as string[]) : [...ids];
  let out: string[];
  if (list.length < 2) out = list.slice();
  else if (!list.every(isSimple)) {
    out = list.map(naturalKey).map((key, i) => [key, list[i]!] as const).sort(byKey).map((p) => p[1]);
  } else if (list.length <= 32) {
    out = list.slice().sort(compareSimple);
  } else {
    const groups = new Map<string, { ids: string[]; numbers: number[] }>();
    for (const id of list) {
      const [key, n] = simple(id)!;
      const g = groups.get(key);
      if (g) {
        g.ids.push(id);
        g.numbers.push(n);
      } else groups.set(key, { ids: [id], numbers: [n] });
    }
    out = [...groups.keys()].sort(byString).flatMap((k) => orderGroup(groups.get(k)!.ids, groups.get(k)!.numbers));
  }
  // Equal ids end up side by side.
  let w = 0;
  for (let r = 0; r < out.length; r++) if (r === 0 || out[r] !== out[w - 1]) out[w++] = out[r]!;
  out.length = w;
  return out;
}

/**
 * A short list of ids for a sentence: the first few in natural order and a count of the rest, said
 * in the language of `messages` ("a, b and 3 more", "a, b en nog 3").
 */
export function listIds(ids: Iterable<string>, messages: { more: (shown: string, rest: number) => string }, max = 8): string {
  const sorted = sortIds(ids);
  if (sorted.length <= max) return sorted.join(', ');
  return messages.more(sorted.slice(0, max).join(', '), sorted.length - max);
}
