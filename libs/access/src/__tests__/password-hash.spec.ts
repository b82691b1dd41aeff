import { hashPassword, passwordProblem, verifyPassword } from '../passwords/password-hash';

describe('password hashing (scrypt, per-user salt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash: the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password 1'), hashPassword('same password 1')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('answers false, never throws, for a malformed or tampered stored hash', async () => {
    const stored = await hashPassword('another secret');
    expect(await verifyPassword('another secret', 'plain-text')).toBe(false);
    expect(await verifyPassword('another secret', stored.replace(/\$[\w-]+$/, '$AAAA'))).toBe(false);
    expect(await verifyPassword('another secret', stored.replace('$32768$', `$${2 ** 30}$`))).toBe(false);
  });

  it('states why a new password is refused', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('has a NUL \u0000 inside')).toMatch(/control characters/);
    expect(passwordProblem('a fine pass phrase')).toBeUndefined();
  });
});
