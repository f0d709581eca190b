/**
 * The raw material of the synthetic corpus: countries with their cities, outlets, organisation
 * patterns, name pools by region and cooperation topics. Kept apart from the templates so the
 * world can grow without touching how articles are written.
 */

export interface CountryInfo {
  name: string;
  demonym: string;
  cities: readonly string[];
  /** Name pool used for people of this country. */
  region: Region;
}

export type Region = "turkic" | "slavic" | "caucasus" | "persian" | "balkan" | "east" | "arab";

const c = (name: string, demonym: string, region: Region, cities: string): CountryInfo => ({ name, demonym, region, cities: cities.split(",") });

export const COUNTRIES: readonly CountryInfo[] = [
  c("Azerbaijan", "Azerbaijani", "turkic", "Baku,Ganja,Sumgait"),
  c("Kazakhstan", "Kazakh", "turkic", "Astana,Almaty,Shymkent"),
  c("Kyrgyzstan", "Kyrgyz", "turkic", "Bishkek,Osh,Karakol"),
  c("Uzbekistan", "Uzbek", "turkic", "Tashkent,Samarkand,Bukhara"),
  c("Turkmenistan", "Turkmen", "turkic", "Ashgabat,Turkmenabat,Mary"),
  c("Turkey", "Turkish", "turkic", "Ankara,Istanbul,Izmir"),
  c("Tajikistan", "Tajik", "persian", "Dushanbe,Khujand,Kulob"),
  c("Iran", "Iranian", "persian", "Tehran,Tabriz,Isfahan"),
  c("Afghanistan", "Afghan", "persian", "Kabul,Herat,Mazar-i-Sharif"),
  c("Russia", "Russian", "slavic", "Moscow,Kazan,Novosibirsk"),
  c("Belarus", "Belarusian", "slavic", "Minsk,Gomel,Brest"),
  c("Ukraine", "Ukrainian", "slavic", "Kyiv,Lviv,Odesa"),
  c("Moldova", "Moldovan", "balkan", "Chisinau,Balti,Cahul"),
  c("Georgia", "Georgian", "caucasus", "Tbilisi,Batumi,Kutaisi"),
  c("Armenia", "Armenian", "caucasus", "Yerevan,Gyumri,Vanadzor"),
  c("Serbia", "Serbian", "balkan", "Belgrade,Novi Sad,Nis"),
  c("Bulgaria", "Bulgarian", "balkan", "Sofia,Plovdiv,Varna"),
  c("Romania", "Romanian", "balkan", "Bucharest,Cluj-Napoca,Iasi"),
  c("Hungary", "Hungarian", "balkan", "Budapest,Debrecen,Szeged"),
  c("Poland", "Polish", "slavic", "Warsaw,Krakow,Gdansk"),
  c("Mongolia", "Mongolian", "east", "Ulaanbaatar,Erdenet,Darkhan"),
  c("China", "Chinese", "east", "Beijing,Shanghai,Urumqi"),
  c("Vietnam", "Vietnamese", "east", "Hanoi,Ho Chi Minh City,Da Nang"),
  c("Korea", "Korean", "east", "Seoul,Busan,Incheon"),
  c("Egypt", "Egyptian", "arab", "Cairo,Alexandria,Giza"),
  c("Jordan", "Jordanian", "arab", "Amman,Irbid,Aqaba"),
  c("Qatar", "Qatari", "arab", "Doha,Al Wakrah,Al Khor"),
  c("Oman", "Omani", "arab", "Muscat,Salalah,Sohar"),
  c("Pakistan", "Pakistani", "persian", "Islamabad,Lahore,Karachi"),
  c("Lithuania", "Lithuanian", "slavic", "Vilnius,Kaunas,Klaipeda"),
  c("Latvia", "Latvian", "slavic", "Riga,Daugavpils,Liepaja"),
  c("Estonia", "Estonian", "slavic", "Tallinn,Tartu,Narva"),
];

