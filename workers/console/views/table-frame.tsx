import type { Child, FC } from "hono/jsx";

/**
 * A table that may be wider than a phone scrolls inside this frame; the frame takes keyboard focus (and is named),
 * so it can be scrolled without a mouse.
 */
export const TableFrame: FC<{ label: string; children: Child }> = ({ label, children }) => (
  <section class="table-wrap" aria-label={label} tabindex={0}>
    {children}
  </section>
);
