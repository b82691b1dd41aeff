import type { DomainEventType } from '@idx/domain';

/** The envelope subject id an event type requires besides `unitCode`. */
export type SubjectIdField = 'dossierCode' | 'procedureCode' | 'petitionCode' | 'dossierCode + petitionCode' | 'none';

/** [field, wire type, required?, meaning] */
export type FieldDoc = readonly [name: string, type: string, required: boolean, meaning: string];

export interface EventDoc {
  readonly summary: string;
  readonly subject: SubjectIdField;
  /** The stream the event is appended to. */
  readonly stream: string;
  /** Criteria (DOMAIN.md §2) the event feeds. */
  readonly criteria: readonly number[];
  readonly fields: readonly FieldDoc[];
  /** `data` of the example in docs/events.md; validated by the contract tests. */
  readonly exampleData: Readonly<Record<string, unknown>>;
  /** Business time of the example (local, +07:00). */
  readonly exampleAt: string;
  /** Unit of the example when not the default commune (X11953, phường Phố Hiến of the Hưng Yên formed on 1 July 2025). */
  readonly exampleUnit?: string;
  /** Earlier schema versions still accepted, and how each is upcast (the fields above are the current version's). */
  readonly olderVersions?: readonly OlderVersionDoc[];
}

export interface OlderVersionDoc {
  readonly version: number;
  readonly fields: readonly FieldDoc[];
  /** How the version is read as the next one. */
  readonly upcast: string;
  readonly exampleData: Readonly<Record<string, unknown>>;
}

const DOSSIER = 'dossier-{unitCode}-{dossierCode}';
const PROCEDURE = 'procedure-{unitCode}-{procedureCode}';
const PETITION = 'petition-{unitCode}-{petitionCode}';
const UNIT = 'unit-{unitCode}';
const PORTAL_EVALUATION = 'portal-evaluation-{unitCode}';

