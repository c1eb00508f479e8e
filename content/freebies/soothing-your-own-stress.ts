import type { FreebieInput } from "@/lib/freebies/schema";

const freebie: FreebieInput = {
  kind: "journal-prompts",
  slug: "soothing-your-own-stress",
  title: "Soothing Your Own Stress",
  subtitle: "Journal prompts for tired, stretched parents and parents-to-be",
  summary:
    "Ten prompts for getting to know your own stress signals and what settles them, so you can find your way back to calm more often, and be kind to yourself when you can’t.",
  time: "About 15 minutes a day for a week",
  blocks: [
    {
      type: "paragraph",
      text: "Caring for a baby asks a great deal of a body and a nervous system. Babies borrow their calm from the adults around them: when you can settle your own stress, even a little, you help them learn to settle theirs. This is not about staying calm all the time. It is about noticing sooner and finding your way back.",
    },
    {
      type: "note",
      text: "The aim is to be, in the paediatrician Donald Winnicott’s words, a “good enough” parent: nobody gets it right all of the time. If you ever feel so overwhelmed that you might hurt your baby or yourself, lay your baby on their back somewhere safe, such as a crib, step into another room for a few minutes, and call someone. The crisis lines are on the first page.",
    },
    { type: "heading", text: "Knowing your signals" },
    { type: "prompt", text: "Where in your body do you first feel stress? Your jaw, shoulders, stomach, breath, hands, somewhere else?" },
    { type: "prompt", text: "What thoughts tend to arrive when you are at the end of your rope? Write them down exactly as they sound." },
    { type: "prompt", text: "Which times of day, situations or sounds tend to push you toward overwhelm?" },
    { type: "heading", text: "What settles you" },
    {
      type: "prompt",
      text: "List five small things that help you feel even a little calmer and take less than five minutes. A slow breath out, cold water on your wrists, stepping outside, a favourite song…",
    },
    { type: "prompt", text: "Who can you call or text when you need a break or a kind voice? If the list feels short, who could you add?" },
    { type: "prompt", text: "What would it take to have one hour this week that is only for you? What gets in the way, and what could help?" },
    { type: "heading", text: "Being kind to yourself" },
    {
      type: "paragraph",
      text: "The researcher Ed Tronick found that even healthy, loving parents and babies are in tune for only about 20 to 30 percent of their moments. What builds security is not perfect timing but repair: noticing the miss and coming back.",
    },
    { type: "prompt", text: "Describe a moment this week when you and your baby (or someone you love) missed each other, and how you found your way back." },
    { type: "prompt", text: "What do you say to yourself after a hard moment? What would you say to a friend in the same place?" },
    { type: "prompt", text: "What did you do well today, however small?", lines: 4 },
    { type: "prompt", text: "Write a note to yourself to read on your next hard day.", lines: 8 },
  ],
};

export default freebie;
