// Where to report drug dealing and exploitation. Every number and address here was found in a public source, named
// with its address and its own date (looked up for this story; see the story's report). Nothing is typed from memory.
import type {Contact, ContactSource} from "../../site/components.ts";

export const STAFFORDSHIRE_POLICE_CONTACT: ContactSource = {
  title: "Staffordshire Police message on reporting, February 2023, as republished by Werrington Parish Council (“Keeping you safe”)",
  url: "https://werringtonparishcouncil.com/keeping-you-safe/",
  date: "February 2023"
};

export const REPORT_CONTACTS: Contact[] = [
  {
    name: "Police: 999 or 101",
    text: "Call 999 in an emergency, if someone is in danger or a crime is happening now. Call 101 to report something that is not an emergency.",
    sources: [STAFFORDSHIRE_POLICE_CONTACT]
  },
  {
    name: "Crimestoppers",
    text: "An independent charity: tell it what you know without giving your name. It passes the information on; it never asks who you are.",
    phone: "0800 555 111",
    web: "https://www.crimestoppers-uk.org",
    sources: [{title: "ITV News Tyne Tees, “A plea to people in Middlesbrough to help stop the sale of illegal drugs”", url: "https://www.itv.com/news/tyne-tees/2021-08-09/a-plea-to-people-in-middlesbrough-to-help-stop-the-sale-of-illegal-drugs", date: "9 August 2021"}]
  },
  {
    name: "Fearless",
    text: "Crimestoppers' service for young people: advice about crime, including county lines, and a secure online form to pass on information without giving a name.",
    web: "https://www.fearless.org",
    sources: [{title: "Greatest Hits Radio (Hello Rayo) news, “Dangers of County Lines drug gangs in Yorkshire and Humber highlighted”", url: "https://hellorayo.co.uk/greatest-hits/york-north-yorkshire/news/dangers-of-county-lines-drug-gangs-in-yorkshire-and-humber-highlighted", date: "13 April 2021"}]
  }
];
