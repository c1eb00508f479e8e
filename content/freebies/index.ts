/**
 * What subscribers get, in the order the library shows it. Each printable
 * freebie is one file beside this one and becomes a PDF when downloaded;
 * lib/freebies/catalogue.ts validates them all when the app starts.
 *
 * A video, once the practice has recorded one, is an entry of its own:
 * { kind: "video", slug, title, summary, time, embedUrl } with the https
 * address its host gives; the library then shows a "Videos" section.
 */
import babyCuesDiary from "./baby-cues-diary";
import noticingYourAttachmentPatterns from "./noticing-your-attachment-patterns";
import readingYourBabysCues from "./reading-your-babys-cues";
import soothingYourOwnStress from "./soothing-your-own-stress";
import stressAndSoothingPlan from "./stress-and-soothing-plan";

const freebies = [
  noticingYourAttachmentPatterns,
  soothingYourOwnStress,
  readingYourBabysCues,
  stressAndSoothingPlan,
  babyCuesDiary,
];

export default freebies;
