import type { IngestResponseDto, RankingDto, UnitScoreDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

const json = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
};

describe('end to end: events over HTTP → scoring → reporting API', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    process.env['INGEST_MAX_BODY_BYTES'] = '200000';
    platform = await startPlatform();
    delete process.env['INGEST_MAX_BODY_BYTES'];
  });
  afterAll(() => platform?.stop());

  it('scores criterion 5 and 8 from posted dossiers, and reports rejected and duplicate events', async () => {
    const d = (code: string) => dossierEvents('HY-STP', code);
    // 4 dossiers received in March 2025: 3 finished on time, 1 late; 2 of the 4 filed online.
    const events = [
      unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
      d('A').received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online'), d('A').processed('2025-03-05T10:00:00'),
      d('B').received('2025-03-04T08:00:00', '2025-03-11T17:00:00', 'online'), d('B').processed('2025-03-11T16:00:00'),
      d('C').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), d('C').processed('2025-03-12T09:00:00'),
      d('D').received('2025-03-06T08:00:00', '2025-03-13T17:00:00'), d('D').processed('2025-03-20T09:00:00'),
    ];
    const ndjson = [...events.map((e) => JSON.stringify(e)), '{"type":"dossier.received"', JSON.stringify({ ...events[1], type: 'dossier.teleported' })].join('\n');
    const res = await fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...platform.auth }, body: ndjson });
    const answer = (await res.json()) as IngestResponseDto;
    expect(res.status).toBe(200);
    expect(answer).toMatchObject({ accepted: 9, duplicate: 0, rejected: 2 });
    expect(answer.results[9]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not valid JSON') });
    expect(answer.results[10]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('unknown event type "dossier.teleported"') });
    const kept = await platform.db.pool.query<{ reason: string; raw: Buffer }>('SELECT reason, raw FROM dead_letters ORDER BY id');
    expect(kept.rows.map((r) => r.raw.toString())).toEqual(['{"type":"dossier.received"', JSON.stringify({ ...events[1], type: 'dossier.teleported' })]);

    // The same rejection again (same sender, same bytes, same reason): kept once, counted.
    const postBad = () => fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...platform.auth }, body: '{"type":"dossier.received"' });
    await postBad();
    await postBad();
    const counted = await platform.db.pool.query<{ n: number; occurrences: number }>("SELECT count(*)::int AS n, max(occurrences) AS occurrences FROM dead_letters WHERE reason LIKE 'line 1:%'");
    expect(counted.rows[0]).toEqual({ n: 1, occurrences: 2 });

    const again = await platform.postEvents(events.slice(0, 2));
    expect(await again.json()).toMatchObject({ accepted: 0, duplicate: 2, rejected: 0 });

    const score = await waitFor(async () => {
      const r = await json<UnitScoreDto>(`${platform.reportingUrl}/api/v1/units/HY-STP/scores?period=2025-03`);
      return r.status === 200 && r.body.criteria.find((c) => c.id === 5)?.denominator === 4 ? r.body : undefined;
    }, { what: 'criterion 5 of HY-STP to count 4 dossiers' });

    expect(score.unit).toMatchObject({ code: 'HY-STP', name: 'Sở Tư pháp', level: 'department' });
    // Criterion 5: 3 of 4 on time → 20 × 0.75 = 15 points. Criterion 8: 2 of 4 online = 50% = target → 6 points.
    expect(score.criteria.find((c) => c.id === 5)).toMatchObject({ numerator: 3, denominator: 4, ratio: 0.75, points: 15, max: 20, status: 'ok' });
    expect(score.criteria.find((c) => c.id === 8)).toMatchObject({ numerator: 2, denominator: 4, ratio: 0.5, points: 6, max: 6, status: 'ok' });
    expect(score.groups.find((g) => g.id === 'progress')).toMatchObject({ points: 15, max: 20 });

    const ranking = await json<RankingDto>(`${platform.reportingUrl}/api/v1/rankings?period=2025-03&level=department`);
    expect(ranking.body.rows[0]).toMatchObject({ rank: 1, hasData: true, unit: { code: 'HY-STP' } });

    // A registered department without any dossier that month is listed, but not ranked or averaged.
    await platform.postEvents([unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY')]);
    const withIdle = await waitFor(async () => {
      const r = await json<RankingDto>(`${platform.reportingUrl}/api/v1/rankings?period=2025-03&level=department`);
      return r.body.rows.length === 2 ? r.body : undefined;
    }, { what: 'the idle department to be listed' });
    expect(withIdle.rows.map((r) => [r.unit.code, r.rank, r.hasData])).toEqual([['HY-STP', 1, true], ['HY-SYT', null, false]]);
    expect(withIdle.average).toMatchObject({ count: 1, total: score.total });

    const bad = await json<{ reason: string }>(`${platform.reportingUrl}/api/v1/rankings?period=2025-13`);
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toContain('2025-13');
  });

  it('pushes a score-changed message on the stream when a late event moves a past month', async () => {
    const messages: string[] = [];
    const controller = new AbortController();
    const res = await fetch(`${platform.reportingUrl}/api/v1/stream`, { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        messages.push(decoder.decode(value));
      }
    })();

    const late = dossierEvents('HY-STP', 'E').received('2025-03-07T08:00:00', '2025-03-14T17:00:00');
    await platform.postEvents([late]);
    await waitFor(() => messages.join('').includes('"unitCode":"HY-STP","period":"2025-03"'), { what: 'a score-changed message for HY-STP 2025-03' });
    expect(messages.join('')).toContain('event: score-changed');
    controller.abort();
    await reading;
  });

  it('answers an oversized batch with a reason to split it, and keeps serving', async () => {
    const big = Array.from({ length: 1000 }, (_, i) => JSON.stringify(dossierEvents('HY-STP', `BIG-${i}`).received('2025-03-03T08:00:00', '2025-03-10T17:00:00'))).join('\n');
    const res = await fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...platform.auth }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ status: 'rejected', reason: expect.stringContaining('over the limit of 200000 bytes (INGEST_MAX_BODY_BYTES); split it') });
    const small = await fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...platform.auth }, body: big.split('\n')[0] });
    expect(await small.json()).toMatchObject({ accepted: 1 });
  });

  it('answers health on every service and serves the OpenAPI document', async () => {
    for (const url of [platform.ingestUrl, platform.scoringUrl, platform.reportingUrl]) {
      expect((await json<{ status: string }>(`${url}/health`)).body.status).toBe('ok');
    }
    const docs = await fetch(`${platform.reportingUrl}/api/docs-json`);
    expect(Object.keys(((await docs.json()) as { paths: object }).paths)).toEqual(
      expect.arrayContaining(['/api/v1/units/{unitCode}/scores', '/api/v1/rankings', '/api/v1/stream']),
    );
  });
});
