export interface DigestItem {
  postId: number;
  /** lead, reviews, more, or the slug of the section the piece appears under. */
  group: string;
}

export interface Digest {
  id: number;
  newsletter: string;
  slot: string;
  periodStart: string;
  subject: string;
  intro: string;
  items: Array<DigestItem & { title: string; slug: string; format: string }>;
  state: 'draft' | 'scheduled' | 'sent';
  scheduledAt: string | null;
  sendId: number | null;
}
