import type { en } from './en';
import { koApp } from './ko/app';
import { koDataset } from './ko/dataset';
import { koPredict } from './ko/predict';
import { koResults } from './ko/results';
import { koTraining } from './ko/training';
import type { ExpectNone, MessageKey, Messages, PlaceholderMismatch } from './messages';

/**
 * Korean messages, for the tutorial's readers. A missing or extra key fails to compile, and so
 * does a message whose `{placeholders}` differ from the English one's.
 */
export const ko = { ...koApp, ...koTraining, ...koResults, ...koDataset, ...koPredict } as const satisfies Messages;

/** Compiles only when the Korean dictionary has no key the English one lacks. */
export type KoreanHasNoExtraKeys = ExpectNone<Exclude<keyof typeof ko, MessageKey>>;

/** Compiles only when every Korean message has the English one's placeholders. */
export type KoreanPlaceholdersMatch = ExpectNone<PlaceholderMismatch<typeof en, typeof ko, MessageKey>>;
