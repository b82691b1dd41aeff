import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export interface HashedContent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly payload: unknown;
}

/** hash = sha256(previous hash of the stream ‖ "\n" ‖ canonical content). The first event chains from ''. */
export function chainHash(prevHash: string, content: HashedContent): string {
  return chainHashOfCanonical(prevHash, content, canonicalJson(content.payload));
}

/**
 * chainHash with the payload's canonical JSON already written: the batch append stores that same
 * text as the payload, so it is written once per event.
 */
export function chainHashOfCanonical(prevHash: string, content: Omit<HashedContent, 'payload'>, canonicalPayload: string): string {
  // One-shot hash: no hasher object per event (ingest and verify-log run this for every event).
  return hash('sha256', `${prevHash}\n${textBeforeVersion(content, canonicalPayload)}${content.streamVersion}}`, 'hex');
}

/**
 * The canonical content up to its stream version: canonicalJson({ streamId, streamVersion, recordedAt,
 * payload }) sorts streamVersion last, so the text is this prefix, the version, and "}". A single
 * append sends the prefix and lets PostgreSQL finish the hash once it holds the stream's head
 * (append_one_event), which saves reading the head first.
 */
export function hashedTextBeforeVersion(content: Omit<HashedContent, 'streamVersion'>): string {
  return textBeforeVersion(content, canonicalJson(content.payload));
}

export function textBeforeVersion(content: { readonly streamId: string; readonly recordedAt: string }, canonicalPayload: string): string {
  return `{"payload":${canonicalPayload},"recordedAt":${JSON.stringify(content.recordedAt)},"streamId":${JSON.stringify(content.streamId)},"streamVersion":`;
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
