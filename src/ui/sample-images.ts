import type { EncodedImage } from '../shared/api';

/**
 * Object URLs of the person's samples, for thumbnails: each image is fetched from the worker once,
 * when first shown, and its URL revoked once the sample is gone.
 */
export class SampleImages {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly load: (id: string) => Promise<EncodedImage>) {}

  /** The sample's image URL; '' if it cannot be read (the thumbnail then shows its name). */
  private url(id: string): Promise<string> {
    let url = this.urls.get(id);
    if (!url) {
      url = this.load(id).then(
        (image) => URL.createObjectURL(new Blob([image.bytes])),
        () => {
          this.urls.delete(id);
          return '';
        },
      );
      this.urls.set(id, url);
    }
    return url;
  }

  /**
   * Gives each `<img data-sample=id>` under `root` its sample's image, once loaded. Call after
   * every render: a reused element that now shows another sample is reset first.
   */
  show(root: ParentNode): void {
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-sample]')) {
      const id = img.dataset.sample!;
      if (img.dataset.shown === id) continue;
      img.dataset.shown = id;
      img.removeAttribute('src');
      void this.url(id).then((href) => {
        if (img.dataset.sample !== id) return;
        if (href) img.src = href;
        // Unreadable for now: the image shows the sample's name, and the next render tries again.
        else delete img.dataset.shown;
      });
    }
  }

  /** Releases the URLs of samples not in `ids` (deleted since). */
  keep(ids: Iterable<string>): void {
    const kept = new Set(ids);
    for (const [id, url] of this.urls) {
      if (kept.has(id)) continue;
      this.urls.delete(id);
      void url.then((href) => href && URL.revokeObjectURL(href));
    }
  }
}
