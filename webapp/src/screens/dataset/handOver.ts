/**
 * Files chosen on the "new dataset" page, waiting for the dataset page to send them: File
 * objects cannot travel in a URL, and a reload must not send them twice, so they wait here,
 * in this tab's memory, until the dataset page takes them.
 */
const waiting = new Map<string, readonly File[]>();

/** Leave `files` for the page of the dataset `datasetId` to upload. */
export function handOverFiles(datasetId: string, files: readonly File[]): void {
  if (files.length > 0) waiting.set(datasetId, files);
}

/** The files left for this dataset, still left until `forgetHandedOver` (render stays pure). */
export function handedOverFiles(datasetId: string): readonly File[] {
  return waiting.get(datasetId) ?? [];
}

/** The dataset page has them: they are not sent again. */
export function forgetHandedOver(datasetId: string): void {
  waiting.delete(datasetId);
}
