import type { PlatformObserver } from '../../src/ops/platform-observer.ts';
import type { GiveUpReason } from '../../src/ops/reply-queue.ts';

/** An observer that counts what an adapter reports of its replies (retries, replies given up); `reset` between tests. */
export function recordingObserver() {
  const counted = { retried: 0, lost: [] as GiveUpReason[] };
  const observer: PlatformObserver = {
    retryDropped() {},
    rateLimited() {},
    replyRetried: () => void (counted.retried += 1),
    replyGivenUp: (_platform, reason) => void counted.lost.push(reason),
  };
  const reset = () => {
    counted.retried = 0;
    counted.lost = [];
  };
  return { counted, observer, reset };
}
