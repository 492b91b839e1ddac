import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PastedImage {
  blob: Blob;
  name: string;
}

/**
 * Hands its element the images pasted anywhere on the page, while the element is connected and on
 * screen: each tab has its own paste target, and a hidden one leaves the paste to the one shown.
 */
export class PasteController implements ReactiveController {
  /** `fallbackName` names a pasted image that has no file name (a screenshot) from its type. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallbackName: (type: string) => string,
    private readonly take: (images: PastedImage[]) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('paste', this.onPaste);
  }

  hostDisconnected(): void {
    window.removeEventListener('paste', this.onPaste);
  }

  private readonly onPaste = (event: ClipboardEvent): void => {
    const images = [...(event.clipboardData?.files ?? [])]
      .filter((file) => file.type.startsWith('image/'))
      .map((blob) => ({ blob, name: blob.name || this.fallbackName(blob.type) }));
    if (!images.length || !this.host.checkVisibility()) return;
    event.preventDefault();
    this.take(images);
  };
}
