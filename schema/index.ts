export * from "./notifications";
export * from "./platform";
export * from "./payments";
