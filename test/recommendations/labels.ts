/**
 * Which demo pieces are truly related, judged by reading them (src/demo/magazine.ts), not by
 * looking at what the recommender returns. A piece counts as related when a reader who finished
 * the first would plausibly want the second next: they share the reviewed work or a person, one
 * discusses the other, or they treat the same subject (care work, debut novels, the female gaze …).
 * Sharing a broad section alone is not enough.
 */
export const relatedLabels: Record<string, string[]> = {
  // Same director; the romcom essay discusses it; love stories and growing up by women directors.
  'past-lives-review': ['materialists-review', 'the-romcom-grew-up', 'portrait-of-a-lady-on-fire-review', 'aftersun-review', 'lady-bird-review'],
  // Same director; the romcom essay; marriage and money (Little Women), class and comedy (Lady Bird).
  'materialists-review': ['past-lives-review', 'the-romcom-grew-up', 'little-women-review', 'lady-bird-review'],
  // Same director and cast (Little Women); growing up and a parent seen by a child (Aftersun).
  'lady-bird-review': ['little-women-review', 'aftersun-review', 'past-lives-review'],
  // Same director and cast; novel adaptations; Jo March the writer and the difficult heroine.
  'little-women-review': [
    'lady-bird-review',
    'women-talking-review',
    'women-talking-miriam-toews-review',
    'in-praise-of-the-unlikeable-heroine',
    'portrait-of-a-lady-on-fire-review',
    'fan-fiction-taught-a-generation-to-write',
  ],
  // The female gaze (the cinematographer interview); films by women; period drama.
  'portrait-of-a-lady-on-fire-review': ['maren-solberg-cinematographer-interview', 'ten-films-by-women-to-watch-this-winter', 'past-lives-review', 'little-women-review', 'anatomy-of-a-fall-review'],
  'aftersun-review': ['lady-bird-review', 'past-lives-review', 'ten-films-by-women-to-watch-this-winter'],
  // The list names Saint Omer as its companion piece; the difficult woman on trial.
  'anatomy-of-a-fall-review': ['ten-films-by-women-to-watch-this-winter', 'in-praise-of-the-unlikeable-heroine', 'portrait-of-a-lady-on-fire-review'],
  'women-talking-review': ['women-talking-miriam-toews-review', 'little-women-review', 'ten-films-by-women-to-watch-this-winter'],
  // Older women, comedy and work on television.
  'hacks-review': ['menopause-on-television', 'the-night-shift-review'],
  'orbital-samantha-harvey-review': ['women-talking-miriam-toews-review', 'in-praise-of-the-unlikeable-heroine', 'how-to-start-a-book-club-that-lasts', 'seven-debut-novels-by-women', 'kezia-bramwell-interview'],
  'women-talking-miriam-toews-review': ['women-talking-review', 'in-praise-of-the-unlikeable-heroine', 'little-women-review', 'orbital-samantha-harvey-review', 'seven-debut-novels-by-women', 'kezia-bramwell-interview'],
  'charli-xcx-brat-review': ['wren-calloway-interview', 'wren-calloway-barrowland-review'],
  'wren-calloway-barrowland-review': ['wren-calloway-interview', 'charli-xcx-brat-review'],
  // Songs about keeping a household running: the essay on unpaid domestic work.
  'wren-calloway-interview': ['wren-calloway-barrowland-review', 'charli-xcx-brat-review', 'the-invisible-shift'],
  // Care work on stage, in a campaign, in the news and in the heat.
  'the-night-shift-review': [
    'hester-vane-ruth-amadi-night-shift-interview',
    'the-invisible-shift',
    'dee-fennimore-union-organiser-interview',
    'ashcombe-care-workers-living-wage-deal',
    'hacks-review',
    'what-the-heat-does',
  ],
  // The playwright and director of the play it talks about; care work in a campaign, in an essay and in the news.
  'hester-vane-ruth-amadi-night-shift-interview': ['the-night-shift-review', 'dee-fennimore-union-organiser-interview', 'the-invisible-shift', 'ashcombe-care-workers-living-wage-deal', 'what-the-heat-does'],
  'maren-solberg-cinematographer-interview': ['northfield-womens-film-festival-programme', 'portrait-of-a-lady-on-fire-review', 'ten-films-by-women-to-watch-this-winter'],
  'kezia-bramwell-interview': ['seven-debut-novels-by-women', 'first-light-prize-debut-novels', 'in-praise-of-the-unlikeable-heroine'],
  'dee-fennimore-union-organiser-interview': ['ashcombe-care-workers-living-wage-deal', 'the-invisible-shift', 'what-the-heat-does', 'the-night-shift-review', 'hester-vane-ruth-amadi-night-shift-interview'],
  'aoife-breen-seed-library-interview': ['taking-up-space-at-the-allotment'],
  'northfield-womens-film-festival-programme': ['maren-solberg-cinematographer-interview', 'ten-films-by-women-to-watch-this-winter'],
  'ashcombe-care-workers-living-wage-deal': [
    'dee-fennimore-union-organiser-interview',
    'the-invisible-shift',
    'what-the-heat-does',
    'the-night-shift-review',
    'hester-vane-ruth-amadi-night-shift-interview',
    'kingsmere-free-period-products-libraries',
  ],
  'kingsmere-free-period-products-libraries': ['ashcombe-care-workers-living-wage-deal', 'menopause-on-television', 'what-the-heat-does'],
  'first-light-prize-debut-novels': ['seven-debut-novels-by-women', 'kezia-bramwell-interview', 'how-to-start-a-book-club-that-lasts'],
  'ten-films-by-women-to-watch-this-winter': [
    'portrait-of-a-lady-on-fire-review',
    'anatomy-of-a-fall-review',
    'aftersun-review',
    'northfield-womens-film-festival-programme',
    'maren-solberg-cinematographer-interview',
    'past-lives-review',
    'lady-bird-review',
    'women-talking-review',
  ],
  'seven-debut-novels-by-women': ['kezia-bramwell-interview', 'first-light-prize-debut-novels', 'in-praise-of-the-unlikeable-heroine', 'how-to-start-a-book-club-that-lasts'],
  'four-day-week-nine-lessons': ['the-invisible-shift', 'what-the-heat-does'],
  'the-invisible-shift': [
    'dee-fennimore-union-organiser-interview',
    'ashcombe-care-workers-living-wage-deal',
    'four-day-week-nine-lessons',
    'the-night-shift-review',
    'hester-vane-ruth-amadi-night-shift-interview',
    'what-the-heat-does',
  ],
  'in-praise-of-the-unlikeable-heroine': [
    'women-talking-miriam-toews-review',
    'kezia-bramwell-interview',
    'seven-debut-novels-by-women',
    'fan-fiction-taught-a-generation-to-write',
    'anatomy-of-a-fall-review',
    'little-women-review',
    'how-to-start-a-book-club-that-lasts',
  ],
  'what-the-heat-does': [
    'ashcombe-care-workers-living-wage-deal',
    'dee-fennimore-union-organiser-interview',
    'the-invisible-shift',
    'the-night-shift-review',
    'hester-vane-ruth-amadi-night-shift-interview',
    'four-day-week-nine-lessons',
  ],
  'menopause-on-television': ['hacks-review', 'kingsmere-free-period-products-libraries', 'what-the-heat-does'],
  'the-romcom-grew-up': ['past-lives-review', 'materialists-review', 'ten-films-by-women-to-watch-this-winter'],
  'taking-up-space-at-the-allotment': ['aoife-breen-seed-library-interview'],
  'how-to-start-a-book-club-that-lasts': ['in-praise-of-the-unlikeable-heroine', 'seven-debut-novels-by-women', 'first-light-prize-debut-novels'],
  'fan-fiction-taught-a-generation-to-write': ['in-praise-of-the-unlikeable-heroine', 'kezia-bramwell-interview', 'seven-debut-novels-by-women', 'first-light-prize-debut-novels'],
};
