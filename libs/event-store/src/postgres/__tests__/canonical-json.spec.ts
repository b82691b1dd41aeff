import { canonicalJson } from '../canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined fields and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 'é' }], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[3,{"x":"é","z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
});
