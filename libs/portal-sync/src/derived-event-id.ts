import { createHash } from 'node:crypto';

/** Namespace of derived event ids (a fixed random UUID): ids never collide with other v5 users. */
const NAMESPACE = Buffer.from('3f5b7c1e9a2d4e6f8b0c1d2e3f4a5b6c', 'hex');

/** RFC 4122 version 5 UUID (SHA-1 of namespace + name). */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The id of an event derived from a snapshot: the same dossier, kind and key always give the same
 * id, so a snapshot sent twice appends nothing the second time (the store answers duplicate).
 */
export function derivedEventId(unitCode: string, dossierCode: string, kind: string, key = '1'): string {
  return uuidV5(`portal-sync\u0000${unitCode}\u0000${dossierCode}\u0000${kind}\u0000${key}`);
}
