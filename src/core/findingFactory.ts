import { defaultSeverity, type FindingCode } from './codes';
import type { Finding, FindingData, OffsetRange } from './model';

/** A finding with its code's default severity; overrides are applied once, at the end of the analysis. */
export function makeFinding(code: FindingCode, message: string, file: string, range: OffsetRange, data?: FindingData): Finding {
  return { code, severity: defaultSeverity(code), message, file, range, ...(data ? { data } : {}) };
}
