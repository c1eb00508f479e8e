/**
 * The practice's own details. A real practice replaces this demo by editing
 * this file only; lib/content/practice.ts validates it when the app starts and
 * stops the start with a message naming any bad value.
 */
const practice = {
  name: "Still Water Therapy",
  tagline: "Relational trauma therapy for survivors and the families they are building",
  therapist: {
    name: "Maya Ellison",
    credentials: "LMFT",
    pronouns: "she/her",
    title: "Licensed Marriage and Family Therapist",
    bio: [
      "I am a licensed therapist who specialises in relational trauma and recovery from sexual abuse.",
      "I work with pregnant survivors, parents of survivors and adult survivors of sexual abuse or complex trauma. Together we make room for your story at a pace that feels safe, so you can love yourself, find your voice and build the relationships you want.",
    ],
  },
  whoIHelp: [
    {
      title: "Pregnant survivors",
      description: "Pregnancy and birth can stir old memories. We prepare for them gently, so you can meet your baby feeling steadier.",
    },
    {
      title: "Parents of survivors",
      description: "When your child has been hurt, you need support too: to hold your own feelings and to stay close to them.",
    },
    {
      title: "Adult survivors",
      description: "For the long after of abuse or complex trauma: trust, closeness, boundaries and a kinder relationship with yourself.",
    },
  ],
  city: "Portland, Oregon",
  timeZone: "America/Los_Angeles",
  locale: "en-US",
  licensedStates: ["OR", "WA", "CA"],
  contactEmail: "hello@stillwater.example",
  phone: "+1 503 555 0142",
  senders: {
    // What visitors see in their inbox; the domain must be verified with Resend.
    visitors: "Still Water Therapy <hello@stillwater.example>",
    // Where notifications for the therapist come from.
    notifications: "Still Water Therapy <notifications@stillwater.example>",
    // Newsletter and freebie mail, kept apart so a complaint about the list
    // never touches the practice's booking and contact mail.
    newsletter: "Still Water Therapy <newsletter@stillwater.example>",
  },
  // Where "a message arrived" notices go. Never clinical detail: only a link.
  notificationEmail: "maya@stillwater.example",
  crisisLines: [
    { name: "Emergency services", how: "Call 911", href: "tel:911" },
    { name: "988 Suicide & Crisis Lifeline", how: "Call or text 988", href: "tel:988" },
    { name: "RAINN National Sexual Assault Hotline", how: "Call 800-656-4673", href: "tel:+18006564673" },
    { name: "Crisis Text Line", how: "Text HOME to 741741", href: "sms:741741?body=HOME" },
  ],
  privacy: {
    // Raise the version whenever the privacy notice changes; consent records
    // keep the version the person agreed to.
    noticeVersion: "2026-11-29",
    contactMessageRetentionDays: 365,
  },
};

export default practice;
