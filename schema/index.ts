export * from "./catalog";
export * from "./identity";
export * from "./notifications";
export * from "./orders";
export * from "./payments";
export * from "./platform";
export * from "./printing";
export * from "./sellers";
