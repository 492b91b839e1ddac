/** Accepts a drag that carries files (showing a copy cursor); returns whether it does. */
export function acceptFileDrag(event: DragEvent): boolean {
  if (!event.dataTransfer?.types.includes('Files')) return false;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  return true;
}
