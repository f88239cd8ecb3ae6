// Refused requests are logged, but a flood of them must not fill the disk: at most `burst` lines
// per window, and the first line after a quiet stretch says how many were left out. Counters keep
// the full tally for the probe and for /readyz.
import type { Logger } from '../logger';

export interface RejectionCounts {
  /** Refusals by status code since start. */
  byStatus: Record<string, number>;
  /** Lines left out of the log since start. */
  suppressed: number;
}

export class RejectionLog {
  private windowStart = 0;
  private inWindow = 0;
  private unreported = 0;
  private readonly counts: RejectionCounts = { byStatus: {}, suppressed: 0 };

  constructor(
    private readonly logger: Logger,
    private readonly burst = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  note(status: number, fields: Record<string, unknown>): void {
    this.counts.byStatus[status] = (this.counts.byStatus[status] ?? 0) + 1;
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.burst) {
      this.unreported++;
      this.counts.suppressed++;
      return;
    }
    this.inWindow++;
    const suppressed = this.unreported;
    this.unreported = 0;
    this.logger.warn({ event: 'rejected', status, ...fields, ...(suppressed ? { suppressedSinceLastLine: suppressed } : {}) });
  }

  snapshot(): RejectionCounts {
    return { byStatus: { ...this.counts.byStatus }, suppressed: this.counts.suppressed };
  }
}