export const OUTLETS: readonly { name: string; domain: string }[] = [
  { name: "AZERTAC", domain: "azertag.az" },
  { name: "Trend News Agency", domain: "en.trend.az" },
  { name: "Kabar", domain: "kabar.kg" },
  { name: "Kazinform", domain: "inform.kz" },
  { name: "UzDaily", domain: "uzdaily.uz" },
  { name: "Tehran Times", domain: "tehrantimes.com" },
  { name: "Anadolu Agency", domain: "aa.com.tr" },
  { name: "Armenpress", domain: "armenpress.am" },
  { name: "BelTA", domain: "eng.belta.by" },
  { name: "Report.az", domain: "report.az" },
  { name: "Interfax", domain: "interfax.com" },
  { name: "24.kg", domain: "24.kg" },
  { name: "Daily Sabah", domain: "dailysabah.com" },
  { name: "Montsame", domain: "montsame.mn" },
  { name: "Agerpres", domain: "agerpres.ro" },
];

/** Organisation name patterns; `{C}` is the country, `{D}` the demonym. */
export const ORG_PATTERNS: readonly { pattern: string; kind: "union" | "ministry" | "employers" }[] = [
  { pattern: "Federation of Trade Unions of {C}", kind: "union" },
  { pattern: "{D} Confederation of Labour", kind: "union" },
  { pattern: "Ministry of Labour and Social Protection of {C}", kind: "ministry" },
  { pattern: "{D} Union of Metal and Mining Workers", kind: "union" },
  { pattern: "{D} Education and Science Workers' Union", kind: "union" },
  { pattern: "National Confederation of Employers of {C}", kind: "employers" },
];

export const ROLES: Record<"union" | "ministry" | "employers", readonly string[]> = {
  union: ["Chairman", "Deputy Chairman", "head of the international department", "Secretary General"],
  ministry: ["Minister", "Deputy Minister", "head of the labour migration department", "State Secretary"],
  employers: ["President", "Vice-President", "Executive Director", "board member"],
};

export const FIRST_NAMES: Record<Region, readonly string[]> = {
  turkic: ["Sahil", "Nurlan", "Aibek", "Dzhamilya", "Rustam", "Elmira", "Talgat", "Gulnara", "Azamat", "Zhanna", "Murat", "Aigul", "Bakhyt", "Kanat", "Leyla", "Orhan", "Farid", "Dinara", "Yerlan", "Kamila"],
  slavic: ["Sergei", "Olga", "Dmitry", "Natalia", "Andrei", "Irina", "Viktor", "Yelena", "Pavel", "Svetlana", "Mikhail", "Tatiana", "Oleg", "Anna", "Igor", "Marta", "Tomas", "Ieva"],
  caucasus: ["Giorgi", "Nino", "Levan", "Tamar", "Armen", "Anahit", "Davit", "Lilit", "Zurab", "Ketevan", "Ashot", "Mariam"],
  persian: ["Mohammad", "Zahra", "Ali", "Fatemeh", "Reza", "Maryam", "Khurshed", "Dilnoza", "Hamid", "Parvin", "Imran", "Ayesha"],
  balkan: ["Ion", "Elena", "Milan", "Jelena", "Nikolai", "Maria", "Dragan", "Ivana", "Laszlo", "Zsofia", "Vasile", "Ana"],
  east: ["Batbayar", "Oyunchimeg", "Wei", "Li Na", "Minh", "Thu", "Jisoo", "Hyun", "Ganbold", "Tuya", "Jun", "Mei"],
  arab: ["Ahmed", "Fatima", "Khaled", "Layla", "Omar", "Huda", "Yousef", "Salma", "Tariq", "Noor", "Hassan", "Rania"],
};

