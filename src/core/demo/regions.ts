/**
 * Where demo people live and what they are called. Each region lists common given names
 * and family names and a few places, each with an IANA time zone and the languages people
 * there usually meet in besides English. Spread over every inhabited continent so the
 * matching engine's time-zone and language rules have real work to do.
 */
export type Place = { timezone: string; languages: readonly string[] };
export type Region = {
  name: string;
  givenNames: readonly string[];
  familyNames: readonly string[];
  places: readonly Place[];
};

export const REGIONS: readonly Region[] = [
  {
    name: "West Africa",
    givenNames: ["Amara", "Chinedu", "Kwame", "Ama", "Tunde", "Ngozi", "Kofi", "Folake", "Emeka", "Adwoa", "Aïssatou", "Moussa"],
    familyNames: ["Okafor", "Mensah", "Adeyemi", "Boateng", "Eze", "Owusu", "Balogun", "Asante", "Diallo", "Traoré"],
    places: [
      { timezone: "Africa/Lagos", languages: ["Yoruba"] },
      { timezone: "Africa/Accra", languages: ["Twi"] },
      { timezone: "Africa/Dakar", languages: ["French", "Wolof"] },
    ],
  },
  {
    name: "East Africa",
    givenNames: ["Wanjiru", "Otieno", "Achieng", "Baraka", "Amani", "Nia", "Tesfaye", "Makena", "Hirut", "Juma"],
    familyNames: ["Mwangi", "Kamau", "Odhiambo", "Njoroge", "Wekesa", "Tadesse", "Mutua", "Bekele", "Nakato"],
    places: [
      { timezone: "Africa/Nairobi", languages: ["Swahili"] },
      { timezone: "Africa/Kampala", languages: ["Swahili", "Luganda"] },
      { timezone: "Africa/Addis_Ababa", languages: ["Amharic"] },
      { timezone: "Africa/Kigali", languages: ["Kinyarwanda", "French"] },
    ],
  },
  {
    name: "Southern Africa",
    givenNames: ["Thandiwe", "Sipho", "Lerato", "Themba", "Naledi", "Pieter", "Zanele", "Tendai"],
    familyNames: ["Dlamini", "Nkosi", "Mokoena", "van der Merwe", "Moyo", "Khumalo", "Botha"],
    places: [
      { timezone: "Africa/Johannesburg", languages: ["Zulu", "Afrikaans"] },
      { timezone: "Africa/Harare", languages: ["Shona"] },
    ],
  },
  {
    name: "North Africa and the Middle East",
    givenNames: ["Youssef", "Layla", "Omar", "Nour", "Karim", "Salma", "Hana", "Tariq", "Yasmin", "Rami", "Dalia"],
    familyNames: ["Haddad", "El-Sayed", "Benali", "Mansour", "Khoury", "Nasser", "Farouk", "Saleh", "Amrani"],
    places: [
      { timezone: "Africa/Cairo", languages: ["Arabic"] },
      { timezone: "Africa/Casablanca", languages: ["Arabic", "French"] },
      { timezone: "Asia/Dubai", languages: ["Arabic"] },
      { timezone: "Asia/Amman", languages: ["Arabic"] },
    ],
  },
  {
    name: "South Asia",
    givenNames: ["Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Imran", "Farhana", "Sanjay", "Deepa", "Vikram", "Nimal", "Ayesha"],
    familyNames: ["Sharma", "Iyer", "Reddy", "Chowdhury", "Khan", "Perera", "Nair", "Gupta", "Banerjee", "Qureshi"],
    places: [
      { timezone: "Asia/Kolkata", languages: ["Hindi", "Tamil"] },
      { timezone: "Asia/Karachi", languages: ["Urdu"] },
      { timezone: "Asia/Dhaka", languages: ["Bengali"] },
      { timezone: "Asia/Colombo", languages: ["Sinhala", "Tamil"] },
    ],
  },
  {
    name: "East Asia",
    givenNames: ["Yuki", "Haruto", "Sakura", "Min-jun", "Ji-woo", "Wei", "Mei", "Jun", "Hao", "Sora", "Seo-yeon", "Xin"],
    familyNames: ["Tanaka", "Sato", "Kim", "Park", "Chen", "Wang", "Lin", "Liu", "Nakamura", "Choi"],
    places: [
      { timezone: "Asia/Tokyo", languages: ["Japanese"] },
      { timezone: "Asia/Seoul", languages: ["Korean"] },
      { timezone: "Asia/Shanghai", languages: ["Mandarin"] },
      { timezone: "Asia/Taipei", languages: ["Mandarin"] },
      { timezone: "Asia/Hong_Kong", languages: ["Cantonese", "Mandarin"] },
    ],
  },
  {
    name: "Southeast Asia",
    givenNames: ["Siti", "Rizky", "Andrea", "Paolo", "Linh", "Minh", "Nattapong", "Ploy", "Aditya", "Mariel"],
    familyNames: ["Santoso", "Reyes", "Nguyen", "Tran", "Wijaya", "Cruz", "Srisai", "Pham", "Lim", "Bautista"],
    places: [
      { timezone: "Asia/Jakarta", languages: ["Indonesian"] },
      { timezone: "Asia/Manila", languages: ["Filipino"] },
      { timezone: "Asia/Singapore", languages: ["Malay", "Mandarin"] },
      { timezone: "Asia/Ho_Chi_Minh", languages: ["Vietnamese"] },
      { timezone: "Asia/Bangkok", languages: ["Thai"] },
    ],
  },
  {
    name: "Britain and Ireland",
    givenNames: ["Oliver", "Siobhan", "Callum", "Niamh", "Harriet", "Declan", "Rhys", "Eilidh", "Priya", "Tom"],
    familyNames: ["Walsh", "Murphy", "Taylor", "Hughes", "Byrne", "Clarke", "Evans", "MacLeod", "O'Brien"],
    places: [
      { timezone: "Europe/London", languages: [] },
      { timezone: "Europe/Dublin", languages: ["Irish"] },
    ],
  },
  {
    name: "Western and Central Europe",
    givenNames: ["Léa", "Mathis", "Lena", "Jonas", "Sanne", "Daan", "Camille", "Lukas", "Chloé", "Emil", "Anouk", "Felix"],
    familyNames: ["Dubois", "Moreau", "Schneider", "Becker", "de Vries", "Jansen", "Müller", "Lefèvre", "Peeters", "Huber"],
    places: [
      { timezone: "Europe/Paris", languages: ["French"] },
      { timezone: "Europe/Berlin", languages: ["German"] },
      { timezone: "Europe/Amsterdam", languages: ["Dutch"] },
      { timezone: "Europe/Brussels", languages: ["French", "Dutch"] },
      { timezone: "Europe/Vienna", languages: ["German"] },
      { timezone: "Europe/Zurich", languages: ["German", "French"] },
    ],
  },
  {
    name: "Northern Europe",
    givenNames: ["Astrid", "Lars", "Freja", "Mikko", "Ingrid", "Aino", "Nils", "Sigrid"],
    familyNames: ["Andersson", "Hansen", "Virtanen", "Nielsen", "Johansson", "Korhonen", "Larsen"],
    places: [
      { timezone: "Europe/Stockholm", languages: ["Swedish"] },
      { timezone: "Europe/Oslo", languages: ["Norwegian"] },
      { timezone: "Europe/Helsinki", languages: ["Finnish"] },
      { timezone: "Europe/Copenhagen", languages: ["Danish"] },
    ],
  },
  {
    name: "Southern Europe",
    givenNames: ["Lucía", "Mateo", "Inês", "João", "Giulia", "Marco", "Eleni", "Nikos", "Carmen", "Tiago"],
    familyNames: ["García", "Fernández", "Silva", "Costa", "Rossi", "Bianchi", "Papadopoulos", "Ferreira", "Romano"],
    places: [
      { timezone: "Europe/Madrid", languages: ["Spanish", "Catalan"] },
      { timezone: "Europe/Lisbon", languages: ["Portuguese"] },
      { timezone: "Europe/Rome", languages: ["Italian"] },
      { timezone: "Europe/Athens", languages: ["Greek"] },
    ],
  },
  {
    name: "Eastern Europe",
    givenNames: ["Katarzyna", "Piotr", "Oksana", "Dmytro", "Ioana", "Andrei", "Tereza", "Marek", "Kristiina", "Bogdan"],
    familyNames: ["Kowalski", "Nowak", "Shevchenko", "Kovalenko", "Popescu", "Ionescu", "Novák", "Tamm", "Horvat"],
    places: [
      { timezone: "Europe/Warsaw", languages: ["Polish"] },
      { timezone: "Europe/Kyiv", languages: ["Ukrainian"] },
      { timezone: "Europe/Bucharest", languages: ["Romanian"] },
      { timezone: "Europe/Prague", languages: ["Czech"] },
      { timezone: "Europe/Tallinn", languages: ["Estonian"] },
    ],
  },
  {
    name: "Latin America",
    givenNames: ["Camila", "Santiago", "Valentina", "Thiago", "Gabriela", "Diego", "Isabela", "Rafael", "Ximena", "Joaquín"],
    familyNames: ["Oliveira", "Santos", "Hernández", "López", "Rodríguez", "Gómez", "Pereira", "Martínez", "Quispe"],
    places: [
      { timezone: "America/Sao_Paulo", languages: ["Portuguese"] },
      { timezone: "America/Mexico_City", languages: ["Spanish"] },
      { timezone: "America/Bogota", languages: ["Spanish"] },
      { timezone: "America/Argentina/Buenos_Aires", languages: ["Spanish"] },
      { timezone: "America/Santiago", languages: ["Spanish"] },
      { timezone: "America/Lima", languages: ["Spanish", "Quechua"] },
    ],
  },
  {
    name: "North America",
    givenNames: ["Jordan", "Madison", "Tyler", "Aaliyah", "Ethan", "Destiny", "Connor", "Maya", "Marcus", "Élodie", "Dakota"],
    familyNames: ["Johnson", "Williams", "Brown", "Jackson", "Tremblay", "Washington", "Miller", "Gagnon", "Begay"],
    places: [
      { timezone: "America/New_York", languages: ["Spanish"] },
      { timezone: "America/Chicago", languages: [] },
      { timezone: "America/Denver", languages: [] },
      { timezone: "America/Los_Angeles", languages: ["Spanish"] },
      { timezone: "America/Toronto", languages: ["French"] },
      { timezone: "America/Vancouver", languages: [] },
    ],
  },
  {
    name: "Oceania",
    givenNames: ["Mia", "Lachlan", "Aroha", "Tane", "Chloe", "Jack", "Mere", "Isla"],
    familyNames: ["Wilson", "Smith", "Ngata", "Parata", "Thompson", "Walker", "Nguyen"],
    places: [
      { timezone: "Australia/Sydney", languages: [] },
      { timezone: "Australia/Melbourne", languages: [] },
      { timezone: "Australia/Perth", languages: [] },
      { timezone: "Pacific/Auckland", languages: ["Māori"] },
    ],
  },
];

/** English-speaking tech hubs where people from every region also live and work. */
export const HUBS: readonly Place[] = [
  { timezone: "Europe/London", languages: [] },
  { timezone: "Europe/Berlin", languages: ["German"] },
  { timezone: "America/New_York", languages: [] },
  { timezone: "America/Los_Angeles", languages: [] },
  { timezone: "America/Toronto", languages: [] },
  { timezone: "Asia/Singapore", languages: [] },
  { timezone: "Australia/Sydney", languages: [] },
  { timezone: "Asia/Dubai", languages: [] },
];
