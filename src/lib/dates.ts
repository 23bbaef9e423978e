/** Dates are stored as UTC `YYYY-MM-DD HH:MM:SS.mmm` (DATETIME(3) on MariaDB, TEXT on SQLite). */
export function toDbDate(d: Date = new Date()): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Appwrite's wire format: `2026-08-21T12:42:38.123+00:00`. */
export function toApiDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const d = typeof value === 'string' ? new Date(value.replace(' ', 'T') + (/[zZ+]|-\d\d:\d\d$/.test(value.slice(10)) ? '' : 'Z')) : value;
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace('Z', '+00:00');
}

/** Parses an API datetime (any ISO 8601 form) into the DB form, or null when it is not a date. */
export function parseApiDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value) && value.length > 10;
  const d = new Date(hasZone ? value : value.replace(' ', 'T') + (value.length > 10 ? 'Z' : 'T00:00:00Z'));
  return Number.isNaN(d.getTime()) ? null : toDbDate(d);
}
