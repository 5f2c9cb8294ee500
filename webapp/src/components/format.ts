const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** A file size for people: 1.5 MB. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${UNITS[unit]}`;
}

export const KIND_NAMES = { MSI: "MSI", IMAGE: "Image" } as const;
