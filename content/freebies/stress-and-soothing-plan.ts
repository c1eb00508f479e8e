import type { FreebieInput } from "@/lib/freebies/schema";

const freebie: FreebieInput = {
  kind: "worksheet",
  slug: "stress-and-soothing-plan",
  title: "My Stress and Soothing Plan",
  subtitle: "Fill it in on a calm day; keep it where you can see it on a hard one",
  summary:
    "A worksheet for mapping your early warning signs, rating your stress, and deciding ahead of time what you will do and who you will call at each level.",
  time: "About 30 minutes",
  blocks: [
    {
      type: "paragraph",
      text: "Stress is easiest to soothe early. This worksheet helps you notice your own early signs and decide in advance what you will do, so that on a hard day you do not have to think, only follow the plan.",
    },
    { type: "heading", text: "1. My early warning signs" },
    { type: "paragraph", text: "Tick the signs you recognise in yourself, and add your own." },
    {
      type: "checklist",
      items: [
        "My jaw or shoulders tighten",
        "My breathing gets fast or shallow",
        "I feel hot, shaky or restless",
        "I snap at people I love",
        "I go numb or feel far away",
        "Everything feels urgent",
        "I want to be alone, right now",
        "Something else: ______________________________",
      ],
    },
    { type: "heading", text: "2. How stressed am I right now?" },
    {
      type: "scale",
      text: "Circle the number that fits right now. Try it a few times a day for a week to learn your own scale.",
      low: "Calm and steady",
      high: "Overwhelmed",
    },
    { type: "prompt", text: "What does a 3 feel like for me? What does a 7 feel like?", lines: 5 },
    { type: "heading", text: "3. My plan for each level" },
    { type: "table", columns: ["When I’m at", "I notice", "I can", "I can call"], rowLabels: ["0 to 3", "4 to 6", "7 to 10"] },
    { type: "heading", text: "4. A two-minute reset" },
    { type: "paragraph", text: "When you notice yourself climbing past the middle of your scale, try these before anything else:" },
    {
      type: "checklist",
      items: [
        "If I am holding my baby and feel I might lose control, I lay them on their back somewhere safe and step away for a few minutes",
        "I breathe out slowly, longer than I breathe in, five times",
        "I press my feet into the floor and name five things I can see",
        "I put cold water on my wrists or face",
        "I text or call one person from my plan",
      ],
    },
    { type: "heading", text: "5. My people" },
    { type: "table", columns: ["Name", "Phone", "Good for"], rows: 4 },
    {
      type: "note",
      text: "If you are in crisis, or feel you might hurt yourself or someone else, use the crisis lines on the first page right away. You deserve help straight away, not after you have tried everything else.",
    },
  ],
};

export default freebie;
