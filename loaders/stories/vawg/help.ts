// Help lines for the VAWG story. Every number and address was found in a public source, named here with its address
// and its own date (or "undated page" when it gives none). Nothing is typed from memory; where no source gave a
// number (the Rape Crisis Support Line's), the page gives the service's web address only.
import type {Contact, ContactSource} from "../../site/components.ts";
import {STAFFORDSHIRE_POLICE_CONTACT} from "../county-lines/help.ts";

const SILENT_SOLUTION: ContactSource[] = [
  {title: "ITV News, “What to do if you are unable to speak during a 999 call”", url: "https://www.itv.com/news/2019-04-08/how-silent-999-calls-should-be-done-as-police-campaign-busts-myth/", date: "8 April 2019"},
  {title: "Heart, “What to do if you need to call 999 but can't talk” (quoting the Independent Office for Police Conduct)", url: "https://heart.co.uk/news/what-to-do-if-you-need-to-call-999-but-cant-talk", date: "14 April 2019"}
];

const NEW_ERA: ContactSource[] = [
  {title: "Lichfield Live, “Domestic abuse helpline remains open to support people in Lichfield and Burntwood”", url: "https://lichfieldlive.co.uk/2020/03/19/domestic-abuse-helpline-remains-open-to-support-people-in-lichfield-and-burntwood/", date: "19 March 2020"},
  {title: "Staffordshire Police, “Domestic Abuse”", url: "https://www.staffordshire.police.uk/domesticabuse", date: null},
  {title: "Lichfield Live, “Three-year contract awarded to deliver domestic abuse support service across Staffordshire”", url: "https://lichfieldlive.co.uk/2023/08/22/three-year-contract-awarded-to-deliver-domestic-abuse-support-service-across-staffordshire/", date: "22 August 2023"}
];

export const EMERGENCY: Contact = {
  name: "In an emergency: 999",
  text: "If you are in danger now, call 999. If you cannot speak, listen to the operator and cough or tap the phone if you can. On a mobile, when a recorded message asks, press 55: your call is put through to the police. Pressing 55 does not tell the police where you are. This is the Silent Solution.",
  sources: SILENT_SOLUTION
};

export const LOCAL_SERVICE: Contact = {
  name: "New Era (Staffordshire and Stoke-on-Trent)",
  text: "The domestic abuse service paid for by the Staffordshire Commissioner and the two councils, run by Victim Support: free, confidential help for anyone affected by domestic abuse, 24 hours a day, by phone or live chat.",
  phone: "0300 303 3778",
  web: "https://www.new-era.uk",
  sources: NEW_ERA
};

export const NATIONAL_HELPLINE: Contact = {
  name: "National Domestic Abuse Helpline (run by Refuge)",
  text: "Free and confidential, 24 hours a day.",
  phone: "0808 2000 247",
  web: "https://www.nationaldahelpline.org.uk",
  sources: [
    {title: "The Independent, “International Women's Day: Olivia Colman among celebrities highlighting domestic abuse helpline on social media”", url: "https://www.independent.co.uk/life-style/women/refuge-domestic-abuse-helpline-number-twitter-olivia-colman-international-womens-day-a9384386.html", date: "8 March 2020"},
    {title: "Refuge, “Refuge responds to reports of potential increase in domestic abuse during COVID-19”", url: "https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19", date: null}
  ]
};

/** The help lines the page shows first and in its help step. */
export const HELP_NOW: Contact[] = [EMERGENCY, NATIONAL_HELPLINE, LOCAL_SERVICE];

export const MORE_HELP: Contact[] = [
  {
    name: "Rape Crisis 24/7 Support Line",
    text: "Run by Rape Crisis England and Wales: free phone and online chat, 24 hours a day, every day, for anyone aged 16 or over affected by rape, sexual assault, sexual abuse or harassment, whenever it happened. Phone and online chat details are on its website.",
    web: "https://247sexualabusesupport.org.uk",
    sources: [
      {title: "ITV News, “Rape survivors turn to new 24-7 helpline for support as justice system struggles with delays”", url: "https://www.itv.com/news/2022-12-07/new-helpline-for-rape-victims-but-worries-over-justice-system-delays-remain", date: "7 December 2022"},
      {title: "Rape Crisis 24/7 Support Line, “FAQs”", url: "https://247sexualabusesupport.org.uk/faqs/", date: null}
    ]
  },
  {
    name: "Respect Phoneline",
    text: "For anyone worried that their own behaviour towards a partner or family is abusive, and wanting to stop.",
    phone: "0808 802 4040",
    web: "https://www.respect.org.uk",
    sources: [
      {title: "RISE, “Perpetrators”", url: "https://www.riseuk.org.uk/get-help/about-domestic-abuse/perpetrators", date: null},
      {title: "Respect, “Valentine's Day at Respect: It's not love if…”", url: "https://www.respect.org.uk/articles/valentine-s-day-at-respect-it-s-not-love-if", date: null}
    ]
  },
  {
    name: "Police, not an emergency: 101",
    text: "To report something that has already happened and is not an emergency, call 101.",
    sources: [STAFFORDSHIRE_POLICE_CONTACT]
  }
];
