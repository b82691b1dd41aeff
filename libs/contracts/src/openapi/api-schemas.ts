import { CONSOLE_ROLES } from '../api/auth.dto';
import { EXPLAIN_CATEGORIES } from '../api/explain.dto';
import { REGISTRY_UNIT_SCHEMA, UNIT_SEARCH_PAGE_SCHEMA } from '../api/units.dto';
import { EVENT_ENVELOPE_SCHEMAS } from './event-body.schema';
import { anyValue, arrayOf, bigintText, bool, instant, int, mapOf, nullable, num, object, oneOfText, str, type JsonSchema } from './schema-builders';

/**
 * The named schemas (components/schemas) of the services' requests and answers, one per DTO of
 * libs/contracts/src/api (the interface names the shape for TypeScript, this for every other
 * language). Controllers reference them with apiSchemaRef(name); publishOpenApi adds the ones a
 * document references. Nested shapes are referenced too, so a generated client names them.
 */
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const status = oneOfText(['ok', 'no-data', 'not-applicable'], 'ok: a measured number (0 included) · no-data: nothing to measure · not-applicable: the unit is not concerned');
const band = object({ labelVi: str(undefined, { example: 'Xuất sắc' }), labelEn: str(undefined, { example: 'Excellent' }) });
const period = str('YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY', { example: '2025-07' });
const fraction = object({ numerator: num(), denominator: num() });
const cut = object({ name: str('projection partition'), transactionId: bigintText(), position: bigintText() });
const logSeal = object({
  seq: bigintText(), upToTransactionId: bigintText(), upToPosition: bigintText(), eventCount: bigintText('events covered, cumulative'),
  headHash: str('sha256 hex'), sealedAt: instant(), keyId: str('first 16 hex digits of sha256 of the public key'), signature: str('Ed25519 signature, base64'),
});
const parkedEvent = object({
  eventId: str(), type: str(), unitCode: str(), position: bigintText(), error: nullable(str()), status: oneOfText(['parked', 'skipped']),
});

