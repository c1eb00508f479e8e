import type { Metadata } from "next";
import Link from "next/link";
import { practice } from "@/lib/practice/practice";

export const metadata: Metadata = {
  title: "Privacy notice",
  description: `How ${practice.name} handles what you share through this website.`,
};

export default function PrivacyPage() {
  return (
    <article className="container prose">
      <h1>Privacy notice</h1>
      <p>
        Version {practice.privacy.noticeVersion}. This notice explains what {practice.name} keeps when you use this website,
        why, and for how long.
      </p>

      <h2>What we keep</h2>
      <p>
        When you send a message through the <Link href="/contact">contact page</Link>, we keep your name, email address,
        phone number if you give one, how you would like to be contacted, your message, and the time you agreed to be
        contacted together with the version of this notice.
      </p>
      <p>
        We ask only what we need to reply. Please do not include clinical or personal details in a message; those are
        better shared once we speak.
      </p>

      <h2>Booking an appointment</h2>
      <p>
        When you <Link href="/book">book an appointment</Link>, we keep your name, email address, phone number if you give
        one, the state you will be in during sessions (a therapist&apos;s license depends on it), how you would like to meet,
        what brings you if you choose to say, how you heard of the practice, your time zone, and the times you agreed to this
        notice and confirmed that booking is not for emergencies. Requests that were declined, cancelled or not confirmed in
        time are deleted automatically {practice.booking.closedRequestRetentionDays} days after they closed.
      </p>
      <p>
        The email we send you contains a private link to your booking. Anyone with the link can see the appointment&apos;s
        time and change it, so please don&apos;t forward it; it stops working {practice.booking.manageLinkDaysAfterSession}{" "}
        days after the appointment.
      </p>

      <h2>The newsletter</h2>
      <p>
        When you subscribe we keep your email address, your first name if you give one, where on the site you signed up,
        and the time you agreed together with the version of this notice. Nothing is sent until you confirm from the email
        we send; a signup that is not confirmed within 30 days is deleted.
      </p>
      <p>
        Every newsletter email has a one-click unsubscribe link, which works at once. We do not track whether you open our
        emails or click their links. If an email to you bounces or is reported as spam, we stop writing to that address.
        You can ask us to erase everything we hold about you at any time.
      </p>

      <h2>Email</h2>
      <p>
        Email is not a private channel. The emails this website sends never repeat what you wrote: you receive an
        acknowledgement that addresses you by name, and {practice.therapist.name} receives only a notice with a link to
        read your message after signing in.
      </p>

      <h2>How long we keep it</h2>
      <p>
        Contact messages are deleted automatically {practice.privacy.contactMessageRetentionDays} days after they arrive,
        unless they become part of your clinical record as a client. You may ask us at any time to erase everything we hold
        about you; write to <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a>.
      </p>

      <h2>What we do not do</h2>
      <p>
        This website loads nothing from other companies: no analytics, advertising, tracking pixels or third-party fonts.
        It sets no cookies for visitors, with one exception: when a subscriber opens the library of freebies from an
        emailed link, a cookie keeps the library open on that device for a limited time. It holds a
        random key and nothing about you, and it stops working the moment you unsubscribe. We do not sell or share your
        information.
      </p>

      <h2>Security</h2>
      <p>
        Everything travels over an encrypted connection. Counters that protect the forms from abuse store only scrambled
        forms of network addresses, never the addresses themselves.
      </p>
    </article>
  );
}
