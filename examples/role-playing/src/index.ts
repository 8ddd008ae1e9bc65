export {
  type RolePlayingExampleOptions,
  type RolePlayingExampleReport,
  runRolePlayingExample,
} from "./run-role-playing-example.js";