export const SURNAMES: Record<Region, readonly string[]> = {
  turkic: ["Babayev", "Jumadilde", "Aliyev", "Kasymov", "Dzhaparov", "Nurlanov", "Abdullayev", "Iskakov", "Mammadov", "Tokayev", "Khalilov", "Zhumabekov", "Yildiz", "Demir", "Sadykov", "Karimov", "Ismailov", "Dzhumabayev", "Akhmetov", "Guliyev", "Orazov", "Beknazarov", "Tursunbekov", "Kurbanov", "Hasanov", "Rzayev", "Sultanov", "Omarov", "Dzhuraev", "Yusupov"],
  slavic: ["Ivanov", "Petrenko", "Sokolova", "Kovalenko", "Morozov", "Volkova", "Lebedev", "Novak", "Kozlov", "Pavlova", "Sidorenko", "Fedorov", "Kuznetsova", "Zhukov", "Kazlauskas", "Ozols", "Tamm", "Grigoryev", "Bondarenko", "Shevchenko", "Melnikov", "Orlova", "Kowalski", "Yakovlev"],
  caucasus: ["Beridze", "Sargsyan", "Kapanadze", "Hakobyan", "Gelashvili", "Petrosyan", "Lomidze", "Grigoryan", "Tsereteli", "Avetisyan", "Japaridze", "Harutyunyan", "Khachatryan", "Mamaladze"],
  persian: ["Rahimi", "Hosseini", "Karimzoda", "Ahmadi", "Rahmonov", "Mohammadi", "Nazarov", "Sharifi", "Kazemi", "Qodirov", "Khan", "Yusufzai", "Safarov", "Jafari"],
  balkan: ["Popescu", "Jovanovic", "Ionescu", "Petrovic", "Dimitrov", "Nagy", "Rusu", "Nikolic", "Georgiev", "Kovacs", "Ceban", "Stoica", "Markovic", "Toth"],
  east: ["Batjargal", "Zhang", "Nguyen", "Kim", "Ganbaatar", "Liu", "Tran", "Park", "Erdene", "Wang", "Pham", "Lee"],
  arab: ["Al-Masri", "Haddad", "Al-Thani", "Nasser", "Al-Busaidi", "Khalil", "Mansour", "Saleh", "Al-Rashid", "Hamdan", "Aziz", "Farouk"],
};

/** Cooperation topics; `short` is how a question would name it. */
export const TOPICS: readonly { long: string; short: string; sector: string }[] = [
  { long: "occupational safety and health", short: "workplace safety", sector: "construction" },
  { long: "the protection of migrant workers' rights", short: "migrant workers", sector: "services" },
  { long: "vocational training and retraining", short: "vocational training", sector: "manufacturing" },
  { long: "social partnership and collective bargaining", short: "collective bargaining", sector: "metallurgy" },
  { long: "pension rights of labour migrants", short: "pensions", sector: "transport" },
  { long: "youth employment", short: "jobs for young people", sector: "retail" },
  { long: "women's participation in trade unions", short: "women in unions", sector: "textile" },
  { long: "legal aid for union members", short: "legal assistance", sector: "public" },
  { long: "minimum wage standards", short: "minimum wages", sector: "agriculture" },
  { long: "the employment of people with disabilities", short: "disabled workers", sector: "healthcare" },
  { long: "sanatorium and health resort services for workers", short: "workers' holidays", sector: "tourism" },
  { long: "the digitalisation of labour inspections", short: "digital labour inspection", sector: "information technology" },
  { long: "seasonal agricultural work", short: "seasonal farm work", sector: "agriculture" },
  { long: "mining safety standards", short: "safety in mines", sector: "mining" },
  { long: "teachers' salaries and working conditions", short: "teachers' pay", sector: "education" },
  { long: "the exchange of labour market information", short: "labour market data", sector: "public" },
];

/** Names that never occur in a generated article: for unanswerable questions. */
export const FICTIONAL = {
  countries: ["Valdoria", "Zembla", "Ruritania", "Estovia", "Karplandia", "Norvosia", "Tamburia", "Orsinia"],
  people: ["Ruslan Tamerlanovich", "Ingrid Vasquez", "Kofi Mensah", "Hiroshi Tanabe", "Pierre Lafontaine", "Astrid Lindqvist", "Bogdan Zhelev", "Chiara Benedetti"],
  organisations: ["Global Federation of Lighthouse Keepers", "Pan-Arctic Dockworkers' Alliance", "International Union of Balloon Pilots", "Guild of Submarine Engineers"],
};

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
