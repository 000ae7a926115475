import { expect, test } from './fixtures';

// An attacker who holds the database key can drop the append-only triggers and rewrite a
// row; the reviewer must see, in the app, that the log is broken and where.
test('a rewritten log event is shown as a broken chain, naming the event', async ({ page, bridge, shot }) => {
  await page.getByLabel('Reviewer name').fill('Dana Reviewer');
  await page.getByLabel('Passphrase', { exact: true }).fill('granite lantern orbit velvet');
  await page.getByLabel('Confirm passphrase').fill('granite lantern orbit velvet');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByPlaceholder('Candidate’s name').fill('Candidate B. Okafor');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Candidate B. Okafor' })).toBeVisible();

  const db = bridge.workstation.requireVault().db;
  db.exec('DROP TRIGGER log_events_no_update');
  db.prepare(`UPDATE log_events SET payload = '{"name":"Someone Else"}' WHERE type = 'case.created'`).run();

  await page.getByRole('button', { name: 'Verify log' }).click();
  const verdict = page.getByTestId('verify-result');
  await expect(verdict).toHaveAttribute('role', 'alert');
  await expect(verdict).toContainText('Log broken at event #2');
  await expect(verdict).toContainText('event #2 (case.created) was changed after it was written');
  await shot('14-log-broken');
});
