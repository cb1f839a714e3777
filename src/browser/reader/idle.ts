/**
 * Runs `task` when the browser is next idle, after `timeout` ms at the latest. For an enhancement a reader
 * needs only once they act (the participants' filter buttons): its work then does not add to the long tasks
 * of a page becoming interactive, which Lighthouse counts as blocking time.
 */
export function whenIdle(task: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout })
  else setTimeout(task, 0)
}
