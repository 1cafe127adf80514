/**
 * Demo content for Masthead: "Halcyon", a fictional feminist magazine of culture, politics and everyday life.
 *
 * Everything here is original writing. Reviews of real films, books, series and albums carry
 * facts (credits, dates, runtimes) that were checked; where a fact was uncertain it was left out.
 * People, places, organisations and events in the news pieces, interviews, concert and theatre
 * review are invented unless they are plainly real works or venues.
 */
import type { DemoMagazine } from './demo.types.js';

type Post = DemoMagazine['posts'][number];

const settings: DemoMagazine['settings'] = {
  title: 'Halcyon',
  description: 'Culture, politics and everyday life from a feminist point of view. Independent, reader-funded and printed four times a year.',
  accentColor: '#9e2a4f',
  navigation: [
    { label: 'Film', url: '/tag/film/' },
    { label: 'Television', url: '/tag/television/' },
    { label: 'Books', url: '/tag/books/' },
    { label: 'Music', url: '/tag/music/' },
    { label: 'Culture', url: '/tag/culture/' },
    { label: 'Politics', url: '/tag/politics/' },
    { label: 'Life', url: '/tag/life/' },
    { label: 'Reviews', url: '/reviews/' },
  ],
  footerNavigation: [
    { label: 'About us', url: '/about/' },
    { label: 'Contact', url: '/contact/' },
    { label: 'RSS', url: '/rss/' },
  ],
  copyright: '© 2026 Halcyon Media Collective. All rights reserved.',
  timezone: 'Europe/London',
  locale: 'en-GB',
  printPromo: {
    headline: 'Get the print magazine',
    text: 'Four issues a year, 132 pages each, printed on recycled stock in Manchester. Long reads, new fiction and photography you will want to keep on the shelf.',
    url: '/members/print/',
  },
  newsletterPromo: {
    headline: 'The best of Halcyon in your inbox!',
    text: 'Every Sunday morning: the week’s essays and reviews, one thing our editors loved, and one thing that made them furious. No spam, no tracking pixels, unsubscribe any time.',
  },
};

const tags: DemoMagazine['tags'] = [
  {
    name: 'Film',
    slug: 'film',
    description: 'Reviews, interviews and arguments about cinema, with a long memory for the women who made it and a sharp eye on who gets to make it now.',
    accentColor: '#c0443a',
    isSection: true,
    navOrder: 1,
  },
  {
    name: 'Television',
    slug: 'television',
    description: 'What we are watching, what we are shouting at, and why the small screen keeps telling women’s stories better than the big one.',
    accentColor: '#6d4c9f',
    isSection: true,
    navOrder: 2,
  },
  {
    name: 'Books',
    slug: 'books',
    description: 'Fiction, non-fiction and poetry: reviews, author interviews and the books we keep pressing into friends’ hands.',
    accentColor: '#2f6f5e',
    isSection: true,
    navOrder: 3,
  },
  {
    name: 'Music',
    slug: 'music',
    description: 'Albums, live shows and the artists rewriting the rules of a business that still treats women as a genre.',
    accentColor: '#d0782a',
    isSection: true,
    navOrder: 4,
  },
  {
    name: 'Culture',
    slug: 'culture',
    description: 'Theatre, art, the internet and everything in between: the culture that shapes how we see ourselves.',
    accentColor: '#1f5f8b',
    isSection: true,
    navOrder: 5,
  },
  {
    name: 'Politics',
    slug: 'politics',
    description: 'Work, care, money and power. Reporting and argument on the policies that land hardest on women, and the people organising to change them.',
    accentColor: '#7a2e1f',
    isSection: true,
    navOrder: 6,
  },
  {
    name: 'Life',
    slug: 'life',
    description: 'Bodies, homes, friendships and the small daily negotiations of living well, without the wellness industry’s sales pitch.',
    accentColor: '#4f7f3a',
    isSection: true,
    navOrder: 7,
  },
  {
    name: 'Women directors',
    slug: 'women-directors',
    description: 'Films made by women behind the camera, from the canon to this week’s releases.',
  },
  {
    name: 'Debut novels',
    slug: 'debut-novels',
    description: 'First novels and the writers who made them.',
  },
  {
    name: 'Festivals',
    slug: 'festivals',
    description: 'Film, music and literary festivals: line-ups, reports and what the programmers got right (and wrong).',
  },
  {
    name: 'Climate',
    slug: 'climate',
    description: 'The climate crisis as a feminist issue: who bears its costs, and who is doing the work of adapting.',
  },
  {
    name: 'Work',
    slug: 'work',
    description: 'Pay, hours, unions and the unpaid shift that starts when the paid one ends.',
  },
  {
    name: 'Health',
    slug: 'health',
    description: 'Women’s health, taken seriously: research, services and lived experience.',
  },
];

const authors: DemoMagazine['authors'] = [
  {
    name: 'Rosa Delgado',
    slug: 'rosa-delgado',
    bio: 'Rosa is Halcyon’s editor-in-chief and one of the five founders of the collective. She spent a decade on regional newspapers before deciding the world needed one more magazine, and still believes it does. She writes about care, class and the politics of the kitchen table.',
    website: 'https://example.org/rosadelgado',
    links: [
      { label: 'Bluesky', url: 'https://bsky.example.com/rosadelgado' },
      { label: 'Instagram', url: 'https://instagram.example.com/rosa.delgado' },
    ],
  },
  {
    name: 'Imogen Hale',
    slug: 'imogen-hale',
    bio: 'Imogen is Halcyon’s film editor. She programmes a monthly women-directors night at a community cinema in Salford and has strong opinions about aspect ratios. Her favourite film changes weekly; her least favourite has not changed since 2004.',
    website: 'https://example.org/imogenhale',
    links: [
      { label: 'Letterboxd', url: 'https://letterboxd.example.com/imogenhale' },
      { label: 'Bluesky', url: 'https://bsky.example.com/imogenhale' },
    ],
  },
  {
    name: 'Priya Raman',
    slug: 'priya-raman',
    bio: 'Priya edits the books pages and chairs Halcyon’s fiction prize. Before joining the collective she worked in an independent bookshop for eight years, which is where she learned that the best recommendations come with a warning. She is writing a book about reading groups.',
    links: [{ label: 'Instagram', url: 'https://instagram.example.com/priyareads' }],
  },
  {
    name: 'Tamsin Oyelaran',
    slug: 'tamsin-oyelaran',
    bio: 'Tamsin writes about music and internet culture for Halcyon. She has reviewed gigs in basements, cathedrals and one memorable multi-storey car park, and DJs under a name she refuses to tell us.',
    website: 'https://example.com/tamsin',
    links: [
      { label: 'Bluesky', url: 'https://bsky.example.com/tamsinoyelaran' },
      { label: 'Bandcamp', url: 'https://bandcamp.example.com/tamsin' },
    ],
  },
  {
    name: 'Ellis Kowalczyk',
    slug: 'ellis-kowalczyk',
    bio: 'Ellis is Halcyon’s politics and work correspondent, covering unions, welfare and the care economy. They grew up above a launderette in Bradford and have been reporting on low-paid work ever since. Tips are welcome, encrypted ones especially.',
    links: [
      { label: 'Bluesky', url: 'https://bsky.example.com/elliskowalczyk' },
      { label: 'Mastodon', url: 'https://mastodon.example.org/@ellisk' },
    ],
  },
  {
    name: 'June Arkwright',
    slug: 'june-arkwright',
    bio: 'June is a contributing writer covering health, money and daily life. A former NHS ward clerk, she writes the magazine’s “Small Print” column on the bureaucracy of being a woman. She lives in Leeds with two teenagers and a temperamental boiler.',
    website: 'https://example.org/junearkwright',
  },
  {
    name: 'Noor Haddad',
    slug: 'noor-haddad',
    bio: 'Noor is Halcyon’s television critic. She watches far too much of it so you do not have to, and keeps a spreadsheet of every on-screen job interview she has ever seen. Her writing has also appeared in several publications that no longer exist, through no fault of hers.',
    links: [{ label: 'Bluesky', url: 'https://bsky.example.com/noorhaddad' }],
  },
  {
    name: 'Clem Fairweather',
    slug: 'clem-fairweather',
    bio: 'Clem is a contributing writer on climate, food and the land. She keeps an allotment in Sheffield, a seed tin of questionable labelling and a long list of people who have promised to help with the digging.',
    website: 'https://example.com/clemfairweather',
    links: [{ label: 'Instagram', url: 'https://instagram.example.com/clem.grows' }],
  },
];

// ---------------------------------------------------------------------------
// Film reviews
// ---------------------------------------------------------------------------

