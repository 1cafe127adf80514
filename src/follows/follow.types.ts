/** What a reader can follow: a section or tag, an author, a person credited in reviewed works, a work. */
export const followKinds = ['tag', 'author', 'person', 'work'] as const;
export type FollowKind = (typeof followKinds)[number];

/** Who follows: a signed-in member or a newsletter subscriber (separate records). */
export type Reader = { kind: 'member'; id: number } | { kind: 'subscriber'; id: number };

/** Something followable, as pages and emails name it. */
export interface FollowTarget {
  kind: FollowKind;
  id: number;
  slug: string;
  name: string;
}

export interface Follow {
  id: number;
  target: FollowTarget;
  /** False while a follow made by email waits for its confirmation link. */
  confirmed: boolean;
  createdAt: string;
}

/** How many readers follow one section or author (confirmed follows only). */
export interface FollowerCount {
  kind: FollowKind;
  id: number;
  slug: string;
  name: string;
  followers: number;
}
