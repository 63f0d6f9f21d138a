import { EVENT_ID, getScalarValue, type Event } from 'js-yaml';
import type { PathSegment } from './problem.js';
import { nodeOffset } from './read.js';

/** Where a path of the data is in the text: its node, and the key it is the value of. */
interface Place {
  children: Map<PathSegment, Place>;
  at?: number;
  keyAt?: number;
}

/**
 * Finds the text offsets of many data paths in one pass over the parser's events: the paths are
 * put in a trie, and the walk records the offset of each node the trie asks for. A path through
 * an alias ends at the alias (its contents are written at the anchor). Linear in the events plus
 * the paths.
 */
export function locatePaths(events: Event[], text: string, paths: readonly { path: readonly PathSegment[]; atKey?: boolean }[]): (number | undefined)[] {
  const root: Place = { children: new Map() };
  for (const { path } of paths) {
    let place = root;
    for (const seg of path) {
      let next = place.children.get(seg);
      if (!next) place.children.set(seg, (next = { children: new Map() }));
      place = next;
    }
  }

  type Frame = { kind: 'document' | 'seq' | 'map'; place: Place | undefined; index: number; key: string | undefined; keyAt: number; expectKey: boolean };
  const frames: Frame[] = [];
  /** A node has started in the top frame: which place of the trie is it? */
  const enter = (offset: number): Place | undefined => {
    const top = frames[frames.length - 1];
    if (!top || !top.place) return undefined;
    let place: Place | undefined;
    let keyAt: number | undefined;
    if (top.kind === 'document') place = top.place;
    else if (top.kind === 'seq') place = top.place.children.get(top.index++);
    else {
      place = top.key === undefined ? undefined : top.place.children.get(top.key);
      keyAt = top.keyAt;
      top.expectKey = true;
    }
    if (place) {
      place.at = offset;
      if (keyAt !== undefined) place.keyAt = keyAt;
    }
    return place;
  };
  let complexKeys = 0;
  for (const e of events) {
    const top = frames[frames.length - 1];
    if (e.type === EVENT_ID.DOCUMENT) {
      frames.length = 0;
      frames.push({ kind: 'document', place: root, index: 0, key: undefined, keyAt: 0, expectKey: false });
      continue;
    }
    if (complexKeys > 0) {
      // Inside a key that is itself a list or mapping: no path goes through it.
      if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) complexKeys++;
      else if (e.type === EVENT_ID.POP) complexKeys--;
      continue;
    }
    if (top?.kind === 'map' && top.expectKey && e.type !== EVENT_ID.POP) {
      top.expectKey = false;
      if (e.type === EVENT_ID.SCALAR) {
        top.key = getScalarValue(text, e);
        top.keyAt = nodeOffset(e);
      } else {
        top.key = undefined;
        top.keyAt = nodeOffset(e);
        if (e.type !== EVENT_ID.ALIAS) complexKeys = 1;
      }
      continue;
    }
    switch (e.type) {
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS:
        enter(nodeOffset(e));
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const place = enter(nodeOffset(e));
        frames.push({ kind: e.type === EVENT_ID.SEQUENCE ? 'seq' : 'map', place, index: 0, key: undefined, keyAt: 0, expectKey: e.type === EVENT_ID.MAPPING });
        break;
      }
      case EVENT_ID.POP:
        frames.pop();
        break;
    }
  }

  return paths.map(({ path, atKey }) => {
    let place: Place | undefined = root;
    let found: number | undefined = root.at;
    let last: Place | undefined;
    for (const seg of path) {
      place = place.children.get(seg);
      if (!place || place.at === undefined) {
        place = undefined;
        break;
      }
      found = place.at;
      last = place;
    }
    if (atKey && place && last?.keyAt !== undefined) return last.keyAt;
    return found;
  });
}
