/** Words that scale the number before them ("3k", "1.5 million"). Lower-case "m" is decided by the words after it. */
export const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, grand: 1e3, mm: 1e6, mn: 1e6, mil: 1e6, mio: 1e6, million: 1e6, millions: 1e6,
  b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, trillion: 1e12,
};

/** Milliseconds per time unit. A month is 30 days and a year 365 days. */
export const TIME_MS: Record<string, number> = {
  us: 0.001, µs: 0.001, μs: 0.001, micro: 0.001, micros: 0.001, microsecond: 0.001, microseconds: 0.001,
  ms: 1, msec: 1, msecs: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, wk: 604_800_000, wks: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  mo: 2_592_000_000, mon: 2_592_000_000, month: 2_592_000_000, months: 2_592_000_000,
  y: 31_536_000_000, yr: 31_536_000_000, yrs: 31_536_000_000, year: 31_536_000_000, years: 31_536_000_000,
};

/** Seconds in the period a rate is counted over ("per day", "a month", "/s"). */
export const PERIOD_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, wk: 604_800, week: 604_800,
  mo: 2_592_000, mon: 2_592_000, month: 2_592_000,
  y: 31_536_000, yr: 31_536_000, year: 31_536_000,
};

/** One-word periods ("daily", "monthly"). */
export const PERIOD_WORDS: Record<string, number> = {
  hourly: 3600, daily: 86_400, nightly: 86_400, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000, annually: 31_536_000,
};

/** Words that introduce a period after a rate: "per second", "a day", "each minute". */
export const PER_WORDS = new Set(['per', 'a', 'an', 'each', 'every']);

/** Rate abbreviations and what they count, with their period in seconds. */
export const RATE_ABBREVIATIONS: Record<string, { side: 'reads' | 'writes'; seconds: number }> = {
  rps: { side: 'reads', seconds: 1 }, qps: { side: 'reads', seconds: 1 }, rpm: { side: 'reads', seconds: 60 },
  wps: { side: 'writes', seconds: 1 }, tps: { side: 'writes', seconds: 1 }, mps: { side: 'writes', seconds: 1 },
  eps: { side: 'writes', seconds: 1 },
};

/** Bytes per size unit (decimal units: a TB is 1,000 GB). */
export const SIZE_BYTES: Record<string, number> = {
  byte: 1, bytes: 1, kb: 1e3, kbs: 1e3, kilobyte: 1e3, kilobytes: 1e3, kib: 1024,
  mb: 1e6, mbs: 1e6, megabyte: 1e6, megabytes: 1e6, mib: 2 ** 20,
  gb: 1e9, gbs: 1e9, gig: 1e9, gigs: 1e9, gigabyte: 1e9, gigabytes: 1e9, gib: 2 ** 30,
  tb: 1e12, tbs: 1e12, terabyte: 1e12, terabytes: 1e12, tib: 2 ** 40,
  pb: 1e15, pbs: 1e15, petabyte: 1e15, petabytes: 1e15, pib: 2 ** 50, eb: 1e18, exabytes: 1e18,
};

/** Small numbers written as words; only read before a count noun ("two regions", "single AZ"). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, single: 1, two: 2, dual: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};

/** Currencies other than US dollars: read, then refused with a note, never taken as dollars. */
export const OTHER_CURRENCY = new Set(['€', '£', '¥', '₹', 'eur', 'euro', 'euros', 'gbp', 'pounds', 'yen', 'inr', 'rupees', 'chf']);
/** Words that mark a sum of US dollars. */
export const DOLLARS = new Set(['usd', 'dollar', 'dollars', 'bucks']);
