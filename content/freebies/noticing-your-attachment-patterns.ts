import type { FreebieInput } from "@/lib/freebies/schema";

const freebie: FreebieInput = {
  kind: "journal-prompts",
  slug: "noticing-your-attachment-patterns",
  title: "Noticing Your Attachment Patterns",
  subtitle: "Journal prompts for getting curious about how you reach for closeness, and how you protect yourself",
  summary:
    "Twelve prompts that follow the attachment-bond series: how comfort felt when you were small, what happens in you when someone you love pulls away or comes close, and the strengths your ways of relating carry.",
  time: "Three or four sittings of about 20 minutes",
  blocks: [
    {
      type: "paragraph",
      text: "Attachment is the bond that kept you close to the people you depended on as a child. The ways you learned to stay close often travel with you into adult friendships, partnerships and parenting. These prompts invite you to notice those ways with curiosity rather than judgment. There are no right answers, and nothing here is a diagnosis.",
    },
    {
      type: "note",
      text: "Go slowly. You do not need to answer every prompt, or to answer them in order. If a question brings up more than feels manageable, put the pages down, do something that steadies you, and come back another day, or bring it to someone you trust.",
    },
    { type: "heading", text: "Where it began" },
    { type: "prompt", text: "When you were upset as a child, who did you go to, if anyone? What usually happened next?" },
    { type: "prompt", text: "Think of a time you felt truly comforted as a child. Where were you, who was there, and what did they do?" },
    {
      type: "prompt",
      text: "What were the unspoken rules about feelings in the home you grew up in? Which feelings were welcome, and which were not?",
    },
    { type: "prompt", text: "What did you learn about asking for help? Write down a sentence you might have heard, or told yourself." },
    { type: "heading", text: "How it shows up now" },
    {
      type: "prompt",
      text: "When someone close to you goes quiet, is slow to reply or needs time apart, what do you notice first: in your thoughts, in your body, in what you want to do?",
    },
    { type: "prompt", text: "When someone comes very close, or needs a lot from you, what happens inside you?" },
    {
      type: "prompt",
      text: "During a disagreement with someone you love, what do you tend to do: reach out, push, freeze, go quiet, try to fix it? What are you hoping will happen?",
    },
    { type: "prompt", text: "Which relationships in your life feel the safest? What do those people do that helps?" },
    { type: "heading", text: "What your patterns carry" },
    {
      type: "paragraph",
      text: "Every way of relating was once a sensible answer to a hard problem. A child who watched closely, or who learned to need very little, was finding the best way to stay connected to the care that was there.",
    },
    { type: "prompt", text: "What did your way of staying close protect you from when you were young?" },
    {
      type: "prompt",
      text: "What strengths have grown from it? For example: a feel for other people’s moods, independence, loyalty, the ability to keep going.",
    },
    { type: "prompt", text: "When did your pattern show up this week? Describe the moment as a kind friend would, without blame." },
    { type: "prompt", text: "If you could offer your younger self one sentence of comfort, what would it be?", lines: 4 },
    { type: "heading", text: "Before you close the book" },
    {
      type: "paragraph",
      text: "Noticing is already a change. Security can grow at any age, through relationships that stay steady over time, including the relationship with a therapist. If these prompts stirred something you would like to talk through, you are welcome to get in touch.",
    },
  ],
};

export default freebie;
