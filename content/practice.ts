/**
 * The practice's own details. A real practice replaces this demo by editing
 * this file only; lib/practice/practice.ts validates it when the app starts and
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
      "My work centers on relational trauma and recovery from sexual abuse.",
      "I work with pregnant survivors, parents of survivors and adult survivors of sexual abuse or complex trauma. Together we make room for your story at a pace that feels safe, so you can love yourself, find your voice and build the relationships you want.",
    ],
    // The demo's portrait is an illustration (its source is assets/practice/therapist-portrait.svg);
    // a real practice puts its photo in public/practice/ and gives its size in pixels here.
    photo: {
      src: "/practice/therapist-portrait.png",
      width: 480,
      height: 600,
      alt: "Portrait of Maya Ellison, smiling, in her office with a plant on the shelf behind her",
    },
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
  booking: {
    // Each kind of appointment a visitor can ask for on /book.
    sessionTypes: [
      {
        slug: "consultation",
        name: "Free consultation call",
        description:
          "A free 15-minute call to ask questions and see whether we would be a good fit. Nothing to prepare, no commitment.",
        durationMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 5,
        // Start times offered within the hours: every quarter hour here.
        startEveryMinutes: 15,
        minimumNoticeHours: 4,
        horizonDays: 30,
        formats: ["telehealth"],
        // "immediate": the time is confirmed as soon as it is booked.
        confirmation: "immediate",
        // Shown on the card, the request form and the booking emails; the What to expect page's fee table says the same.
        fee: "Free",
      },
      {
        slug: "intake",
        name: "Intake session",
        description:
          "Your first full 50-minute session: we talk about what brings you, what you hope for, and how we might work together.",
        durationMinutes: 50,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 10,
        startEveryMinutes: 30,
        minimumNoticeHours: 48,
        horizonDays: 60,
        formats: ["telehealth", "in-person"],
        // "therapist": the request holds the time until the therapist confirms or declines it.
        confirmation: "therapist",
        fee: "$190",
      },
    ],
    // The usual working week, in the practice's time zone; several ranges a day are fine.
    // Stored in the database on first use; after that the private area edits it.
    weeklyHours: {
      monday: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ],
      tuesday: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ],
      wednesday: [{ start: "12:00", end: "19:00" }],
      thursday: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ],
      friday: [{ start: "09:00", end: "13:00" }],
      saturday: [],
      sunday: [],
    },
    // A request the therapist has not answered within this time lapses and frees its time.
    requestExpiryHours: 48,
    // Visitors can cancel or move a booking online until this long before it starts.
    changeCutoffHours: 24,
    reminderHoursBefore: 24,
    lateCancellationPolicy:
      "Appointments can be cancelled or moved online until 24 hours before they start. After that, please call or email the practice; a session cancelled with less than 24 hours' notice may be charged in full, except in an emergency.",
    inPersonAddress: ["Still Water Therapy", "2240 SE Division Street, Suite 3", "Portland, OR 97202"],
    telehealthInstructions:
      "Telehealth sessions use a private video room. The link arrives by email the day before your appointment; you will need a quiet, private space and a device with a camera.",
    // Where to look when the practice cannot help: someone out of state, or a declined request.
    elsewhere: [
      { name: "Psychology Today's therapist directory", how: "search by the state you live in at psychologytoday.com" },
      { name: "Open Path Collective", how: "lower-cost therapy, at openpathcollective.org" },
      { name: "988 Suicide & Crisis Lifeline", how: "call or text 988 at any time, for support right now" },
    ],
    // Declined, cancelled and expired requests are deleted this many days after they closed.
    closedRequestRetentionDays: 90,
    // A booking's private link stops working this many days after the appointment.
    manageLinkDaysAfterSession: 30,
  },
  fees: {
    sessions: [
      { name: "Consultation call, 15 minutes", fee: "Free" },
      { name: "Intake session, 50 minutes", fee: "$190" },
      { name: "Individual session, 50 minutes", fee: "$170" },
      { name: "Parent or family session, 75 minutes", fee: "$240" },
    ],
    slidingScale: [
      "A few places each week are kept for a sliding scale, from $90 a session, for people whose income or circumstances make the full fee hard. You will never be asked for proof; tell me what you can manage and we will find a fee that works.",
      "If no sliding-scale place is open, I will tell you honestly and help you find lower-cost care elsewhere.",
    ],
    insurance: [
      "I am in network with Providence Health Plan and Regence BlueCross BlueShield of Oregon, and I accept the Oregon Health Plan through CareOregon.",
      "With other plans I am an out-of-network provider: I give you a superbill each month that you can send to your insurer for any out-of-network benefits. It is worth calling your plan first to ask what it covers.",
      "Under the No Surprises Act you can ask for a Good Faith Estimate of what your care will cost before we start.",
    ],
    payment:
      "Fees are paid at the end of each session by card, or by HSA or FSA card. Fees are reviewed once a year, in January, and you will always hear about a change at least a month ahead.",
  },
  whatToExpect: {
    firstSession: [
      "Before we meet you will get a short set of forms by email: contact details, consent to treatment and a few questions about what brings you. Fill in only what you are comfortable with; we can talk through the rest together.",
      "The intake session is 50 minutes. We talk about what is happening now, what you hope will change and a little of your history, only as much as feels safe to share. You do not have to tell your whole story on the first day, or ever.",
      "At the end we decide together whether to keep working and how often to meet, usually once a week to begin with. There is no pressure to continue.",
    ],
    cancellations: [
      "Life with a baby, a child in crisis or a hard week can get in the way; tell me as early as you can and we will find another time.",
    ],
    telehealth: [
      "Telehealth works well for most of what we do together, and you can switch between telehealth and the office in Southeast Portland as life allows.",
      "If a connection drops, I will call you at the number you gave me, so we can carry on by phone or choose another time.",
    ],
    privacy: [
      "What you share in therapy stays between us. The law sets a few exceptions: if I believe you or someone else is in immediate danger, or if a child or vulnerable adult is being harmed, I may have to act to keep people safe. I will explain these in our first session, and talk with you first whenever I can.",
      "Your records are kept securely and are never shared with anyone, including your insurer beyond what billing requires, without your written permission.",
    ],
  },
};

export default practice;
