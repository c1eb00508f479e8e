/**
 * On a message whose acknowledgement was held back (too many emails to
 * unconfirmed addresses that hour): the sender was told no email would come,
 * so the therapist knows they may be waiting to hear from her another way.
 */
export function HeldBackMark() {
  return <span className="held-back-mark">Address not confirmed, email held back</span>;
}
