/** Phone photos of paper are often 4–8 MB; past this size they are re-encoded before upload. */
export const SHRINK_ABOVE_BYTES = 1.5 * 1024 * 1024;
export const MAX_SIDE_PX = 2000;
export const JPEG_QUALITY = 0.8;

const RASTER = new Set(['image/jpeg', 'image/png']);

export function shouldShrink(file: Blob): boolean {
  return RASTER.has(file.type) && file.size > SHRINK_ABOVE_BYTES;
}

/** The size that fits `max` on the long side with the same aspect; never enlarges. */
export function fitWithin(width: number, height: number, max = MAX_SIDE_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A large JPEG/PNG redrawn on a canvas as a JPEG of at most 2000 px; anything else, or anything the
 * browser cannot decode, is returned as it is, since the server has the last word on the file anyway.
 */
export async function shrinkImage(file: File): Promise<File> {
  if (!shouldShrink(file) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    // Transparent PNG areas would turn black in a JPEG; the scans are of paper, so white.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], `${file.name.replace(/\.(png|jpe?g)$/i, '')}.jpg`, { type: 'image/jpeg' });
  } catch {
    return file;
  }
}
