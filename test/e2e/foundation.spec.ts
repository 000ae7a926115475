import type { VetbenchApi } from '../../shared/api';
import type { ProgressEvent } from '../../shared/types';
import { expect, test, type Locator, type Page } from './fixtures';
import { cvText, fakeInvoice, passportScan, sha256, type TestFile } from './files';

const REVIEWER = 'Dana Reviewer';
const PASSPHRASE = 'granite lantern orbit velvet harbour';
const NEW_PASSPHRASE = 'copper meadow signal tundra wharf';
const CASE_NAME = 'Candidate A. Eriksson';
const RENAMED = 'Candidate Anna M. Eriksson';

async function createVault(page: Page, passphrase: string) {
  await page.getByLabel('Reviewer name').fill(REVIEWER);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
}

async function chooseFiles(page: Page, files: TestFile[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(files);
}

/** Scrolls the main pane so the element sits at the top, for a screenshot of what follows it. */
const showAtTop = (locator: Locator) => locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));

const importSummary = (page: Page) => page.locator('.import-summary');
const evidenceRows = (page: Page) => page.getByTestId('evidence-table').locator('tbody tr');
const logRows = (page: Page) => page.getByTestId('log-table').locator('tbody tr');

test('create a vault, import evidence, verify the log, lock and unlock', async ({ page, bridge, shot }) => {
  // (a) First run: the vault does not exist yet.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await shot('01-create-vault');

  await createVault(page, 'short');
  const weak = page.getByRole('alert');
  await expect(weak).toContainText('Passphrase too weak');
  await expect(weak).toContainText('at least 12');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await shot('02-create-vault-weak-passphrase');

  await createVault(page, PASSPHRASE);
  await expect(page.getByTestId('reviewer')).toHaveText(REVIEWER);
  await expect(page.getByText('No cases yet — create one.')).toBeVisible();
  await shot('03-workspace-empty');

  // (b) A case.
  await page.getByLabel('New case').fill(CASE_NAME);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_NAME })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(CASE_NAME) })).toContainText('0 files');
  await expect(page.getByText('No evidence yet')).toBeVisible();
  await shot('04-case-new');

  // Progress events reach the page through window.vetbench.onProgress.
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { progressSeen: unknown[] }).progressSeen = seen;
    (window as unknown as { vetbench: VetbenchApi }).vetbench.onProgress((event) => seen.push(event));
  });
  await expect.poll(() => bridge.openEventStreams()).toBe(1);

  // (c) Two good files and an impostor, at once, through the file picker.
  const png = passportScan();
  const cv = cvText();
  const invoice = fakeInvoice();
  await chooseFiles(page, [png, cv, invoice]);
  await expect(importSummary(page)).toHaveText('3 files: 2 imported, 1 rejected.');

  await expect(evidenceRows(page)).toHaveCount(2);
  for (const [file, type] of [
    [png, 'PNG image'],
    [cv, 'Plain text'],
  ] as const) {
    const row = evidenceRows(page).filter({ hasText: file.name });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(0)).toHaveText(type);
    const hash = sha256(file.buffer);
    await expect(row.getByTestId('sha256')).toHaveText(hash.slice(0, 12));
    await expect(row.getByTestId('sha256')).toHaveAttribute('title', hash);
  }
  await expect(page.getByTestId('evidence-table')).not.toContainText(invoice.name);

  const rejected = page.locator('.import-item[data-state="rejected"]');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText(invoice.name);
  await expect(rejected).toContainText('a Windows executable');
  await expect(rejected).toContainText('although its name says PDF');
  await expect(page.locator('.import-item[data-state="imported"]')).toHaveCount(2);
  await expect(page.getByRole('button', { name: new RegExp(CASE_NAME) })).toContainText('2 files');
  await shot('05-case-imported');

  const progress = (await page.evaluate(
    () => (window as unknown as { progressSeen: ProgressEvent[] }).progressSeen,
  )) as ProgressEvent[];
  expect(progress.filter((e) => !e.done).map((e) => e.label)).toEqual([png.name, cv.name, invoice.name]);
  expect(progress.filter((e) => e.done)).toHaveLength(3);

  // The same CV again: reported as a duplicate, nothing new stored.
  await chooseFiles(page, [cv]);
  await expect(page.locator('.import-item[data-state="duplicate"]')).toHaveCount(1);
  await expect(page.locator('.import-item[data-state="duplicate"]')).toContainText(cv.name);
  await expect(importSummary(page)).toHaveText('4 files: 2 imported, 1 duplicate, 1 rejected.');
  await expect(evidenceRows(page)).toHaveCount(2);
  await shot('06-case-duplicate');

  // Rename.
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Case name').fill(RENAMED);
  await page.getByLabel('Case name').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: RENAMED })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(RENAMED) })).toBeVisible();

  // (d) The log: the case's events, then the whole vault, then verification.
  // Case: created, 2 imported, 1 rejected, 1 duplicate, renamed. Vault: + vault.created.
  await expect(logRows(page)).toHaveCount(6);
  await expect(logRows(page).first()).toContainText('Case renamed');
  await expect(logRows(page).filter({ hasText: 'File rejected' })).toContainText(invoice.name);
  await page.getByRole('button', { name: 'Verify log' }).click();
  const head = await bridge.workstation.dispatch('verifyLog', {});
  if (!head.ok) throw new Error(head.error.message);
  const { headHash } = head.value as { headHash: string };
  const verdict = page.getByTestId('verify-result');
  await expect(verdict).toContainText('Log intact: 7 events, head hash');
  await expect(verdict).toContainText(headHash.slice(0, 16));
  await expect(verdict.locator('code')).toHaveAttribute('title', headHash);
  await showAtTop(page.getByRole('heading', { name: 'Vetting log' }));
  await shot('07-log-verified');

  await page.getByRole('radio', { name: 'Whole vault' }).check();
  await expect(logRows(page)).toHaveCount(7);
  await expect(logRows(page).last()).toContainText('Vault created');
  await showAtTop(page.getByRole('heading', { name: 'Vetting log' }));
  await shot('08-log-whole-vault');

  // Change the passphrase: a wrong current one is refused with the engine's message.
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change passphrase' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Current passphrase').fill('not the passphrase at all');
  await dialog.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await dialog.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByLabel('Current passphrase')).toHaveAttribute('aria-invalid', 'true');
  await shot('09-change-passphrase-wrong');
  await dialog.getByLabel('Current passphrase').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Passphrase changed' })).toBeVisible();

  // Lock; unlocking with a wrong passphrase fails, with the new one the case is still there.
  await page.getByRole('button', { name: 'Lock vault' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByLabel('Reviewer name')).toHaveValue(REVIEWER);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await shot('10-unlock-wrong-passphrase');

  await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('reviewer')).toHaveText(REVIEWER);
  const caseButton = page.getByRole('button', { name: new RegExp(RENAMED) });
  await expect(caseButton).toContainText('2 files');
  await shot('11-unlocked');
  await caseButton.click();
  await expect(evidenceRows(page)).toHaveCount(2);
});

