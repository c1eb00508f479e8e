import type { FreebieInput } from "@/lib/freebies/schema";

const freebie: FreebieInput = {
  kind: "journal-prompts",
  slug: "reading-your-babys-cues",
  title: "Reading Your Baby’s Cues",
  subtitle: "Journal prompts for getting to know your baby, one signal at a time",
  summary:
    "Eleven prompts for noticing how your baby tells you what they need, what you feel when you can’t tell, and how the two of you find your way back after a miss.",
  time: "A few minutes at a time, over several weeks",
  blocks: [
    {
      type: "paragraph",
      text: "Before they have words, babies speak with their faces, voices and bodies. Reading those signals is a skill you learn by doing, not something you are supposed to know already. Getting it wrong, and trying again, is part of how the bond grows.",
    },
    {
      type: "note",
      text: "You can fill in these pages during pregnancy, imagining ahead, or in the weeks and months after birth. Come back to them as your baby grows: their cues will change, and so will you.",
    },
    { type: "heading", text: "Listening" },
    { type: "prompt", text: "Describe your baby’s different cries. What do they sound like, and what have they turned out to mean?" },
    {
      type: "prompt",
      text: "How does your baby show you they want to be close and to play? Looking at your face, cooing, reaching, kicking with excitement…",
    },
    {
      type: "prompt",
      text: "How does your baby show you they need a break? Turning away, arching, yawning, hiccups, fussing, going very still…",
    },
    { type: "prompt", text: "What helps your baby settle? What has stopped working, or started working, as they have grown?" },
    { type: "heading", text: "What it stirs in you" },
    { type: "prompt", text: "How do you feel when your baby cries and you cannot tell why? What goes through your mind?" },
    {
      type: "prompt",
      text: "Which of your baby’s feelings are easiest for you to be with? Which are hardest? Where do you think that comes from?",
    },
    {
      type: "prompt",
      text: "Does your baby’s distress ever bring back something from your own childhood? Write as much or as little as feels right.",
    },
    { type: "heading", text: "Following their lead" },
    {
      type: "prompt",
      text: "As your baby grows more curious about the world, what do they like to explore? How do they check that you are still there?",
    },
    { type: "prompt", text: "What do you feel when they move away from you to explore? Proud, worried, sad, relieved, something else?" },
    { type: "prompt", text: "Describe a time you missed a cue and then found your way back to each other. What helped you repair?" },
    { type: "prompt", text: "What would you like your child to know, one day, about how hard you tried to understand them?", lines: 8 },
  ],
};

export default freebie;
