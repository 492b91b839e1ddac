import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();
const question = { title: 'Delete 3 samples?', body: 'They cannot be brought back.', confirm: 'Delete' };

/** Asks the mounted dialog; the answer is kept on the page as `window.answer` once given. */
const ask = () =>
  shared.page.evaluate((q) => {
    const answers = window as unknown as { answer?: boolean };
    delete answers.answer;
    void document
      .querySelector('sc-confirm-dialog')!
      .ask(q)
      .then((a) => (answers.answer = a));
  }, question);
const answer = () => shared.page.evaluate(() => (window as unknown as { answer?: boolean }).answer);

describe('sc-confirm-dialog', () => {
  it('asks in a named modal dialog with Cancel focused; Escape cancels', async () => {
    const { page } = shared;
    const dialog = await mount(page, 'sc-confirm-dialog');
    expect(await dialog.getByRole('dialog').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await ask();
    const open = page.getByRole('dialog', { name: question.title });
    await open.waitFor();
    expect(await open.getByText(question.body).count()).toBe(1);
    expect(
      await page.evaluate(() => document.querySelector('sc-confirm-dialog')!.shadowRoot!.activeElement?.textContent),
    ).toBe('Cancel');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(answer, { timeout: 5_000 }).toBe(false);
  });

  it('resolves true only when the person confirms', async () => {
    const { page } = shared;
    await mount(page, 'sc-confirm-dialog');
    await ask();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(answer, { timeout: 5_000 }).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('sc-error-alert', () => {
  it('keeps an empty alert region, then shows a message with a way to dismiss it', async () => {
    const { page } = shared;
    const alert = await mount(page, 'sc-error-alert');
    // Hidden while empty, but present, so the message is announced the moment it appears.
    expect(await alert.getByRole('alert', { includeHidden: true }).count()).toBe(1);
    expect(await alert.getByRole('alert').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await update(page, { message: 'Could not import shapes.zip: not a zip file' });
    expect(await alert.getByRole('alert').textContent()).toContain('not a zip file');
    await page.evaluate(() =>
      document.addEventListener('sc-dismiss', () => ((window as unknown as { dismissed: boolean }).dismissed = true)),
    );
    await alert.getByRole('button').click();
    expect(await page.evaluate(() => (window as unknown as { dismissed?: boolean }).dismissed)).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
