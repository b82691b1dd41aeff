import { checkWireValue, utf8Length } from '../check-wire-value';
import { MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from '../wire-limits';

const nested = (levels: number): unknown => {
  let v: unknown = {};
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
};

describe('checks that hold anywhere in an event', () => {
  it('passes a plain event', () => {
    expect(checkWireValue({ type: 'x', data: { lines: [{ amount: 1, note: 'Phí thẩm định 🧾' }] } })).toEqual([]);
  });

  it('refuses NUL in any text, at any level, naming the path', () => {
    expect(checkWireValue({ data: { reason: 'a\u0000b' } })).toEqual(['data.reason: contains a NUL character (U+0000) at position 1; remove it']);
    expect(checkWireValue({ data: { lines: [{}, { description: '\u0000' }] } })[0]).toMatch(/^data\.lines\.1\.description: contains a NUL/);
    expect(checkWireValue({ unknownField: { deeper: ['x\u0000'] } })[0]).toMatch(/^unknownField\.deeper\.0: contains a NUL/);
  });

  it('refuses lone surrogates (high or low) but keeps real pairs', () => {
    expect(checkWireValue({ data: { reason: 'ab\ud800' } })[0]).toBe(
      'data.reason: contains a lone surrogate (U+D800) at position 2, which is not a character; send well-formed Unicode text',
    );
    expect(checkWireValue({ data: { reason: '\udc00x' } })[0]).toMatch(/lone surrogate \(U\+DC00\) at position 0/);
    expect(checkWireValue({ data: { reason: '\udbff\udfff ok \ud83d\ude00' } })).toEqual([]);
  });

  it('refuses bad field names, quoting them safely', () => {
    expect(checkWireValue({ data: { 'a\u0000b': 1 } })[0]).toBe('data["a\\u0000b"]: field name contains a NUL character (U+0000) at position 1; remove it');
    expect(checkWireValue({ data: { ['x\ud800']: 1 } })[0]).toMatch(/^data\["x\\ud800"\]: field name contains a lone surrogate/);
    expect(checkWireValue(JSON.parse('{"data":{"__proto__":{"level":"satisfied"}}}'))[0]).toMatch(/^data\.__proto__: is a field name JavaScript reserves/);
    expect(checkWireValue({ constructor: 1 })[0]).toMatch(/^constructor: is a field name JavaScript reserves/);
    expect(checkWireValue({ data: { prototype: {} } })[0]).toMatch(/^data\.prototype: /);
    expect(checkWireValue({ ['k'.repeat(101)]: 1 })[0]).toMatch(/field name is longer than 100 characters$/);
  });

  it('refuses numbers too large to represent', () => {
    expect(checkWireValue(JSON.parse('{"data":{"amount":1e400}}'))).toEqual(['data.amount: is a number too large to represent; send a realistic value']);
  });

  it(`caps nesting at ${MAX_EVENT_DEPTH} levels, and a 100,000-level object does not overflow the stack`, () => {
    expect(checkWireValue(nested(MAX_EVENT_DEPTH))).toEqual([]);
    expect(checkWireValue(nested(MAX_EVENT_DEPTH + 1))[0]).toMatch(/nested deeper than 32 levels/);
    expect(checkWireValue(nested(100_000))[0]).toMatch(/nested deeper than 32 levels/);
  });

  it('caps the size of the event as JSON', () => {
    expect(checkWireValue({ a: 'x'.repeat(MAX_EVENT_BYTES - 100) })).toEqual([]);
    expect(checkWireValue({ a: 'x'.repeat(MAX_EVENT_BYTES) })).toEqual([expect.stringMatching(/^\(event\): larger than 64 KiB as JSON/)]);
    expect(checkWireValue({ a: Array.from({ length: 40_000 }, () => 1) })[0]).toMatch(/larger than 64 KiB/);
  });

  it('reports at most five problems', () => {
    expect(checkWireValue(Array.from({ length: 20 }, () => '\u0000'))).toHaveLength(5);
  });

  it('counts UTF-8 bytes as a writer would', () => {
    for (const s of ['', 'abc', 'Phường Văn Lâm', '🧾x', '\ud800'.repeat(1) + 'a']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
