import type { ReactiveControllerHost } from 'lit';
import type { ShapesWorker } from '../../bridge';
import type { AppEvent, AppEventName } from '../../events';
import type { MessageKey } from '../../i18n/messages';

export type FailedAction = Extract<MessageKey, `error.${string}`>;

/** What the shell lends its controllers: the worker's services, and the alert that names a failed action. */
export interface AppHost extends ReactiveControllerHost, EventTarget {
  readonly api: ShapesWorker;
  /** Runs a worker call; a failure goes to the alert region, named by what was being done. */
  attempt<T>(action: FailedAction, job: () => Promise<T>): Promise<T | undefined>;
  /** Takes down the alert (a new run begins). */
  clearFailure(): void;
}

/** Listens on the host for the app events a controller handles, for as long as the host is connected. */
export function listen(
  host: AppHost,
  handlers: Partial<{ [K in AppEventName]: (event: AppEvent<K>) => unknown }>,
): void {
  const entries = Object.entries(handlers) as [string, EventListener][];
  host.addController({
    hostConnected: () => {
      for (const [type, handler] of entries) host.addEventListener(type, handler);
    },
    hostDisconnected: () => {
      for (const [type, handler] of entries) host.removeEventListener(type, handler);
    },
  });
}
