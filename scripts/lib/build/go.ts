/**
 * Early start of a build stage's process. A stage started early (scripts/lib/build/run.ts) loads its
 * code and does what needs no input of the stages before it while those run, on the other core,
 * then waits: it says it is ready over the IPC channel the build opened, and runs when the build
 * says go. Without that channel (the script run by hand, or by the bench) it runs at once.
 */

/** The child's message: its code is loaded and it waits for go. */
export const READY = 'ready';
/** The build's message: the stages before it are done, run now. */
export const GO = 'go';

/**
 * Resolves to true when the stage may run: at once without an IPC channel, else when the build says
 * go; to false when the build closes the channel first (a stage before it failed): the caller then
 * exits without doing anything.
 */
export function waitForGo(): Promise<boolean> {
  const send = process.send?.bind(process);
  if (!send) return Promise.resolve(true);
  // The build stopped before this process was ready.
  if (!process.connected) return Promise.resolve(false);
  return new Promise((resolve) => {
    const settle = (go: boolean) => {
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      // The channel would keep the process alive once the stage is done.
      if (process.connected) process.disconnect?.();
      resolve(go);
    };
    const onMessage = (message: unknown) => {
      if (message === GO) settle(true);
    };
    const onDisconnect = () => settle(false);
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
    // A send that fails finds the build gone: it stopped meanwhile.
    send(READY, (error: Error | null) => {
      if (error) settle(false);
    });
  });
}
