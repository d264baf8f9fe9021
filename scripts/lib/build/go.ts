/**
 * Early start of a build stage's process. A stage started early (scripts/lib/build/run.ts) loads its
 * code and does what needs no input of the stages before it while those run, on the other core,
 * then waits: it says it is ready over the IPC channel the build opened, and runs when the build
 * says go. Without that channel (the script run by hand, or by the bench) it runs at once.
 *
 * A stage may be told to go before some stages it reads from have ended (its `toldOf`, stages.ts):
 * the go names them, the build then says when each ends, and the stage asks with waitForStage
 * before it reads what one of them makes.
 */

/** The child's message: its code is loaded and it waits for go. */
export const READY = 'ready';

/** The build's go: the stages before it are done, run now; `go` names the stages still running whose end it will be told of. */
export interface GoMessage {
  go: string[];
}

/** The build's message that a stage named in the go has ended well. */
export interface DoneMessage {
  done: string;
}

/** Returns the go message telling a stage of the stages in `running`. */
export function goMessage(running: readonly string[]): GoMessage {
  return { go: [...running] };
}

const isGo = (m: unknown): m is GoMessage => typeof m === 'object' && m !== null && Array.isArray((m as GoMessage).go);
const isDone = (m: unknown): m is DoneMessage => typeof m === 'object' && m !== null && typeof (m as DoneMessage).done === 'string';

/** The stages named by the go, each resolving to true when told it ended well, to false when the build closes the channel first. */
const running = new Map<string, PromiseWithResolvers<boolean> & { settled: boolean }>();

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
    let went = false;
    const close = () => {
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      // The channel would keep the process alive once the stage is done.
      if (process.connected) process.disconnect?.();
    };
    const closeWhenTold = () => {
      if ([...running.values()].every((r) => r.settled)) close();
    };
    const onMessage = (message: unknown) => {
      if (!went && isGo(message)) {
        went = true;
        for (const name of message.go) running.set(name, Object.assign(Promise.withResolvers<boolean>(), { settled: false }));
        resolve(true);
        closeWhenTold();
      } else if (went && isDone(message)) {
        const stage = running.get(message.done);
        if (!stage) return;
        stage.settled = true;
        stage.resolve(true);
        closeWhenTold();
      }
    };
    const onDisconnect = () => {
      close();
      if (!went) resolve(false);
      for (const stage of running.values()) if (!stage.settled) stage.resolve(false);
    };
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
    // A send that fails finds the build gone: it stopped meanwhile.
    send(READY, (error: Error | null) => {
      if (error) onDisconnect();
    });
  });
}

/**
 * Resolves, after go, to true when stage `name` has ended well or was not running at go (or there
 * is no build to ask: run by hand, its products were made before); to false when it failed or the
 * build stopped before it ended.
 */
export function waitForStage(name: string): Promise<boolean> {
  return running.get(name)?.promise ?? Promise.resolve(true);
}
