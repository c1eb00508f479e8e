import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container prose">
      <h1>We couldn&apos;t find that page</h1>
      <p>
        It may have moved, or the link may be mistyped. Try the <Link href="/">home page</Link> or{" "}
        <Link href="/contact">get in touch</Link>.
      </p>
    </div>
  );
}
