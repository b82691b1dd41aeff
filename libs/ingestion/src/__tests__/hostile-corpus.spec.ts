import { validateEvent } from '@idx/contracts';
import { goodNeighbour, hostileEvents, type HostileInput } from '@idx/testing';
import { decodeItem } from '../decode-item';
import { type BatchItem, splitJson, splitNdjson } from '../split-batch';

/** What ingest does with one split item: decode failures stand, decoded values go through the contract. */
const judge = (item: BatchItem) => {
  if (!item.ok) return { ok: false as const, reason: item.reason };
  return validateEvent(item.value);
};
const reasonOf = (r: ReturnType<typeof judge>) => (r.ok ? '' : r.reason);
/** A reason is storable and showable: no NUL, no lone surrogate, bounded. */
const storable = (reason: string) =>
  !reason.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(reason) && reason.length < 4000;

describe('the hostile corpus (libs/testing hostile-events.ts)', () => {
  const corpus = hostileEvents();
  // Each pass judges ~11,000 items (some of them megabytes deep): minutes on a loaded machine, seconds on an idle one.
  jest.setTimeout(300_000);

  it('holds thousands of labelled items of every family, usable as NDJSON lines', () => {
    expect(corpus.length).toBeGreaterThan(10_000);
    expect(new Set(corpus.map((c) => c.family))).toEqual(new Set([
      'impossible-instant', 'future-instant', 'impossible-local-date', 'text', 'invalid-utf8', 'deep-nesting', 'oversize',
      'wrong-type', 'reserved-name', 'number', 'missing-field', 'invalid-json', 'broken-framing',
    ]));
    expect(corpus.filter((c) => c.raw.includes(0x0a))).toEqual([]);
    expect(new Set(corpus.map((c) => c.label)).size).toBe(corpus.length);
    expect(hostileEvents(1)[0].raw.equals(corpus[0].raw)).toBe(false); // a fresh round has fresh event ids
  });

  it('every item alone is rejected with a storable reason a person can act on', () => {
    const wrong: string[] = [];
    for (const c of corpus) {
      const r = judge(decodeItem(c.raw));
      if (r.ok || !r.reason || !storable(r.reason)) wrong.push(`${c.label}: ${r.ok ? 'accepted' : JSON.stringify(r.reason)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('in one JSON array, each framing-safe item is rejected with its own bytes kept, and every good neighbour is accepted', () => {
    const safe = corpus.filter((c) => c.keepsNeighbours);
    const parts: Buffer[] = [Buffer.from('[')];
    safe.forEach((c, i) => parts.push(goodNeighbour(i), Buffer.from(',\n '), c.raw, Buffer.from(',')));
    parts.push(goodNeighbour(safe.length), Buffer.from(']'));
    const split = splitJson(Buffer.concat(parts));
    expect(split).toHaveLength(safe.length * 2 + 1);
    const problems: string[] = [];
    split.forEach((item, i) => {
      const r = judge(item);
      if (i % 2 === 0) {
        if (!r.ok) problems.push(`good neighbour ${i / 2} lost: ${reasonOf(r)}`);
        return;
      }
      const c = safe[(i - 1) / 2] as HostileInput;
      if (r.ok || !r.reason) problems.push(`${c.label}: accepted`);
      if (!item.raw.equals(c.raw)) problems.push(`${c.label}: bytes not kept as sent`);
    });
    expect(problems).toEqual([]);
  });

  it('as NDJSON, every item (framing-breaking ones too) is rejected on its own line and every good line is accepted', () => {
    const parts: Buffer[] = [];
    corpus.forEach((c, i) => parts.push(goodNeighbour(i), Buffer.from('\n'), c.raw, Buffer.from('\r\n')));
    const split = splitNdjson(Buffer.concat(parts));
    expect(split).toHaveLength(corpus.length * 2);
    const problems: string[] = [];
    split.forEach((item, i) => {
      const r = judge(item);
      if (i % 2 === 0 ? !r.ok : r.ok) problems.push(`line ${i + 1}: ${i % 2 === 0 ? `good line lost: ${reasonOf(r)}` : `${corpus[(i - 1) / 2].label} accepted`}`);
    });
    expect(problems).toEqual([]);
  });
});