const filmReviews: Post[] = [
  {
    title: 'Past Lives review: the love story that refuses to be a love triangle',
    slug: 'past-lives-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    daysAgo: 9,
    excerpt: 'Celine Song’s debut feature takes the oldest set-up in romance and quietly declines every cliché it offers. The result is one of the most grown-up films about love this decade.',
    seoDescription: 'Our review of Past Lives, Celine Song’s debut starring Greta Lee, Teo Yoo and John Magaro: a tender, unsentimental film about the lives we do not live.',
    featureImage: {
      alt: 'A woman and a man stand a careful distance apart on a New York pavement at night, lit by a shop window.',
      caption: 'Greta Lee and Teo Yoo in Past Lives.',
      credit: 'Photo: A24',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Past Lives',
        year: 2023,
        slug: 'past-lives-2023',
        organization: 'A24',
        releaseDate: '2023-06-02',
        runtimeMinutes: 106,
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Celine Song', role: 'director' },
          { name: 'Celine Song', role: 'screenwriter' },
          { name: 'Greta Lee', role: 'cast', character: 'Nora' },
          { name: 'Teo Yoo', role: 'cast', character: 'Hae Sung' },
          { name: 'John Magaro', role: 'cast', character: 'Arthur' },
          { name: 'Moon Seung-ah', role: 'cast', character: 'Young Nora' },
          { name: 'Shabier Kirchner', role: 'cinematographer' },
          { name: 'Christopher Bear', role: 'composer' },
          { name: 'Daniel Rossen', role: 'composer' },
        ],
      },
      rating: { value: 5, scale: 5 },
      verdict: 'A film about roads not taken that never once pretends the road taken was a mistake.',
    },
    body: `It opens with strangers guessing. Two people at the end of a New York bar look over at a trio—a Korean woman, a Korean man, a white American man—and try to work out who belongs to whom. It is a small joke and a statement of intent: Celine Song’s film is going to spend the next hour and three-quarters refusing to give the easy answer.

## Twenty-four years in three movements

Nora (Greta Lee) and Hae Sung (Teo Yoo) are twelve-year-old classmates in Seoul when her family emigrates to Canada. Twelve years later they find each other over laggy video calls; twelve years after that he flies to New York, where she now lives with her husband, Arthur (John Magaro). That is the plot, more or less. What happens in between is mostly looking.

Song, a playwright before she was a filmmaker, trusts silence more than most screenwriters trust dialogue. The camera, in Shabier Kirchner’s patient framing, often holds two people in the same shot with a great deal of city between them. A carousel, a ferry, a long wait for a ride-share: the film finds its drama in how long people can stand beside each other without saying the thing.

## Nobody is the villain

The great achievement here is Arthur. A lesser film would have made him an obstacle; Song makes him the most generous person in it. His late-night conversation with Nora, in which he admits he sometimes feels like the villain of her story and then asks, sincerely, whether he is enough, is the film’s quiet centre. Magaro plays it with a kind of bruised humour that earns every minute.

Lee, meanwhile, gives a performance of extraordinary control. Nora is ambitious, funny and slightly impatient with her own nostalgia. She switches between Korean and English not just as languages but as versions of herself, and the film understands that immigration is partly a story about which self you feed.

> What the film argues, gently, is that choosing a life is not a betrayal of the other lives you might have had.

The Korean idea of *in-yun*—the connection between people built up over countless past lives—gives the film its title and its tenderness. But Song never lets it become fate. Nora chose. The ending, which I will not spoil beyond saying it involves a long walk back along a street, lets her feel the full cost of that choice without regretting it. Few films trust women with that much complexity. This one does.`,
  },
  {
    title: 'Materialists review: Celine Song runs the numbers on modern romance',
    slug: 'materialists-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    daysAgo: 6,
    excerpt: 'Song’s follow-up to Past Lives looks like a glossy romcom and plays like an audit of what love costs. It doesn’t all add up, but the sums are fascinating.',
    seoDescription: 'Review of Materialists, Celine Song’s second feature, with Dakota Johnson as a New York matchmaker caught between Pedro Pascal and Chris Evans.',
    featureImage: {
      alt: 'A woman in a tailored coat sits alone at a white-clothed table in an expensive restaurant, looking at her phone.',
      caption: 'Dakota Johnson as Lucy in Materialists.',
      credit: 'Photo: A24',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Materialists',
        year: 2025,
        slug: 'materialists-2025',
        organization: 'A24',
        releaseDate: '2025-06-13',
        runtimeMinutes: 117,
        availability: [{ label: 'Rent or buy on digital platforms' }],
        credits: [
          { name: 'Celine Song', role: 'director' },
          { name: 'Celine Song', role: 'screenwriter' },
          { name: 'Dakota Johnson', role: 'cast', character: 'Lucy Mason' },
          { name: 'Chris Evans', role: 'cast', character: 'John Pitts' },
          { name: 'Pedro Pascal', role: 'cast', character: 'Harry Castillo' },
          { name: 'Shabier Kirchner', role: 'cinematographer' },
          { name: 'Daniel Pemberton', role: 'composer' },
        ],
      },
      rating: { value: 3.5, scale: 5 },
      verdict: 'A sharp, chilly film about the marriage market that warms up just when it should stay cold.',
    },
    body: `Lucy Mason (Dakota Johnson) is very good at her job. A matchmaker at a high-end New York agency, she can tell you a client’s market value in under a minute: height, income, age, the tiny arithmetic of desirability that dating apps have turned into a sport. She is, as she cheerfully explains, in the business of making marriages, and marriage is a business.

Then two men walk into her life at the same wedding. Harry Castillo (Pedro Pascal) is wealthy, attentive and, by every measure Lucy sells, perfect. John Pitts (Chris Evans) is her ex, an actor still waiting tables, working the wedding as a caterer. You can probably guess the shape of what follows. The pleasure is in watching Celine Song pretend you can’t.

## A romcom with a spreadsheet

Song’s first film, *Past Lives*, was about the weight of time. This one is about the weight of money, and it is at its best when it is most unsentimental. The matchmaking scenes are funny and slightly horrifying: clients reciting their requirements like a shopping list, Lucy nodding along and adjusting expectations with the tact of a good estate agent. Shabier Kirchner, who also shot *Past Lives*, gives Manhattan a glassy, expensive sheen in which everybody looks slightly priced.

Johnson is well cast. Her deadpan has always suggested someone calculating more than she lets on, and here the calculation is the point. Pascal is charming and a little sad, a man who has spent heavily on being chosen. Evans has the hardest job, playing a man whose only asset is sincerity, and he mostly pulls it off.

## Where it wobbles

The film takes a darker turn when one of Lucy’s clients is hurt by a man Lucy set her up with. It is the most serious idea in the script—that an industry built on “compatibility” has no way to measure safety—and it deserves more room than it gets. Instead the final act drifts back towards the comfort of the genre it spent an hour dissecting.

> Song knows exactly how the romcom machine works. The question is whether she wanted to break it or just show us the wiring.

Still, it is rare to see a mainstream love story so frank about class, and so alert to the ways women are taught to price themselves. Flawed, yes. But I haven’t stopped arguing about it.`,
  },
  {
    title: 'Lady Bird review: a mother, a daughter and a city neither can leave',
    slug: 'lady-bird-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['tamsin-oyelaran'],
    daysAgo: 47,
    excerpt: 'Greta Gerwig’s solo directing debut is a coming-of-age comedy that turns out to be a love letter—to Sacramento, to difficult mothers and to the art of paying attention.',
    seoDescription: 'Revisiting Lady Bird, Greta Gerwig’s 2017 film with Saoirse Ronan and Laurie Metcalf, a funny and piercing portrait of a mother and daughter.',
    featureImage: {
      alt: 'A teenage girl with dyed pink hair and a school uniform leans against a car window, arms folded, beside her mother in the driver’s seat.',
      caption: 'Saoirse Ronan and Laurie Metcalf in Lady Bird.',
      credit: 'Photo: A24',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Lady Bird',
        year: 2017,
        slug: 'lady-bird-2017',
        organization: 'A24',
        releaseDate: '2017-11-03',
        runtimeMinutes: 94,
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Greta Gerwig', role: 'director' },
          { name: 'Greta Gerwig', role: 'screenwriter' },
          { name: 'Saoirse Ronan', role: 'cast', character: 'Christine “Lady Bird” McPherson' },
          { name: 'Laurie Metcalf', role: 'cast', character: 'Marion McPherson' },
          { name: 'Tracy Letts', role: 'cast', character: 'Larry McPherson' },
          { name: 'Lucas Hedges', role: 'cast', character: 'Danny O’Neill' },
          { name: 'Timothée Chalamet', role: 'cast', character: 'Kyle Scheible' },
          { name: 'Beanie Feldstein', role: 'cast', character: 'Julie Steffans' },
          { name: 'Sam Levy', role: 'cinematographer' },
          { name: 'Jon Brion', role: 'composer' },
        ],
      },
      rating: { value: 5, scale: 5 },
      verdict: 'Ninety-four minutes with barely a wasted frame, and the truest mother–daughter argument ever put on screen.',
    },
    body: `There is a moment early in *Lady Bird* when Christine McPherson, who insists that everyone call her Lady Bird, throws herself out of a moving car rather than finish an argument with her mother. It is funny, shocking and, if you have ever been seventeen and certain, completely understandable. Greta Gerwig’s film lives in exactly that register for its entire running time.

## The art of the small catastrophe

The year is 2002, the city is Sacramento, and Lady Bird (Saoirse Ronan) wants out. She wants an East Coast college, a more interesting boyfriend, a house with a staircase like the ones on the nice side of town. What she has is a Catholic school, a best friend called Julie (a wonderful Beanie Feldstein), a father who has just lost his job, and a mother, Marion (Laurie Metcalf), who works double shifts as a nurse and cannot say anything kind without attaching a condition to it.

Gerwig structures the film as a run of short scenes, some barely a minute long, which gives it the texture of memory: the school play, the first boyfriend who turns out to be hiding something, the second boyfriend (Timothée Chalamet, perfectly insufferable) who reads books about the government being bad. Nothing is huge. Everything matters enormously.

## Metcalf’s masterclass

Ronan is superb, spiky and unguarded, but the film belongs just as much to Metcalf. Marion is exhausted, proud, frightened about money and unable to stop criticising the daughter she adores. Watch the scene at the airport, played almost without words, and tell me you have not been on one side of it.

> It is a film about how love and attention might be the same thing—and how rarely we manage to give both at once.

Tracy Letts, as the gentle, quietly depressed father, is the household’s peacemaker and its sadness, and the film is careful not to make him the “good” parent by default.

## Why it still lands

Seen again now, *Lady Bird* feels less like a teen movie than a film about leaving home told by someone who has finally understood what home cost. Gerwig went on to bigger budgets and bigger canvases, but she has never made anything more precise. The closing voicemail is a small miracle of screenwriting. Bring tissues, and ring your mother.`,
  },
  {
    title: 'Little Women review: Greta Gerwig rewrites the ending, and keeps the heart',
    slug: 'little-women-review',
    format: 'review',
    tags: ['film', 'books', 'women-directors'],
    authors: ['priya-raman'],
    daysAgo: 44,
    excerpt: 'Gerwig’s adaptation shuffles Louisa May Alcott’s timeline and asks what it means for a woman to own her own story—literally.',
    seoDescription: 'Review of Greta Gerwig’s Little Women (2019), with Saoirse Ronan, Florence Pugh, Emma Watson, Eliza Scanlen, Laura Dern and Meryl Streep.',
    featureImage: {
      alt: 'Four young women in nineteenth-century dresses sprawl across a sofa in a cluttered, candlelit parlour, laughing.',
      caption: 'The March sisters at home in Little Women.',
      credit: 'Photo: Sony Pictures',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Little Women',
        year: 2019,
        slug: 'little-women-2019',
        organization: 'Columbia Pictures / Sony Pictures Releasing',
        releaseDate: '2019-12-25',
        runtimeMinutes: 135,
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Greta Gerwig', role: 'director' },
          { name: 'Greta Gerwig', role: 'screenwriter' },
          { name: 'Louisa May Alcott', role: 'author' },
          { name: 'Saoirse Ronan', role: 'cast', character: 'Jo March' },
          { name: 'Emma Watson', role: 'cast', character: 'Meg March' },
          { name: 'Florence Pugh', role: 'cast', character: 'Amy March' },
          { name: 'Eliza Scanlen', role: 'cast', character: 'Beth March' },
          { name: 'Laura Dern', role: 'cast', character: 'Marmee March' },
          { name: 'Timothée Chalamet', role: 'cast', character: 'Theodore “Laurie” Laurence' },
          { name: 'Meryl Streep', role: 'cast', character: 'Aunt March' },
          { name: 'Tracy Letts', role: 'cast', character: 'Mr Dashwood' },
          { name: 'Yorick Le Saux', role: 'cinematographer' },
          { name: 'Alexandre Desplat', role: 'composer' },
        ],
      },
      rating: { value: 4.5, scale: 5 },
      verdict: 'The rare classic adaptation that argues with its source and loves it more for the argument.',
    },
    body: `Every generation gets the *Little Women* it needs, and it is tempting to wonder what was left to say after so many versions. Greta Gerwig’s answer is: quite a lot, if you stop telling the story in order.

## Two timelines, one argument

The film opens with Jo March (Saoirse Ronan) in New York, selling a story to a publisher, Mr Dashwood (Tracy Letts, who also played the father in Gerwig’s *Lady Bird*), who informs her that a female character must be married or dead by the final page. From there, Gerwig cuts between the sisters’ adult lives and the warm, chaotic childhood in Concord that we half remember from the novel. Memory and present sit side by side, and the effect is a kind of double vision: we see the girls as they were and the women they had to become.

It sounds schematic. It plays beautifully. Yorick Le Saux shoots the past in honeyed gold and the present in cooler blues, and the edit keeps rhyming scenes across the years—Beth’s two illnesses above all—so the structure becomes emotional rather than clever.

## Amy, at last

The revelation is Florence Pugh’s Amy. For a century and a half Amy has been the sister readers love to dislike: vain, spoilt, the one who burns Jo’s manuscript and marries the boy Jo turned down. Pugh and Gerwig give her a speech about marriage as an economic proposition that reframes the whole character. Amy is not shallow; she is the only March girl doing the sums.

> Gerwig understands that Alcott’s book was always about money, work and who gets paid for their art.

Ronan’s Jo is fierce and lonely, and her scenes with Timothée Chalamet’s Laurie crackle with the comfortable chemistry of people who have made films together before. Laura Dern’s Marmee admits to being angry nearly every day of her life, and Meryl Streep steals every scene as Aunt March, handing out cynical, correct advice about the marriage market.

## The ending

Without spoiling the final stretch: Gerwig folds Alcott’s own reluctance about marrying Jo off into the film itself, so the ending is both the one the publisher demanded and a wink at it. Some purists will bristle. I found it thrilling—a woman directing a film about a woman negotiating the rights to her own book, and winning.`,
  },
  {
    title: 'Portrait of a Lady on Fire review: the gaze, returned',
    slug: 'portrait-of-a-lady-on-fire-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    daysAgo: 72,
    excerpt: 'Céline Sciamma’s eighteenth-century romance is about two women who learn to look at each other properly. It has lost none of its heat.',
    seoDescription: 'Our review of Portrait of a Lady on Fire, Céline Sciamma’s 2019 romance starring Noémie Merlant and Adèle Haenel.',
    featureImage: {
      alt: 'Two women in long dresses stand on a windswept Breton beach, one half-turned towards the other, the sea grey behind them.',
      caption: 'Noémie Merlant and Adèle Haenel in Portrait of a Lady on Fire.',
      credit: 'Photo: Pyramide Films',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Portrait of a Lady on Fire',
        year: 2019,
        slug: 'portrait-of-a-lady-on-fire-2019',
        organization: 'Pyramide Films',
        releaseDate: '2019-09-18',
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Céline Sciamma', role: 'director' },
          { name: 'Céline Sciamma', role: 'screenwriter' },
          { name: 'Noémie Merlant', role: 'cast', character: 'Marianne' },
          { name: 'Adèle Haenel', role: 'cast', character: 'Héloïse' },
          { name: 'Luàna Bajrami', role: 'cast', character: 'Sophie' },
          { name: 'Valeria Golino', role: 'cast', character: 'The Countess' },
          { name: 'Claire Mathon', role: 'cinematographer' },
        ],
      },
      rating: { value: 5, scale: 5 },
      verdict: 'A love story told almost entirely in looks, and the most quietly radical costume drama of its century.',
    },
    body: `Late in the eighteenth century, a painter named Marianne (Noémie Merlant) is rowed out to an island off the coast of Brittany. Her commission: a portrait of Héloïse (Adèle Haenel), a young woman recently taken out of a convent to marry a Milanese nobleman she has never met. The portrait is to be sent to the groom as a kind of preview. Héloïse has already refused to sit for one painter. So Marianne is introduced as a walking companion, and must study her subject by day and paint her from memory by night.

## Looking as labour

Céline Sciamma sets up the premise like a heist and then turns it inside out. Marianne is paid to look at Héloïse; what she does not expect is to be looked at back. In one of the film’s best scenes, Héloïse points out that when the painter studies the model, the model is studying the painter too. It is a small line that rearranges the whole history of art around it.

Claire Mathon’s photography is astonishing: faces lit by firelight, dresses in saturated green and red against the grey Atlantic, compositions that could hang on a gallery wall without ever feeling embalmed. There is almost no score. When music does arrive—a chorus of women singing around a bonfire, an orchestra in the final scene—it lands like a physical blow.

## A world without men

Men are almost entirely absent from the island, and in their absence the house becomes a small society of women across classes. Héloïse, Marianne and the maid Sophie (Luàna Bajrami) cook together, play cards, read the myth of Orpheus and Eurydice aloud and argue about why he turned round. When Sophie needs to end a pregnancy, the others help her, and Sciamma films it with a frankness period dramas almost never allow.

> Merlant and Haenel make desire look like concentration: two people paying such close attention that the world falls away.

## Memory as the point

Because we know from the start that Héloïse will marry, the film is shadowed by ending. But Sciamma refuses tragedy. The final scenes—a painting glimpsed in a gallery, a face in a concert hall—suggest that what the two women shared did not end; it was kept. A film about the female gaze could easily have become a thesis. This one is a love story first, and all the more persuasive for it.`,
  },
  {
    title: 'Aftersun review: a holiday, a camcorder and a father just out of reach',
    slug: 'aftersun-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['noor-haddad'],
    daysAgo: 88,
    contentNotes: ['Discussion of depression'],
    excerpt: 'Charlotte Wells’ debut is a film about a week in Turkey in the late 1990s, and about everything a child cannot see about the adults she loves.',
    seoDescription: 'Review of Aftersun, Charlotte Wells’ debut feature starring Paul Mescal and Frankie Corio, a devastating film about memory and fatherhood.',
    featureImage: {
      alt: 'A grainy, sun-bleached video still of a young father and his daughter lying on sun loungers by a hotel pool.',
      caption: 'Paul Mescal and Frankie Corio in Aftersun.',
      credit: 'Photo: MUBI',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Aftersun',
        year: 2022,
        slug: 'aftersun-2022',
        organization: 'MUBI',
        releaseDate: '2022-11-18',
        runtimeMinutes: 101,
        availability: [{ label: 'Streaming on MUBI' }, { label: 'Rent or buy on digital platforms' }],
        credits: [
          { name: 'Charlotte Wells', role: 'director' },
          { name: 'Charlotte Wells', role: 'screenwriter' },
          { name: 'Paul Mescal', role: 'cast', character: 'Calum' },
          { name: 'Frankie Corio', role: 'cast', character: 'Sophie' },
          { name: 'Celia Rowlson-Hall', role: 'cast', character: 'Adult Sophie' },
          { name: 'Gregory Oke', role: 'cinematographer' },
          { name: 'Oliver Coates', role: 'composer' },
        ],
      },
      rating: { value: 5, scale: 5 },
      verdict: 'A small film that grows in your memory long after it ends, exactly as its heroine’s holiday did.',
    },
    body: `The tape starts rolling. An eleven-year-old girl points a camcorder at her father and asks him what, at eleven, he imagined his life would look like now. He deflects. It is the late 1990s, they are at a cheap resort in Turkey, and this is the first of many questions in *Aftersun* that will hang in the warm air unresolved.

## Two people, one holiday

Sophie (Frankie Corio) lives with her mother in Scotland; her father Calum (Paul Mescal) is about to turn thirty-one. The week they spend together is ordinary in almost every respect: the pool, the buffet, a mud bath, a game of pool, a karaoke night. Charlotte Wells, making her first feature, films it with the patience of someone turning over a found photograph, looking for the detail she missed the first time.

What Sophie doesn’t see, and what we gradually do, is that Calum is struggling. He does tai chi on the balcony before dawn. He buys a carpet he cannot afford. He walks into the sea at night. Wells never explains, never diagnoses; she simply lets us watch a young man working very hard to give his daughter a good holiday while something in him comes apart.

## The adult in the frame

Interspersed with the holiday are flashes of the present: a grown-up Sophie (Celia Rowlson-Hall), now a parent herself, watching the old footage, and a strobe-lit dance floor where she seems to be searching for her father in the crowd. Set to a certain Queen and David Bowie song, the late dance-floor sequence is one of the most overwhelming things I have seen in a cinema.

> This is a film made entirely of the gaps in a child’s understanding—and of the adult trying, years later, to fill them.

Corio is a natural, watchful and funny, never cute. Mescal, in the role that rightly made his film career, is extraordinary in his restraint: the tenderness is all on the surface and the pain is all underneath, and he keeps them both visible at once.

## Handle with care

*Aftersun* is about depression without ever naming it, and its ending is left open in a way some viewers find unbearable. Be gentle with yourself if this is close to home. But it is also, unmistakably, a film about love—about a father who could not always be present and a daughter who decided, decades later, to go and look for him anyway.`,
  },
  {
    title: 'Anatomy of a Fall review: a marriage on trial',
    slug: 'anatomy-of-a-fall-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    featured: true,
    daysAgo: 2,
    excerpt: 'Justine Triet’s Palme d’Or winner is a courtroom drama in which the real defendant is the idea of the difficult woman. Sandra Hüller is magnificent.',
    seoDescription: 'Our review of Anatomy of a Fall, Justine Triet’s Palme d’Or-winning courtroom drama starring Sandra Hüller, Swann Arlaud and Milo Machado-Graner.',
    featureImage: {
      alt: 'A woman in a dark jumper sits very still in a wood-panelled French courtroom, her lawyer leaning in to whisper to her.',
      caption: 'Sandra Hüller and Swann Arlaud in Anatomy of a Fall.',
      credit: 'Photo: Le Pacte',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Anatomy of a Fall',
        year: 2023,
        slug: 'anatomy-of-a-fall-2023',
        organization: 'Le Pacte',
        releaseDate: '2023-08-23',
        runtimeMinutes: 151,
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Justine Triet', role: 'director' },
          { name: 'Justine Triet', role: 'screenwriter' },
          { name: 'Arthur Harari', role: 'screenwriter' },
          { name: 'Sandra Hüller', role: 'cast', character: 'Sandra Voyter' },
          { name: 'Swann Arlaud', role: 'cast', character: 'Vincent Renzi' },
          { name: 'Milo Machado-Graner', role: 'cast', character: 'Daniel Maleski' },
          { name: 'Antoine Reinartz', role: 'cast', character: 'The prosecutor' },
          { name: 'Samuel Theis', role: 'cast', character: 'Samuel Maleski' },
          { name: 'Simon Beaufils', role: 'cinematographer' },
        ],
      },
      rating: { value: 5, scale: 5 },
      verdict: 'Two and a half hours that feel like ninety minutes: a thriller about evidence that turns into a study of how we judge women.',
    },
    body: `A man is found dead in the snow below the attic window of a chalet near Grenoble. His wife, a German novelist named Sandra Voyter (Sandra Hüller), was the only adult at home. Their eleven-year-old son Daniel, who is visually impaired, was out walking the dog. Did Samuel fall, jump or was he pushed? Justine Triet’s film spends two and a half hours declining to tell you, and it is riveting.

## The trial of a personality

The procedural pleasures are considerable. Sandra’s old friend Vincent (Swann Arlaud) takes her case; the prosecutor (a sneering, brilliant Antoine Reinartz) builds his. Blood-spatter experts contradict each other, mannequins are thrown from windows, and a recording of a vicious marital row is played to the court and, for a few minutes, to us.

But the film’s real subject is the way a courtroom turns a life into a story, and how quickly that story reaches for familiar shapes. Sandra is bisexual, more successful than her husband, a novelist whose fiction is read aloud in court as if it were a confession, and speaks French as a second language. Every one of those facts becomes evidence. The prosecution is not trying to prove what happened at the chalet; it is trying to prove what kind of woman she is.

> The question the film keeps asking is not “Did she do it?” but “Would we believe her if she didn’t?”

## Hüller and the boy

Hüller gives one of the great performances of the decade. Sandra is guarded, witty, sometimes cold, and Hüller never asks for sympathy; she simply makes the character so specific that the question of guilt starts to feel almost beside the point. Watching her switch into English—the couple’s shared language, a neutral ground neither quite owned—is its own drama.

The film’s secret weapon is Milo Machado-Graner as Daniel, who must testify about his parents and realises, in a devastating late scene, that he will have to decide what he believes. Triet and her co-writer Arthur Harari give a child the burden the justice system cannot carry, and the film is honest about what that costs him.

## Verdict

Triet became only the third woman to win the Palme d’Or with this film, and it is easy to see why the jury was gripped. It is a legal thriller, a marriage story and an essay on doubt, and not one scene is wasted. See it, then argue about it all the way home.`,
  },
  {
    title: 'Women Talking review: deciding the future in a hayloft',
    slug: 'women-talking-review',
    format: 'review',
    tags: ['film', 'women-directors'],
    authors: ['rosa-delgado'],
    daysAgo: 101,
    contentNotes: ['Discussion of sexual violence'],
    excerpt: 'Sarah Polley’s adaptation of Miriam Toews’ novel is a film about a vote—and one of the most thoughtful films ever made about what women owe each other.',
    seoDescription: 'Review of Women Talking, Sarah Polley’s Oscar-winning adaptation of Miriam Toews’ novel, with Rooney Mara, Claire Foy, Jessie Buckley and Ben Whishaw.',
    featureImage: {
      alt: 'A group of women in plain, old-fashioned dresses sit on hay bales in a barn lit by slanting daylight, deep in discussion.',
      caption: 'The women of the colony gather in the hayloft.',
      credit: 'Photo: Orion Pictures',
    },
    review: {
      work: {
        type: 'movie',
        title: 'Women Talking',
        year: 2022,
        slug: 'women-talking-2022',
        organization: 'Orion Pictures / United Artists Releasing',
        releaseDate: '2022-12-23',
        runtimeMinutes: 104,
        availability: [{ label: 'Rent or buy on digital platforms' }, { label: 'On DVD and Blu-ray' }],
        credits: [
          { name: 'Sarah Polley', role: 'director' },
          { name: 'Sarah Polley', role: 'screenwriter' },
          { name: 'Miriam Toews', role: 'author' },
          { name: 'Rooney Mara', role: 'cast', character: 'Ona' },
          { name: 'Claire Foy', role: 'cast', character: 'Salome' },
          { name: 'Jessie Buckley', role: 'cast', character: 'Mariche' },
          { name: 'Judith Ivey', role: 'cast', character: 'Agata' },
          { name: 'Sheila McCarthy', role: 'cast', character: 'Greta' },
          { name: 'Ben Whishaw', role: 'cast', character: 'August' },
          { name: 'Frances McDormand', role: 'cast', character: 'Scarface Janz' },
          { name: 'Luc Montpellier', role: 'cinematographer' },
          { name: 'Hildur Guðnadóttir', role: 'composer' },
        ],
      },
      rating: { value: 4, scale: 5 },
      verdict: 'A film of ideas that never forgets the bodies those ideas belong to.',
    },
    body: `The premise is stark. In an isolated religious colony, women have for years been waking up bruised and bleeding, told by the elders that it was the work of ghosts or Satan, or their own wild imaginations. The truth—that men in the community were drugging and assaulting them—has finally come out. While the men are away in town, the women gather in a hayloft to decide what to do. Stay and do nothing. Stay and fight. Or leave.

That is the whole film: a debate, over roughly two days, between women who cannot read or write and have never been asked their opinion about anything. Sarah Polley, adapting Miriam Toews’ novel, makes it gripping.

## An ensemble in argument

Polley’s cast is superb, and the script gives each woman her own logic. Claire Foy’s Salome is incandescent with rage and ready to kill to protect her children. Jessie Buckley’s Mariche, whose own husband is violent, argues bitterly for staying because she cannot imagine any other life being allowed. Rooney Mara’s Ona, pregnant as a result of an attack, is the group’s philosopher, imagining a colony in which things might be different. Judith Ivey and Sheila McCarthy, as the elders, bring humour and a hard-won steadiness.

The one man present is August (Ben Whishaw), a gentle schoolteacher asked to take the minutes because none of the women were taught to write. It is a quietly devastating device: the only record of the most important conversation of their lives must be written by someone else’s hand.

> What the film understands is that forgiveness, faith and safety are not abstractions for these women. They are practical questions with a deadline.

## Colour drained, ideas vivid

Luc Montpellier’s cinematography is famously desaturated, almost sepia, and the choice divides people; I found it apt, a world with the colour leached out of it. Hildur Guðnadóttir’s score, sparing and string-led, gives the debate a tidal pull.

Not everything works. A couple of the big speeches feel written rather than spoken, and the film occasionally tips from drama into seminar. But the final act, in which a decision is made and carried out, is as stirring as anything in recent cinema. Polley won an Oscar for the screenplay, deservedly. This is a film about women deciding, together, that they are allowed to decide.`,
  },
];

