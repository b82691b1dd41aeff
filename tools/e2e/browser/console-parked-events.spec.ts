import { streamIdOf } from '@idx/domain';
import { PostgresEventStore } from '@idx/event-store';
import { poisonedAnnouncement, waitFor } from '@idx/testing';
import { type ConsoleAccount, type ConsoleClient, createConsoleAccount, signIn } from '../console-session';
import { type ConsolePlatform, startConsolePlatform } from './browser-harness';
import { seedMarch } from './console-fixtures';

describe('console in Chromium: parked events on the auditor page (issue 8 §3)', () => {
  let c: ConsolePlatform;
  // Parked events are shown to, and decided by, auditors only.
  let account: ConsoleAccount;
  let auditor: ConsoleClient;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
    account = await createConsoleAccount(c.platform.db.pool, 'kiem-toan-vien', 'auditor');
    auditor = await signIn(c.consoleUrl, account);
    const event = poisonedAnnouncement();
    await new PostgresEventStore(c.platform.db.pool).appendMany([{ streamId: streamIdOf(event), event }]);
    const parkedCount = async () => ((await (await auditor.fetch('/api/v1/audit/parked')).json()) as { parked: unknown[] }).parked.length;
    await waitFor(async () => (await parkedCount()) === 1, { what: 'the poison to be parked' });
  }, 180_000);
  afterAll(() => c?.stop(), 60_000);

  it('lists the parked subject, answers a retry that still fails with its reason, and skips it with a reason', async () => {
    const page = await c.newPage();
    await c.signIn(page, account);
    await page.goto(`${c.consoleUrl}/kiem-toan`);
    const row = page.getByTestId('parked-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('HY-STP/P-BAD');
    expect(await row.textContent()).toContain('0000-01-01');

    await page.getByTestId('parked-retry').click();
    const message = page.getByTestId('parked-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('Không thực hiện được');
    expect(await message.textContent()).toContain('still cannot be folded');

    await page.getByTestId('parked-reason').fill('Năm 0000 không phải ngày quyết định');
    await page.getByTestId('parked-skip').click();
    await page.getByTestId('parked-none').waitFor();
    expect(await page.getByTestId('parked-message').textContent()).toContain('Đã bỏ qua');
    await c.screenshot(page, 'audit-parked');
    // A 409 from a retry is an answer shown on the page, not an uncaught error.
    expect(c.errorsOf(page).filter((e) => !/409|Conflict/.test(e))).toEqual([]);
  });
});
