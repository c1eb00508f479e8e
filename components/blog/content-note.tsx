/** Said before the post begins, so a reader can choose whether and when to read on. */
export function ContentNote({ note }: { note: string }) {
  return (
    <div className="content-note" role="note">
      <p>
        <strong>Content note:</strong> {note} Take it at your own pace; the crisis lines at the{" "}
        <a href="#crisis-help">foot of this page</a> are there at any hour.
      </p>
    </div>
  );
}
