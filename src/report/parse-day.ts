/** Epoch milliseconds of the start (UTC) of a `YYYY-MM-DD` day, or null when it is not a real date ("2025-02-30"). */
export function parseDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
}
