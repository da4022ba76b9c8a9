// Runs a callback once the screen has painted: a frame, then a task, so the callback comes after that frame is on
// screen. A hidden window or tab gets no frames (Electron's before it is shown, a background tab): a timer runs the
// callback there all the same.

const HIDDEN_WAIT_MS = 500;

/** Calls `done` after the next painted frame (or HIDDEN_WAIT_MS without frames); returns a cancel function. */
export function afterPaint(done: () => void): () => void {
  let timer = window.setTimeout(done, HIDDEN_WAIT_MS);
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = window.setTimeout(done, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
