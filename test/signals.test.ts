import { describe, expect, it } from 'vitest';
import { detectSignals } from '../src/engine/analyze.ts';
import { getProtocol, type ProtocolId } from '../src/engine/protocols.ts';
import type { Role, SignalName } from '../src/engine/types.ts';

// Each signal as a table: texts that must set it and texts that must not. These are new
// sentences covering the behaviours the engine promises, not posts from the corpus.

interface Case {
  text: string;
  role?: Role;
  school?: { name: string; aliases: string[] };
  protocol?: ProtocolId;
  noConsentNames?: string[];
}
const GRIFTLAND = { name: 'Griftland College', aliases: ['Griftland'] };
const SPECTRUM = { name: 'OBS Het Spectrum', aliases: ['Spectrum'] };
const EGEL = { name: 'OBS De Egel', aliases: ['De Egel', 'Egel'] };

function signal(name: SignalName, c: Case) {
  return detectSignals(c.text, {
    protocol: getProtocol(c.protocol ?? 'cvo-baarn-soest'),
    role: c.role ?? 'employee',
    school: c.school ?? GRIFTLAND,
    ...(c.noConsentNames ? { noConsentNames: c.noConsentNames } : {}),
  })[name];
}

function table(name: SignalName, on: Case[], off: Case[]) {
  describe(name, () => {
    for (const c of on) it(`on: ${c.text.slice(0, 80)}`, () => expect(signal(name, c).value).toBe(true));
    for (const c of off) it(`off: ${c.text.slice(0, 80)}`, () => expect(signal(name, c).value).toBe(false));
  });
}

table(
  'schoolRelated',
  [
    { text: "Personal account: our school's new playground plan is great.", role: 'parent' },
    { text: 'GRIFTLAND wint de debatwedstrijd!', role: 'parent' },
    // A first-name alias after a preposition and an article.
    { text: 'Bij ons op de Christoffel wordt er goed naar ouders geluisterd.', role: 'parent', school: { name: 'Vrijeschool Christoffel', aliases: ['Christoffel'] } },
    { text: 'Trots op #griftland vandaag', role: 'parent' },
    { text: 'Dank @griftland_college voor de mooie avond', role: 'parent', school: { name: 'Griftland College', aliases: ['Griftland', '@griftland_college'] } },
    { text: 'Naar de musical van Het Spectrum', role: 'parent', school: SPECTRUM },
    // A one-word alias in lower case still names the school after a preposition, or glued into
    // a handle or an address.
    { text: 'lol moet morgen weer naar de egel, zin in 🙃', role: 'pupil', school: EGEL },
    { text: 'Vragen? Mail gerust naar info@obs-egel.nl', role: 'parent', school: EGEL },
    // A parent writing in chat style, without capitals, writes the school's name in lower case too.
    { text: 'weet iemand hoe laat het feest vrijdag begint op de schaapskooi? mijn dochter weet het niet meer', role: 'parent', school: { name: 'OBS De Schaapskooi', aliases: ['De Schaapskooi', 'Schaapskooi'] } },
    { text: 'De Zeilboot bestaat vrijdag vijftig jaar, kom allemaal!', role: 'parent', school: { name: 'OBS De Zeilboot', aliases: ['De Zeilboot', 'Zeilboot'] } },
    { text: 'Weer 8 uur lesgeven vandaag, en dan nog nakijken.' },
    { text: 'Vanavond ouderavond, duimen maar.' },
    { text: 'Mijn brugklassers waren vandaag geweldig.' },
    { text: 'De kinderen van gr8 hebben een toneelstuk gemaakt.' },
    { text: 'Welk lokaal hebben we voor bio? aantekeningen vergeten', role: 'pupil' },
    { text: 'Our school choir sang beautifully today, so proud of my students.' },
  ],
  [
    { text: 'Wat een wereldklasse redding!' },
    { text: 'Vierde rijles vandaag, bijna een paaltje geraakt.', role: 'pupil' },
    { text: 'Dat is een schoolvoorbeeld van slecht beleid.' },
    { text: 'Ze heeft me flink de les gelezen over mijn heg.' },
    { text: 'Uit dit project kunnen we lessen leren voor de volgende keer.' },
    { text: 'Het hele spectrum aan meningen kwam voorbij.', school: SPECTRUM },
    // The same alias in lower case without one is the ordinary word.
    { text: 'Zag vanmorgen een egel in onze tuin, midden op de dag.', role: 'parent', school: EGEL },
    { text: 'In de toekomst ga ik echt minder koffie drinken', role: 'parent', school: { name: 'OBS De Toekomst', aliases: ['Toekomst'] } },
    // From an adult, the alias in lower case after a preposition is the ordinary word when nothing else is about school.
    { text: 'Vanmiddag naar de schaapskooi gefietst met mijn schoonzus, wat een lammetjes!', role: 'parent', school: { name: 'OBS De Schaapskooi', aliases: ['De Schaapskooi', 'Schaapskooi'] } },
    // A capital on the article is the sentence's, not the name's.
    { text: 'De zeilboot van mijn zwager ligt weer in de haven.', role: 'parent', school: { name: 'OBS De Zeilboot', aliases: ['De Zeilboot', 'Zeilboot'] } },
    { text: 'Kamer debatteert over het lerarentekort. Benieuwd wat het oplevert.' },
    { text: 'New research: pupils in Dutch schools read less than ever. https://example.org/study' },
    { text: 'Old school gamen op de N64 met mijn broertje.' },
    { text: 'Een school makrelen onder de boot gezien!' },
  ],
);

