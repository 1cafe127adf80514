export interface Tag {
  id: number;
  slug: string;
  name: string;
  description: string;
  accentColor: string | null;
  isSection: boolean;
  navOrder: number | null;
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
