/**
 * A vote store for the adapter tests, backed by a Map, with the contract of the real one: one vote
 * per user and answer (a second vote replaces the first), the tally after each vote, and null for an
 * answer it does not know (too old, or never logged). `known` answers are added as they are given.
 */
import type { Vote, VoteTally } from "../../src/core/answer-log.js";

export class FakeVotes {
  /** Every vote as received, in order. */
  readonly received: Vote[] = [];
  /** When set, `vote` throws this (the store is down). */
  failure: Error | null = null;
  private readonly byAnswer = new Map<string, Map<string, 1 | -1>>();

  /** Makes an answer votable (the fake services call this for every answer they give). */
  know(answerId: string): void {
    if (!this.byAnswer.has(answerId)) this.byAnswer.set(answerId, new Map());
  }

  /** Forgets an answer, as the real store does once it is past retention. */
  forget(answerId: string): void {
    this.byAnswer.delete(answerId);
  }

  async vote(vote: Vote): Promise<VoteTally | null> {
    this.received.push(vote);
    if (this.failure !== null) throw this.failure;
    const votes = this.byAnswer.get(vote.answerId);
    if (votes === undefined) return null;
    votes.set(`${vote.platform}:${vote.userId}`, vote.value);
    return this.tally(vote.answerId);
  }

  tally(answerId: string): VoteTally | null {
    const votes = this.byAnswer.get(answerId);
    if (votes === undefined) return null;
    const values = [...votes.values()];
    return { up: values.filter((v) => v === 1).length, down: values.filter((v) => v === -1).length };
  }
}