/** What every event type means, field by field. docs/events.md is rendered from this. */
export const EVENT_DOCS: Readonly<Record<DomainEventType, EventDoc>> = {
  'dossier.submitted': {
    summary: 'National status 1: the citizen submitted a dossier; not yet received at the one-stop desk.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [8],
    fields: [
      ['procedureCode', 'code', true, 'Procedure (TTHC) code on the national procedure database.'],
      ['channel', '"in-person" | "online" | "postal" or national code 1 | 2 | 3', false, 'Submission channel; missing = in person. Reception, when it comes, decides.'],
    ],
    exampleData: { procedureCode: '1.001612', channel: 'online' },
    exampleAt: '2025-11-03T07:45:00',
  },
  'dossier.received': {
    summary: 'National status 2: received. Starts the clock; most dossier criteria select dossiers by this time.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [4, 5, 7, 8, 13, 14, 16, 17, 18, 21],
    fields: [
      ['procedureCode', 'code', true, 'Procedure (TTHC) code.'],
      ['channel', '"in-person" | "online" | "postal" or 1 | 2 | 3', false, 'Reception channel; missing = in person.'],
      ['dueAt', 'ISO-8601 instant with offset', true, 'Due time set by the one-stop system.'],
    ],
    exampleData: { procedureCode: '1.001612', channel: 'online', dueAt: '2025-11-10T17:00:00+07:00' },
    exampleAt: '2025-11-03T08:00:00',
  },
  'dossier.refused': {
    summary: 'National status 3: not received (refused at the desk). The dossier never counts as received.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [],
    fields: [['reason', 'text ≤ 2000', false, 'Why it was refused.']],
    exampleData: { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
    exampleAt: '2025-11-03T08:10:00',
  },
  'dossier.processing-step': {
    summary: 'National status 4: a processing record. The first one is the processing start (criterion 11); a record without handler name or title can make the dossier late (rule set).',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 11, 21],
    fields: [
      ['step', 'text ≤ 300', false, 'Name of the step.'],
      ['handlerName', 'text ≤ 300', false, "Handler's name."],
      ['handlerTitle', 'text ≤ 300', false, "Handler's title."],
    ],
    exampleData: { step: 'Thẩm định hồ sơ', handlerName: 'Nguyễn Văn An', handlerTitle: 'Chuyên viên' },
    exampleAt: '2025-11-03T14:00:00',
  },
  'dossier.supplement-requested': {
    summary: 'National status 5: the authority asked for a supplement. The clock stops until it arrives; more than one request makes the dossier late (rule set).',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 21],
    fields: [['reason', 'text ≤ 2000', false, 'What is missing.']],
    exampleData: { reason: 'Bổ sung bản sao giấy chứng nhận quyền sử dụng đất' },
    exampleAt: '2025-11-04T09:00:00',
  },
  'dossier.supplement-supplied': {
    summary: 'The citizen supplied the supplement: the clock restarts and the due time moves by the wait, or to `revisedDeadline.dueAt` when given.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 21],
    fields: [
      ['revisedDeadline', '{ dueAt: ISO-8601 instant with offset, extendedByWorkingDays?: integer 0–365 }', false, 'Deadline revised by the one-stop system: the new due time replaces the wait arithmetic; the extension is informative.'],
    ],
    exampleData: { revisedDeadline: { dueAt: '2025-11-13T17:00:00+07:00', extendedByWorkingDays: 3 } },
    exampleAt: '2025-11-06T10:00:00',
    olderVersions: [{
      version: 1,
      fields: [['newDueAt', 'ISO-8601 instant with offset', false, 'New due time from the one-stop system.']],
      upcast: '`newDueAt` becomes `revisedDeadline.dueAt`, with no extension',
      exampleData: { newDueAt: '2025-11-13T17:00:00+07:00' },
    }],
  },
  'dossier.financial-obligation': {
    summary: 'National status 6: fees, charges or taxes to pay. Fee data in the period integrates the procedure for payment (criterion 10); a non-zero total puts the dossier in criterion 11. A repeated `obligationId` replaces the earlier one.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [10, 11],
    fields: [
      ['obligationId', 'code', false, 'Identifies the obligation; default "main".'],
      ['lines', 'list of { kind: "fee" | "charge" | "tax" | "other", amount: VND ≥ 0, description? }', true, 'At least one line.'],
    ],
    exampleData: { obligationId: 'LP-01', lines: [{ kind: 'fee', amount: 50000, description: 'Lệ phí cấp giấy phép' }] },
    exampleAt: '2025-11-03T15:00:00',
  },
  'dossier.fee-paid': {
    summary: 'A payment. Online on the national portal or on the local gateway both count as online (criteria 9, 11).',
    subject: 'dossierCode', stream: DOSSIER, criteria: [9, 11],
    fields: [
      ['method', '"national-portal" | "local-gateway" | "offline"', true, 'Where it was paid.'],
      ['amount', 'VND ≥ 0', false, 'Amount paid.'],
      ['obligationId', 'code', false, 'The obligation paid.'],
      ['transactionRef', 'text ≤ 200', false, "The payment platform's reference."],
    ],
    exampleData: { method: 'national-portal', amount: 50000, obligationId: 'LP-01', transactionRef: 'PAYGOV-251103-0001' },
    exampleAt: '2025-11-03T16:20:00',
  },
  'dossier.withdrawn': {
    summary: 'National status 7: withdrawn by the citizen. Ends the dossier; counts only if it was received.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 21],
    fields: [['reason', 'text ≤ 2000', false, 'Why.']],
    exampleData: { reason: 'Công dân xin rút hồ sơ' },
    exampleAt: '2025-11-05T10:00:00',
  },
  'dossier.stopped': {
    summary: 'National status 8: processing stopped by the authority. Ends the dossier; counts only if it was received.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 21],
    fields: [['reason', 'text ≤ 2000', false, 'Why.']],
    exampleData: { reason: 'Dừng xử lý theo đề nghị của cơ quan có thẩm quyền' },
    exampleAt: '2025-11-05T10:00:00',
  },
  'dossier.processed': {
    summary: 'National status 9: processing finished. Its time is the end the due time is judged against, and the completion time of criterion 12.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 12, 13, 21],
    fields: [],
    exampleData: {},
    exampleAt: '2025-11-07T10:00:00',
  },
  'dossier.result-returned': {
    summary: 'National status 10: the result was returned to the citizen. The end when no processed event came.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [5, 12, 13, 21],
    fields: [],
    exampleData: {},
    exampleAt: '2025-11-07T15:00:00',
  },
  'dossier.components-digitised': {
    summary: 'The dossier\'s components were digitised (số hóa).',
    subject: 'dossierCode', stream: DOSSIER, criteria: [13],
    fields: [['components', 'whole number ≥ 1', false, 'How many components.']],
    exampleData: { components: 3 },
    exampleAt: '2025-11-03T08:30:00',
  },
  'dossier.components-reused': {
    summary: 'At least one component re-used already digitised data instead of a new paper copy.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [14],
    fields: [['components', 'whole number ≥ 1', false, 'How many components.']],
    exampleData: { components: 1 },
    exampleAt: '2025-11-03T08:30:00',
  },
  'dossier.citizen-store-linked': {
    summary: "A component was taken from, or pushed to, the citizen's personal data store on the national portal.",
    subject: 'dossierCode', stream: DOSSIER, criteria: [16],
    fields: [
      ['direction', '"taken-from" | "pushed-to"', true, 'Which way the data went.'],
      ['components', 'whole number ≥ 1', false, 'How many components.'],
    ],
    exampleData: { direction: 'taken-from', components: 1 },
    exampleAt: '2025-11-03T08:05:00',
  },
  'dossier.e-result-issued': {
    summary: 'An electronic result (kết quả điện tử) was issued.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [12, 13],
    fields: [['resultCode', 'code', false, 'Identifier of the electronic result.']],
    exampleData: { resultCode: 'KQ-H31-251107-0001' },
    exampleAt: '2025-11-07T10:05:00',
  },
  'dossier.population-data-used': {
    summary: 'The dossier used data from the national population database or VNeID.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [17, 18],
    fields: [['source', '"population-db" | "vneid"', true, 'Which source.']],
    exampleData: { source: 'vneid' },
    exampleAt: '2025-11-03T08:02:00',
  },
  'dossier.synced': {
    summary: 'The dossier was synced to the National Public Service Portal (DVCQG). A late sync mends the month of reception.',
    subject: 'dossierCode', stream: DOSSIER, criteria: [4],
    fields: [],
    exampleData: {},
    exampleAt: '2025-11-03T08:01:00',
  },
  'dossier.rated': {
    summary: "The citizen's rating of the dossier's handling; the latest rating stands.",
    subject: 'dossierCode', stream: DOSSIER, criteria: [21],
    fields: [['level', '"very-satisfied" | "satisfied" | "unsatisfied"', true, 'Rating.']],
    exampleData: { level: 'satisfied' },
    exampleAt: '2025-11-08T09:00:00',
  },
  'procedure.announced': {
    summary: 'A decision (QĐCB) announced the procedure at this unit. Criterion 1 compares its date with the legal basis; criterion 2 sets the publication deadline from it.',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [1, 2],
    fields: [
      ['decisionCode', 'code', true, 'Number of the QĐCB; a re-sent decision with the same number replaces the earlier.'],
      ['decisionDate', 'YYYY-MM-DD', true, 'Date of the QĐCB.'],
      ['legalBasisEffectiveDate', 'YYYY-MM-DD', true, 'Date the legal document defining the procedure takes effect.'],
      ['name', 'text ≤ 1000', false, 'Procedure name.'],
      ['resultIsDocument', 'boolean', false, 'False when the result is not a document (criteria 12, 13); default from the rule set (true).'],
    ],
    exampleData: { decisionCode: '512/QĐ-UBND', decisionDate: '2025-11-03', legalBasisEffectiveDate: '2025-11-17', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', resultIsDocument: true },
    exampleAt: '2025-11-03T10:00:00',
  },
  'procedure.published': {
    summary: 'Published on the national procedure database; `occurredAt` is the publication time (criteria 2, 3).',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [2, 3],
    fields: [['decisionCode', 'code', false, 'The QĐCB the publication answers; without it, the first QĐCB dated on or before it.']],
    exampleData: { decisionCode: '512/QĐ-UBND' },
    exampleAt: '2025-11-06T09:00:00',
  },
  'procedure.content-assessed': {
    summary: 'Which parts the published procedure shows; complete = every mandatory part of the rule set (7: name, steps, method, components, time-limit, applicants, authority).',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [3],
    fields: [['presentParts', 'list of name | steps | method | components | time-limit | applicants | authority | result | fees | forms | conditions | legal-basis', true, 'Parts present.']],
    exampleData: { presentParts: ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority', 'result', 'fees'] },
    exampleAt: '2025-11-06T09:05:00',
  },
  'procedure.online-service-set': {
    summary: 'The online public service level (DVCTT) from now on.',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [6, 7],
    fields: [['level', '"none" | "partial" | "full"', true, 'none, một phần (partial) or toàn trình (full).']],
    exampleData: { level: 'full' },
    exampleAt: '2025-11-06T09:10:00',
  },
  'procedure.fee-configured': {
    summary: 'Whether the procedure bears fees or charges. A unit without fee-bearing procedures has the payment criteria N/A.',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [9, 10, 11],
    fields: [['feeBearing', 'boolean', true, 'Bears a fee, charge or other financial obligation.']],
    exampleData: { feeBearing: true },
    exampleAt: '2025-11-06T09:10:00',
  },
  'procedure.payment-integrated': {
    summary: 'The catalogue declares the procedure integrated for online payment (criterion 10 when the rule set counts declarations).',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [10],
    fields: [['integrated', 'boolean', true, 'Integrated or not.']],
    exampleData: { integrated: true },
    exampleAt: '2025-11-06T09:10:00',
  },
  'procedure.audience-set': {
    summary: 'Whether citizens (not only organisations) carry out the procedure (criterion 17).',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [17],
    fields: [['citizenFacing', 'boolean', true, 'Citizen-facing or not.']],
    exampleData: { citizenFacing: true },
    exampleAt: '2025-11-06T09:10:00',
  },
  'procedure.abolished': {
    summary: 'The procedure left the unit\'s authority (abolished or transferred); it stops counting from then.',
    subject: 'procedureCode', stream: PROCEDURE, criteria: [3, 6, 7, 9, 10, 17],
    fields: [['decisionCode', 'code', false, 'The decision that abolished it.']],
    exampleData: { decisionCode: '1020/QĐ-UBND' },
    exampleAt: '2025-12-31T17:00:00',
  },
  'petition.received': {
    summary: 'A citizen petition (PAKN) was received; petitions are selected into periods by first receipt.',
    subject: 'petitionCode', stream: PETITION, criteria: [19, 20],
    fields: [
      ['dueAt', 'ISO-8601 instant with offset', false, 'Deadline.'],
      ['dueInWorkingDays', 'whole number 0–365', false, 'Deadline as working days after receipt (holiday calendar of the rule set); without either, the rule set default (10).'],
      ['withinCompetence', 'boolean', false, "False when outside the unit's competence (forwarded): it does not count. Default true."],
      ['topic', 'text ≤ 500', false, 'Subject of the petition.'],
    ],
    exampleData: { dueInWorkingDays: 10, withinCompetence: true, topic: 'Chậm trả kết quả cấp giấy chứng nhận' },
    exampleAt: '2025-11-10T09:00:00',
  },
  'petition.answered': {
    summary: 'The petition was answered; closes the open round.',
    subject: 'petitionCode', stream: PETITION, criteria: [19, 20],
    fields: [],
    exampleData: {},
    exampleAt: '2025-11-17T16:00:00',
  },
  'petition.rated': {
    summary: "The citizen's rating of the answer; the latest rating stands.",
    subject: 'petitionCode', stream: PETITION, criteria: [20],
    fields: [['level', '"very-satisfied" | "satisfied" | "unsatisfied"', true, 'Rating.']],
    exampleData: { level: 'very-satisfied' },
    exampleAt: '2025-11-18T08:00:00',
  },
  'petition.reopened': {
    summary: 'Reopened after an answer: a new round with its own deadline, or the original working-day allowance.',
    subject: 'petitionCode', stream: PETITION, criteria: [19, 20],
    fields: [
      ['dueAt', 'ISO-8601 instant with offset', false, 'New deadline.'],
      ['dueInWorkingDays', 'whole number 0–365', false, 'New deadline in working days.'],
    ],
    exampleData: { dueInWorkingDays: 5 },
    exampleAt: '2025-11-19T08:00:00',
  },
  'petition.linked-to-dossier': {
    summary: 'A petition concerns a dossier: the dossier counts against criterion 21. Appended to the dossier\'s stream; `unitCode` is the dossier\'s unit.',
    subject: 'dossierCode + petitionCode', stream: DOSSIER, criteria: [21],
    fields: [['petitionUnitCode', 'code', false, 'Unit that received the petition, when not the dossier\'s unit.']],
    exampleData: { petitionUnitCode: 'X11953' },
    exampleAt: '2025-11-10T09:05:00',
  },
  'unit.registered': {
    summary: 'A unit exists in the administrative tree from `effectiveFrom` (else `occurredAt`).',
    subject: 'none', stream: UNIT, criteria: [],
    fields: [
      ['name', 'text 1–300', true, 'Official name, e.g. "UBND phường Phố Hiến".'],
      ['level', '"province" | "department" | "district" | "commune"', true, 'Level in the tree.'],
      ['parentCode', 'code', false, 'Parent unit (absent for a province).'],
      ['effectiveFrom', 'YYYY-MM-DD', false, 'First day of validity.'],
      ['nationalCodes', 'list of 1–10 codes (letters, digits, dots)', false, 'National identifier codes (mã định danh such as 000.00.12.H31, GSO codes): see docs/units.md.'],
    ],
    exampleData: { name: 'UBND phường Phố Hiến', level: 'commune', parentCode: 'HY25', effectiveFrom: '2025-07-01', nationalCodes: ['11953'] },
    exampleAt: '2025-07-01T00:00:00',
  },
  'unit.renamed': {
    summary: 'A new name from `effectiveFrom`; history keeps the old one.',
    subject: 'none', stream: UNIT, criteria: [],
    fields: [
      ['name', 'text 1–300', true, 'New name.'],
      ['effectiveFrom', 'YYYY-MM-DD', false, 'First day of the new name.'],
    ],
    exampleData: { name: 'UBND thành phố Huế', effectiveFrom: '2025-01-01' },
    exampleAt: '2025-01-01T00:00:00',
    exampleUnit: 'TTH',
  },
  'unit.merged': {
    summary: 'The unit merged into a successor and ceases on `effectiveFrom`; comparisons across the change follow the successor link.',
    subject: 'none', stream: UNIT, criteria: [],
    fields: [
      ['successorCode', 'code', true, 'The unit that carries its history forward.'],
      ['effectiveFrom', 'YYYY-MM-DD', true, 'First day the unit no longer exists.'],
    ],
    exampleData: { successorCode: 'HY25', effectiveFrom: '2025-07-01' },
    exampleAt: '2025-07-01T00:00:00',
    exampleUnit: 'HY',
  },
  'unit.dissolved': {
    summary: 'The unit ceases on `effectiveFrom` (e.g. the district level on 1 July 2025).',
    subject: 'none', stream: UNIT, criteria: [],
    fields: [
      ['effectiveFrom', 'YYYY-MM-DD', true, 'First day the unit no longer exists.'],
      ['successorCode', 'code', false, 'A successor to compare against, when there is one.'],
    ],
    exampleData: { effectiveFrom: '2025-07-01' },
    exampleAt: '2025-07-01T00:00:00',
    exampleUnit: 'HY-VANLAM',
  },
  'unit.certification-competence-set': {
    summary: 'Whether the unit is competent to issue electronic certified copies from originals (criterion 15 denominator).',
    subject: 'none', stream: UNIT, criteria: [15],
    fields: [
      ['competent', 'boolean', true, 'Competent or not.'],
      ['effectiveFrom', 'YYYY-MM-DD', false, 'From when.'],
    ],
    exampleData: { competent: true, effectiveFrom: '2025-07-01' },
    exampleAt: '2025-07-01T00:00:00',
  },
  'unit.national-codes-set': {
    summary: 'The national identifier codes the unit is known by from now on (they replace earlier ones): mã định danh such as `000.00.12.H31` or `H31`, GSO codes; a sync snapshot naming one resolves to the unit (docs/units.md).',
    subject: 'none', stream: UNIT, criteria: [],
    fields: [['nationalCodes', 'list of 1–10 codes (letters, digits, dots)', true, 'The codes.']],
    exampleData: { nationalCodes: ['H31', '33'] },
    exampleAt: '2025-07-01T00:00:00',
    exampleUnit: 'HY25',
  },
  'certified-copy.issued': {
    summary: 'The unit completed electronic certified copies from originals; `occurredAt` is the completion time (criterion 15 numerator).',
    subject: 'none', stream: UNIT, criteria: [15],
    fields: [
      ['copyCode', 'code', false, 'Identifier of the copy.'],
      ['dossierCode', 'code', false, 'The certification dossier, if any.'],
      ['count', 'whole number ≥ 1', false, 'How many copies this event reports; default 1.'],
    ],
    exampleData: { copyCode: 'CT-251104-0007', count: 1 },
    exampleAt: '2025-11-04T10:30:00',
  },
  'portal.evaluation-imported': {
    summary: 'Recorded by the reporting service, never sent by a one-stop system (ingest refuses it): an official imported the national portal\'s own evaluation figures for a period and an area (`unitCode` and the units below it), to reconcile them with ours (docs/reconciliation.md). The file is kept byte for byte, so a reconciliation re-reads the same bytes; the same bytes for the same area and period are the same event. No score reads it. The one event allowed above 64 KiB: up to 4 MiB of file.',
    subject: 'none', stream: PORTAL_EVALUATION, criteria: [],
    fields: [
      ['period', 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY', true, 'The period the figures are for.'],
      ['sourceBase64', 'base64 of at most 4 MiB', true, 'The file as imported (the JSON the portal\'s evaluation API answers).'],
      ['sourceSha256', '64 hex digits', true, 'SHA-256 of the file; with the area and period it names the import.'],
      ['fileName', 'text ≤ 200', false, 'The uploaded file\'s name.'],
      ['importedBy', 'code', true, 'The console account that imported it.'],
      ['fetchedFrom', 'URL', false, 'Where the platform fetched the file, when it did (else an upload).'],
    ],
    exampleData: {
      period: '2025-11', sourceBase64: 'eyJncm91cHMiOltdfQ==', sourceSha256: '2a4f4b1f5d8e0d9a3c1e5c2f7a6b8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8',
      fileName: 'dvcqg-2025-11.json', importedBy: 'vp.ubnd.hungyen',
    },
    exampleAt: '2025-12-03T09:00:00',
    exampleUnit: 'HY25',
  },
};
