/**
 * Keypresses in a call: a `<Gather>` waits for keys until `numDigits`, its finish key or its
 * timeout; keys pressed between Gathers are kept (type-ahead) for the next one.
 */
import type { CallRuntime, EmulatorState, GatherResult, GatherWait } from './state.js';

export function waitForDigits(
  state: EmulatorState,
  rt: CallRuntime,
  g: Omit<GatherWait, 'buffer' | 'timer' | 'resolve'>,
): Promise<GatherResult> {
  return new Promise((resolve) => {
    const wait: GatherWait = { ...g, buffer: '', timer: null, resolve };
    rt.wait = wait;
    rt.call.gather = { action: g.action, numDigits: g.numDigits, finishOnKey: g.finishOnKey };
    state.changed();
    armGatherTimer(rt, wait);
    if (rt.typeAhead) {
      const keys = rt.typeAhead;
      rt.typeAhead = '';
      feedDigits(rt, wait, keys);
    }
  });
}

function armGatherTimer(rt: CallRuntime, wait: GatherWait): void {
  if (wait.timer) clearTimeout(wait.timer);
  wait.timer = setTimeout(() => {
    if (rt.wait !== wait) return;
    finishGather(
      rt,
      wait,
      wait.buffer ? { kind: 'digits', digits: wait.buffer, finishedOnKey: '' } : { kind: 'timeout' },
    );
  }, wait.timeoutMs);
}

export function finishGather(rt: CallRuntime, wait: GatherWait, result: GatherResult): void {
  if (wait.timer) clearTimeout(wait.timer);
  rt.wait = null;
  rt.call.gather = null;
  wait.resolve(result);
}

/** Keys for the Gather the call waits in; what follows its end is kept for the next one. */
export function feedDigits(rt: CallRuntime, wait: GatherWait, keys: string): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (wait.finishOnKey && key === wait.finishOnKey) {
      finishGather(rt, wait, { kind: 'digits', digits: wait.buffer, finishedOnKey: key });
      rt.typeAhead += keys.slice(i + 1);
      return;
    }
    wait.buffer += key;
    if (wait.numDigits !== null && wait.buffer.length >= wait.numDigits) {
      finishGather(rt, wait, { kind: 'digits', digits: wait.buffer, finishedOnKey: '' });
      rt.typeAhead += keys.slice(i + 1);
      return;
    }
  }
  armGatherTimer(rt, wait);
}
