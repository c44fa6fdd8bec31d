export const noContent = { 204: { description: "Done" } } as const;
