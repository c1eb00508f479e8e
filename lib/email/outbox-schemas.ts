import { z } from "zod";

export const outboxEmailIdSchema = z.strictObject({ id: z.uuid({ error: "That email could not be found." }) });
