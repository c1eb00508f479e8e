import { z } from "zod";
import { proseText } from "@/lib/forms/fields";

export const REPLY_MAX_LENGTH = 5000;

/** Her reply to a message or a request: shared by the browser's check and the server's. */
export const replySchema = z.strictObject({
  id: z.uuid({ error: "That could not be found." }),
  // A posted textarea ends its lines with CRLF; stored and emailed, a line ends with LF.
  body: proseText(REPLY_MAX_LENGTH, { required: "Please write your reply.", tooLong: `Please keep the reply under ${REPLY_MAX_LENGTH.toLocaleString("en-US")} characters.` }).transform((text) => text.replace(/\r\n?/g, "\n")),
});
export type ReplyField = keyof z.input<typeof replySchema>;
