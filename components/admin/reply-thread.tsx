import { When } from "./when";

type ThreadReply = { id: string; body: string; createdAt: Date; deliveryLabel: string };

/** Her replies so far, oldest first, each with when she sent it and where its delivery stands. */
export function ReplyThread({ replies }: { replies: ThreadReply[] }) {
  if (replies.length === 0) return <p className="muted">No reply yet.</p>;
  return (
    <ol className="reply-thread">
      {replies.map((reply) => (
        <li key={reply.id} data-testid="reply">
          <p className="muted">
            You wrote <When at={reply.createdAt} /> · <span data-testid="reply-delivery">{reply.deliveryLabel}</span>
          </p>
          <div className="visitor-text">{reply.body}</div>
        </li>
      ))}
    </ol>
  );
}
