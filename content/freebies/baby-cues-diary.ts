import type { FreebieInput } from "@/lib/freebies/schema";

const freebie: FreebieInput = {
  kind: "worksheet",
  slug: "baby-cues-diary",
  title: "Baby Cues Diary",
  subtitle: "A week of noticing what your baby shows you",
  summary:
    "A week-long diary for jotting down what your baby did, what you tried and what happened next, with checklists of the “come closer” and “I need a break” cues to look for.",
  time: "A minute or two, a few times a day",
  blocks: [
    {
      type: "paragraph",
      text: "Babies move between two kinds of signals: “come closer” cues that invite play and connection, and “I need a break” cues that ask for less. This diary helps you learn your own baby’s version of each, and notice what helps.",
    },
    { type: "heading", text: "Cues to look for" },
    { type: "paragraph", text: "“Come closer” cues. Tick the ones you have seen:" },
    {
      type: "checklist",
      items: [
        "Looks at your face and follows your eyes",
        "Smiles, coos or babbles",
        "Reaches toward you or opens their hands",
        "Relaxed arms and legs, smooth movements",
        "Turns toward your voice",
      ],
    },
    { type: "paragraph", text: "“I need a break” cues. Tick the ones you have seen:" },
    {
      type: "checklist",
      items: [
        "Turns their head or eyes away",
        "Arches their back or stiffens",
        "Yawns, hiccups or sneezes during play",
        "Fusses, frowns or cries",
        "Splays their fingers or clenches their fists",
        "Goes very still, or falls asleep suddenly",
      ],
    },
    {
      type: "note",
      text: "A baby who looks away is not rejecting you; they are taking a breather. Pausing, and waiting for them to turn back, teaches them that their signals work.",
    },
    { type: "heading", text: "My week of noticing" },
    { type: "table", columns: ["Day and time", "What my baby did", "What I tried", "What happened"], rows: 12 },
    { type: "heading", text: "Looking back on the week" },
    { type: "prompt", text: "What did you learn about your baby this week that you did not know before?", lines: 4 },
    { type: "prompt", text: "Which cue was hardest to read, or to respond to? What might help next time?", lines: 4 },
    { type: "prompt", text: "When did the two of you find your way back to each other after a miss?", lines: 4 },
  ],
};

export default freebie;
