export * from "./notifications";
export * from "./platform";
