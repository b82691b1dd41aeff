import type { UnitScoreDto } from '@idx/contracts';
import { waitFor } from '@idx/testing';
import { type ConsolePlatform, startConsolePlatform } from './browser-harness';
import {
  NATIVE_ONLY, nativeOnlyDossiers, portalEvaluationFile, RC_COMMUNE, RC_PROVINCE, reconciliationUnits, syncedDossiers,
} from '../reconciliation-fixtures';

/** Issue 12 item 3 in Chromium: a province's office uploads the portal's file, reads the difference, drills down. */
describe('console in Chromium: reconciliation with the national portal', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await c.post(reconciliationUnits());
    const { ingestUrl, apiKey } = c.platform;
    const login = await fetch(`${ingestUrl}/api/v1/portal/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-one-stop', password: apiKey }) });
    const { session } = (await login.json()) as { session: string };
    const sync = await fetch(`${ingestUrl}/api/v1/portal/sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, ...syncedDossiers() }) });
    expect(await sync.json()).toMatchObject({ error_code: '00', accepted: 4 });
    await c.post(nativeOnlyDossiers());
    await waitFor(async () => (await c.api<UnitScoreDto>(`/api/v1/units/${RC_COMMUNE}/scores?period=2025-03`)).body.criteria?.find((x) => x.id === 5)?.denominator === 7, { timeoutMs: 60_000 });
  }, 180_000);
  afterAll(() => c?.stop(), 60_000);

  it('uploads the portal\'s file, shows ours / portal / difference per criterion and names the dossiers the portal never got', async () => {
    const page = await c.newPage();
    await c.signIn(page, await c.createAccount('vp-hoa-binh', 'province', RC_PROVINCE));
    await page.goto(`${c.consoleUrl}/doi-chieu/${RC_PROVINCE}`);
    // The page has drawn once its import list has answered: only then is the heading read (a loaded machine renders late).
    await page.getByTestId('reconcile-no-imports').waitFor();
    expect(await page.locator('#reconcile-heading').textContent()).toBe('Đối chiếu với Cổng Dịch vụ công quốc gia');

    // A file that is not JSON: refused with the reason, nothing imported.
    await page.getByTestId('reconcile-file').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"groups": [') });
    await page.getByTestId('reconcile-upload').click();
    await page.getByTestId('reconcile-error').waitFor();
    expect(await page.getByTestId('reconcile-error').textContent()).toContain('the file is not JSON');

    await page.getByTestId('reconcile-file').setInputFiles({ name: 'dvcqg-2025-03.json', mimeType: 'application/json', buffer: Buffer.from(portalEvaluationFile()) });
    await page.getByTestId('reconcile-upload').click();
    await page.locator('[data-testid="reconcile-upload-done"][data-status="imported"]').waitFor();
    await page.getByTestId('reconcile-comparison').waitFor();
    expect(new URL(page.url()).searchParams.get('nhap')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('reconcile-summary').textContent()).toContain('1 đơn vị được so sánh, 1 đơn vị có chênh lệch, 1 đơn vị không so sánh được.');

    const c5 = page.locator(`[data-testid="reconcile-row"][data-unit="${RC_COMMUNE}"][data-row="c5"]`);
    // Hand-derived (tools/e2e/reconciliation-fixtures.ts): ours 5/7, the portal 3/4.
    expect((await c5.getByTestId('recon-ours').textContent())?.trim()).toBe('5/7 · 71,43% · 14,29 điểm');
    expect((await c5.getByTestId('recon-portal').textContent())?.trim()).toBe('3/4 · 75,00% · 15,00 điểm');
    expect((await c5.getByTestId('recon-diff').textContent())?.trim()).toBe('+2/+3 · -3,57% · -0,71 điểm');
    expect(await page.locator('[data-testid="reconcile-unit-note"][data-status="unknown-unit"]').count()).toBe(1);

    await c5.getByTestId('reconcile-drill').click();
    await page.getByTestId('reconcile-drill-down').waitFor();
    const named = await page.getByTestId('reconcile-candidate').evaluateAll((items) => items.map((i) => i.getAttribute('data-dossier')));
    expect(named).toEqual(NATIVE_ONLY);
    expect(await page.getByTestId('reconcile-explanation').textContent()).toContain('giải thích toàn bộ chênh lệch');
    expect(await page.getByTestId('reconcile-synced').textContent()).toContain('4 hồ sơ khác');
    await c.screenshot(page, 'reconcile');

    // The same file again is the same import.
    await page.getByTestId('reconcile-upload').click();
    await page.locator('[data-testid="reconcile-upload-done"][data-status="unchanged"]').waitFor();
    await page.locator('[data-testid="reconcile-import"] option').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('[data-testid="reconcile-import"] option').count()).toBe(2); // "—" and the one import
    expect(c.errorsOf(page).filter((e) => !e.includes('400'))).toEqual([]);
  });
});