// ---------------------------------------------------------------------------
// Television, books, music and theatre reviews
// ---------------------------------------------------------------------------

const otherReviews: Post[] = [
  {
    title: 'Hacks review: the best double act on television',
    slug: 'hacks-review',
    format: 'review',
    tags: ['television', 'work'],
    authors: ['noor-haddad'],
    daysAgo: 15,
    excerpt: 'A veteran comic and a cancelled twenty-something writer: Hacks turned a generational culture war into the most satisfying working relationship on TV.',
    seoDescription: 'Review of Hacks, the comedy starring Jean Smart and Hannah Einbinder, created by Lucia Aniello, Paul W. Downs and Jen Statsky.',
    featureImage: {
      alt: 'An older woman in a sequinned jacket and a younger woman in a hoodie sit side by side in a glittering Las Vegas dressing room, not looking at each other.',
      caption: 'Jean Smart and Hannah Einbinder in Hacks.',
      credit: 'Photo: HBO Max',
    },
    review: {
      work: {
        type: 'tv_series',
        title: 'Hacks',
        year: 2021,
        slug: 'hacks',
        organization: 'HBO Max',
        releaseDate: '2021-05-13',
        availability: [{ label: 'Streaming on HBO Max' }],
        credits: [
          { name: 'Lucia Aniello', role: 'creator' },
          { name: 'Paul W. Downs', role: 'creator' },
          { name: 'Jen Statsky', role: 'creator' },
          { name: 'Jean Smart', role: 'cast', character: 'Deborah Vance' },
          { name: 'Hannah Einbinder', role: 'cast', character: 'Ava Daniels' },
          { name: 'Carl Clemons-Hopkins', role: 'cast', character: 'Marcus' },
          { name: 'Paul W. Downs', role: 'cast', character: 'Jimmy LuSaque Jr.' },
          { name: 'Megan Stalter', role: 'cast', character: 'Kayla Schaefer' },
        ],
      },
      rating: { value: 4.5, scale: 5 },
      verdict: 'A workplace comedy about two women who cannot stand each other and cannot work without each other.',
    },
    body: `Most television about ambitious women treats ambition as a problem to be solved by the final episode: she learns to slow down, to prioritise family, to let someone else win. *Hacks* has never been interested in that lesson. Its two heroines want more, always, and the show loves them for it.

## The set-up

Deborah Vance (Jean Smart) is a stand-up legend with a long Las Vegas residency, a mansion full of staff and an act that has gone comfortably stale. Ava Daniels (Hannah Einbinder) is a young comedy writer whose career has just imploded over a bad-taste tweet. Their shared manager, the hapless Jimmy (co-creator Paul W. Downs), sends Ava to Vegas to freshen up Deborah’s material. Neither woman wants this. Both need it.

The first season plays their mutual contempt for excellent jokes—Deborah sneering at Ava’s earnestness, Ava horrified by Deborah’s wardrobe and politics—and then, gradually, reveals what they share: a total, almost monastic devotion to the work of being funny.

## Why it works

Smart is magnificent. Deborah has the armour of a woman who came up in a business that told her at every turn she was too old, too loud, too much, and the show lets us see exactly what the armour cost her. Einbinder, a stand-up herself, matches her beat for beat, making Ava both infuriating and unexpectedly tender.

> At its heart, Hacks is a love story about mentorship—the messy, competitive, occasionally cruel kind that women in male-dominated industries rarely get to see on screen.

The supporting cast is a joy, especially Megan Stalter as Kayla, Jimmy’s chaotic assistant, and Carl Clemons-Hopkins as Marcus, the chief operating officer of Deborah’s empire who has quietly sacrificed his own life to it.

## Growing pains

Across its seasons the show has left Las Vegas for the road and then the bright lights of late-night television, and not every move has been equally graceful. Some storylines about Deborah’s family feel underpowered, and the show occasionally falls for its own glamour. But when Smart and Einbinder are alone in a room, trading insults and then, grudgingly, ideas, there is nothing better on television.

If you have ever had a boss you hated, admired and wanted to impress all at once, *Hacks* will feel uncomfortably familiar. It is also very, very funny.`,
  },
  {
    title: 'Orbital by Samantha Harvey review: one day, sixteen sunrises',
    slug: 'orbital-samantha-harvey-review',
    format: 'review',
    tags: ['books', 'climate'],
    authors: ['priya-raman'],
    daysAgo: 33,
    excerpt: 'Samantha Harvey’s Booker-winning novel follows six astronauts through a single day on the International Space Station. It is short, strange and enormous.',
    seoDescription: 'Review of Orbital by Samantha Harvey, the slim, luminous 2024 Booker Prize winner set aboard the International Space Station.',
    featureImage: {
      alt: 'A paperback novel lies open on a windowsill at dusk, the curve of a blue-lit globe on the cover.',
      credit: 'Photo: Halcyon',
    },
    review: {
      work: {
        type: 'book',
        title: 'Orbital',
        year: 2023,
        slug: 'orbital-samantha-harvey',
        organization: 'Jonathan Cape',
        availability: [{ label: 'From independent bookshops' }, { label: 'Ebook and audiobook' }],
        credits: [{ name: 'Samantha Harvey', role: 'author' }],
      },
      rating: { value: 4.5, scale: 5 },
      verdict: 'A slim book that makes you look at the planet as if for the first time, and then at your own life.',
    },
    body: `Nothing much happens in *Orbital*, and almost everything does. Six astronauts—two Russian, one American, one Italian, one Japanese and one British—spend a single day aboard the International Space Station. They exercise, eat, run experiments on mice and on their own bodies, sleep in their cramped pods and, above all, look down. In those twenty-four hours they circle the Earth sixteen times. Samantha Harvey gives us each orbit as a kind of movement in a piece of music.

## Plot, of a sort

There are threads. Chie, the Japanese astronaut, has just learned that her mother has died, and must grieve at an altitude where there is no funeral to attend and no one to hold. A typhoon is building over the Pacific, and the crew watch it swell with a helplessness that becomes the book’s quiet moral centre. Elsewhere, another crew is on its way to the Moon, and the old dream of going further hangs over everyone.

But this is not a novel that runs on events. It runs on attention. Harvey’s sentences describe the planet in long, looping passages—the lights of cities at night, the brown folds of deserts, the marbled white of weather systems—that read like prose poems and make you slightly dizzy.

## The view from above

What moved me most is how *Orbital* handles the climate crisis without ever lecturing. From the station you cannot see borders, only burning forests and shrinking ice and the great, thin skin of atmosphere. The astronauts, trained to be practical, find themselves overwhelmed by tenderness for a world they can only watch.

> Harvey makes the planet feel like a body: fragile, beautiful and not ours to spend.

## Reservations

Some readers will find it too static, and there are passages where the lyricism tips into repetition. The characters are sketched rather than fully drawn; we know them mostly through what they notice. But that is partly the point. Up there, the self gets smaller.

*Orbital* won the Booker Prize in 2024, and for once the prize went to a book that genuinely feels like nothing else. Read it in one sitting, ideally somewhere with a view of the sky. Then go outside.`,
  },
  {
    title: 'Women Talking by Miriam Toews review: the minutes of a revolution',
    slug: 'women-talking-miriam-toews-review',
    format: 'review',
    tags: ['books'],
    authors: ['priya-raman'],
    daysAgo: 100,
    contentNotes: ['Discussion of sexual violence'],
    excerpt: 'Before it was an Oscar-winning film, Miriam Toews’ novel was a strange, funny and furious book narrated by the one man in the room.',
    seoDescription: 'Review of Women Talking by Miriam Toews, the 2018 novel about women in an isolated Mennonite colony deciding their future.',
    featureImage: {
      alt: 'A handwritten notebook and a stub of pencil rest on a bale of straw in a dim barn.',
      credit: 'Photo: Halcyon',
    },
    review: {
      work: {
        type: 'book',
        title: 'Women Talking',
        year: 2018,
        slug: 'women-talking-novel',
        availability: [{ label: 'From independent bookshops' }, { label: 'Ebook and audiobook' }],
        credits: [{ name: 'Miriam Toews', role: 'author' }],
      },
      verdict: 'A novel of ideas with a pulse, and a reminder that a book can be angry and tender at once.',
    },
    body: `If you have seen Sarah Polley’s film, you will know the shape of this story: in a remote Mennonite colony, women who have been drugged and attacked in their sleep for years meet in a hayloft to decide whether to do nothing, stay and fight, or leave. What you may not know is how odd, and how funny, Miriam Toews’ original novel is.

## A man takes the minutes

The book is narrated entirely by August Epp, a schoolteacher who has returned to the colony after years away and who is asked to record the women’s meetings because none of them has been taught to read or write. He is anxious, bookish, prone to digressions, and in love with one of the women, Ona. His notes are our only access to the conversation, which means the women’s voices reach us through a man’s hand—a device Toews uses to pointed, sometimes heartbreaking effect.

August is not a hero. He is a listener, and often a clumsy one. His efforts to add context, to interpret, to make the women’s arguments tidier than they are, become part of the book’s critique. The women keep correcting him.

## Philosophy in a barn

The meetings themselves are extraordinary. Women who have been denied any education argue about forgiveness, faith, pacifism and what they owe their sons with the rigour of a philosophy seminar and the jokes of a kitchen. Toews, who grew up in a Mennonite community in Manitoba, writes about this world with neither nostalgia nor contempt. The faith is real; so is the violence done in its name.

> The question is never simply whether to leave. It is how to remain the people they want to be while doing it.

## Reading it now

The book was inspired by real crimes in a colony in Bolivia, and Toews does not soften them, though the assaults themselves happen off the page. It is not an easy read, but it is a surprisingly buoyant one, full of laughter and small acts of care.

I have not given this a star rating, because it feels like the wrong kind of book to score. Read it, then watch the film, and notice what each chose to keep. The novel is messier and stranger, and it belongs, just as its heroines insist, to the women doing the talking.`,
  },
  {
    title: 'Charli XCX, Brat review: the party album that keeps crying in the toilets',
    slug: 'charli-xcx-brat-review',
    format: 'review',
    tags: ['music'],
    authors: ['tamsin-oyelaran'],
    daysAgo: 59,
    excerpt: 'Under the lime-green cover and the club bangers is the most candid record about envy, ambition and female friendship in years. We look back at Brat.',
    seoDescription: 'Looking back at Brat, Charli XCX’s 2024 album: club music about insecurity, envy, grief and the women she measures herself against.',
    featureImage: {
      alt: 'A crowd dances under green strobe lights in a low-ceilinged club, one woman in the foreground mid-shout, arms raised.',
      caption: 'Brat made a whole summer turn green.',
      credit: 'Photo: Halcyon',
    },
    review: {
      work: {
        type: 'music_album',
        title: 'Brat',
        year: 2024,
        slug: 'charli-xcx-brat',
        organization: 'Atlantic Records',
        releaseDate: '2024-06-07',
        availability: [{ label: 'On all major streaming services' }, { label: 'On vinyl and CD' }],
        credits: [
          { name: 'Charli XCX', role: 'performer' },
          { name: 'A. G. Cook', role: 'producer' },
        ],
      },
      rating: { value: 4.5, scale: 5 },
      verdict: 'A club record with its heart on its sleeve and its mascara running.',
    },
    body: `The cover was the joke and the manifesto: a flat slab of sickly lime green with the word *brat* in a blurry, lower-case font, as if designed in a hurry on a laptop at 4am. It looked like nothing. By the end of 2024 it was everywhere, on campaign memes, nail salons and shop windows. Two years on, the colour has faded from the culture. The album hasn’t.

## Bangers, then confessions

On first listen *Brat* is a party. The opener, “360”, is a sneering victory lap over a gleaming, minimal beat; “Von dutch” is pure, abrasive swagger; “Club classics” imagines a night where the DJ plays only her songs and her friends’. Longtime collaborator A. G. Cook and the album’s other producers keep the sound hard and glossy, rooted in the sweaty, strobe-lit rave culture Charli has been circling for a decade.

But listen again and the record keeps slipping into the toilets to cry. “Sympathy is a knife” is a frank, painful song about feeling inadequate next to another woman in the industry. “I think about it all the time” wonders, with unusual plainness for pop, about whether to have children, after seeing a friend become a parent. “Girl, so confusing” is a song about a friendship—or rivalry—between two female artists that manages to be petty and affectionate at once.

> Few pop stars at her level have been this honest about envy, the least glamorous feeling a woman can admit to.

## Grief on the dancefloor

The album’s emotional peak is “So I”, a tribute to the late producer SOPHIE, Charli’s friend and collaborator. It is grief rendered in the language they shared—glitchy, bright, almost too much—and it is devastating precisely because it refuses to slow down.

## Still ringing

Not every track lands. A couple of the mid-album songs feel like demos of better ideas, and the brattiness can tip into self-parody. But *Brat* remains the rare blockbuster album that trusts its listeners with contradiction: that you can be ambitious and insecure, cruel and kind, the life of the party and desperate to leave it. For a genre that still prefers its women either triumphant or broken, that is a quiet revolution—played, naturally, very loud.`,
  },
  {
    title: 'Wren Calloway at the Barrowland Ballroom review: a whole room singing back',
    slug: 'wren-calloway-barrowland-review',
    format: 'review',
    tags: ['music'],
    authors: ['tamsin-oyelaran'],
    daysAgo: 12,
    excerpt: 'The Glasgow songwriter brought her kitchen-sink folk-pop home to the city’s most beloved venue, and the crowd knew every word.',
    featureImage: {
      alt: 'A singer with a cropped haircut and a battered acoustic guitar stands at the lip of a stage, the audience’s phone lights glowing in front of her.',
      caption: 'Wren Calloway on stage in Glasgow.',
      credit: 'Photo: Halcyon / Marisa Cho',
    },
    review: {
      work: {
        type: 'concert',
        title: 'Wren Calloway: the Kitchen Light tour',
        year: 2026,
        slug: 'wren-calloway-kitchen-light-tour-glasgow',
        organization: 'Barrowland Ballroom, Glasgow',
        credits: [{ name: 'Wren Calloway', role: 'performer' }],
      },
      verdict: 'A homecoming show that felt less like a gig than a very loud family gathering.',
    },
    body: `About halfway through her set, Wren Calloway stopped between songs, looked out at a sold-out Barrowland and said she used to queue outside this building as a teenager, hoping someone would drop a ticket. Then she played “Bus Fare”, a song about exactly that, and roughly two thousand people sang it back to her so loudly that she gave up and just listened.

## Songs about small things

Calloway’s second album, *Kitchen Light*, is a record about the domestic: rented flats, mothers on the phone, the friend who always stays too late. On record the songs are hushed and intimate. Live, with a five-piece band including two backing vocalists and a brass section borrowed from a local community band, they become something else entirely—communal, defiant, occasionally raucous.

The opener, “Landlord Hymn”, built from a single guitar figure into a wall of horns and handclaps, set the tone. “Twenty Minutes”, her ode to the brief window between putting a child to bed and falling asleep yourself, got the biggest cheer of the night from a crowd that skewed noticeably towards tired-looking women in their thirties. (Several of them, in the queue afterwards, admitted they had booked babysitters months ago.)

> What Calloway does better than almost anyone is make the ordinary sound worth singing about.

## The quiet middle

The set sagged slightly in the middle, when a run of new, slower songs tested the patience of a room that wanted to dance. But even here there were moments of real beauty: a solo version of “Thursday Wash”, played with only a harmonium, drew a silence so complete you could hear the bar staff tiptoeing.

## A proper encore

She came back alone for the encore, joked about her mother being in the balcony, and dedicated the last song to “every woman who has ever carried the shopping home in the rain”. Then the band returned for a rowdy, brass-heavy finale that spilled over the agreed curfew and nobody minded.

I have seen Calloway play to thirty people in a pub back room. Watching her fill this famous old hall, with its neon sign glowing outside on the Gallowgate, felt like watching a secret being told to everyone at once. It is a secret worth sharing.`,
  },
  {
    title: 'The Night Shift review: a care home comedy with its sleeves rolled up',
    slug: 'the-night-shift-review',
    format: 'review',
    tags: ['culture', 'work'],
    authors: ['rosa-delgado'],
    daysAgo: 24,
    excerpt: 'Hester Vane’s new play follows three care workers through one long night. It is hilarious, furious and the most honest thing on stage about who looks after us.',
    seoDescription: 'Review of The Night Shift by Hester Vane at the Tidemark Theatre, Bristol: a funny, angry new play about care workers.',
    featureImage: {
      alt: 'Three women in blue tunics share a flask of tea at a cramped staff-room table under a humming fluorescent light.',
      caption: 'Bea Linton, Samira Oduya and Fran Mulvey in The Night Shift.',
      credit: 'Photo: Tidemark Theatre / Joss Avery',
    },
    review: {
      work: {
        type: 'theatre',
        title: 'The Night Shift',
        year: 2026,
        slug: 'the-night-shift-tidemark',
        organization: 'Tidemark Theatre, Bristol',
        availability: [{ label: 'Booking until the end of the month' }],
        credits: [
          { name: 'Hester Vane', role: 'author' },
          { name: 'Ruth Amadi', role: 'director' },
          { name: 'Bea Linton', role: 'cast', character: 'Carol' },
          { name: 'Samira Oduya', role: 'cast', character: 'Jade' },
          { name: 'Fran Mulvey', role: 'cast', character: 'Denise' },
        ],
      },
      rating: { value: 4, scale: 5 },
      verdict: 'Funny, angry and deeply kind: a play that gives care workers the spotlight they never get.',
    },
    body: `It is ten at night at Rosemount, a residential home somewhere on the edge of a city, and three women are starting a twelve-hour shift. Carol (Bea Linton) has been doing this for twenty-six years and has the knees to prove it. Denise (Fran Mulvey) is counting down to retirement and counting every penny. Jade (Samira Oduya) is nineteen, on her second week and already doing the work of two people. Over the next two hours, in real time give or take a few jumps, Hester Vane’s play takes us through the night with them.

## Laughing in the staff room

The first thing to say is that *The Night Shift* is very funny. Vane has a superb ear for the gallows humour of people doing hard, undervalued work: the running jokes about the broken hoist, the manager who only communicates by laminated sign, the resident who insists on being addressed as “Commander”. Linton’s Carol delivers lines like a stand-up who has seen everything twice, and Mulvey’s deadpan is a joy.

## Then the bell rings

The comedy is a trap, in the best sense. As the night goes on, the call bells become more frequent, a resident falls, an agency worker fails to turn up and the three of them are left covering a floor meant for five. Ruth Amadi’s direction, on a simple set of corridors and doors that slide across the stage, makes the building feel both claustrophobic and endless.

> The play never forgets that the residents are people too, and that what they need is exactly what the system refuses to pay for: time.

There is a scene in the second half, between Jade and a resident with dementia who believes she is her daughter, that had half the audience in tears. Oduya plays it with enormous delicacy; it is the moment Jade decides, against all the evidence, to stay in the job.

## Minor quibbles

A subplot about a corporate takeover of the home is a touch schematic, and one late speech about wages tips into a lecture, however justified. But these are small complaints about a play that does something British theatre rarely manages: it puts working women at the centre of the stage and lets them be funny, furious and brilliant at their jobs all at once. Go, and take someone who thinks care is unskilled work.`,
  },
];

