/**
 * Background work every process runs on a timer (due jobs, the e-mail outbox, audit sealing): one
 * run at a time (a tick while one runs is skipped), the first at once, errors handed to `onError`
 * rather than thrown. The timer does not keep the process alive; `stop` clears it and waits for a
 * run in progress.
 */
export function startPeriodic(
  everyMs: number,
  run: () => Promise<void>,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
