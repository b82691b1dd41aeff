/**
 * Limits every event on the wire must keep, whatever its type. They bound what one request can
 * make the platform parse, store and hash; a sender exceeding one gets a reason naming it.
 */

/** Bytes of one event's JSON (an envelope is well under 2 KiB; free texts are capped at 2000 characters). */
export const MAX_EVENT_BYTES = 64 * 1024;

/** Levels of objects and arrays in one event, the event itself being level 1 (envelopes use 4). */
export const MAX_EVENT_DEPTH = 32;

/** Characters in a free-text field (reasons, notes). */
export const FREE_TEXT_MAX = 2000;

/** Characters in a code (unit, dossier, procedure, petition, decision codes). */
export const CODE_MAX = 100;

/** Characters in the sending system's name. */
export const SOURCE_SYSTEM_MAX = 200;

/** Characters in a field name, known or not. */
export const FIELD_NAME_MAX = 100;

/** Field names that reach JavaScript's object machinery; no event needs them, so none may carry them. */
export const FORBIDDEN_FIELD_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];
