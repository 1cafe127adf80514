import type { WorkType, CreditRole, PieceRole } from '../reviews/index.js';

/** The shape of the demo magazine's data; the loader turns it into real content through the services. */
export interface DemoMagazine {
  settings: {
    title: string;
    description: string;
    accentColor: string;
    navigation: Array<{ label: string; url: string }>;
    footerNavigation: Array<{ label: string; url: string }>;
    copyright: string;
    timezone: string;
    locale: string;
    printPromo: { headline: string; text: string; url: string };
    newsletterPromo: { headline: string; text: string };
  };
  tags: Array<{ name: string; slug: string; description: string; accentColor?: string; isSection?: boolean; navOrder?: number }>;
  authors: Array<{ name: string; slug: string; bio: string; website?: string; links?: Array<{ label: string; url: string }> }>;
  posts: DemoPost[];
  /** Membership plans, in the shape the plan service accepts. */
  plans: Array<{
    name: string;
    slug: string;
    description: string;
    tier: 'free' | 'digital' | 'print';
    monthlyCents?: number;
    yearlyCents?: number;
    giftCents?: number;
    issuesPerYear?: number;
    position: number;
  }>;
}

export interface DemoPost {
  type?: 'post' | 'page';
  title: string;
  slug: string;
  excerpt?: string;
  body: string;
  format?: 'article' | 'review' | 'interview' | 'news' | 'list' | 'essay';
  tags?: string[];
  authors: string[];
  /** People the piece names as what they are in it (an interview's subjects); a work may credit them too. */
  people?: Array<{ name: string; role: PieceRole }>;
  featured?: boolean;
  /** Publication time as days before now; negative means scheduled for the future. */
  daysAgo: number;
  contentNotes?: string[];
  seoDescription?: string;
  featureImage?: { alt: string; caption?: string; credit: string };
  review?: {
    work: {
      type: WorkType;
      title: string;
      year?: number;
      slug?: string;
      organization?: string;
      releaseDate?: string;
      runtimeMinutes?: number;
      availability?: Array<{ label: string; url?: string }>;
      credits?: Array<{ name: string; role: CreditRole; character?: string }>;
    };
    rating?: { value: number; scale: number };
    verdict?: string;
  };
}