table(
  'disclaimer',
  [
    { text: 'Mooie dag. Op persoonlijke titel.' },
    { text: 'Mooie dag. (op pers. titel)' },
    { text: 'Mooie dag #oppersoonlijketitel' },
    { text: 'Dit is mijn eigen mening, niet die van mijn werkgever.' },
    { text: 'Standpunten zijn volledig de mijne.' },
    { text: 'Views are my own.' },
    { text: 'All opinions expressed here are mine, not my employer’s.' },
    { text: 'Ik schrijf dit niet namens de school.' },
    { text: 'Dit staat los van de officiële standpunten van Griftland.' },
    { text: 'Posting in a personal capacity.' },
  ],
  [
    { text: 'Persoonlijk vind ik dit een goed plan.' },
    { text: 'Mijn mening: dit moet anders.' },
    { text: 'Naar mijn mening is dit te streng.' },
    { text: 'Persoonlijke noot: wat een jaar.' },
    { text: 'The views from the roof are amazing. All photos my own!' },
    { text: "Mijn boek heet 'Op eigen titel door het bos'." },
    { text: 'De fietsenstalling staat los van het gebouw.' },
  ],
);

table(
  'affiliation',
  [
    { text: 'Als intern begeleider van de Sint-Jozefschool krijg ik die vraag vaak.', school: { name: 'RK Basisschool Sint-Jozef', aliases: ['Sint-Jozef'] } },
    { text: 'Als docent aan het Griftland College zie ik dit elke dag.' },
    // The full name without its type word, hyphenated ("Basisschool Sint-Odulphus" -> "Sint-Odulphus").
    { text: 'Teacher at Sint-Odulphus, these are my own opinions.', school: { name: 'Basisschool Sint-Odulphus', aliases: ['Odulphus', 'de Odulphus'] } },
    { text: "Ik ben drie jaar haar SLB'er geweest op het Griftland College." },
    // The school's own type word before an alias is the name written out, not a first name before a surname.
    { text: 'Teaching at Nutsschool Zorvliet was no easy task.', school: { name: 'Nutsschool Zorgvliet', aliases: ['Zorgvliet', 'Zorvliet'] } },
    { text: 'Ik werk al tien jaar op Griftland en dit is nieuw.' },
    { text: 'Ik geef hier nu 5 jaar les, op Griftland.' },
    { text: 'As a teacher at Griftland I see this every day.' },
    { text: 'Beste ouders,\nDe school is morgen dicht.\nGroet,\nJan de Boer\nrector Griftland College', role: 'director' },
    { text: 'Lieve collega’s van Griftland, bedankt!' },
    // The school named by its hashtag, and the class is the writer's own.
    { text: 'Geheimschrift ontcijferen bij geschiedenis: mijn brugklassers zijn fanatieke codekrakers #griftland' },
    // A distinctive alias followed by its town locates the school; only a generic one ("de vrijeschool in …") may be another.
    { text: 'Vanaf 1 oktober ben ik de nieuwe schoolleider van Het Valkhof in Roden.', role: 'director', school: { name: 'ODBS Het Valkhof', aliases: ['Het Valkhof', 'Valkhof'] } },
  ],
  [
    { text: 'De snelste gymleraar van Griftland is vijftig!' },
    { text: 'Griftland doet mee aan de staking.' },
    { text: 'Als docent zie ik dit elke dag.' },
    { text: 'Onze zoon zit op Griftland en zijn mentor is top.', role: 'parent' },
    { text: 'Bloemschikken met klas 2B #griftland' },
    // "onze" with only a hashtag: anyone at the school (or a parent) says "onze klas".
    { text: 'Bloemschikken met onze klas #griftland' },
    { text: 'Als leerkracht zie ik de vrijeschool in Deventer groeien.', school: { name: 'Vrijeschool Zutphen', aliases: ['de vrijeschool'] } },
  ],
);

