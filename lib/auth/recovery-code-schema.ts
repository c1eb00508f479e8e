import { z } from "zod";

/** The recovery-code form's one field, shared by its client check and its server action. */
export const recoveryCodeSchema = z.object({
  code: z.string().trim().min(1, "Please type one of your recovery codes.").max(40, "A recovery code is 10 letters and digits, like 7k2qd-m9xha."),
});

export type RecoveryCodeField = keyof z.input<typeof recoveryCodeSchema>;
