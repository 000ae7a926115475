import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { makePng } from '../helpers/sampleFiles';

// The foundation walk in the real app: window, preload bridge, IPC, engine, vault.
test('create a vault, import evidence with one bad file, verify the log', async () => {
  const vaultDir = mkdtempSync(join(tmpdir(), 'vetbench-electron-'));
  const app = await electron.launch({
    args: ['dist/main/main.cjs'],
    env: { ...process.env, VETBENCH_VAULT_DIR: vaultDir, VETBENCH_KDF: 'test' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/vetbench\//);
    // The renderer sees window.vetbench and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { vetbench: object }).vetbench).sort()),
    ).toContain('importFiles');

    await page.getByLabel('Reviewer name').fill('Dana Reviewer');
    await page.getByLabel('Passphrase', { exact: true }).fill('granite lantern orbit velvet');
    await page.getByLabel('Confirm passphrase').fill('granite lantern orbit velvet');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByLabel('New case').fill('Candidate A. Eriksson');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Candidate A. Eriksson' })).toBeVisible();

    const png = makePng(48, 32, 4);
    const cv = Buffer.from('Anna Maria Eriksson\nAustin, TX\n');
    await page.locator('input[type=file]').setInputFiles([
      { name: 'passport-scan.png', mimeType: 'image/png', buffer: png },
      { name: 'cv.txt', mimeType: 'text/plain', buffer: cv },
      { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') },
    ]);
    const table = page.getByRole('table', { name: /evidence/i });
    await expect(table.getByRole('row')).toHaveCount(3); // header + two files
    await expect(table).toContainText(createHash('sha256').update(png).digest('hex').slice(0, 12));
    await expect(page.getByText(/invoice\.pdf: not a supported file: it is a Windows executable/)).toBeVisible();

    await page.getByRole('button', { name: 'Verify log' }).click();
    await expect(page.getByTestId('verify-result')).toContainText('Log intact');
    await page.screenshot({ path: 'test/artifacts/screenshots/electron-foundation.png', fullPage: true });
  } finally {
    await app.close();
    rmSync(vaultDir, { recursive: true, force: true });
  }
});