// ---------------------------------------------------------------------------
// Interviews (the interviewees are fictional)
// ---------------------------------------------------------------------------

const interviews: Post[] = [
  {
    title: '“I light faces, not bodies”: cinematographer Maren Solberg on the female gaze',
    slug: 'maren-solberg-cinematographer-interview',
    format: 'interview',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    people: [{ name: 'Maren Solberg', role: 'interviewee' }],
    daysAgo: 19,
    excerpt: 'The Norwegian-born director of photography behind Low Water talks natural light, nude scenes and why the camera crew is still a boys’ club.',
    featureImage: {
      alt: 'A woman with a grey plait crouches beside a large cinema camera on a muddy riverbank, squinting at the sky.',
      caption: 'Maren Solberg on location for Low Water.',
      credit: 'Photo: Halcyon / Ines Farrow',
    },
    body: `Maren Solberg has spent twenty years behind the camera, first as a focus puller on commercials and now as one of the most sought-after cinematographers in European independent film. Her latest, *Low Water*, a drama about three sisters clearing out their late father’s houseboat, opens this month. We met in a café near her London flat, where she spent the first five minutes rearranging the chairs so that neither of us was sitting against the window. “Terrible light,” she said. “Occupational hazard.”

**People describe your work as having a “female gaze”. Do you recognise that?**

I recognise the question more than the answer. What I try to do is light people as if they are thinking, not as if they are being looked at. Those are very different jobs. A lot of cinema lights women as objects in a room. I would rather light the room from the point of view of the woman.

**What does that mean practically?**

Faces before bodies. I rarely shoot a woman from above, because it makes her smaller. I am careful with close-ups during intimate scenes; I ask the actors where they want the camera, and often the answer is further away than a male director expects. And I try to give older women the same care I give the young ones. Nobody needs to be smoothed into plastic.

**Low Water is shot almost entirely on a boat. How was that?**

Damp! We had a tiny crew, everybody squeezed into spaces built for two people. But that closeness is in the film. You can feel how little room those sisters have to avoid each other.

**You’ve talked before about being the only woman on set.**

Less than when I started, but still too often. The camera department is where it is slowest to change—the heavy kit, the long hours, the culture of the grips’ truck. I try to hire women as my focus pullers and loaders, because that is where the ladder starts. If nobody gives you the first job, you never get the tenth.

**What advice would you give a young woman who wants to do what you do?**

Carry things. I mean that literally. Learn every piece of equipment until nobody can tell you that you don’t understand it. And find the other women on set on the first day. You will need each other by week three.

*Low Water is in cinemas from Friday.*`,
  },
  {
    title: 'Kezia Bramwell: “I wanted to write a mother who doesn’t apologise”',
    slug: 'kezia-bramwell-interview',
    format: 'interview',
    tags: ['books', 'debut-novels'],
    authors: ['priya-raman'],
    people: [{ name: 'Kezia Bramwell', role: 'interviewee' }],
    daysAgo: 38,
    excerpt: 'The author of The Salt Year, this season’s most talked-about debut, on single motherhood, the Norfolk coast and why she nearly gave up writing.',
    featureImage: {
      alt: 'A woman in a heavy knitted jumper stands on a shingle beach under a low winter sky, holding a hardback book against her chest.',
      caption: 'Kezia Bramwell near her home on the Norfolk coast.',
      credit: 'Photo: Halcyon / Tom Reyes',
    },
    body: `Kezia Bramwell wrote most of her debut novel, *The Salt Year*, in the forty minutes between dropping her son at nursery and starting her shift at a garden centre. The book, about a single mother who moves to a half-abandoned seaside town and refuses, with great comic stubbornness, to be rescued by anyone, has become the word-of-mouth hit of the season. We spoke by phone while she walked along the sea wall.

**Where did the book start?**

With a sentence I overheard in a doctor’s waiting room. A woman said to her friend, “I’m not struggling, I’m just tired,” and the friend said, “That’s what struggling is, love.” I wrote it on the back of a receipt. Everything grew from that.

**Your heroine, Dell, is difficult. She turns down help, she’s rude to the vicar, she lets her son eat cereal for dinner.**

I wanted to write a mother who doesn’t apologise. Not a bad mother—she adores that boy—but one who isn’t performing motherhood for an audience. So much fiction about single mothers is either tragedy or redemption. Dell is neither. She is just getting on with it, badly and brilliantly.

**The town is almost a character in itself.**

It is based on a few places along this coast: the amusement arcades shut for winter, the chip shop that doubles as the post office, the houses slowly slipping towards the sea. Coastal erosion is real here. I wanted the town to be losing ground at the same rate as Dell, and for them both to refuse to go quietly.

**You’ve said you nearly stopped writing.**

Twice. Once after my son was born, when I couldn’t imagine having a thought that wasn’t about sleep. And once when my first manuscript was rejected by, I think, thirty-one agents. What kept me going was a writing group at the library—six women, every other Tuesday, biscuits compulsory. They read every draft. The book is dedicated to them.

**What’s next?**

Another novel, set in the same town, from the point of view of the woman who runs the arcade. She has a lot to say. And I’ve gone down to four days at the garden centre, which feels like the height of luxury.

*The Salt Year is out now in hardback.*`,
  },
  {
    title: '“Care is skilled work. We just made them admit it”: an interview with organiser Dee Fennimore',
    slug: 'dee-fennimore-union-organiser-interview',
    format: 'interview',
    tags: ['politics', 'work'],
    authors: ['ellis-kowalczyk'],
    people: [{ name: 'Dee Fennimore', role: 'interviewee' }],
    featured: true,
    daysAgo: 5,
    excerpt: 'Dee Fennimore spent eight months organising home care workers in Ashcombe, most of whom had never met each other. Here is how they won.',
    seoDescription: 'Interview with union organiser Dee Fennimore on how Ashcombe’s home care workers organised and won a living-wage deal.',
    featureImage: {
      alt: 'A woman in her fifties with a lanyard and a clipboard stands at a bus stop at dawn, talking animatedly to two women in care-worker uniforms.',
      caption: 'Dee Fennimore at the 6am bus stop where much of the organising happened.',
      credit: 'Photo: Halcyon / Priti Shah',
    },
    body: `Home care workers are among the hardest people in Britain to organise. They work alone, travel between clients in their own cars or on buses, are often paid only for the minutes spent in someone’s home and rarely meet their colleagues. Last month, around three hundred of them in the town of Ashcombe won a deal that guarantees a living wage, paid travel time and a minimum of fifteen minutes between visits. The woman who helped make it happen, Dee Fennimore, is a former care worker herself. We met in the community centre where the campaign held its meetings.

**Where do you even start, when the workforce never meets?**

The bus stop. Honestly. There is a stop on the ring road where a dozen carers wait every morning at six for the first bus out to the villages. I started standing there with a flask and a bag of pastries. For the first fortnight I didn’t mention the union once. I just asked how their week was.

**What were people angriest about?**

Travel time, by a mile. They would do eight calls in a day, spend two and a half hours getting between them, and be paid for none of it. Some of them worked out that their real hourly rate was below the minimum wage. Once one woman did that sum on the back of a timesheet, everyone wanted to do theirs.

**How did you turn anger into organisation?**

A group chat, then a meeting, then a bigger meeting. We mapped every worker by round, so each route had a rep who could talk to people on it. We collected timesheets, hundreds of them, and turned them into evidence. And we talked to families—the sons and daughters of the people being cared for—because they hate the fifteen-minute visits as much as the workers do.

**Was there a moment you thought it would fail?**

In month five, the agency offered a one-off bonus to anyone who signed a new contract. It was clever; people are skint. We lost a few. But most of them came to the next meeting and said, “A bonus is one month. We want every month.”

> What won it was the families standing next to the workers. The council could ignore us. It couldn’t ignore its own voters’ mothers.

**What should other towns learn from Ashcombe?**

That care workers are not too busy or too isolated to organise. They are organised already—they keep each other going with voice notes and lifts and covering shifts. A union just gives that a name. Care is skilled work. We just made them admit it.

*Read our [news report on the Ashcombe deal](/ashcombe-care-workers-living-wage-deal/).*`,
  },
  {
    title: 'Wren Calloway: “Every song I write is set in a kitchen”',
    slug: 'wren-calloway-interview',
    format: 'interview',
    tags: ['music'],
    authors: ['tamsin-oyelaran'],
    people: [{ name: 'Wren Calloway', role: 'interviewee' }],
    daysAgo: 26,
    excerpt: 'Before her homecoming show in Glasgow, the songwriter talks about domestic pop, touring with a toddler and the brass band that changed her sound.',
    featureImage: {
      alt: 'A woman sits on a worktop in a small, cluttered kitchen, an acoustic guitar across her knees and a child’s drawing taped to the fridge behind her.',
      caption: 'Wren Calloway at home in the south side of Glasgow.',
      credit: 'Photo: Halcyon / Marisa Cho',
    },
    body: `Wren Calloway answers the door with a toddler on her hip and a tea towel over her shoulder, which, as she points out, is on brand. Her second album, *Kitchen Light*, is a collection of songs about rented flats, family phone calls and the unglamorous business of keeping a household running, and it has quietly become one of the most loved records of the year. We talked at her kitchen table, naturally.

**Why the kitchen?**

Because it’s where everything happens. Every important conversation in my family took place over a sink. My gran did her crying at the cooker so nobody would notice. I realised at some point that every song I write is set in a kitchen, even when I think it isn’t.

**Domestic life isn’t the usual subject for pop music.**

It’s not the usual subject for anything that gets taken seriously. A man writes about driving down a highway and it’s about freedom; a woman writes about hanging out the washing and it’s “small”. But the washing is where the freedom gets negotiated, isn’t it? Who does it, who notices it, who has time to write a song because someone else did it.

**The new record has a brass section. Where did that come from?**

From the community band that practises in the church hall round the corner. I could hear them through the wall on Wednesday nights, mostly retired miners and schoolkids, and I just went in one week and asked. Four of them play on the album and two come on tour when they can get the time off.

**What’s touring like with a small child?**

Chaotic. My partner comes, my mum comes for the Scottish dates, and we’ve a rule that the van stops at every playground. Venues are getting better—a few have given us a proper room instead of a corridor—but the industry still assumes that a musician is a man with no responsibilities. I want to help change that, even just by being visibly knackered on stage.

**You’re playing the Barrowland. What does that mean to you?**

Everything. I used to stand outside that neon sign hoping someone would have a spare. My mum’s coming. I’ll probably cry during the second song and blame the lights.

*Kitchen Light is out now.*`,
  },
  {
    title: '“Nobody on that stage is a saint”: Hester Vane and Ruth Amadi on The Night Shift',
    slug: 'hester-vane-ruth-amadi-night-shift-interview',
    format: 'interview',
    tags: ['culture', 'work'],
    authors: ['ellis-kowalczyk'],
    people: [
      { name: 'Hester Vane', role: 'interviewee' },
      { name: 'Ruth Amadi', role: 'interviewee' },
    ],
    daysAgo: 10,
    excerpt: 'The playwright spent six years working nights in a care home; the director had never set foot in one. Together they made the funniest, angriest play in Bristol.',
    seoDescription: 'Interview with playwright Hester Vane and director Ruth Amadi about The Night Shift, their comedy about care workers at the Tidemark Theatre.',
    featureImage: {
      alt: 'Two women sit on the edge of an empty stage set of corridors and sliding doors, one holding a marked-up script, the other a mug of tea.',
      caption: 'Hester Vane and Ruth Amadi on the set of The Night Shift.',
      credit: 'Photo: Halcyon / Joss Avery',
    },
    body: `Before she wrote plays, Hester Vane worked nights at a care home on the outskirts of Bristol for six years, mostly to pay for the days she spent writing. *The Night Shift*, her comedy about three care workers getting through twelve hours on a floor meant for five, has now sold out most of its run at the Tidemark Theatre. Its director, Ruth Amadi, had never been inside a care home until she read the script. We met them both in the theatre bar an hour before curtain up, where Vane ordered a pot of tea “strong enough to lift a resident”.

**Hester, how much of the play happened?**

**Vane:** All of it and none of it. Nobody in the play is a real person, but every joke is one I heard at three in the morning. The broken hoist, the laminated signs, the man who wanted to be called Commander. Care workers are the funniest people I know. You have to be, or you would weep in the sluice room.

**Ruth, what did you do when the script arrived?**

**Amadi:** I rang Hester and asked whether I could spend some nights on a floor. She found a home that said yes. I did four shifts as a volunteer, making tea and folding laundry, and I came back with a notebook full of what I had got wrong in my head. I had imagined it would be quiet. It is never quiet. The call bells ring like a song you cannot switch off.

**The play is very funny and then, quite suddenly, it is not.**

**Vane:** That is what the job is like. You are laughing about the biscuit rota and then somebody falls. I wanted the audience to feel that drop in their stomach, the way we did. And I wanted them to notice that the women coping with it are paid less than the people stacking shelves across the road.

**Amadi:** We worked hard on the timing of that turn. If the laughter stops too early, people feel lectured. If it stops too late, they feel tricked. We moved it by about four minutes during previews.

**Some critics say the wages speech tips into a lecture.**

**Vane:** Some nights it does! I have made my peace with that. If one person goes home and asks what the woman who looks after their dad is paid, I will take a slightly preachy ninety seconds.

**Who comes to see it?**

**Amadi:** A lot of carers, which is the part I am proudest of. We set aside cheap tickets for care and health workers, and they laugh in different places from everyone else: at the jokes only they would understand. One night a woman stood up at the curtain call and shouted, “That’s my Tuesday!”

**Nobody in the play is a saint, though.**

**Vane:** No, and I would not want them to be. Saints do not get pay rises. Calling care workers angels is a way of not paying them. I wanted three women who are skilled, tired, sometimes petty, often brilliant. That is a workforce, not a halo.

*The Night Shift is at the Tidemark Theatre, Bristol. Read our [review](/the-night-shift-review/).*`,
  },
  {
    title: 'Saving the seeds: Aoife Breen and the library that lends out vegetables',
    slug: 'aoife-breen-seed-library-interview',
    format: 'interview',
    tags: ['life', 'climate'],
    authors: ['clem-fairweather'],
    people: [{ name: 'Aoife Breen', role: 'interviewee' }],
    daysAgo: 64,
    excerpt: 'In a former bank in a Pennine town, a retired science teacher runs a library where you borrow seeds, grow them and bring back more than you took.',
    featureImage: {
      alt: 'Rows of small brown paper envelopes, hand-labelled with vegetable names, fill the wooden drawers of an old card-index cabinet.',
      caption: 'The card catalogue at the Hebble Bridge Seed Library.',
      credit: 'Photo: Halcyon / Clem Fairweather',
    },
    body: `The Hebble Bridge Seed Library occupies the front room of what used to be a bank, which Aoife Breen finds very funny. “It’s still a place where you make a deposit,” she says, pulling open a drawer of an old library card cabinet. Inside are hundreds of envelopes, each labelled in careful handwriting: climbing beans, kale, a local tomato variety someone’s grandfather brought back from Italy. The idea is simple. Members borrow seeds in spring, grow them, let a few plants go to seed, and return a share of the harvest in autumn.

**How did this start?**

I retired from teaching biology and found myself with a shed full of seeds and no one to give them to. I put a box on the wall outside with a sign saying “Take some, bring some back.” Within a month there were more seeds in it than when I started. That felt like a sign.

**Why does it matter where seeds come from?**

Because a seed saved in a place has learned that place. If you grow a bean here, in this wet valley, for ten years and save the seed from the plants that did best, you end up with a bean that likes Hebble Bridge. Commercial seed is bred to do well everywhere on average, which means it’s not especially good anywhere. With the weather getting stranger every year, we need plants with local knowledge.

**Most of your volunteers are women. Why do you think that is?**

Partly because seed-saving has always been women’s work, in most of the world. It’s the kitchen end of farming—knowing which plant tasted best, which one fed the family through a hard year. And partly because it’s patient, unshowy work. You don’t get your name on anything. You get next year.

**What surprised you?**

The stories. People don’t just bring seeds; they bring the history with them. A woman brought in a pea her mother had grown in the same allotment since the 1970s. A young lad brought chillies from his nan in Bangladesh. The catalogue is really a map of who lives here.

> It’s the slowest kind of activism there is. But it’s also the only kind I know that ends with a salad.

**How can people start something similar?**

Find a shelf, a few keen growers and a library, café or community centre that will host you. Keep records—what it is, where it came from, who grew it. And don’t worry about being an expert. The seeds know what they’re doing.`,
  },
];

