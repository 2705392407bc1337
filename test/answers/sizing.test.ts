import { describe, expect, it } from 'vitest';
import { readFigures } from '../../src/answers/sizing/figures.ts';
import { greatCircleKm, loadPlaces } from '../../src/answers/sizing/places.ts';
import { sizeQuestion } from '../../src/answers/sizing/size-question.ts';
import { formatPercent } from '../../src/answers/sizing/sizing-answer.ts';

const places = loadPlaces();

describe('reading the figures of a sizing question', () => {
  it('tells a target availability from what each node gives', () => {
    expect(readFigures('replicas for 99.99 % with nodes at 99.5 %?').availabilities).toEqual([
      { value: 0.9999, per: 'target' },
      { value: 0.995, per: 'each' },
    ]);
    expect(readFigures('how many replicas for five nines?').availabilities).toEqual([{ value: 0.99999, per: 'target' }]);
  });

  it('reads rates with scale words, sizes in GB, durations in ms and surge factors', () => {
    const f = readFigures('partitions for 250k writes/s with 2x peaks and 40 TB, 150 ms each');
    expect(f.rates).toEqual([{ value: 250_000, noun: 'writes' }]);
    expect(f.sizesGb).toEqual([40_000]);
    expect(f.durationsMs).toEqual([150]);
    expect(f.surge).toBe(2);
  });

  it('keeps a CPU load and a serial share apart from availabilities', () => {
    expect(readFigures('latency at 95% cpu').availabilities).toEqual([]);
    expect(readFigures('10% of the work is serial').percents).toEqual([10]);
  });

  it('reads N, R and W and the USL coefficients by name', () => {
    expect(readFigures('N=3, R=2 and W=2').symbols).toEqual({ n: 3, r: 2, w: 2 });
    expect(readFigures('sigma 0.03 and kappa 0.0001').symbols).toEqual({ sigma: 0.03, kappa: 0.0001 });
  });
});

describe('places and distances', () => {
  it('finds two named places in the order they are written, longer names first', () => {
    expect(places.find('RTT from us-east-1 to Frankfurt').map((p) => p.name)).toEqual(['Virginia', 'Frankfurt']);
    expect(places.find('new york city to london').map((p) => p.name)).toEqual(['New York', 'London']);
  });

  it('measures great-circle distances like a hand computation (London–New York about 5,570 km)', () => {
    const [london, nyc] = places.find('london new york');
    expect(Math.round(greatCircleKm(london!, nyc!))).toBe(5570);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371, 3);
  });
});

describe('sizing answers', () => {
  it('finds the fewest replicas that meet the target and says which node figure it assumed', () => {
    const answer = sizeQuestion('how many replicas do we need for five nines?', places)!;
    expect(answer.headline).toMatch(/^3 replicas: at 99\.5 % per node \(the default assumed/);
    expect(answer.assumptions.join(' ')).toMatch(/independent/);
    expect(answer.assumptions.join(' ')).toMatch(/second region/);
    expect(answer.formula).toBe('1 − (1 − 0.995)^3 = 0.999999875; downtime = (1 − 0.999999875) × 525600 = 0.06570000001 min/year');
  });

  it('reads small counts said as words ("two services", "a five-node cluster")', () => {
    expect(readFigures('two services in series at 99.95% each').counts).toEqual([{ value: 2, noun: 'service' }]);
    expect(sizeQuestion("what's the availability of two services in series at 99.95% each?", places)!.headline.startsWith('99.90003 %: 2 in series')).toBe(true);
    expect(sizeQuestion('how many failures can a five-node raft cluster survive?', places)!.headline.startsWith('2 failures')).toBe(true);
  });

  it('tells a downtime in the period the question asks about, the year beside it', () => {
    expect(sizeQuestion('our SLA is 99.9%, how much downtime a month is that?', places)!.headline).toBe('43.8 minutes a month: 99.9 % leaves (1 − 0.999) × 525,600 minutes a year (525.6), divided by 12.');
    expect(sizeQuestion('downtime per day at three nines?', places)!.headline.startsWith('1.4 minutes a day:')).toBe(true);
    expect(sizeQuestion('how much downtime per year is 99.95%?', places)!.headline.startsWith('262.8 minutes a year:')).toBe(true);
  });

  it('sizes partitions from the write rate and the data size at 2 TB a partition', () => {
    const answer = sizeQuestion('how many partitions for 100k writes/s and 5 TB?', places)!;
    expect(answer.result).toMatchObject({ partitions: 8, forWrites: 8, forData: 3 });
    expect(answer.headline.startsWith('8 partitions:')).toBe(true);
  });

  it('answers a round trip between two cities with the fibre floor and says real routes are longer', () => {
    const answer = sizeQuestion('RTT between Frankfurt and Virginia?', places)!;
    expect(answer.model).toBe('rtt');
    expect(answer.inputs).toEqual({ distanceKm: 6549 });
    expect(answer.headline.startsWith('At least 65.5 ms')).toBe(true);
    expect(answer.assumptions[0]).toMatch(/1\.3–2x/);
  });

  it('says yes or no to R + W > N from the quorum model', () => {
    expect(sizeQuestion('with N=3, R=2 and W=2, do reads see the latest write?', places)!.headline).toMatch(/^Yes: R \+ W = 4 > N = 3/);
    expect(sizeQuestion('with N=3, R=1 and W=1, do reads see the latest write?', places)!.headline).toMatch(/^No: R \+ W = 2/);
  });

  it('warns that an even consensus group tolerates no more failures than the odd one below it', () => {
    const answer = sizeQuestion('how many failures can a 4-node raft cluster survive?', places)!;
    expect(answer.headline.startsWith('1 failure:')).toBe(true);
    expect(answer.entries).toContain('even-node-consensus');
  });

  it('is no sizing question without figures to compute with', () => {
    expect(sizeQuestion('how do we stop double charges when a client retries?', places)).toBeUndefined();
    expect(sizeQuestion('what is CAP?', places)).toBeUndefined();
    expect(sizeQuestion('RTT between Frankfurt and Atlantis?', places)).toBeUndefined();
  });

  it('shows availabilities with as many decimals as their nines need', () => {
    expect(formatPercent(0.999999999)).toBe('99.9999999 %');
    expect(formatPercent(0.995009990004999)).toBe('99.501 %');
    expect(formatPercent(0.9997)).toBe('99.97 %');
  });
});