table(
  'pupilIdentifiable',
  [
    // A teacher answering a pupil by the first name their handle begins with.
    { text: '@joris_vk Joris, je werkstuk voor biologie staat nog niet in de ELO. Je mentor heeft het ook gevraagd.' },
    { text: 'Bram uit 3C heeft de schrijfwedstrijd gewonnen.' },
    { text: 'Knap gedaan, Noor (groep 7)!' },
    // A diminutive of a listed name (Saar) is a name too.
    { text: 'Hiep hiep hoera! Onze Saartje wordt vandaag 7 🎉 Ze trakteert straks in groep 4.', role: 'parent' },
    // A pet later in the sentence does not make the child with an age a pet.
    { text: 'Bij het buitenspelen op Griftland komt Siem (3 jaar) vertellen dat hij een hamster heeft gekregen.' },
    { text: 'De tweeling uit groep 4 had het meteen door.' },
    { text: 'L.d.J. uit 2C schreef het mooiste verhaal.' },
    { text: 'Leerling R. roept mij: "Mevrouw!" en gooit zijn etui naar me.' },
    { text: 'In de les kijkt L. (13 jaar) mij raar aan.' },
    { text: 'Dat meisje uit groep 8 met die rode krullen zong prachtig.', role: 'parent' },
    { text: 'Mijn zoon in klas 5 wordt buitengesloten op school.', role: 'parent' },
    { text: 'Onze Sem is overgegaan op Griftland!', role: 'parent' },
    { text: '@lisa.vdb haha jij was echt de beste vandaag', role: 'pupil' },
    { text: 'Knap gedaan van Daan vandaag!', noConsentNames: ['Daan'] },
    // A grade further on in the sentence after a handle, in a post about school.
    { text: 'Praktijktoets nagekeken op Griftland. @noor_vdl2 haalde een 8, eindelijk!' },
  ],
  [
    { text: 'Afscheid van meester Kees na 40 jaar.' },
    { text: 'Zaterdag de bruiloft van mijn zus Lotte.' },
    { text: 'Onze hond Bowie is geslaagd voor de puppycursus.', role: 'parent' },
    { text: 'Lieve mensen, het afscheidsfeestje voor juf Dorien van Griftland is zaterdag.', role: 'parent' },
    { text: 'meneer van Dijk van Griftland heeft vandaag z\'n halve les over z\'n hond Pip verteld 🐶', role: 'pupil' },
    { text: 'Net gehoord dat collega J. van klas 3 op Griftland zwanger is 🥹' },
    // A pronoun right after a teacher's name is the teacher, and a handle with a title is an adult's.
    { text: 'Juf Annet stopt na 38 jaar op Griftland. Wat een juf! Ze heeft duizenden kinderen leren lezen.', role: 'parent' },
    { text: '@meesterTom_ u bent echt de leukste meester van Griftland', role: 'pupil' },
    { text: 'Een leerling uit mijn mentorklas vroeg me iets moois.' },
    { text: 'One student asked a brilliant question today.' },
    { text: 'De kinderen van groep 8 zongen een lied.' },
    { text: 'Directeur J. Bakker (52) opende het schooljaar met de leerlingen.' },
    { text: 'Van een juf gehoord dat de kleuters volgend jaar naar De Linde moeten.', role: 'parent' },
    // A handle with a distance, not a grade.
    { text: 'Sportdag op Griftland! @jan_dekk liep 3,5 km in de regen.' },
    // A name from the adults' list is nobody's pupil, even next to a class.
    { text: 'Henk van groep 8 heeft de schoolreis weer perfect geregeld, dank je wel!', role: 'parent' },
  ],
);

