import { currentSchemaVersion, type DomainEventType } from '@idx/domain';
import { EVENT_DOCS, type EventDoc } from './event-docs';
import { wireExampleOf } from './wire-examples';

const FAMILIES: readonly [prefix: string, title: string, intro: string][] = [
  ['dossier.', 'Dossier lifecycle (hồ sơ)', 'One stream per dossier. National status codes 1–10 (DOMAIN.md §3) map to these types.'],
  ['petition.linked', 'Petition ↔ dossier link', 'Carries both codes; appended to the dossier stream because it changes the dossier\'s criterion 21.'],
  ['procedure.', 'Procedure catalogue (TTHC at an authority)', 'One stream per procedure at a unit (`unitCode` + `procedureCode`), so procedure counts add up from units to their province.'],
  ['petition.', 'Citizen petitions (PAKN)', 'One stream per petition (`unitCode` + `petitionCode`).'],
  ['unit.', 'Units (dated administrative tree)', 'One stream per unit. Effective dates are local dates (YYYY-MM-DD, Asia/Ho_Chi_Minh).'],
  ['certified-copy.', 'Electronic certified copies', 'Appended to the issuing unit\'s stream.'],
  ['portal.', 'Reconciliation with the national portal', 'Recorded by the platform itself (reporting), one stream per area; no score reads them.'],
];

function familyOf(type: string): string {
  return (FAMILIES.find(([prefix]) => type.startsWith(prefix)) as (typeof FAMILIES)[number])[0];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function fieldTable(fields: EventDoc['fields']): string {
  return fields.length === 0
    ? '_No data fields: send `"data": {}` (or omit it)._\n'
    : ['| Field | Type | Required | Meaning |', '|---|---|---|---|', ...fields.map(([name, t, required, meaning]) =>
      `| \`${name}\` | ${cell(t)} | ${required ? 'yes' : 'no'} | ${cell(meaning)} |`)].join('\n') + '\n';
}

function section(type: DomainEventType, doc: EventDoc): string {
  const fields = fieldTable(doc.fields);
  const subject = doc.subject === 'none' ? '`unitCode` only' : doc.subject.split(' + ').map((s) => `\`${s}\``).join(' + ');
  const older = (doc.olderVersions ?? []).flatMap((v) => [
    `Version ${v.version} (still accepted; ${v.upcast})`,
    '',
    fieldTable(v.fields),
    '```json',
    JSON.stringify(wireExampleOf(type, v.version), null, 2),
    '```',
    '',
  ]);
  return [
    `### \`${type}\``,
    '',
    doc.summary,
    '',
    `Subject: ${subject} · stream \`${doc.stream}\` · criteria: ${doc.criteria.length === 0 ? '—' : doc.criteria.join(', ')} · schemaVersion ${currentSchemaVersion(type)}`,
    '',
    fields,
    '```json',
    JSON.stringify(wireExampleOf(type), null, 2),
    '```',
    '',
    ...older,
  ].join('\n');
}

/** docs/events.md, rendered from the catalogue so that the page and the schemas cannot drift. */
export function renderEventsMarkdown(): string {
  const types = Object.keys(EVENT_DOCS) as DomainEventType[];
  const parts: string[] = [
    '# Event catalogue',
    '',
    '<!-- Generated from libs/contracts/src/events/event-docs.ts by renderEventsMarkdown(); the contract tests fail when this page drifts.',
    '     Regenerate: UPDATE_EVENT_DOCS=1 npx jest libs/contracts/src/events/__tests__/events-doc.spec.ts -->',
    '',
    'Every event a one-stop system (or the platform) sends, with its fields and an example that the',
    'contract tests validate. Wire schemas: `libs/contracts/src/events` (zod); domain types:',
    '`libs/domain/src/events`.',
    '',
    '## Envelope',
    '',
    '| Field | Type | Required | Meaning |',
    '|---|---|---|---|',
    '| `eventId` | UUID | yes | From the source system; the idempotency key (a re-sent event is a duplicate, never a second row). |',
    '| `type` | string | yes | One of the types below. |',
    '| `schemaVersion` | integer | yes | Version of the type\'s schema (shown with each type). Older versions listed under a type are still accepted and upcast when read; any other version is rejected with the supported ones named. |',
    '| `occurredAt` | ISO-8601 instant with offset | yes | Business time; decides the period (Asia/Ho_Chi_Minh, boundaries at local midnight). At most 15 minutes ahead of the server\'s clock. |',
    '| `sourceSystem` | string 1–200 | yes | The sending one-stop system. |',
    '| `unitCode` | code | yes | The unit the subject belongs to. |',
    '| `dossierCode` / `procedureCode` / `petitionCode` | code | per type | The subject id (see each type). |',
    '| `data` | object | per type | Type-specific fields; unknown fields are ignored. |',
    '',
    'A code holds letters, digits and `. _ : / -` (1–100 characters). Channels may be sent by name or',
    'by national code (1 in person, 2 online, 3 postal); a missing channel means in person. A rejected',
    'event is answered with one reason per wrong field, e.g.',
    '`data.dueAt: must be an ISO-8601 date-time with an offset, e.g. 2025-03-04T08:30:00+07:00`.',
    '',
    'Every date and instant must be real (no 30 February, no 24:00, no second 60), with an offset of Z or',
    '±hh:mm within ±14:00 and a year from 1990 to 2100. No text anywhere in an event (field names',
    'included) may hold NUL (U+0000) or a lone surrogate; free texts hold at most 2000 characters. One',
    'event is at most 64 KiB of UTF-8 JSON, nested at most 32 levels. See `docs/input-validation.md`.',
    '',
    '## Versions',
    '',
    'Events are stored as sent, with their `schemaVersion`. Every fold (projection, replay, rebuild,',
    'audit) reads them through the upcasters of `libs/domain/src/events/upcasters.ts`, which lift an',
    'old version one step at a time to the current one, so old and new versions of an event count',
    'the same. A new version is a wire schema (`catalogue.ts`), a domain type and one upcaster; the',
    'contract tests check that every accepted version has an upcast path and vice versa.',
    '',
    '## Types',
    '',
    ...types.map((t) => `- [\`${t}\`](#${t.replace(/[^a-z0-9-]/g, '')})`),
    '',
  ];
  for (const [prefix, title, intro] of FAMILIES) {
    const members = types.filter((t) => familyOf(t) === prefix);
    if (members.length === 0) continue;
    parts.push(`## ${title}`, '', intro, '', ...members.map((t) => section(t, EVENT_DOCS[t])));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
