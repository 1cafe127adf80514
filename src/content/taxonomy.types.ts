/** Internal tags (Ghost's `#name`) sort pieces for staff; readers never see them. */
export const tagVisibilities = ['public', 'internal'] as const;
export type TagVisibility = (typeof tagVisibilities)[number];

export interface Tag {
  id: number;
  slug: string;
  name: string;
  description: string;
  accentColor: string | null;
  isSection: boolean;
  navOrder: number | null;
  visibility: TagVisibility;
}

export interface AuthorLink {
  label: string;
  url: string;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photoUrl: string | null;
  website: string | null;
  links: AuthorLink[];
}
