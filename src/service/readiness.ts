/**
 * What `/readyz` reports: each part that must be up before the bot is useful (the index, every
 * front end) is registered not-ready at startup and marked ready once it is — and not-ready again
 * when it stops — so an orchestrator only routes to (or stops restarting) a bot that can answer.
 */
import type { ReadinessChecks } from "./health-routes.js";

export class Readiness {
  private readonly state = new Map<string, boolean>();

  /** `parts`: the names that must all be ready, e.g. `["index", "telegram"]`; each starts not ready. */
  constructor(parts: readonly string[] = []) {
    for (const part of parts) this.state.set(part, false);
  }

  /** Marks a part (registering it if new) ready or not. */
  set(part: string, ready: boolean): void {
    this.state.set(part, ready);
  }

  get ready(): boolean {
    return [...this.state.values()].every(Boolean);
  }

  /** A snapshot for `createHealthRoutes({ ready: () => readiness.checks() })`. */
  checks(): ReadinessChecks {
    return Object.fromEntries(this.state);
  }
}
