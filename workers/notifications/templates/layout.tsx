import type { FC } from "hono/jsx";
import type { Locale } from "../../identity";

/**
 * The HTML part of every mail: the text part's paragraphs in a small layout. JSX escapes every character of the
 * text, so what a reader wrote can never become markup; only the store's own links (which `inertName` and
 * `inertProse` keep readers' text from imitating) are made clickable.
 */

const LINK = /(https?:\/\/[^\s<]+)/;

const Line: FC<{ line: string }> = ({ line }) => (
  <>
    {line.split(LINK).map((part, i) =>
      i % 2 === 1 ? (
        <a href={part} style="color:#7a3e1d">
          {part}
        </a>
      ) : (
        part
      ),
    )}
  </>
);

const Paragraph: FC<{ text: string; small?: boolean }> = ({ text, small }) => (
  <p style={small ? "margin:0 0 12px;font-size:12px;color:#6b6259" : "margin:0 0 16px"}>
    {text.split("\n").map((line, i) => (
      <>
        {i > 0 && <br />}
        <Line line={line} />
      </>
    ))}
  </p>
);

const paragraphs = (text: string) => text.split("\n\n").filter((paragraph) => paragraph.trim() !== "");

const MailDocument: FC<{ language: Locale; subject: string; text: string; footer?: string }> = ({
  language,
  subject,
  text,
  footer,
}) => (
  <html lang={language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{subject}</title>
    </head>
    <body style="margin:0;padding:24px 12px;background:#f4f0ea;font-family:Georgia,'Times New Roman',serif;color:#2b2622;line-height:1.5">
      <div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">
        <p style="margin:0 0 20px;font-size:18px;font-weight:bold;letter-spacing:0.02em">Book Bazaar</p>
        {paragraphs(text).map((paragraph) => (
          <Paragraph text={paragraph} />
        ))}
        {footer && (
          <div style="margin-top:24px;padding-top:12px;border-top:1px solid #e4ddd3">
            {paragraphs(footer).map((paragraph) => (
              <Paragraph text={paragraph} small />
            ))}
          </div>
        )}
      </div>
    </body>
  </html>
);

/** A mail's HTML part: `text` (the text part's body) and `footer` (its last lines, set apart) in the layout. */
export function mailHtml(mail: { language: Locale; subject: string; text: string; footer?: string }): string {
  return `<!doctype html>${String(<MailDocument {...mail} />)}`;
}
