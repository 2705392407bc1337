import { amdahlFormula, AmdahlInputs, amdahlModel } from './amdahl.ts';
import { availabilityFormula, AvailabilityInputs, availabilityModel } from './availability.ts';
import { compositeFormula, CompositeInputs, compositeModel } from './composite.ts';
import { failoverFormula, FailoverInputs, failoverModel } from './failover.ts';
import { littlesLawFormula, LittlesLawInputs, littlesLawModel } from './littles-law.ts';
import { type CalcModel, defineModel } from './model.ts';
import { partitionsFormula, PartitionsInputs, partitionsModel } from './partitions.ts';
import { queueFormula, QueueInputs, queueModel } from './queue.ts';
import { quorumFormula, QuorumInputs, quorumModel } from './quorum.ts';
import { rttFormula, RttInputs, rttModel } from './rtt.ts';
import { seriesFormula, SeriesInputs, seriesModel } from './series.ts';
import { throughputFormula, ThroughputInputs, throughputModel } from './throughput.ts';
import { uslFormula, UslInputs, uslModel } from './usl.ts';

export type { CalcModel, ModelResult } from './model.ts';

/** Every `calc` model by name, in the order of interface.md "calc models". */
export const calcModels: Readonly<Record<string, CalcModel>> = {
  availability: defineModel('Availability of n replicas when at least k must be up (binomial)', AvailabilityInputs, availabilityModel, availabilityFormula),
  series: defineModel('Availability of components that must all be up', SeriesInputs, seriesModel, seriesFormula),
  throughput: defineModel('Usable throughput: the smallest bottleneck times the headroom', ThroughputInputs, throughputModel, throughputFormula),
  'littles-law': defineModel("Little's law L = λ·W: give two of concurrency, arrivalRate, responseTime", LittlesLawInputs, littlesLawModel, littlesLawFormula),
  amdahl: defineModel("Amdahl's law: speedup from N workers with a serial fraction", AmdahlInputs, amdahlModel, amdahlFormula),
  usl: defineModel('Universal scalability law: capacity at N workers and where it peaks', UslInputs, uslModel, uslFormula),
  partitions: defineModel('Partitions needed for a write rate and a data size', PartitionsInputs, partitionsModel, partitionsFormula),
  quorum: defineModel('Majority quorum size, failures tolerated, and whether R + W > N', QuorumInputs, quorumModel, quorumFormula),
  queue: defineModel('M/M/1 queue: utilization, mean response time and mean number in system', QueueInputs, queueModel, queueFormula),
  rtt: defineModel('Smallest round trip over fibre for a distance', RttInputs, rttModel, rttFormula),
  composite: defineModel('Availability of a request path: tiers in series per region, regions in parallel', CompositeInputs, compositeModel, compositeFormula),
  failover: defineModel('Availability left by the time spent replacing failed leaders', FailoverInputs, failoverModel, failoverFormula),
};