// ---------------------------------------------------------------------------
// News (the organisations, places and people named are fictional)
// ---------------------------------------------------------------------------

const news: Post[] = [
  {
    title: 'Northfield Women’s Film Festival unveils its biggest programme yet',
    slug: 'northfield-womens-film-festival-programme',
    format: 'news',
    tags: ['film', 'festivals', 'women-directors'],
    authors: ['imogen-hale'],
    daysAgo: 31,
    excerpt: 'Forty-two features, a strand of restored silent films and free tickets for under-25s: the festival returns for its eleventh edition.',
    featureImage: {
      alt: 'A queue of people in winter coats waits beneath the lit marquee of an art deco cinema on a rainy evening.',
      credit: 'Photo: Northfield Women’s Film Festival',
    },
    body: `The Northfield Women’s Film Festival has announced the full programme for its eleventh edition, with forty-two feature films by women directors from twenty-six countries—its largest line-up since the festival began in a church hall with a borrowed projector.

The festival opens with the UK premiere of *Low Water*, the family drama shot by cinematographer Maren Solberg, and closes with a new documentary about the women who ran the town’s cotton mills during the Second World War, made with footage from local family archives.

## What’s new this year

- **Restored silents.** A new strand showcases films made by women in the silent era, with live accompaniment from local musicians.
- **Free tickets for under-25s.** Funded by a crowdfunding campaign that raised more than twice its target in a fortnight.
- **A relaxed strand.** Every film in the main competition will have at least one relaxed screening, with lights partly up and no restrictions on moving around.
- **The mentoring lab.** Twelve early-career filmmakers will spend the festival week paired with working editors, producers and sound designers.

“Every year someone asks whether we still need a festival just for women directors,” said festival director Anjali Brennan. “Every year the industry figures answer for us. When the big festivals reach parity, we will happily become a festival about something else. We are not holding our breath.”

Passes go on sale to members next week and to the general public the week after. Halcyon is a media partner of the festival and will be reporting from Northfield throughout.`,
  },
  {
    title: 'Ashcombe care workers win living wage and paid travel time',
    slug: 'ashcombe-care-workers-living-wage-deal',
    format: 'news',
    tags: ['politics', 'work'],
    authors: ['ellis-kowalczyk'],
    daysAgo: 35,
    excerpt: 'After an eight-month campaign, around three hundred home care workers have secured a deal their union calls a model for the rest of the country.',
    featureImage: {
      alt: 'A crowd of women in purple union T-shirts cheer on the steps of a red-brick town hall, one holding a hand-painted banner reading “Care is skilled work”.',
      caption: 'Care workers celebrate outside Ashcombe Town Hall.',
      credit: 'Photo: Halcyon / Priti Shah',
    },
    body: `Home care workers in Ashcombe have won a new agreement guaranteeing them the real living wage, pay for the time they spend travelling between clients and a minimum of fifteen minutes between visits, ending an eight-month campaign that began at a bus stop.

The deal, agreed between the borough council, the three private agencies it contracts and the workers’ union, will cover around three hundred carers who visit older and disabled people in their homes. Until now, most were paid only for the minutes spent inside clients’ houses. Campaigners calculated from collected timesheets that some were effectively earning below the legal minimum once unpaid travel was counted.

## Key terms

- Pay at the real living wage for all contact and travel time.
- A minimum visit length of thirty minutes for personal care, replacing the fifteen-minute calls families had long complained about.
- Mileage paid at a higher rate for those using their own cars.
- A guaranteed-hours option for anyone who wants one, ending the use of zero-hours contracts on council work.

The council’s cabinet member for adult social care said the authority had “listened to workers and families alike” and would fund the increase partly by bringing some rounds back in-house over the next two years.

Organiser Dee Fennimore, who led the campaign, said the breakthrough came when the relatives of people receiving care joined workers at council meetings. “Nobody wants their mum to get a fifteen-minute visit from someone who hasn’t had a break all day,” she said. “This deal is good for carers and it is good for the people they look after. That was always the point.”

Halcyon will publish a longer interview with Dee Fennimore about how the campaign was won in the coming weeks.`,
  },
  {
    title: 'Kingsmere libraries to offer free period products all year round',
    slug: 'kingsmere-free-period-products-libraries',
    format: 'news',
    tags: ['politics', 'health'],
    authors: ['june-arkwright'],
    daysAgo: 52,
    excerpt: 'A pilot scheme that began in three branches will now run in every library, leisure centre and community hub in the district.',
    featureImage: {
      alt: 'A small wooden cabinet labelled “Free, take what you need” holds pads and tampons beside the returns desk of a bright public library.',
      credit: 'Photo: Halcyon / June Arkwright',
    },
    body: `Free period products will be available in every public library, leisure centre and community hub in Kingsmere from next month, after councillors voted unanimously to make a year-long pilot scheme permanent.

The pilot, which began in three library branches, offered pads, tampons and reusable products from cabinets placed near the toilets and returns desks, with no questions asked and no need to speak to staff. According to the council’s evaluation, more than eleven thousand packs were taken over the year, with demand peaking at the end of each month and during school holidays.

## “No one should have to ask”

Librarian Carys Pemberton, who proposed the idea after noticing teenagers asking staff for help, told Halcyon the discreet design mattered. “People were telling us they’d used folded-up paper towels for a whole day rather than ask. Putting the products in plain sight, with a sign that says ‘take what you need’, changed that completely.”

The permanent scheme will cost the council a little over forty thousand pounds a year, funded from its public health budget. A local menstrual health charity will supply reusable cups and cloth pads alongside disposable products, and run free sessions on how to use them.

Campaigners welcomed the decision but said the patchwork of local schemes across the country left too much to chance. “It shouldn’t depend on your postcode whether you can manage your period with dignity,” said one. For now, at least, Kingsmere has decided it won’t.`,
  },
  {
    title: 'New prize for debut novels by women to be judged by booksellers',
    slug: 'first-light-prize-debut-novels',
    format: 'news',
    tags: ['books', 'debut-novels'],
    authors: ['priya-raman'],
    daysAgo: 80,
    excerpt: 'The First Light Prize, backed by a network of independent bookshops, will award a cash prize and a year of author events to a first novel by a woman.',
    featureImage: {
      alt: 'A tall, narrow independent bookshop at night, its window display lit up with stacked paperbacks and a hand-lettered sign.',
      credit: 'Photo: Independent Booksellers’ Circle',
    },
    body: `A network of more than sixty independent bookshops has launched a new literary award for debut novels by women, with a twist: the judges will be the people who sell books for a living.

The First Light Prize, organised by the Independent Booksellers’ Circle, will award five thousand pounds to the winning author, along with a year-long programme of paid events in member shops. The shortlisted writers will each receive one thousand pounds.

Rather than a small panel of critics and celebrities, the prize will be judged in two rounds. Booksellers in every member shop will nominate titles they have hand-sold most enthusiastically; a rotating panel of five booksellers will then choose the shortlist and winner.

## Why booksellers?

“Booksellers are the people who actually put debut novels into readers’ hands,” said Lina Osterhout, who chairs the Circle. “We know which books customers come back and thank us for. That knowledge is rarely part of how prizes are decided.”

The prize is also notable for what it pays for. Organisers say the events programme, which covers travel, accommodation and a fee for each appearance, was designed with writers who have caring responsibilities or day jobs in mind. Childcare costs can be claimed on top.

Submissions open in the spring for novels published in the previous calendar year. Self-published books are eligible, provided at least three member shops have stocked them.

Halcyon’s books editor will be among the guest readers for the first year. She promises to read everything, including the acknowledgements.`,
  },
  {
    title: 'Halcyon 14, “Rest”, goes to print: here’s what’s inside',
    slug: 'halcyon-issue-14-rest',
    format: 'news',
    tags: ['culture'],
    authors: ['rosa-delgado'],
    daysAgo: -3,
    excerpt: 'Our spring print issue is about rest: who gets it, who pays for it and why it has become a luxury good. Subscribers will receive their copies next week.',
    featureImage: {
      alt: 'A stack of magazines with a pale blue cover showing a woman asleep in a deckchair, on a wooden table beside a cup of tea.',
      caption: 'Halcyon 14: the Rest issue.',
      credit: 'Photo: Halcyon',
    },
    body: `The fourteenth print edition of Halcyon is off to the printers, and for the first time in the magazine’s history it arrived on time. We take this as a sign that the theme worked on us.

Issue 14 is about **rest**: the sleep we are not getting, the holidays we cannot afford, the weekends swallowed by second jobs and the care that never clocks off. It is also, we hope, a pleasure to read on a sofa with your feet up.

## Inside the issue

- **The tiredness gap.** Ellis Kowalczyk reports on what the research says about women, sleep and shift work, and talks to nurses, cleaners and new mothers about what exhaustion really costs.
- **Deckchair.** A photo essay by Ines Farrow on seaside towns out of season, and the women who keep them running through the winter.
- **The lie-in manifesto.** June Arkwright argues, at length and from bed, that rest is not a reward.
- **New fiction** by Kezia Bramwell, author of *The Salt Year*, set in the same crumbling seaside town.
- **Reviews** of the season’s best films, books and records, plus Imogen Hale on the art of the slow cinema.
- **A pull-out** of the Halcyon reading list: twenty books about doing less.

Print subscribers will receive their copies next week. Single issues can be ordered from our shop and from independent bookshops and newsagents across the UK and Ireland.

As ever, the magazine is made by a small collective of writers, editors and designers, and paid for by readers. If you like what we do and can afford to, a subscription is the best way to keep us going—and, appropriately, to let us have the occasional day off.`,
  },
];

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

