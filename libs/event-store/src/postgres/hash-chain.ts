import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export interface HashedContent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly payload: unknown;
}

/** hash = sha256(previous hash of the stream ‖ canonical content). The first event chains from ''. */
export function chainHash(prevHash: string, content: HashedContent): string {
  const { streamId, streamVersion, recordedAt, payload } = content;
  const canonical = canonicalJson({ streamId, streamVersion, recordedAt, payload });
  // One-shot hash: no hasher object per event (ingest and verify-log run this for every event).
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

export interface ChainLink extends HashedContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** Checks a stream's links in version order; answers the first broken version, or null. */
export function firstBrokenLink(links: readonly ChainLink[]): number | null {
  let prev = '';
  for (const link of links) {
    if (link.prevHash !== prev || chainHash(prev, link) !== link.hash) return link.streamVersion;
    prev = link.hash;
  }
  return null;
}
