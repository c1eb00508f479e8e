import { randomUUID } from "node:crypto";
import { replyDeliveryLabels, type ReplyDelivery } from "@/lib/admin/replies";
import type { FormResult } from "@/lib/forms/form-result";
import type { ReplyField } from "@/lib/admin/reply-schema";
import { ReplyForm } from "./reply-form";
import { ReplyThread } from "./reply-thread";

type ReplyFormResult = FormResult<ReplyField, { id: string; replyId: string }>;

type RepliesSectionProps = {
  /** The message's or request's id. */
  id: string;
  replies: { id: string; body: string; createdAt: Date; delivery: ReplyDelivery }[];
  action: (state: ReplyFormResult, formData: FormData) => Promise<ReplyFormResult>;
};

/** Her replies to a message or a request: the thread with each reply's delivery, and the form for the next. */
export function RepliesSection({ id, replies, action }: RepliesSectionProps) {
  return (
    <section aria-labelledby="replies-heading" id="replies">
      <h2 id="replies-heading">Your replies</h2>
      <ReplyThread replies={replies.map((reply) => ({ ...reply, deliveryLabel: replyDeliveryLabels[reply.delivery] }))} />
      {/* A key per rendering: the page drawn after a reply carries a fresh one for the next. */}
      <ReplyForm action={action} id={id} formKey={randomUUID()} />
    </section>
  );
}