const lists: Post[] = [
  {
    title: 'Ten films by women to watch this winter',
    slug: 'ten-films-by-women-to-watch-this-winter',
    format: 'list',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale', 'rosa-delgado'],
    featured: true,
    daysAgo: 21,
    excerpt: 'From a Paris afternoon in 1962 to a Dakar night in 2019: ten films to make the long evenings feel shorter.',
    seoDescription: 'Ten essential films directed by women, from Agnès Varda and Chantal Akerman to Mati Diop and Alice Diop, chosen by Halcyon’s editors.',
    featureImage: {
      alt: 'A living room lit only by the glow of a television, a blanket and two mugs on the sofa facing the screen.',
      credit: 'Photo: Halcyon',
    },
    body: `Dark at four o’clock, cold by five, and nothing on television you haven’t already abandoned halfway through. This is what winter is for. We argued for a week about this list and still left out a dozen favourites; consider it a starting point, not a canon.

## 1. Cléo from 5 to 7 (Agnès Varda, 1962)

A pop singer drifts through Paris, in something close to real time, while she waits for the results of a medical test. Varda turns a single afternoon into a meditation on being looked at, and on learning to look back.

## 2. Jeanne Dielman, 23 quai du Commerce, 1080 Bruxelles (Chantal Akerman, 1975)

Three days in the life of a widow and her routines: peeling potatoes, making the bed, polishing shoes. It is more than three hours long and it is a thriller. Set aside an evening and let it change how you see housework.

## 3. Daughters of the Dust (Julie Dash, 1991)

A Gullah family on the Sea Islands prepares to leave for the mainland at the turn of the twentieth century. Lush, elliptical and unlike anything else in American cinema.

## 4. The Piano (Jane Campion, 1993)

A mute Scottish woman, her daughter and her piano arrive on a New Zealand beach. Holly Hunter’s Ada speaks through sign, notes and music, and the performance needs nothing more.

## 5. Beau Travail (Claire Denis, 1999)

Legionnaires in Djibouti, filmed like dancers. Denis looks at masculinity with a cool, curious eye, and the final scene is one of cinema’s great releases.

## 6. Lost in Translation (Sofia Coppola, 2003)

Two insomniacs in a Tokyo hotel. Perfect for the jet-lagged feeling of January.

## 7. Fish Tank (Andrea Arnold, 2009)

Fifteen-year-old Mia dances alone in an empty flat on an Essex estate. Katie Jarvis, cast without acting experience, is unforgettable.

## 8. Wadjda (Haifaa al-Mansour, 2012)

A girl in Riyadh wants a bicycle, and is told girls don’t ride them. A funny, warm film about very serious stubbornness.

## 9. Atlantics (Mati Diop, 2019)

Young construction workers leave Dakar by sea; the women they leave behind are visited by something strange. A ghost story, a love story and a labour story at once.

## 10. Saint Omer (Alice Diop, 2022)

A novelist attends the trial of a woman accused of killing her baby daughter. Austere and devastating, and a fascinating companion piece to Justine Triet’s *Anatomy of a Fall*.`,
  },
  {
    title: 'Seven debut novels by women we keep pressing into friends’ hands',
    slug: 'seven-debut-novels-by-women',
    format: 'list',
    tags: ['books', 'debut-novels'],
    authors: ['priya-raman'],
    daysAgo: 56,
    excerpt: 'First novels that arrived fully formed: funny, furious and impossible to stop recommending.',
    featureImage: {
      alt: 'Seven paperbacks fanned out on a rumpled bedspread, their spines creased from reading.',
      credit: 'Photo: Halcyon',
    },
    body: `There is something particular about a great debut. The writer has had their whole life to write it, and it shows: the obsessions are concentrated, the voice is fierce, nothing is held back for later. These are the first novels I have bought most often as presents, sometimes for the same friend twice.

## 1. White Teeth by Zadie Smith (2000)

Two friends, Archie and Samad, and their families across decades of north London life. Sprawling, hilarious and so confident it is almost rude. Still the benchmark for the big, noisy debut.

## 2. Stay With Me by Ayọ̀bámi Adébáyọ̀ (2017)

A marriage in 1980s Nigeria buckles under the pressure to have a child. Tender and gripping in equal measure, with a twist that reorganises everything you thought you knew.

## 3. The Idiot by Elif Batuman (2017)

Selin arrives at Harvard in the mid-1990s and falls into an email correspondence with an older student. Nothing happens and it is wonderful: a comic novel about language and the absurdity of being eighteen.

## 4. Queenie by Candice Carty-Williams (2019)

A young Jamaican British woman in south London unravels after a break-up. Funny on the surface, and quietly serious about racism, mental health and the friends who hold you up.

## 5. Luster by Raven Leilani (2020)

Edie, broke and drifting in New York, starts an affair with a married man and ends up living with his family. Every sentence is sharp enough to cut yourself on.

## 6. Assembly by Natasha Brown (2021)

A Black British woman in finance prepares for a garden party at her boyfriend’s family’s country house. Barely a hundred pages, and it will rearrange your thinking about success.

## 7. Acts of Desperation by Megan Nolan (2021)

A young woman in Dublin throws herself into an obsessive, corrosive relationship. Uncomfortable, honest and beautifully written about the things we do to be wanted.

*Honourable mentions: everything on the First Light Prize longlist, once there is one.*`,
  },
  {
    title: 'Nine things we learned from a year of the four-day week',
    slug: 'four-day-week-nine-lessons',
    format: 'list',
    tags: ['life', 'work'],
    authors: ['june-arkwright'],
    daysAgo: 41,
    excerpt: 'Halcyon’s collective trialled a four-day week for twelve months. Some of it was glorious. Some of it involved a very long spreadsheet.',
    featureImage: {
      alt: 'A wall calendar with every Friday crossed through in green marker, a pot plant on the desk beneath it.',
      credit: 'Photo: Halcyon',
    },
    body: `Last spring, the eleven people who make Halcyon agreed to try working four days a week for the same pay. We are a small, precarious magazine, so this was either a radical act of self-care or a recipe for disaster. A year later, it is somewhere in between. Here is what we learned.

## 1. The fifth day is not a day off for everyone

For those of us with children or ageing parents, “Friday off” immediately became “Friday caring”. It was still better than before. But a shorter working week does not automatically mean more rest if the unpaid work is waiting at home.

## 2. Meetings were the first casualty, and nobody mourned them

We cut our standing meetings by half in the first month. Nothing bad happened. We are slightly embarrassed about this.

## 3. Deadlines need guarding

The biggest risk was that the week simply compressed, with the same workload squeezed into fewer hours. We protected against it by cutting one print page per issue and saying no to more commissions. Fewer, better pieces.

## 4. Not everyone wanted Fridays

We staggered days off so someone is always around. Two colleagues chose Mondays; one chose Wednesdays and describes it as “a weekend in the middle of the week, like a hidden room”.

## 5. Illness went down

Sick days fell noticeably over the year. We are not scientists, but we are also not surprised.

## 6. Freelancers deserve the benefit too

We realised early on that a shorter week for staff could mean more pressure on freelancers. We now pay our contributors the same rate for more relaxed deadlines, and we don’t email them on our day off or theirs.

## 7. It made us better at saying no

When time is scarce, you stop pretending you can do everything. That turned out to be a useful skill far beyond work.

## 8. It is harder for some jobs than others

Our designer, who works to the printer’s schedule, found the change hardest. Flexibility has to be designed around the least flexible job, not the most.

## 9. We are keeping it

The vote was unanimous. The magazine is still here, our readers have not noticed any difference except, they tell us, that the writing feels less tired. So do we.`,
  },
];