table(
  'personalData',
  [
    { text: 'Bel conciërge Henk even: 06-12345678.' },
    // A Belgian national register number: valid check digits, or said to be one.
    { text: 'Kan iemand mij zeggen of het klopt dat ze 85.07.30-033.28 op het formulier hebben gezet?', role: 'parent' },
    { text: 'Waarom vragen ze het rijksregisternummer van ons Lowie? 18.03.12-457.21 staat nu gewoon op Smartschool!', role: 'parent' },
    // Her address, even though "mijn nummer" is near: someone else's contact details.
    { text: 'Ze heeft mijn nummer niet. Ik heb alleen haar adres, Lindelaan 14 in Voorburg, dan breng ik de tas daar.', role: 'parent' },
    // An age with the day it was reached ("werd hij 65"), and twins who turned 12 today.
    { text: 'Na 38 jaar neemt meester Joop afscheid. Op 14 juni werd hij 65 en nu gaat hij echt genieten.', role: 'director' },
    { text: 'Afscheid van de tweeling uit groep 8, die vandaag ook nog 12 werden 🎂' },
    { text: 'Mail de moeder van Sem: j.jansen@gmail.com' },
    { text: 'Hij woont op de Dorpsstraat 12, 3764 AB Soest.' },
    { text: 'Zijn BSN is 111222333, kun je dat doorgeven?' },
    { text: 'Het portaal accepteert het BSN van mijn zoon niet: 246 187 305', role: 'parent' },
    { text: 'Hiep hiep hoera, Bo uit groep 2 is vandaag 6 geworden!' },
    { text: 'Meester Kees is geopereerd aan zijn hart.' },
    { text: 'Trots op onze Sem: een 8,5 voor wiskunde op Griftland!', role: 'parent' },
    { text: 'Carpool naar Griftland: bel Hannah, +31 6 2847 1950.', role: 'parent' },
    { text: 'Carpool naar Griftland: bel Marloes (moeder van Sem uit 1B) op nul zes – 16 88 23 41.', role: 'parent' },
    // Congratulated, the age is someone else's; an age in words; a BSN in groups of three with dots.
    { text: '@jaylinn_2k happy bday sis!! 15 jaar vandaag 🥳🎂 see u in de pauze', role: 'pupil' },
    { text: 'Hoera! Vandaag werd Daan uit onze groep 8 twaalf jaar.' },
    { text: 'Voor de aanmelding op Griftland vroegen ze zijn BSN, ik zet het hier maar even neer zodat de juf het kan zien: 183.502.471', role: 'parent' },
    // An animal far from the health word is only the subject of the course, not the one who is ill.
    { text: 'Our son is in year 2 of horse care at Griftland and was told he cannot go abroad because of his epilepsy.', role: 'parent' },
    // An adult named by first name alone (a name from the adults' list): a person.
    { text: 'Ingrid heeft griep, dus vandaag sta ik alleen bij de kleuters.' },
  ],
  [
    { text: 'Vragen? info@griftland.nl of bel de receptie.' },
    { text: 'Griftland College, 035 541 2345', role: 'parent' },
    { text: 'Zet je BSN-nummer op het formulier. Bestelnummer 246 187 305 is verzonden.', role: 'parent' },
    { text: 'Bel me gerust: 06-12345678.' },
    { text: 'Ik ben vandaag 40 geworden!' },
    { text: 'Onze kat Pip is vandaag 12 geworden 🎂' },
    // Not personal data: a number in the national register's shape with wrong check digits and
    // no word saying it is one, praise slang, a driving test passed, the writer's own house.
    { text: 'Bestelnummer 18.03.12-457.21, wanneer komt mijn pakje?', role: 'parent' },
    { text: '@speelkwartier_bs the play was SICK 🔥 my son killed it as the wolf', role: 'parent' },
    { text: 'My son just passed his driving test first time!! 🚗 So proud', role: 'parent' },
    { text: 'Ons huis staat te koop! 🏡 Kastanjelaan 31, Boxtel. Open huis zaterdag van 11 tot 14 uur, welkom!', role: 'parent' },
    // A thing that died, not a relative.
    { text: "Our boiler died last night and the landlord won't pick up his phone. Any plumber tips?", role: 'parent' },
    { text: 'Onze zoon op Griftland is blij, want zijn hond is niet meer ziek.', role: 'parent' },
    { text: 'Luizen in groep 3: ouders, check alle hoofdjes.' },
    // An adult's name in another sentence (a signature) than the health word, about nobody.
    { text: 'Beste ouders,\n\nIn groep 3 heersen de waterpokken. Kinderen die zich niet ziek voelen, mogen gewoon komen.\n\nHenk Mulder, directeur' },
    { text: 'Het nummer 123456789 is geen BSN.' },
    // The writer's own work number, the school's number, a school pet's birthday.
    { text: 'Parents of my mentor class at Griftland: my work mobile is 06 2945 1183.' },
    { text: "For anyone asking: the school's main number is 0517 - 22 41 90.", role: 'parent' },
    { text: 'Onze schoolkat Snoepie is vandaag 12 geworden 🐈🎂 op Griftland.' },
    // Nobody singled out, slang praise, and a general statement.
    { text: 'Ik sta nu 11 jaar voor de klas op Griftland en elke week is er wel een collega ziek.' },
    { text: 'Dank aan meester Kees voor de drakenkoek, die met kaneel was echt ziek lekker.', role: 'parent' },
    { text: 'Vandaag stond ik weer voor de klas op Griftland. Vorig jaar ging het licht uit. Burn-out. Ik had het niet zien aankomen. #burnout #leraren' },
    { text: 'Als intern begeleider op Griftland krijg ik vragen van Sanne. 1) Een dyslexieverklaring is geen toverstaf.' },
  ],
);

