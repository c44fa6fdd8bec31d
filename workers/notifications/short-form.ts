import type { NoticeContent } from "./service/notify";

/** Two SMS segments at most, the link kept whole. */
const SMS_LENGTH = 300;
/** A padded Web Push payload holds 3993 bytes: a title and body this long fit in any script. */
const PUSH_TITLE = 120;
const PUSH_BODY = 600;

/** Cut at a whole character (never half of a surrogate pair), marked with an ellipsis. */
function clip(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join("")}…`;
}

/** A notice as a text message: its title, body and link. */
export function smsText(content: NoticeContent): string {
  const link = content.link ? `\n${content.link}` : "";
  return clip(`${content.title}: ${content.body}`, SMS_LENGTH - link.length) + link;
}

/** A notice as the JSON a browser's service worker receives. */
export function pushPayload(kind: string, content: NoticeContent) {
  return { title: clip(content.title, PUSH_TITLE), body: clip(content.body, PUSH_BODY), link: content.link, kind };
}