// ---------------------------------------------------------------------------
// Essays and articles
// ---------------------------------------------------------------------------

const essays: Post[] = [
  {
    title: 'The invisible shift: who tidies up after the party?',
    slug: 'the-invisible-shift',
    format: 'essay',
    tags: ['politics', 'work'],
    authors: ['rosa-delgado'],
    featured: true,
    daysAgo: 14,
    excerpt: 'The work that keeps households running is still mostly done by women, still mostly unpaid and still mostly unseen. It is time we counted it.',
    seoDescription: 'An essay on unpaid domestic and care work: why it is still mostly done by women, and what it would take to share it fairly.',
    featureImage: {
      alt: 'A kitchen the morning after a party: stacked plates, empty glasses and a single pair of yellow rubber gloves draped over the tap.',
      credit: 'Photo: Halcyon',
    },
    body: `Every family has a person who knows where the spare batteries are. Who remembers that the boiler needs servicing, that the dog is due its jabs, that it is Auntie Pat’s birthday on Thursday and someone should really send a card. In most households I know, that person is a woman. She is rarely thanked for it, because nobody notices the work until it isn’t done.

## The second shift, again

Sociologists gave this a name decades ago: the second shift, the unpaid work that begins when paid work ends. What has changed since then is not the amount of it but our vocabulary. We now talk about “mental load” and “emotional labour”, and social media is full of wry cartoons about women writing lists while their partners ask to be told what to do. The diagnosis has gone mainstream. The cure has not.

The figures, wherever you look, tell a similar story. Women who work full-time still do considerably more cooking, cleaning and childcare than men who work full-time. The gap narrows in some couples and among younger people, but it does not close. And when a child is born or a parent falls ill, it is overwhelmingly women who cut their hours, step off the promotion ladder and absorb the cost.

## Why good intentions aren’t enough

Most men I know would say, sincerely, that they believe in equal sharing. Many do more than their fathers did. But “helping” is not the same as owning. The person who owns a task has to notice that it needs doing, plan it, remember it and carry the anxiety if it goes wrong. Helping means waiting to be asked—which is, itself, a job for somebody else.

> Equality at home is not about who does the washing-up. It is about who has to think about the washing-up.

## Counting it

So what would change things? Part of the answer is political: affordable childcare, properly paid care work, parental leave that fathers actually take because it is paid well enough to take. Countries that have made leave “use it or lose it” for second parents have seen men take far more of it.

Part of it is personal, and uncomfortable. It means writing down everything the household needs—every appointment, every school form, every birthday—and dividing not the chores but the responsibility for them. Try it. The length of the list is usually the first surprise.

Unpaid work holds up the whole economy, and it is still treated as a private matter between couples. It is not. It is the invisible shift that makes every visible one possible, and it is long past time we clocked it.`,
  },
  {
    title: 'In praise of the unlikeable heroine',
    slug: 'in-praise-of-the-unlikeable-heroine',
    format: 'essay',
    tags: ['books', 'culture'],
    authors: ['priya-raman'],
    daysAgo: 68,
    excerpt: 'Readers still ask whether they would want to be friends with a female narrator. It is the wrong question, and the best novels know it.',
    featureImage: {
      alt: 'A woman reading in a bath, a hardback propped on her knees, her expression somewhere between appalled and delighted.',
      credit: 'Photo: Halcyon',
    },
    body: `At almost every book group I have ever attended, someone says it. Usually about halfway through the second glass of wine, usually about a woman. “I just didn’t like her.” Heads nod. The novel is quietly marked down.

I understand the impulse. We read, in part, to spend time with people, and nobody wants to spend a weekend with a bore or a bully. But I have noticed that the complaint is made far more often about women than men. Nobody demands that a male antihero be pleasant. We call him complex.

## A long tradition of difficult women

Literature has always had them. Emma Bovary is vain, reckless and bored, and she is one of the great characters of the nineteenth century because of it, not despite it. Closer to our time, Gillian Flynn’s *Gone Girl* gave us Amy Dunne, a woman so furious at the roles she is expected to play that she weaponises every one of them. Ottessa Moshfegh’s *My Year of Rest and Relaxation* follows a narrator who decides to sleep for a year and is gleefully, unrepentantly awful to nearly everyone she meets. Readers argued about her for months. They also could not stop reading.

## What likeability hides

The demand for likeable heroines is, I think, a demand for reassurance. A likeable woman confirms what we already believe about how women should behave: kindly, modestly, with their anger tidied away. An unlikeable one breaks the rules, and makes us ask why the rules exist.

> The question is not whether you would be friends with her. It is whether she tells you something true.

And unlikeable characters often tell the truest things. The woman who is cruel to her mother, or indifferent to her children, or jealous of her best friend, is often saying aloud what more polite heroines are forbidden to feel. Fiction is one of the few places those feelings can be examined without harm to anyone.

## A modest proposal

So here is my suggestion for the next book group. When someone says they didn’t like her, ask a follow-up question: what did she do that you would never let yourself do? The answer is usually more interesting than the novel. Sometimes, it is the reason the novel was written.

I will bring the wine.`,
  },
  {
    title: 'What the heat does: women, work and a warming summer',
    slug: 'what-the-heat-does',
    format: 'article',
    tags: ['politics', 'climate', 'work', 'health'],
    authors: ['ellis-kowalczyk', 'clem-fairweather'],
    daysAgo: 28,
    excerpt: 'Hotter summers are already changing working lives. We spoke to cleaners, carers, teachers and kitchen staff about what extreme heat is doing to them.',
    seoDescription: 'How rising summer temperatures affect women at work: care workers, cleaners, teachers and kitchen staff on the heat and what needs to change.',
    featureImage: {
      alt: 'A school kitchen worker wipes her forehead with the back of her wrist beside steaming steel serving trays, a small desk fan pointed at her.',
      caption: 'Kitchens, laundries and care homes are among the hottest workplaces in summer.',
      credit: 'Photo: Halcyon / Priti Shah',
    },
    body: `Marta, a hospital cleaner, keeps a frozen bottle of water in her locker and presses it against her neck between wards. Lou, a primary school teacher, spent last July teaching thirty children in a classroom with windows that open eight centimetres. Sandra, a home carer, does her afternoon rounds in a car with broken air conditioning, visiting elderly clients whose flats are hotter than the street outside.

None of them works outdoors. All of them say the heat is now the hardest part of their summer.

## Not just a builders’ problem

Debates about heat at work tend to picture men on scaffolding. Those workers matter. But the jobs that become unbearable in a heatwave also include kitchens, laundries, care homes, warehouses, hospital wards and schools—workplaces where women make up much of the workforce, and where uniforms, protective equipment and physical labour combine with poorly ventilated buildings.

There is also the heat at home. Women are more likely to be caring for the people most at risk—babies, older relatives, anyone with a chronic illness—and to spend hot nights checking on them rather than sleeping. Pregnancy and menopause can both make high temperatures harder to tolerate, a fact that occupational guidance has been slow to reflect.

## What workers want

The people we spoke to were clear about what would help, and most of it is not expensive.

- **A maximum working temperature,** or at least a trigger point at which employers must act: extra breaks, adjusted hours, moving work to cooler parts of the day.
- **Uniform flexibility,** so staff can wear lighter clothing without asking permission.
- **Water and rest areas** that are actually cool, rather than a cupboard with a kettle.
- **Buildings fit for the future:** shading, ventilation and insulation in schools, hospitals and care homes, which are overwhelmingly publicly funded.

> “We are told to keep the residents cool, and we do,” Sandra said. “Nobody has ever asked whether we’re alright.”

## The bigger picture

Adapting to a hotter climate is often framed as a question of engineering. It is also a question of who does the adapting. Right now, much of it is being done quietly, for free, by women managing their own bodies and other people’s through long, hot shifts. Employers and governments could share that load. The first step is noticing it is there.`,
  },
  {
    title: 'The menopause will be televised',
    slug: 'menopause-on-television',
    format: 'essay',
    tags: ['television', 'health'],
    authors: ['noor-haddad'],
    daysAgo: 77,
    excerpt: 'For decades, middle-aged women on screen were mothers, bosses or punchlines. Now TV is finally letting them have bodies—hot flushes and all.',
    featureImage: {
      alt: 'A woman in her fifties stands in front of an open fridge at night, eyes closed, letting the cold air wash over her face.',
      credit: 'Photo: Halcyon',
    },
    body: `There is a scene I think about a lot, in the second series of *Fleabag*. Kristin Scott Thomas, playing a successful businesswoman called Belinda, sits at a hotel bar with the show’s heroine and tells her, with enormous relish, that the menopause is coming and it is going to be wonderful. Women, she says, are born with pain built in; men have to go looking for it. And then, when it is over, there is freedom.

It lasts a couple of minutes. It went round the internet for months. I suspect that is because so many women had never heard anybody say anything of the kind on television before.

## Invisible for years

For most of TV history, women over fifty existed on screen mainly in relation to other people. They were mothers of the protagonist, or the tough boss the protagonist had to win over, or the butt of a joke about hot flushes delivered by a younger character. What they almost never had was an interior life in which their bodies were changing in ways that mattered.

That is starting to shift. Comedy got there first, as it often does—stand-ups and sitcom writers mining the indignities of night sweats and brain fog for material. Drama has followed more slowly, but more and more shows now let a middle-aged woman take off her cardigan in a meeting without it being the punchline.

## What we still don’t see

Progress is uneven. Menopause on screen is still overwhelmingly white, middle-class and comfortably off; the woman having hot flushes usually has a large kitchen to have them in. We rarely see the cleaner or the care worker getting through a twelve-hour shift with symptoms and no sympathy. We rarely see the women who go through it early, or those for whom it arrives after cancer treatment.

> Representation is not just about being seen. It is about being seen in the middle of an ordinary Tuesday, getting on with it.

## Why it matters

Television is where many of us learn what is normal. If a generation of women grew up watching only one kind of ageing—silent, embarrassed, off-screen—it is no wonder so many of them say they were unprepared. A few more honest scenes will not fix the gaps in healthcare or workplace support. But they might make it easier to ask for both.

Belinda was right. Something is coming. It would be nice if more of us got to see it coming.`,
  },
  {
    title: 'The romcom didn’t die. It grew up',
    slug: 'the-romcom-grew-up',
    format: 'essay',
    tags: ['film', 'women-directors'],
    authors: ['imogen-hale'],
    daysAgo: 0,
    excerpt: 'Everyone said the romantic comedy was finished. Then women directors started making romcoms about money, migration and the lives we didn’t choose.',
    seoDescription: 'An essay on the return of the romantic comedy, from Past Lives to Materialists, and why the genre finally takes women’s choices seriously.',
    featureImage: {
      alt: 'A couple silhouetted on a Brooklyn rooftop at sunset, the Manhattan skyline blurred behind them.',
      credit: 'Photo: Halcyon',
    },
    body: `For about fifteen years, the obituaries kept coming. The romantic comedy was dead, killed off by streaming, superhero franchises and an audience that had seen every airport dash and rain-soaked declaration it could stand. Studios stopped making them. The few that survived went straight to streaming services and were forgotten before the credits had finished.

And yet here we are, arguing about love stories again. Something changed—and I think it is worth noticing who changed it.

## The old formula

The classic romcom was built on a particular promise: that the right man would resolve a woman’s life. Her career, her friendships, her doubts were obstacles or decoration; the real plot was the kiss. The great examples—*When Harry Met Sally*, with Nora Ephron’s screenplay, is the one everyone cites—transcended that formula through wit. Most did not.

## The new questions

The romantic films that have got people talking in recent years are asking different questions. Celine Song’s *Past Lives* is a love triangle in which nobody is wrong and the heroine’s choice is treated with complete seriousness, even as the film mourns the life she didn’t choose. Her follow-up, *Materialists*, takes the genre’s fantasy of the rich, perfect suitor and prices it out, line by line, through a heroine who sells romance for a living.

These films are still romantic. They are also frank about things the genre used to hide: money, class, migration, ageing, the compromises involved in building a life with another person. They let women be ambitious and unsure in the same breath.

> The question is no longer “Will she get the man?” but “What does she want, and what will it cost her?”

## Why women directors?

It is not that only women can make these films. But it is hard to ignore how many of the most interesting recent love stories have come from women writing and directing them, often drawing on their own lives. When the people telling the story are the ones who have been asked to make the compromises, the story changes shape.

The romcom didn’t die. It was waiting for someone to stop telling it what it was about.

Read our reviews of [Past Lives](/past-lives-review/) and [Materialists](/materialists-review/).`,
  },
  {
    title: 'Taking up space at the allotment',
    slug: 'taking-up-space-at-the-allotment',
    format: 'essay',
    tags: ['life', 'climate'],
    authors: ['clem-fairweather'],
    daysAgo: 95,
    excerpt: 'On a hillside in Sheffield, a plot of ground taught me to stop apologising—and that growing food is as much about neighbours as vegetables.',
    featureImage: {
      alt: 'A woman in muddy dungarees leans on a garden fork among raised beds of kale and leeks, terraced houses on the hill behind.',
      caption: 'Clem’s plot in early spring.',
      credit: 'Photo: Halcyon / Ines Farrow',
    },
    body: `When I finally got an allotment, after four years on the waiting list, the man on the next plot came over to introduce himself and, within three minutes, to tell me everything I was doing wrong. He wasn’t unkind. He had been growing onions on that hillside since before I was born. But I noticed that he gave the young man who took over the plot below mine a very different welcome: a handshake, a spare trowel and no advice at all.

## Allotments and ownership

I have been thinking about space ever since. Allotments are one of the few places in British life where ordinary people are handed a piece of land and told to do what they like with it. For much of their history they were run, gardened and governed mostly by men. That has changed enormously; on my site, women now hold well over half the plots. But the culture lags behind the numbers, as culture always does.

I found myself apologising constantly in that first year. For the weeds, for the unfashionable raised beds, for the fact that I grew flowers among the cabbages. It took a summer of hard work, and a very good crop of beans, for me to realise that I had as much right to the ground as anyone.

## What the soil teaches

Growing food is humbling in the right way. You can do everything correctly and still lose the lot to slugs. You learn to plant more than you need and share the surplus. You learn that the best knowledge on the site is usually held by the quietest people—in my case, a retired dinner lady who grows the finest chard in the city and has never once volunteered an opinion unless asked.

> An allotment is a small, muddy lesson in how to take up room without taking it from anyone else.

## Climate on a small scale

The weather on the hill is getting stranger. Springs arrive early and then vanish in a frost; summers swing between drought and downpour. We have started sharing water butts and seedlings, swapping notes on what survived. It is not a solution to anything. But it is a community working out, in real time, how to adapt together.

My neighbour, by the way, now asks me about companion planting. I tell him everything he is doing wrong. He takes it well.`,
  },
  {
    title: 'How to start a book club that actually lasts',
    slug: 'how-to-start-a-book-club-that-lasts',
    format: 'article',
    tags: ['life', 'books'],
    authors: ['june-arkwright'],
    daysAgo: 110,
    excerpt: 'Most reading groups fizzle out by the third meeting. Ours has survived nine years, two pandemics of bad wine and one very divisive novel. Here is how.',
    featureImage: {
      alt: 'Six women around a kitchen table covered in paperbacks, cheese and wine glasses, one of them gesturing mid-argument.',
      credit: 'Photo: Halcyon',
    },
    body: `Our book club started in 2017 with eight women, a shared enthusiasm for reading and absolutely no plan. It should have died by Christmas. Nine years later, six of the original members are still coming, along with a few newer recruits, and we have read more than a hundred books together. I have thought a lot about why we survived when so many groups don’t. Here is what I’ve learned.

## Keep it small

Six to ten people is the sweet spot. Fewer, and one absence kills the conversation. More, and the quiet members never get a word in.

## Choose books democratically, but not by committee

We take turns choosing. The chooser picks three options; everyone votes. It stops one person’s taste dominating and stops the whole evening being swallowed by debate about what to read next.

## Short books are your friend

Nothing kills a book club faster than a nine-hundred-page brick that only two people finish. We have a loose rule: anything over four hundred pages needs two months. Novellas are a gift.

## It’s fine not to finish

Come anyway. Some of our best discussions have been about why half of us gave up on a book. Shame is the enemy of attendance.

## Someone has to run it

Not boss it, run it. One person sends the reminder, books the table, checks who is coming. In our group this job rotates every year, which stops any one member burning out or becoming the de facto landlady.

## Let the conversation wander

We spend the first half hour on the book and then talk about whatever the book made us think about, which is often our own lives. That is not a failure of discipline. It is the point. Reading together is a way of being honest together, at one remove.

> The book is the excuse. The friendship is the reason.

## Feed people

Not elaborately. Crisps are fine. But something about eating together turns an obligation into an occasion.

Above all, be patient. The first few meetings are always a bit stiff. Somewhere around the sixth, someone will disagree with someone else about a character’s choices so passionately that they end up talking about their divorce. That is when you know you have a book club.`,
  },
  {
    title: 'Fan fiction taught a generation of girls to write',
    slug: 'fan-fiction-taught-a-generation-to-write',
    format: 'essay',
    tags: ['culture', 'books'],
    authors: ['tamsin-oyelaran'],
    daysAgo: 118,
    excerpt: 'It was mocked as silly, derivative and embarrassing. It was also the biggest free writing workshop in history, and it was run almost entirely by women.',
    featureImage: {
      alt: 'A teenage girl types on an old laptop under a duvet at night, the screen lighting her face, a cat asleep at her feet.',
      credit: 'Photo: Halcyon',
    },
    body: `At thirteen, I wrote a forty-thousand-word story about two minor characters from a fantasy series who, in the books, shared a single scene. I posted it in chapters, late at night, on a fan site with a purple background. Strangers left comments. Some of them corrected my grammar. One of them, a woman in New Zealand I never met, wrote me a paragraph about pacing that I still think about whenever I write anything longer than a tweet.

I was not unusual. Millions of girls and young women have learned to write this way, and millions more have learned to read critically, in communities that the literary world mostly laughed at.

## The world’s biggest workshop

Fan fiction works like a writing school without fees or gatekeepers. You publish immediately, and readers respond immediately. You learn what makes people keep reading, and what makes them give up. You take on “prompts” and “challenges” that stretch your range. Experienced writers edit newcomers for free, as “beta readers”. It is a culture of generosity that formal creative writing courses, with their competitive seminars and high fees, rarely match.

The major archives have been run for years by volunteers, many of them women, who built their own tagging systems, moderation rules and content warnings long before mainstream platforms thought about such things. They are an extraordinary piece of unpaid cultural infrastructure.

## Why it was mocked

The mockery was always gendered. When boys write imitations of their favourite science fiction, it is called apprenticeship. When girls write romances about their favourite characters, it is called embarrassing. Fan fiction is full of women’s desire, women’s friendships and queer relationships that the source material ignored, and those subjects have always been dismissed as frivolous.

> The stories were derivative in the way all early writing is derivative. The difference was that they were shared, read and argued over by thousands of people.

## Where they are now

Many of those girls grew up to be novelists, screenwriters, journalists and editors. Some are open about it; others still hide their old usernames. They shouldn’t. The skills they learned in those late-night chapters—voice, structure, knowing your audience—are the same skills the industry pays for now.

As for me, I still have the forty-thousand-word story. It is not good. But I finished it, and someone on the other side of the world cared enough to tell me how to make the next one better. That is more than most writing courses ever gave anyone.`,
  },
];

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

