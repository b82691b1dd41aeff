import { canonicalJson } from '../canonical-json';

/** The recipe as docs/tamper-evidence.md states it, written the slow, obvious way. */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const r = v as Record<string, unknown>;
    return `{${Object.keys(r).sort().filter((k) => r[k] !== undefined).map((k) => `${JSON.stringify(k)}:${reference(r[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined fields and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 'é' }], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('sorts integer-like keys as text and keeps a "__proto__" key, as the recipe says', () => {
    const hostile = JSON.parse('{"data":{"10":"a","9":"b","2":[{"__proto__":{"x":1},"constructor":"c","toString":"t"}]},"b":[1,{"z":0,"a":0}]}');
    expect(canonicalJson(hostile)).toBe('{"b":[1,{"a":0,"z":0}],"data":{"10":"a","2":[{"__proto__":{"x":1},"constructor":"c","toString":"t"}],"9":"b"}}');
    expect(canonicalJson(hostile)).toBe(reference(hostile));
  });

  it('writes the same text as the plain recipe for assorted values', () => {
    const values: unknown[] = [
      null, 0, -0, 1.5, 1e21, 'a"\\\n\u2028', '\ud800', true, [], {}, [undefined, null], { a: undefined },
      { 'é': 1, 'e': 2, 'E': 3, '': 4, ' ': 5, 'aa': 6, 'a': 7 }, { x: { y: { z: [{ b: 1, a: [2, { d: 3, c: 4 }] }] } } },
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
  });
});
