/** The shapes the admin API sends and accepts (see /admin/api/openapi.json). */
export type StaffRole = 'contributor' | 'author' | 'editor' | 'administrator';
export const staffRoles: StaffRole[] = ['contributor', 'author', 'editor', 'administrator'];

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  status: 'active' | 'invited' | 'suspended';
  authorId: number | null;
  createdAt: string;
}

export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';
export type Visibility = 'public' | 'members' | 'paid';
export type PostFormat = 'article' | 'review' | 'interview' | 'news' | 'list' | 'essay';
export const postFormats: Record<PostFormat, string> = {
  article: 'Article',
  review: 'Review',
  interview: 'Interview',
  news: 'News',
  list: 'List',
  essay: 'Essay',
};

export interface Tag {
  id: number;
  slug: string;
  name: string;
  description: string;
  accentColor: string | null;
  isSection: boolean;
  navOrder: number | null;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photoUrl: string | null;
}

export interface FeatureImage {
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export type WorkType = 'movie' | 'tv_series' | 'book' | 'music_album' | 'concert' | 'live_event' | 'theatre';
export const workTypes: Record<WorkType, { label: string; organization: string; date: string }> = {
  movie: { label: 'Movie', organization: 'Studio', date: 'Release date' },
  tv_series: { label: 'TV series', organization: 'Network', date: 'Premiere' },
  book: { label: 'Book', organization: 'Publisher', date: 'Published' },
  music_album: { label: 'Album', organization: 'Label', date: 'Released' },
  concert: { label: 'Concert', organization: 'Venue', date: 'Date' },
  live_event: { label: 'Live event', organization: 'Venue', date: 'Date' },
  theatre: { label: 'Theatre', organization: 'Venue', date: 'Opening night' },
};

export type CreditRole =
  | 'director' | 'screenwriter' | 'author' | 'creator' | 'cast' | 'performer'
  | 'composer' | 'producer' | 'cinematographer' | 'translator' | 'host';
export const creditRoles: Record<CreditRole, string> = {
  director: 'Director',
  screenwriter: 'Screenwriter',
  author: 'Author',
  creator: 'Creator',
  cast: 'Cast',
  performer: 'Performer',
  composer: 'Music',
  producer: 'Producer',
  cinematographer: 'Cinematography',
  translator: 'Translator',
  host: 'Host',
};

export interface PersonSummary {
  id: number;
  slug: string;
  name: string;
}

export interface Work {
  id: number;
  slug: string;
  type: WorkType;
  title: string;
  year: number | null;
  organization: string | null;
  releaseDate: string | null;
  runtimeMinutes: number | null;
  availability: Array<{ label: string; url: string | null }>;
  credits: Array<{ person: PersonSummary; role: CreditRole; character: string | null }>;
}

export interface Review {
  work: Work;
  rating: { value: number; scale: number } | null;
  verdict: string | null;
}

export interface Post {
  id: number;
  type: 'post' | 'page';
  slug: string;
  title: string;
  excerpt: string;
  customExcerpt: string;
  bodyFormat: 'markdown' | 'html';
  body: string;
  html: string;
  wordCount: number;
  readingMinutes: number;
  format: PostFormat;
  status: PostStatus;
  visibility: Visibility;
  featured: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  primaryTag: Tag | null;
  tags: Tag[];
  authors: Author[];
  featureImage: FeatureImage | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  contentNotes: string[];
  review: Review | null;
}

/** What the editor sends: the post's input fields (tags and authors by slug). */
export interface CreditInput {
  name: string;
  slug?: string;
  role: CreditRole;
  character?: string;
}

export interface WorkInput {
  type: WorkType;
  title: string;
  slug?: string;
  year?: number;
  organization?: string;
  releaseDate?: string;
  runtimeMinutes?: number;
  availability: Array<{ label: string; url?: string }>;
  credits: CreditInput[];
}

export interface PostInput {
  type?: 'post' | 'page';
  title: string;
  slug?: string;
  excerpt: string;
  body: string;
  bodyFormat: 'html';
  format: PostFormat;
  visibility: Visibility;
  featured: boolean;
  tags: string[];
  /** Left out, the server keeps the current byline (or, for a new post by a writer, uses theirs). */
  authors?: string[];
  featureImage?: { url: string; alt: string; caption?: string; credit?: string };
  seoTitle?: string;
  seoDescription?: string;
  canonicalUrl?: string;
  contentNotes: string[];
  review?: { work: WorkInput | { slug: string }; rating?: { value: number; scale: number }; verdict?: string };
}

export interface Revision {
  id: number;
  postId: number;
  revision: number;
  userId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface MediaItem {
  id: number;
  url: string;
  kind: 'image' | 'svg';
  mime: string;
  filename: string;
  bytes: number;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  variants: Array<{ format: 'avif' | 'webp' | 'jpeg'; width: number; height: number; url: string; bytes: number }>;
  uploadedBy: number | null;
  createdAt: string;
}

export interface NavigationItem {
  label: string;
  url: string;
}

export interface SiteSettings {
  title: string;
  description: string;
  logoUrl: string | null;
  accentColor: string;
  navigation: NavigationItem[];
  footerNavigation: NavigationItem[];
  copyright: string;
  timezone: string;
  locale: string;
}
