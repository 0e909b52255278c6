/**
 * Counts calls to the fake Apps Script services as `Service.method` ('Range.getValues',
 * 'SpreadsheetApp.getActiveSpreadsheet'). Only calls made from outside the fakes count (the bundle or
 * a test); what a fake does internally is not a call.
 *
 * Categories. In Apps Script every method call on a service object is a call into Google's servers,
 * builders included, so `total` counts them all. But the calls that cost a round trip to the
 * spreadsheet are the ones budgets care about, so each name also has a category:
 *  - 'builder': methods of builders (DataValidationBuilder, ConditionalFormatRuleBuilder, the trigger
 *    builders except their `create`), of the rule value objects they produce (DataValidation,
 *    ConditionalFormatRule, BooleanCondition), and the factories SpreadsheetApp.new* / ScriptApp.newTrigger /
 *    Charts.newDataTable / Charts.newBarChart (DataTableBuilder and BarChartBuilder are builders by name);
 *  - 'roundTrip': everything else.
 * `snapshot().roundTrips` = total − builder.
 */
export type CallCategory = 'roundTrip' | 'builder';

export interface CallSnapshot {
  /** Every counted call. */
  total: number;
  /** Calls that are not builder calls: what a call budget should look at. */
  roundTrips: number;
  /** Builder and rule-object calls. */
  builder: number;
  /** Count by 'Service.method', sorted by name. */
  byMethod: Record<string, number>;
}

const BUILDER_SERVICES = new Set(['DataValidation', 'ConditionalFormatRule', 'BooleanCondition']);
const BUILDER_FACTORIES = new Set([
  'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.newConditionalFormatRule',
  'ScriptApp.newTrigger',
  'Charts.newDataTable',
  'Charts.newBarChart',
]);

export function callCategory(name: string): CallCategory {
  const [service = '', method = ''] = name.split('.');
  if (BUILDER_FACTORIES.has(name) || BUILDER_SERVICES.has(service)) return 'builder';
  if (service.endsWith('Builder') && method !== 'create') return 'builder';
  return 'roundTrip';
}

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private sequence: string[] = [];
  /** How many names `log()` keeps (the oldest are dropped). */
  static readonly LOG_LIMIT = 10_000;

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (this.sequence.length < CallCounter.LOG_LIMIT) this.sequence.push(name);
  }

  /** Starts a new operation: forgets every count. */
  reset(): void {
    this.counts.clear();
    this.sequence = [];
  }

  /** How often `name` ('Range.getValues') was called, or, given a service ('Range'), all its methods. */
  count(name: string): number {
    if (name.includes('.')) return this.counts.get(name) ?? 0;
    let sum = 0;
    for (const [key, n] of this.counts) if (key.startsWith(`${name}.`)) sum += n;
    return sum;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** The calls in the order they were made (up to LOG_LIMIT). */
  log(): readonly string[] {
    return [...this.sequence];
  }

  snapshot(): CallSnapshot {
    const byMethod: Record<string, number> = {};
    let total = 0;
    let builder = 0;
    for (const name of [...this.counts.keys()].sort()) {
      const n = this.counts.get(name) ?? 0;
      byMethod[name] = n;
      total += n;
      if (callCategory(name) === 'builder') builder += n;
    }
    return { total, roundTrips: total - builder, builder, byMethod };
  }
}
