import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();

/** Records the detail of every `type` event on the page, for the test to read. */
const record = (page: Page, type: string) =>
  page.evaluate((t) => {
    const log: unknown[] = [];
    (window as unknown as Record<string, unknown[]>)[t] = log;
    document.addEventListener(t, (e) => log.push((e as CustomEvent).detail));
  }, type);
const recorded = (page: Page, type: string) =>
  page.evaluate((t) => (window as unknown as Record<string, unknown[]>)[t], type);

/** The element with the focus, however deep in shadow roots: its id or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id || element?.textContent?.trim();
  });

describe('sc-class-names-dialog', () => {
  it('asks for one name per output in a named modal dialog, first field focused, offering names that fit', async () => {
    const { page } = shared;
    await mount(page, 'sc-class-names-dialog', { suggestions: ['cat', 'dog'] });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await record(page, 'sc-model-class-names');
    await update(page, { request: { file: 'tutorial.keras', count: 3 } });
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “tutorial.keras”' });
    await dialog.waitFor();
    // Two names offered for three outputs: none of them is filled in.
    expect(await dialog.getByRole('textbox').evaluateAll((f) => f.map((i) => (i as HTMLInputElement).value))).toEqual([
      '',
      '',
      '',
    ]);
    expect(await focused(page)).toBe('name-0');
    expect(await accessibilityProblems(page)).toEqual([]);
    for (const [i, name] of ['circle', 'rectangle', 'triangle'].entries())
      await dialog.getByLabel(`Output ${i + 1}`).fill(` ${name} `);
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await recorded(page, 'sc-model-class-names')).toEqual([['circle', 'rectangle', 'triangle']]);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('fills in names that fit, refuses a name given twice, and answers null when cancelled', async () => {
    const { page } = shared;
    await mount(page, 'sc-class-names-dialog', { suggestions: ['cat', 'dog'] });
    await record(page, 'sc-model-class-names');
    await update(page, { request: { file: 'pets.h5', count: 2 } });
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “pets.h5”' });
    expect(await dialog.getByLabel('Output 2').inputValue()).toBe('dog');
    await dialog.getByLabel('Output 2').fill('cat');
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await dialog.getByLabel('Output 2').evaluate((i) => (i as HTMLInputElement).validationMessage)).toBe(
      'Each output needs a name of its own.',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => recorded(page, 'sc-model-class-names')).toEqual([null]);
  });
});

describe('sc-project-panel', () => {
  const summary = {
    token: 't',
    origin: 'work.zip',
    savedAt: '2026-12-01T21:37:00.000Z',
    classes: ['a', 'b'],
    samples: 12,
    models: 2,
    includeBundled: true,
  };

  it('saves and opens, with what it does in a status line', async () => {
    const { page } = shared;
    const panel = await mount(page, 'sc-project-panel');
    expect(await panel.getByRole('button', { name: 'Save project' }).isEnabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await update(page, { status: { kind: 'reading' }, busy: true });
    expect(await panel.getByRole('status').textContent()).toBe('Checking the project file…');
    expect(await panel.getByRole('button', { name: 'Open project…' }).isDisabled()).toBe(true);
    await update(page, {
      busy: false,
      status: { kind: 'opened', file: 'work.zip', mode: 'merge', samples: 3, models: 0 },
    });
    expect(await panel.getByRole('status').textContent()).toBe(
      'Added from work.zip: new samples: 3, new models: 0 (those already here were skipped).',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('asks whether to replace this device’s work or add to it, Cancel focused; each answer is sent', async () => {
    const { page } = shared;
    await mount(page, 'sc-project-panel');
    for (const type of ['sc-project-commit', 'sc-project-cancel']) await record(page, type);
    await update(page, { pending: summary });
    const dialog = page.getByRole('dialog', { name: 'Open “work.zip”?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('Cancel');
    expect(
      await dialog.getByRole('button', { name: 'Replace what is on this device' }).getAttribute('aria-describedby'),
    ).toBe('replace-hint');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => recorded(page, 'sc-project-cancel')).toEqual([null]);
    await update(page, { pending: undefined });
    await update(page, { pending: { ...summary } });
    await dialog.getByRole('button', { name: 'Add to it' }).click();
    await update(page, { pending: undefined });
    await update(page, { pending: { ...summary } });
    await dialog.getByRole('button', { name: 'Replace what is on this device' }).click();
    expect(await recorded(page, 'sc-project-commit')).toEqual(['merge', 'replace']);
    expect(await recorded(page, 'sc-project-cancel')).toEqual([null]);
  });
});
