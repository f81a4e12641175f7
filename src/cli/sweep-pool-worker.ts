// The sweep's worker module as the CLI runs it: the sweep core's runners plus scenario samples, which the
// report layer evaluates (layers: cli composes report and sweep; sweep does not import report).
import { runScenarioJob } from "../report/sweep-scenario.js";
import { makeRunTask } from "../sweep/pool-worker.js";

export default makeRunTask({ scenario: runScenarioJob });
