export {
  runWorldSimulationExample,
  type WorldSimulationExampleOptions,
  type WorldSimulationExampleReport,
} from "./run-world-simulation-example.js";
