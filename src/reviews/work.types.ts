/** The kinds of work a review can be about, with how each is described to readers and to schema.org. */
export const workTypes = {
  movie: { label: 'Movie', schemaType: 'Movie', organization: 'Studio', date: 'Release date' },
  tv_series: { label: 'TV series', schemaType: 'TVSeries', organization: 'Network', date: 'Premiere' },
  book: { label: 'Book', schemaType: 'Book', organization: 'Publisher', date: 'Published' },
  music_album: { label: 'Album', schemaType: 'MusicAlbum', organization: 'Label', date: 'Released' },
  concert: { label: 'Concert', schemaType: 'MusicEvent', organization: 'Venue', date: 'Date' },
  live_event: { label: 'Live event', schemaType: 'Event', organization: 'Venue', date: 'Date' },
  theatre: { label: 'Theatre', schemaType: 'TheaterEvent', organization: 'Venue', date: 'Opening night' },
} as const;

export type WorkType = keyof typeof workTypes;

/** Roles people can have in a work; "cast" credits carry a character name. */
export const creditRoles = {
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
} as const;

export type CreditRole = keyof typeof creditRoles;

/** How a piece names a person it is about other than through a reviewed work (an interview's subject). */
export const pieceRoles = {
  interviewee: 'Interviewee',
} as const;

export type PieceRole = keyof typeof pieceRoles;

export interface PersonSummary {
  id: number;
  slug: string;
  name: string;
}

export interface Credit {
  person: PersonSummary;
  role: CreditRole;
  character: string | null;
}

/** A person a piece names, and as what. */
export interface NamedPerson {
  person: PersonSummary;
  role: PieceRole;
}

export interface Availability {
  label: string;
  url: string | null;
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
  availability: Availability[];
  credits: Credit[];
}

export interface Rating {
  value: number;
  scale: number;
}

export interface Review {
  work: Work;
  rating: Rating | null;
  verdict: string | null;
}
