import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { HARDENING_DEFAULTS, hardeningConfig } from '../http-hardening/hardening-config';
import { credentialKey } from '../http-hardening/rate-limits';
import { inlineScriptHashes } from '../http-hardening/security-headers';

const req = (headers: Record<string, string>, ip = '203.0.113.7') => ({ headers, ip, socket: {} }) as unknown as Request;

describe('HTTP hardening settings', () => {
  it('listens on loopback unless HOST says otherwise, service settings before shared ones', () => {
    expect(hardeningConfig('ingest', {})).toMatchObject({ host: '127.0.0.1', trustProxy: false, maxConcurrentRequests: HARDENING_DEFAULTS.maxConcurrentRequests });
    expect(hardeningConfig('ingest', { HOST: '0.0.0.0', RATE_LIMIT_MAX: '10', INGEST_RATE_LIMIT_MAX: '99' })).toMatchObject({ host: '0.0.0.0', rateLimit: { perCredential: 99 } });
    expect(hardeningConfig('scoring', { RATE_LIMIT_MAX: '10', INGEST_RATE_LIMIT_MAX: '99', TRUST_PROXY: '1' })).toMatchObject({ rateLimit: { perCredential: 10 }, trustProxy: 1 });
    expect(() => hardeningConfig('ingest', { MAX_CONCURRENT_REQUESTS: 'lots' })).toThrow('MAX_CONCURRENT_REQUESTS');
  });

  it('counts a request against its bearer token or session cookie, hashed, else its address', () => {
    const a = credentialKey(req({ authorization: 'Bearer secret-a' }));
    expect(a).toBe(credentialKey(req({ authorization: 'bearer secret-a' }, '198.51.100.1')));
    expect(a).not.toContain('secret-a');
    expect(a).not.toBe(credentialKey(req({ authorization: 'Bearer secret-b' })));
    const session = credentialKey(req({ cookie: 'theme=dark; qd766_session=s1; qd766_csrf=c' }));
    expect(session).not.toBe(credentialKey(req({ cookie: 'qd766_session=s2' })));
    expect(credentialKey(req({}))).toBe('ip:203.0.113.7');
  });

  it('hashes the inline scripts of a page for the CSP, and only those', () => {
    const html = '<script src="main.js" type="module"></script><script>go()</script><script type="x">b</script>';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([hash('go()'), hash('b')]);
  });
});
