import type { Db } from "../db/client";
import type { Keyring } from "../db/credentials/keyring";
import { DEFAULT_DETECTION, type DetectionSettings } from "../db/incidents/detection";
import { CHECK_RUNNERS } from "../probes/checks/registry";
import { startDemoFleet, type DemoFleet } from "../probes/demo/fleet";
import type { CheckRun } from "../probes/run-check";
import { Scheduler } from "../probes/scheduler";
import type { Log } from "./boot";

/**
 * The demo's checks run twice as often as their catalogue says, so that an outage in the
 * simulated fleet is detected, and its incident closed, within a few minutes of watching.
 */
const DEMO_INTERVAL_SCALE = 0.5;
const DEMO_RECOVERY_HOLD_MS = 2 * 60_000;

export interface RunningProbes {
  scheduler: Scheduler;
  fleet: DemoFleet | null;
  stop: () => Promise<void>;
}

/** Starts the scheduler, and in demo mode first the fleet of simulated providers it probes. */
export async function startProbes(options: {
  db: Db;
  keyring: Keyring;
  demo: boolean;
  demoTimeScale: number;
  detection: Pick<DetectionSettings, "failingShare" | "minMerchants" | "windowMs">;
  log: Log;
  /** Told of each recorded check run and how long it took, for the metrics. */
  onCheckRun?: (run: CheckRun, durationMs: number) => void;
}): Promise<RunningProbes> {
  const fleet = options.demo ? await startDemoFleet({ timeScale: options.demoTimeScale }) : null;
  if (fleet) options.log(`demo mode: simulated providers at ${fleet.baseUrl}`);
  const scale = options.demo ? options.demoTimeScale : 1;
  const configured: DetectionSettings = { ...DEFAULT_DETECTION, ...options.detection };
  const detection: DetectionSettings = options.demo
    ? { ...configured, windowMs: configured.windowMs * scale, recoveryHoldMs: DEMO_RECOVERY_HOLD_MS * scale }
    : configured;
  const scheduler = new Scheduler(
    { db: options.db, runners: CHECK_RUNNERS, keyring: options.keyring, now: Date.now, demoBaseUrl: fleet?.baseUrl, detection, log: options.log },
    { intervalScale: options.demo ? DEMO_INTERVAL_SCALE * scale : 1, onRun: options.onCheckRun },
  );
  scheduler.start();
  options.log("probes started");
  return {
    scheduler,
    fleet,
    stop: async () => {
      await scheduler.stop();
      await fleet?.close();
    },
  };
}
