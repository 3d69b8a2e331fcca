//! Closed word lists that recognition relies on: titles, speech verbs, name particles,
//! capitalised words that start sentences but name no one, and the nouns that end names of
//! organisations and places.

/// Words that can stand in a person's title ("Lieutenant General", "Deputy Prime Minister").
pub const TITLE_WORDS: &[&str] = &[
    "president", "vice", "prime", "minister", "deputy", "foreign", "defence", "defense", "interior", "finance", "general",
    "lieutenant", "lt", "gen", "maj", "major", "col", "colonel", "brig", "brigadier", "capt", "captain", "sgt", "sergeant",
    "mr", "mrs", "ms", "dr", "mullah", "maulana", "maulvi", "sheikh", "shaikh", "haji", "sardar", "ambassador", "commander",
    "chief", "spokesman", "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "emir", "amir", "senator",
    "secretary", "envoy", "director", "governor", "mayor", "judge", "justice", "cleric", "imam", "field", "marshal",
    "admiral", "professor", "prof", "premier", "chancellor", "pope", "ayatollah", "sultan", "crown", "supreme", "leader",
    "former", "retired", "retd", "head", "founder", "co", "state", "army", "air", "navy", "naval", "chairman", "chairwoman",
    "chair", "speaker", "sen", "rep", "gov", "adm", "cmdr", "col", "lieutenant-general", "sir", "lord", "dame", "rabbi",
];

/// Lower-case words before a name that show it is a person ("journalist Asad Toll").
pub const PERSON_CUES: &[&str] = &[
    "journalist", "reporter", "analyst", "expert", "spokesman", "spokeswoman", "spokesperson", "commander", "chief",
    "president", "minister", "leader", "founder", "general", "ambassador", "envoy", "official", "activist", "lawyer",
    "cleric", "scholar", "writer", "author", "researcher", "professor", "editor", "correspondent", "premier", "governor",
    "head", "director", "secretary", "mullah", "son", "daughter", "brother", "wife", "husband", "militant", "colonel",
];

/// Verbs of saying after a name ("Koribco said").
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "wrote", "writes", "stated", "noted", "explained", "warned", "reminded",
    "revealed", "claimed", "argued", "insisted", "announced", "confirmed", "denied", "tweeted", "posted", "recalled",
    "asked", "urged", "stressed", "acknowledged", "admitted",
];

/// Lower-case particles inside names ("Osama bin Laden", "Ahmad Shah Massoud" needs none).
pub const NAME_PARTICLES: &[&str] = &["bin", "ibn", "bint", "al", "el", "ul", "ud", "de", "da", "di", "van", "von", "der", "del", "la", "le"];

/// Capitalised words that begin sentences or headlines but are not names.
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "however", "meanwhile", "this", "that", "these", "those",
    "according", "after", "before", "during", "since", "while", "although", "though", "when", "if", "as", "for", "with",
    "from", "by", "of", "to", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "some", "many",
    "several", "other", "others", "both", "all", "almost", "about", "now", "then", "also", "furthermore", "additionally",
    "moreover", "hundreds", "thousands", "dozens", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "once", "yet", "still", "even", "there", "here", "what", "who", "why", "how", "where", "which", "because",
    "despite", "amid", "under", "over", "between", "among", "against", "without", "within", "until", "instead", "apart",
    "further", "later", "earlier", "last", "next", "first", "second", "new", "latest", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "no", "not", "will", "would", "could", "should", "can", "may", "is",
    "are", "was", "were", "has", "have", "had", "do", "does", "did", "be", "read", "more", "most", "such", "each", "every",
    "any", "much", "so", "thus", "therefore", "well", "just", "only", "already", "again", "recently", "today", "yesterday",
    "tomorrow", "officials", "sources", "analysts", "experts", "people", "residents", "witnesses", "police", "security",
    "mr", "mrs", "ms", "dr", "islamic", "muslim", "christian", "western", "eastern", "northern", "southern", "central",
];

/// Last words that make a capitalised name an organisation.
pub const ORG_HEADS: &[&str] = &[
    "media", "times", "post", "news", "institute", "center", "centre", "council", "agency", "office", "ministry", "party",
    "front", "army", "forces", "movement", "group", "network", "brigade", "brigades", "committee", "union", "bank",
    "corporation", "company", "university", "foundation", "association", "organisation", "organization", "force",
    "alliance", "league", "court", "commission", "department", "service", "guard", "guards", "tribune", "herald",
    "journal", "gazette", "observer", "telegraph", "express", "daily", "radio", "television", "tv", "press", "bureau",
    "federation", "coalition", "battalion", "regiment", "division", "corps", "assembly", "parliament", "senate", "cabinet",
    "directorate", "authority", "board", "trust", "fund", "programme", "program", "mission", "watch", "international",
];

/// Last words that make a capitalised name a place.
pub const PLACE_HEADS: &[&str] = &[
    "line", "region", "province", "valley", "district", "city", "strip", "sea", "river", "mountains", "mountain", "pass",
    "border", "county", "state", "island", "islands", "gulf", "bay", "desert", "lake", "plain", "plateau", "corridor",
    "camp", "airport", "base", "port", "crossing", "square", "street", "road", "bridge", "dam", "hills", "heights",
];

/// Words that may stand between a country and a sector word ("Pakistani security forces").
pub const SECTOR_MODIFIERS: &[&str] = &[
    "security", "armed", "special", "local", "elite", "border", "regular", "paramilitary", "government", "intelligence",
    "state", "federal", "national", "provincial", "allied", "rebel", "naval", "air", "ground", "military", "senior",
    "top", "former", "interim", "de", "facto",
];
