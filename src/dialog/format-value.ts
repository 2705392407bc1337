/** Shows a requirement value the way people write it: 99.99%, 20,000, yes/no, "quoted text". */
export function formatValue(field: string, value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (field === 'availability' || field === 'nodeAvailability') return `${trimNumber(value * 100)}%`;
    const unit = units[field];
    return `${value.toLocaleString('en-US', { maximumFractionDigits: 6 })}${unit ?? ''}`;
  }
  if (field === 'name') return `"${String(value)}"`;
  return String(value);
}

const units: Record<string, string> = {
  readLatencyMs: ' ms',
  writeLatencyMs: ' ms',
  rpoSec: ' s',
  rtoSec: ' s',
  stalenessBoundSec: ' s',
  dataSizeGb: ' GB',
  writesPerSec: '/s',
  readsPerSec: '/s',
  peakFactor: '×',
  budgetUsdPerMonth: ' USD/month',
};

function trimNumber(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/** Requirements as "field = value" lines, in the order given. */
export function formatRequirements(requirements: Record<string, unknown>, answeredBy: Record<string, string> = {}): string[] {
  return Object.entries(requirements)
    .filter(([, v]) => v !== undefined)
    .map(([field, v]) => `${field} = ${formatValue(field, v)}${answeredBy[field] ? ` (from ${answeredBy[field]})` : ''}`);
}
