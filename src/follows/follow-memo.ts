/** Members whose follows are kept at most; past this the least recently read go first. */
const MAX_MEMBERS = 10_000;

interface Kept {
  /** The session the follows were read for: another session of the same id reads them again. */
  session: string;
  follows: Promise<Set<string>>;
}

/**
 * Each signed-in member's follows (`kind:id` keys), read once and kept until they change. A kept
 * set answers only the session it was read for, so an id that ever came to name someone else
 * (an erased member's, reused) never gets another reader's follows. A read started before a
 * change is never kept after it: forgetting removes the entry the read would answer from.
 */
export class FollowMemo {
  private readonly entries = new Map<number, Kept>();

  constructor(private readonly load: (memberId: number) => Promise<Set<string>>) {}

  read(memberId: number, session: string): Promise<Set<string>> {
    const kept = this.entries.get(memberId);
    this.entries.delete(memberId);
    if (kept?.session === session) {
      this.entries.set(memberId, kept);
      return kept.follows;
    }
    const entry: Kept = { session, follows: this.load(memberId) };
    this.entries.set(memberId, entry);
    if (this.entries.size > MAX_MEMBERS) this.entries.delete(this.entries.keys().next().value!);
    entry.follows.catch(() => {
      if (this.entries.get(memberId) === entry) this.entries.delete(memberId);
    });
    return entry.follows;
  }

  forget(memberId: number): void {
    this.entries.delete(memberId);
  }

  clear(): void {
    this.entries.clear();
  }
}
