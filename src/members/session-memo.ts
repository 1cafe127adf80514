/** Sessions kept at most; past this the oldest go first. */
const MAX_SESSIONS = 5_000;

/**
 * Signed-in readers' sessions as last read from the database, answered again without reading it
 * while nothing at all has been written to it since: each lookup first reads the database's write
 * mark, and any write (a sign-out, a payment, a plan or member change, by this process or another)
 * forgets every kept session. Only found sessions are kept, so made-up tokens cannot crowd them out.
 */
export class SessionMemo<T> {
  private mark: string | undefined;
  private readonly entries = new Map<string, T>();

  constructor(private readonly writeMark: () => Promise<string>) {}

  async read(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const mark = await this.writeMark();
    if (mark !== this.mark) {
      this.entries.clear();
      this.mark = mark;
    }
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    // Read after the mark: a write in between changes the mark, so this answer is not kept long.
    const value = await load();
    if (value !== undefined && this.mark === mark) {
      if (this.entries.size >= MAX_SESSIONS) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }
}