/** Listed in dependency order only for reading: $refs resolve by name. */
const SCHEMAS = {
  /** Every error answer (docs/http-hardening.md): the status and a reason a person can act on. */
  ErrorAnswer: {
    ...object(
      { reason: str('what was wrong and what to do', { example: 'period: "2025-13" is not YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' }) },
      { statusCode: int('the HTTP status again', { minimum: 400, maximum: 599 }), status: oneOfText(['rejected'], 'ingest: the whole body was refused'), message: anyValue('the framework\'s message, when there was one') },
    ),
    additionalProperties: true,
  },
  UnitRef: object({ code: str(undefined, { example: 'HY25' }), name: str(), level: str(), parentCode: nullable(str()) }),
  CriterionScore: object({
    id: int(undefined, { minimum: 1, maximum: 21 }), group: str(), nameVi: str(), nameEn: str(), numerator: num(), denominator: num(),
    ratio: nullable(num()), points: nullable(num()), max: num(), target: num(), status, flags: arrayOf(str(), 'data-quality notes, e.g. fallback-denominator'),
  }),
  GroupScore: object(
    {
      id: str(), nameVi: str(), nameEn: str(), points: num(), max: num(), applicableMax: num('max of the criteria that apply to the unit'),
      rate: nullable(num('points ÷ applicableMax')), status, notApplicable: bool(),
    },
    {
      flags: arrayOf(str(), 'flags of the group\'s criteria, e.g. no-fee-bearing-procedures'),
      rank: nullable(object({ rank: nullable(int('competition rank on the group\'s displayed points; null when the group is N/A for the unit')), of: int('units ranked for the group') }, {}, 'the group\'s rank among the same peers as the total; null when the unit is unranked')),
      peerAverage: nullable(num('unweighted mean of the group over the ranked peers (national average for provinces)')),
    },
  ),
  UnitScore: object(
    {
      unit: ref('UnitRef'), period, ruleSetId: str(), total: num('as displayed: pooled, rescaled, half-up'), hasData: bool(), status, band,
      groups: arrayOf(ref('GroupScore')), criteria: arrayOf(ref('CriterionScore')), applicableMax: num(), rescaled: bool(), rescaledNoteVi: nullable(str()),
      pooledUnits: arrayOf(str()), rank: nullable(object({ rank: nullable(int()), of: int(), peerGroup: str() })), updatedAt: instant('record time of the newest event reflected'),
    },
    { asOf: instant('set when recomputed from the events recorded up to this instant') },
  ),
  RankingRow: object({
    rank: nullable(int('competition rank (1, 2, 2, 4); null without activity')), hasData: bool(), of: int(), peerGroup: str(), unit: ref('UnitRef'),
    total: num(), band, groups: arrayOf(ref('GroupScore')), previousTotal: nullable(num()), updatedAt: instant(),
  }),
  Ranking: object({
    period, level: str(), parent: nullable(str()),
    sort: str('total, or the group id whose rank orders the rows'),
    average: object({ total: nullable(num()), groups: mapOf(num()), count: int() }),
    rows: arrayOf(ref('RankingRow')),
  }),
  UnitTrend: object({ unitCode: str(), points: arrayOf(object({ period, total: nullable(num()), groups: mapOf(nullable(num())) })) }),
  ExplainItem: object({
    kind: oneOfText(['dossier', 'procedure', 'petition', 'unit']), code: str(), unitCode: str(), inNumerator: bool(), inDenominator: bool(), costsPoints: bool(),
    reasonVi: nullable(str()), reasonEn: nullable(str()), lateByMs: nullable(num()), facts: mapOf(nullable({ oneOf: [str(), num(), bool()] })), streamId: str(),
  }),
  Explain: object({
    unitCode: str(), period, criterion: ref('CriterionScore'),
    totals: object({ items: int(), costsPoints: int(), inNumerator: int(), inDenominator: int() }),
    page: object({
      size: int(), category: oneOfText(EXPLAIN_CATEGORIES), cursor: nullable(str()),
      next: nullable(str('pass as cursor for the next page; null on the last page')), offset: int(),
    }),
    evaluatedAt: instant(), items: arrayOf(ref('ExplainItem')),
  }),
  StreamEvent: object({
    globalPosition: bigintText(), streamVersion: int(), recordedAt: instant('exactly as hashed'), occurredAt: instant(), type: str(), eventId: str(), sourceSystem: str(),
    data: anyValue(), payload: anyValue('the whole event as stored and hashed'), prevHash: str(), hash: str(),
  }),
  StreamEvents: object({ streamId: str(), chainIntact: bool(), brokenAt: nullable(int()), events: arrayOf(ref('StreamEvent')) }),
  ScoreDiff: object({
    unitCode: str(), period, from: instant(), to: instant(), totalBefore: num(), totalAfter: num(),
    criteria: arrayOf(object({ id: int(), before: object({ numerator: num(), denominator: num(), points: nullable(num()) }), after: object({ numerator: num(), denominator: num(), points: nullable(num()) }) })),
    events: arrayOf(object({ recordedAt: instant(), occurredAt: instant(), type: str(), unitCode: str(), subject: nullable(str()), globalPosition: bigintText() })),
  }),
  VerifyRequest: object({ unitCode: str(undefined, { example: 'HY25' }) }, { period: str('YYYY-MM; default: the current month') }),
  LogVerifyReport: object({
    intact: bool(), eventsChecked: int(), streamsChecked: int(), sealsChecked: int(), lastSeal: nullable(logSeal), unsealed: int(),
    problems: arrayOf(object({ kind: str(), detail: str() }, { streamId: str(), streamVersion: int(), globalPosition: bigintText(), seq: bigintText() })),
    problemCount: int(), notes: arrayOf(str()), elapsedMs: num(),
  }),
  VerifyReport: object(
    {
      unitCode: str(), period, match: bool(), eventsReplayed: int(), streamsChecked: int(),
      brokenStreams: arrayOf(object({ streamId: str(), brokenAt: int() })),
      differences: arrayOf(object({ unitCode: str(), criterion: int(), stored: nullable(fraction), recomputed: nullable(fraction) })),
      position: bigintText(), cuts: arrayOf(cut),
      rowDifferences: arrayOf(object({ unitCode: str(), column: str(), stored: anyValue(), recomputed: anyValue() })),
    },
    { log: ref('LogVerifyReport') },
  ),
  PeriodSnapshot: object(
    {
      period, closedAt: instant(), asOf: instant(), position: bigintText(), closedBy: str(), scores: arrayOf(ref('UnitScore')),
      seal: nullable(object({ seq: bigintText(), headHash: str() })),
    },
    { cuts: arrayOf(cut) },
  ),
  SnapshotCheck: object({
    period, asOf: instant(), match: bool(), unitsChecked: int(),
    differences: arrayOf(object({ unitCode: str(), published: num(), recomputed: nullable(num()) })),
  }),
  LogSeals: object({ publicKeyPem: nullable(str('SPKI PEM of the Ed25519 key')), keyId: nullable(str()), seals: arrayOf(logSeal) }),
  ConsoleUser: object({ username: str(), role: oneOfText(CONSOLE_ROLES), unitCode: nullable(str()) }),
  AuthMe: object({ user: nullable(ref('ConsoleUser')), readsPublic: bool() }),
  LoginRequest: object({ username: str(), password: str() }),
  AuditLogPage: object({
    entries: arrayOf(object({ id: bigintText(), at: instant(), actor: str(), action: str(), target: str(), details: mapOf(anyValue()) })),
    nextBefore: nullable(str()),
  }),
  ParkedSubject: object({
    id: str(), kind: str(), key: str(), unitCode: str(), error: str(), status: oneOfText(['parked', 'skipped']), firstSeen: instant(), lastSeen: instant(),
    resolvedAt: nullable(instant()), resolvedBy: nullable(str()), reason: nullable(str()), events: arrayOf(parkedEvent),
  }),
  ParkedList: object({
    parked: arrayOf(ref('ParkedSubject')),
    failedRecomputes: arrayOf(object({ unitCode: str(), period: str(), error: str(), attempts: int(), firstSeen: instant(), lastSeen: instant() })),
  }),
  RetryOutcome: object(
    { status: oneOfText(['applied', 'still-failing', 'not-found']) },
    { events: int('events applied'), changes: arrayOf(anyValue(), 'score changes the retry caused'), error: str('why it still fails') },
  ),
  /** POSTs that act on their path alone (retry, close, logout): nothing to send, documented so a client sends nothing. */
  NoBody: { type: 'object', maxProperties: 0, description: 'no body: send nothing (or {})' },
  SkipRequest: object({ reason: str('why the events are skipped for good (kept in the audit log)', { minLength: 1 }) }),
  ScoreChangedMessage: object({ unitCode: str(), period, total: num('the same number the unit-score endpoint answers'), changedAt: instant() }),
  ReconciliationFigure: object({ numerator: nullable(num()), denominator: nullable(num()), ratio: nullable(num('percent')), points: nullable(num()) }),
  ReconciliationRow: object({
    kind: oneOfText(['criterion', 'group', 'total']), criterion: nullable(int(undefined, { minimum: 1, maximum: 21 })), group: nullable(str()), labelVi: str(),
    ours: nullable(ref('ReconciliationFigure')), portal: ref('ReconciliationFigure'), difference: ref('ReconciliationFigure'), agrees: bool(),
  }),
  ReconciliationUnit: object({
    departmentCode: str('the code the portal names the unit by'), departmentName: nullable(str()), unitCode: nullable(str()), unitName: nullable(str()),
    status: oneOfText(['compared', 'unknown-unit', 'outside-area', 'no-score']), reason: nullable(str()), rows: arrayOf(ref('ReconciliationRow')), differences: int(),
  }),
  PortalImport: object({
    importId: str('UUID'), unitCode: str('the area'), period, importedAt: instant(), importedBy: str(), fileName: nullable(str()), fetchedFrom: nullable(str()),
    sourceSha256: str('sha256 hex of the file'), bytes: int(),
  }),
  PortalImportResult: object({ status: oneOfText(['imported', 'unchanged']), import: ref('PortalImport') }),
  PortalImportList: object({ unitCode: str(), imports: arrayOf(ref('PortalImport')) }),
  Reconciliation: object({
    import: ref('PortalImport'), format: str('groups or report-tinh-766'), oursAsOf: nullable(instant()), units: arrayOf(ref('ReconciliationUnit')),
    summary: object({ units: int(), compared: int(), differing: int(), notCompared: int() }), notices: arrayOf(str()),
  }),
  ReconciliationDossier: object({
    dossierCode: str(), unitCode: str(), inNumerator: bool(), inDenominator: bool(), portalSynced: bool('the portal got a sync of it (DongBoHoSoMC)'),
    reasonVi: nullable(str()), streamId: str(),
  }),
  ReconciliationDrillDown: object({
    importId: str(), unitCode: str(), period, criterion: int(undefined, { minimum: 1, maximum: 21 }), row: ref('ReconciliationRow'),
    candidates: arrayOf(ref('ReconciliationDossier'), 'dossiers we count that the portal never got a sync for'), synced: int(), explanationVi: str(),
  }),
  RegistryUnit: REGISTRY_UNIT_SCHEMA as JsonSchema,
  UnitSearchPage: { ...UNIT_SEARCH_PAGE_SCHEMA, properties: { ...UNIT_SEARCH_PAGE_SCHEMA.properties, items: arrayOf(ref('RegistryUnit')) } } as JsonSchema,
  /** POST /api/v1/events: a JSON array of envelopes (or NDJSON: one per line, same schema per line). */
  EventBatch: arrayOf({ anyOf: Object.keys(EVENT_ENVELOPE_SCHEMAS).map((name) => ({ $ref: `#/components/schemas/${name}` })) }, 'events in order; each is validated and answered on its own'),
  IngestResult: object(
    { index: int('position in the posted batch, from 0'), status: oneOfText(['accepted', 'duplicate', 'rejected', 'conflict']) },
    {
      eventId: str(undefined, { format: 'uuid' }), globalPosition: bigintText('accepted: the event\'s position in the store'),
      reason: str('rejected or conflict: what was wrong, field by field'),
    },
  ),
  IngestResponse: object({ accepted: int(), duplicate: int(), rejected: int(), conflict: int(), results: arrayOf(ref('IngestResult')) }),
  IngestHealth: object({ status: oneOfText(['ok']), service: oneOfText(['ingest']), database: oneOfText(['up']), requests: nullable(object({ inFlight: int(), maxConcurrent: int() })) }),
  KafkaHealth: { ...object({ enabled: bool() }, { state: str(), topic: str(), dlqTopic: str(), groupId: str(), messages: int(), accepted: int(), duplicate: int(), rejected: int() }), additionalProperties: true },
  ReportingHealth: object({
    status: oneOfText(['ok']), service: oneOfText(['reporting']), database: oneOfText(['up']), lastEventPosition: bigintText(),
    stream: object({ connections: int(), maxConnections: int() }),
  }),
  ScoringHealth: {
    ...object(
      { status: oneOfText(['ok', 'degraded'], 'HTTP 200 either way; degraded says why in reasons'), reasons: arrayOf(str()), service: oneOfText(['scoring']), projection: { type: 'object', additionalProperties: true }, logSeal: { type: 'object', additionalProperties: true } },
      { parked: { type: 'object', additionalProperties: true }, failedRecomputes: { type: 'object', additionalProperties: true }, checkpoint: { type: 'object', additionalProperties: true } },
    ),
  },
} satisfies Record<string, JsonSchema>;

export type ApiSchemaName = keyof typeof SCHEMAS;
/** The answers' and bodies' schemas and every event envelope (by type and version). */
export const API_SCHEMAS: Readonly<Record<string, JsonSchema>> = { ...SCHEMAS, ...EVENT_ENVELOPE_SCHEMAS };

/** `{ $ref }` to a named schema, for @ApiOkResponse({ schema }) / @ApiBody({ schema }). */
export function apiSchemaRef(name: ApiSchemaName): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

export const apiSchemaArray = (name: ApiSchemaName): JsonSchema => arrayOf(apiSchemaRef(name));