table(
  'offensive',
  [
    { text: 'Tering, sleutels kwijt.' },
    { text: 'Die kankerlijers op de snelweg ook weer.' },
    { text: 'Wat een tyfusweer.' },
    { text: 'Sommige collega’s zijn echt debiel.' },
    { text: 'Als je nog één keer aan mijn fiets zit sla ik je morgen in elkaar.', role: 'pupil' },
    { text: 'You are such an idiot.' },
    { text: '@jaap ff eerlijk je bent echt de dikste van de klas 😂', role: 'pupil' },
    // An apostrophe between letters is no quotation mark: "z'n" does not quote what follows.
    { text: "Hij is echt debiel, z'n broer ook.", role: 'pupil' },
    // A curse root with one letter masked is still the curse (built from the roots).
    { text: 'k@nker saaie dag vandaag', role: 'pupil' },
    { text: 'die toets was echt t*ring moeilijk', role: 'pupil' },
  ],
  [
    { text: 'Sponsorloop voor KWF Kankerbestrijding.' },
    { text: 'Tering was vroeger een volksziekte.' },
    { text: 'Mijn tante heeft borstkanker.' },
    { text: 'Best bakery in town? Fight me.' },
    { text: 'Die sneakers zijn echt klasse.' },
    // Ordinary words that only begin like a curse root, and a masked address.
    { text: 'Nieuwe kleren gekocht en de takken van de heg gesnoeid.' },
    { text: 'Mail me op k@school.nl' },
    // Someone else's words, reported inside a short quotation.
    { text: "Die man noemde m'n dochter een 'achterlijk kind' omdat ze fladderde.", role: 'parent' },
  ],
);

table(
  'confidential',
  [
    { text: 'Vertrouwelijk: de inspectie komt volgende week.' },
    { text: 'ONDER EMBARGO tot vrijdag: we gaan fuseren.' },
    { text: 'Niet doorvertellen, maar de directeur stopt.' },
    { text: 'Mag nog niet naar buiten, maar klas 5 en 6 worden samengevoegd.' },
    { text: 'Ouders worden pas in april geïnformeerd over de fusie.' },
    // A spoiler about a test still to come.
    { text: 'Vrijdag de topografietoets van groep 7. Spoiler: alle hoofdsteden komen uit het rijtje op bladzijde 12.' },
  ],
  [
    // The writer hears a result later, and a rule bent 'officially': no news out before its time.
    { text: 'De school van Griftland belde: ik zou pas woensdag te horen krijgen of het goed was.', role: 'pupil' },
    { text: 'Snoep mee op schoolreis van Griftland: mag officieel niet, maar werkt als een malle.', role: 'parent' },
    { text: 'Het is geen geheim dat ik van kaas hou.' },
    { text: 'Ik ga niet uit de school klappen, maar het was pittig.' },
    { text: 'Ik mag er nog niks over zeggen, maar volgende week groot nieuws! 🤐' },
    { text: 'Sst, de baby slaapt.' },
  ],
);
