import type { FreebieInput } from "@/lib/freebies/schema";

// The embed addresses are placeholders of the demo practice: a real practice
// puts the https address its video host gives for embedding.
const videos: FreebieInput[] = [
  {
    kind: "video",
    slug: "a-settling-breath",
    title: "A Settling Breath for Tired Parents",
    summary:
      "Five minutes of slow breathing and grounding you can do with a baby in your arms or asleep nearby. A calm voice talks you through each step; nothing to prepare.",
    time: "5 minutes",
    embedUrl: "https://video.stillwater.example/embed/a-settling-breath",
  },
  {
    kind: "video",
    slug: "come-closer-and-take-a-break",
    title: "“Come Closer” and “Take a Break”: Your Baby’s Two Kinds of Cues",
    summary:
      "A short, gentle walk through the signals most babies use to ask for connection or for rest, with ideas for answering each. A companion to the Baby Cues Diary.",
    time: "8 minutes",
    embedUrl: "https://video.stillwater.example/embed/come-closer-and-take-a-break",
  },
];

export default videos;
