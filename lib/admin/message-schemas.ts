import { z } from "zod";

const messageId = z.uuid({ error: "That message could not be found." });
const yesNo = z.enum(["yes", "no"], { error: "Choose yes or no." });

export const messageIdSchema = z.strictObject({ id: messageId });
export const messageHandledSchema = z.strictObject({ id: messageId, handled: yesNo });
export const messageArchivedSchema = z.strictObject({ id: messageId, archived: yesNo });