test('case creation and search work from the keyboard alone', async ({ page, shot }) => {
  // The vault form: autofocus on the first field, Tab between fields, Enter submits.
  await expect(page.getByLabel('Reviewer name')).toBeFocused();
  await page.keyboard.type(REVIEWER);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reviewer')).toHaveText(REVIEWER);

  const newCase = page.getByLabel('New case');
  const tabTo = async (target: typeof newCase) => {
    for (let i = 0; i < 30; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached the element with Tab');
  };

  for (const name of ['Candidate A. Eriksson', 'Jonas Lindqvist', 'Mei Tanaka']) {
    await tabTo(newCase);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    // The new case opens and its title takes focus.
    await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
  }
  await expect(page.locator('.case-list li')).toHaveCount(3);

  // Focus is visible.
  await tabTo(newCase);
  const outline = await newCase.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  // "/" from anywhere outside a field focuses search; typing filters as you type.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('/');
  const search = page.getByLabel('Search cases');
  await expect(search).toBeFocused();
  await page.keyboard.type('lind');
  await expect(page.locator('.case-list li')).toHaveCount(1);
  await expect(page.locator('.case-list')).toContainText('Jonas Lindqvist');
  await shot('12-keyboard-search');

  // Down arrow into the results, Enter opens the case.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Jonas Lindqvist/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Jonas Lindqvist' })).toBeFocused();

  // Nothing matches: an explicit empty state; Escape clears the search.
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('zzz');
  await expect(page.getByText('No cases match “zzz”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.locator('.case-list li')).toHaveCount(3);

  // Lock from the keyboard too.
  await tabTo(page.getByRole('button', { name: 'Lock vault' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
});

test('files dropped on the drop zone are imported', async ({ page, shot }) => {
  await createVault(page, PASSPHRASE);
  await page.getByLabel('New case').fill('Dropped files');
  await page.getByLabel('New case').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dropped files' })).toBeVisible();

  const png = passportScan();
  const cv = cvText();
  const dataTransfer = await page.evaluateHandle(
    (files) => {
      const transfer = new DataTransfer();
      for (const file of files) {
        transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.mimeType }));
      }
      return transfer;
    },
    [png, cv].map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
  );
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/dropzone-active/);
  await shot('13-drop-zone-active');
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(zone).not.toHaveClass(/dropzone-active/);
  await expect(importSummary(page)).toHaveText('2 files: 2 imported.');
  await expect(evidenceRows(page)).toHaveCount(2);
  await expect(evidenceRows(page).filter({ hasText: png.name }).getByTestId('sha256')).toHaveText(
    sha256(png.buffer).slice(0, 12),
  );
});

test.describe('files over the import limit', () => {
  test.use({ maxImportBytes: 64 * 1024 });

  test('are refused by size without their bytes being read or sent', async ({ page }) => {
    await createVault(page, PASSPHRASE);
    await page.getByLabel('New case').fill('Oversized upload');
    await page.getByLabel('New case').press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Oversized upload' })).toBeVisible();

    const bodies: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/importFiles')) bodies.push(request.postData() ?? '');
    });
    const big = { name: 'scan-600dpi.png', mimeType: 'image/png', buffer: Buffer.alloc(200 * 1024, 1) };
    await chooseFiles(page, [big, cvText()]);
    await expect(importSummary(page)).toHaveText('2 files: 1 imported, 1 rejected.');
    const rejected = page.locator('.import-item[data-state="rejected"]');
    await expect(rejected).toContainText('scan-600dpi.png');
    await expect(rejected).toContainText('over the import limit of 64 KB');

    expect(bodies).toHaveLength(2);
    const bigRequest = JSON.parse(bodies[0]!) as { files: Array<Record<string, unknown>> };
    expect(bigRequest.files).toEqual([{ name: 'scan-600dpi.png', sizeBytes: 200 * 1024 }]);
    expect(bodies[1]).toContain('$bytes');
    await expect(evidenceRows(page)).toHaveCount(1);
  });
});