const pages: Post[] = [
  {
    type: 'page',
    title: 'About us',
    slug: 'about',
    authors: ['rosa-delgado'],
    daysAgo: 120,
    excerpt: 'Halcyon is an independent, reader-funded magazine of culture, politics and everyday life from a feminist point of view.',
    seoDescription: 'About Halcyon: an independent feminist magazine of culture, politics and everyday life, run by a collective and funded by its readers.',
    featureImage: {
      alt: 'Five women and a man crowd around a large table covered in printed page proofs, coffee cups and marker pens.',
      caption: 'The collective at work on a print issue.',
      credit: 'Photo: Halcyon / Ines Farrow',
    },
    body: `Halcyon is an independent magazine of culture, politics and everyday life, written from a feminist point of view. We review films, books, music, theatre and television; we report on work, care, health and power; and we publish essays about the small, daily business of living as a woman in a world that still wasn’t built with us in mind.

## Who we are

Halcyon was founded by five friends—two journalists, a bookseller, a designer and a care worker—who were tired of reading about women’s lives in publications that treated them as a niche. We started with a crowdfunded print run and a borrowed office above a print shop. Today we are a collective of eleven staff and a wide network of contributors across the UK and Ireland.

We are a not-for-profit co-operative. Everyone who works at Halcyon has an equal vote on how the magazine is run, and everyone is paid the same hourly rate, from the editor-in-chief to the newest trainee. We pay our freelance contributors fairly and promptly, and we publish our rates.

## What we believe

- **Feminism is for everyone.** Our pages are open to writers of every gender, and our feminism includes trans women, disabled women, working-class women and women of colour—not as an afterthought, but at its centre.
- **Culture is political.** What we watch, read and listen to shapes what we think is possible. We take it seriously, and we try to have fun doing it.
- **Readers, not advertisers.** Halcyon carries no tracking, no sponsored content and no advertising that we would be embarrassed to show our mothers.

## The print edition

Four times a year we publish a print edition of around 130 pages, printed on recycled paper by a family-run printer in Manchester. Each issue is built around a theme—past issues have tackled money, friendship, anger and home—and includes long-form reporting, new fiction and photography that we don’t publish anywhere else. You can subscribe, buy single issues or find us in independent bookshops and newsagents.

## Support us

Halcyon exists because readers pay for it. If you value what we do, the best way to help is to become a member or a print subscriber. If you can’t afford to, that’s fine: everything on the website is free to read, and sharing our work helps too.

Thank you for reading.`,
  },
  {
    type: 'page',
    title: 'Contact',
    slug: 'contact',
    authors: ['rosa-delgado'],
    daysAgo: 120,
    excerpt: 'How to reach the Halcyon team: pitches, tips, subscriptions and press.',
    seoDescription: 'Contact Halcyon: how to pitch, send a news tip, manage your subscription or reach our editors.',
    body: `We love hearing from readers, writers and anyone with a story to tell. The quickest way to reach the right person is to use one of the addresses below. We are a small team, so please allow up to a week for a reply.

## Pitches

We commission essays, reviews, reporting and interviews from freelance writers, and we particularly welcome pitches from writers who are underrepresented in the media. Send a short outline—two or three paragraphs is plenty—to **pitches@halcyon.example.org**, with a line about yourself and links to any previous work. You don’t need to have been published before.

Please put the section you are pitching to (Film, Television, Books, Music, Culture, Politics or Life) in the subject line. We pay for everything we publish.

## News tips

If you have a story you think we should be covering, write to **tips@halcyon.example.org**. If you need to contact us securely, ask for our Signal number in your first email and we will reply with it. We will never reveal a source without their permission.

## Subscriptions and the print edition

For questions about memberships, print subscriptions, back issues or deliveries, email **subscriptions@halcyon.example.org**. You can also manage your subscription from your account page at any time.

## Corrections

We try hard to get things right. When we don’t, we want to know. Email **corrections@halcyon.example.org** with a link to the article and a note on what needs fixing. Corrections are noted at the foot of the piece.

## Press and partnerships

For press enquiries, festival partnerships and stockist requests, contact **hello@halcyon.example.org**.

## By post

Halcyon Media Collective, Unit 4, The Old Print Works, Manchester, United Kingdom.

We read every letter, and occasionally we publish them in the print edition.`,
  },
];

// ---------------------------------------------------------------------------
// The magazine
// ---------------------------------------------------------------------------

const posts: Post[] = [...filmReviews, ...otherReviews, ...interviews, ...news, ...lists, ...essays, ...pages];

const plans: DemoMagazine['plans'] = [
  {
    name: 'Reader',
    slug: 'reader',
    description: 'Every public piece and the weekly newsletter, free for as long as you like.',
    tier: 'free',
    position: 0,
  },
  {
    name: 'Digital',
    slug: 'digital',
    description: 'All members-only writing, the full archive and the Film newsletter. Support independent feminist journalism.',
    tier: 'digital',
    monthlyCents: 400,
    yearlyCents: 4000,
    giftCents: 4000,
    position: 1,
  },
  {
    name: 'Print + digital',
    slug: 'print-and-digital',
    description: 'Four printed issues a year posted to your door, plus everything in Digital.',
    tier: 'print',
    monthlyCents: 900,
    yearlyCents: 9000,
    giftCents: 9000,
    issuesPerYear: 4,
    position: 2,
  },
];

export const demoMagazine: DemoMagazine = { settings, tags, authors, posts, plans };
