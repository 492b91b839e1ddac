import type { ReactiveControllerHost } from 'lit';

/** What the browser says about this app's storage on the device. */
export interface StorageState {
  /** Whether the browser keeps it under storage pressure (null: the browser cannot say). */
  persisted: boolean | null;
  usage?: number;
  quota?: number;
}

/**
 * The person's samples and models live only in this browser. At the first one stored, the app asks
 * the browser to keep its storage (`navigator.storage.persist()`), so that space running low does
 * not clear it; it shows whether that was granted, and how much is used of what is allowed.
 */
export class StorageController {
  state: StorageState = { persisted: null };
  private asked = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Reads the state again; with something stored, asks once to keep it. */
  async refresh(somethingStored: boolean): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.estimate) return;
    let persisted = (await storage.persisted?.()) ?? null;
    if (somethingStored && persisted === false && !this.asked && storage.persist) {
      this.asked = true;
      persisted = await storage.persist();
    }
    const { usage, quota } = await storage.estimate();
    this.state = { persisted, usage, quota };
    this.host.requestUpdate();
  }
}
