import { LogLevel, type Logger } from '@slack/bolt';
import type { SlackLog } from './slack-deps.ts';

/** Bolt's and the Web API client's log lines: warnings and errors go to Quorum's log (messages only: payloads may hold secrets), the rest is dropped. */
export function boltLogger(log: SlackLog): Logger {
  let name = 'slack';
  const report = (level: string) => (...message: unknown[]) => {
    const text = message.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : '[details withheld]')).join(' ');
    log(new Error(text), { where: name, level });
  };
  return {
    debug: () => {},
    info: () => {},
    warn: report('warn'),
    error: report('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: (n: string) => {
      name = n;
    },
  };
}
