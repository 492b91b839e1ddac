import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { alertText, appReady, openApp, showTab, textOf } from './ui-app';

const tabNames = (page: import('playwright-core').Page) => page.getByRole('tab').allTextContents();
const lang = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.lang);

describe('the app in Korean and English', () => {
  it('follows the browser’s language, switches with the language picker and remembers the choice', async () => {
    const { context, page, errors } = await openApp({ locale: 'ko-KR' });
    try {
      expect(await lang(page)).toBe('ko');
      expect((await tabNames(page)).map((name) => name.trim())).toEqual(['학습', '예측', '데이터셋', '모델']);
      await showTab(page, '데이터셋');
      expect(
        await page
          .locator('sc-sample-capture h2, sc-import-panel h2, sc-sample-editor h2, sc-dataset-view h2')
          .allTextContents(),
      ).toEqual(['샘플 추가', '가져오기와 내보내기', '내 샘플', '기본 데이터셋']);
      // The starter set's class names are translated.
      expect(await page.locator('sc-dataset-view h3').first().textContent()).toMatch(/^원/);

      await page.getByLabel('언어').selectOption('en');
      await expect.poll(() => lang(page), { timeout: 10_000 }).toBe('en');
      expect((await tabNames(page)).map((name) => name.trim())).toEqual(['Train', 'Predict', 'Dataset', 'Models']);
      expect(await page.locator('sc-sample-editor h2').textContent()).toBe('Your samples');
      await page.getByLabel('Language').selectOption('ko');
      await expect.poll(() => lang(page), { timeout: 10_000 }).toBe('ko');

      await page.reload();
      await appReady(page);
      expect(await lang(page)).toBe('ko');
      await showTab(page, '모델');
      expect(await textOf(page.locator('sc-model-library p.muted').last(), /\S/)).toBe(
        '저장된 모델이 아직 없습니다. 모델을 학습하거나 모델 파일을 가져오세요.',
      );

      // Errors say what failed and why in Korean, and name the file as it is.
      await showTab(page, '데이터셋');
      const good = shape('circle', 0);
      const bad = Buffer.from(zipSync({ '원/1.png': good, '세모/1.png': good.subarray(0, 60) }));
      await page
        .locator('sc-import-panel input#zip')
        .setInputFiles({ name: '망가진.zip', mimeType: 'application/zip', buffer: bad });
      expect(await alertText(page)).toBe(
        '문제가 발생했습니다 가져올 수 없습니다: 망가진.zip/세모/1.png: 손상된 PNG: 브라우저가 디코딩할 수 없습니다 닫기',
      );
      // Switching the language says the same in English.
      await page.getByLabel('언어').selectOption('en');
      expect(await textOf(page.getByRole('alert'), /Something/)).toBe(
        'Something went wrong Could not import: 망가진.zip/세모/1.png: corrupt PNG: the browser cannot decode it Dismiss',
      );
      await page.getByLabel('Language').selectOption('ko');
      expect(await textOf(page.getByRole('alert'), /문제/)).toMatch(/손상된 PNG/);

      // A class name the engine refuses: the reason is Korean too.
      await page.locator('sc-sample-editor').getByLabel('새 클래스').fill('a/b');
      await page.locator('sc-sample-editor').getByRole('button', { name: '클래스 추가' }).click();
      expect(await textOf(page.getByRole('alert'), /클래스 이름/)).toBe(
        "문제가 발생했습니다 데이터셋을 변경할 수 없습니다: 클래스 이름: 'a/b'은(는) 폴더 이름으로 쓸 수 없습니다 닫기",
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('starts in English for an English browser', async () => {
    const { context, page } = await openApp({ locale: 'en-GB' });
    try {
      expect(await lang(page)).toBe('en');
      expect(await page.title()).toBe('Shape CNN');
      expect((await tabNames(page)).map((name) => name.trim())).toEqual(['Train', 'Predict', 'Dataset', 'Models']);
    } finally {
      await context.close();
    }
  });
});
