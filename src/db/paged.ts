/**
 * Every row a keyset reader gives, a page at a time: each page starts after the last id of the
 * page before, through the table's key, so reading all of a large table holds one page at a time
 * and costs the same at its end as at its start.
 */
export async function* pagesById<Row extends { id: number }>(read: (afterId: number, limit: number) => Promise<Row[]>, pageSize = 500): AsyncGenerator<Row[]> {
  for (let after = 0; ; ) {
    const page = await read(after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}
