//! Sentence splitting on hard cases from news text: abbreviations, titles, initials, acronyms,
//! numbers, quotes, brackets, headlines, lists, URLs. Each case is an input (lines are
//! paragraphs) and the sentences expected. The test prints the share of cases split exactly
//! right and fails if it drops below the floor, so a regression shows.

use sitrep_model::Span;
use sitrep_text::sentences;

/// Cases split fully right / all cases must stay at or above this.
const FLOOR: f64 = 0.99;

const CASES: &[(&str, &[&str])] = &[
    // Titles and ranks
    ("Lt. Gen. Malik met President Rahmon. He left.", &["Lt. Gen. Malik met President Rahmon.", "He left."]),
    ("Mr. Tour said so. Mrs. Tour did not.", &["Mr. Tour said so.", "Mrs. Tour did not."]),
    ("Maj. Gen. (retd.) A. K. Singh spoke. Others listened.", &["Maj. Gen. (retd.) A. K. Singh spoke.", "Others listened."]),
    ("Dr. Amina Yusuf treated the wounded. Prof. Karim agreed.", &["Dr. Amina Yusuf treated the wounded.", "Prof. Karim agreed."]),
    ("Col. Assimi Goita took power. Capt. Traore followed.", &["Col. Assimi Goita took power.", "Capt. Traore followed."]),
    ("Sgt. Maj. Ruiz was killed. Two others were hurt.", &["Sgt. Maj. Ruiz was killed.", "Two others were hurt."]),
    (
        "Adm. Kurosawa inspected the fleet. Brig. Gen. Okafor did not.",
        &["Adm. Kurosawa inspected the fleet.", "Brig. Gen. Okafor did not."],
    ),
    (
        "Gov. Hochul spoke to Sen. Schumer. Rep. Ocasio-Cortez was absent.",
        &["Gov. Hochul spoke to Sen. Schumer.", "Rep. Ocasio-Cortez was absent."],
    ),
    ("The Rev. Jesse Jackson marched. Fr. Tomasz prayed.", &["The Rev. Jesse Jackson marched.", "Fr. Tomasz prayed."]),
    ("Ms. Baerbock arrived late. The talks began.", &["Ms. Baerbock arrived late.", "The talks began."]),
    ("Messrs. Smith and Jones resigned. Their deputies stayed.", &["Messrs. Smith and Jones resigned.", "Their deputies stayed."]),
    ("Insp. Gen. Mohammed Adamu ordered a probe. It began Monday.", &["Insp. Gen. Mohammed Adamu ordered a probe.", "It began Monday."]),
    ("Gen. (Retd.) Pervez Musharraf died. He was 79.", &["Gen. (Retd.) Pervez Musharraf died.", "He was 79."]),
    ("Supt. Rana denied it. The family disagreed.", &["Supt. Rana denied it.", "The family disagreed."]),
    ("Amb. Linda Thomas-Greenfield voted no. China abstained.", &["Amb. Linda Thomas-Greenfield voted no.", "China abstained."]),
    ("Pres. Ruto signed the bill. Parliament cheered.", &["Pres. Ruto signed the bill.", "Parliament cheered."]),
    (
        "Lt. Col. Paul-Henri Damiba was ousted. Capt. Ibrahim Traore took over.",
        &["Lt. Col. Paul-Henri Damiba was ousted.", "Capt. Ibrahim Traore took over."],
    ),
    ("Cmdr. Reyes said the ship was hit. No one died.", &["Cmdr. Reyes said the ship was hit.", "No one died."]),
    ("He met Gen. Abdel Fattah al-Burhan. They spoke for an hour.", &["He met Gen. Abdel Fattah al-Burhan.", "They spoke for an hour."]),
    ("The Hon. Member objected. The Speaker overruled him.", &["The Hon. Member objected.", "The Speaker overruled him."]),
    // Initials
    ("A. K. Singh retired. He lives in Delhi.", &["A. K. Singh retired.", "He lives in Delhi."]),
    ("J.R.R. Tolkien wrote it. Many read it.", &["J.R.R. Tolkien wrote it.", "Many read it."]),
    ("George W. Bush ordered the invasion. It began in March.", &["George W. Bush ordered the invasion.", "It began in March."]),
    ("The letter was signed by P. Chidambaram. It was short.", &["The letter was signed by P. Chidambaram.", "It was short."]),
    (
        "M. K. Stalin and E. Palaniswami clashed. Both claimed victory.",
        &["M. K. Stalin and E. Palaniswami clashed.", "Both claimed victory."],
    ),
    ("Under Plan B. Nothing changed.", &["Under Plan B.", "Nothing changed."]),
    ("Ex-minister S.M. Krishna died. He was 92.", &["Ex-minister S.M. Krishna died.", "He was 92."]),
    // Acronyms
    ("The U.S.-backed government fell. It was 2021.", &["The U.S.-backed government fell.", "It was 2021."]),
    ("They flew to the U.K. Officials said it was planned.", &["They flew to the U.K.", "Officials said it was planned."]),
    ("The U.S. Army left. The Taliban entered.", &["The U.S. Army left.", "The Taliban entered."]),
    ("Sanctions were imposed by the U.S. The E.U. followed.", &["Sanctions were imposed by the U.S.", "The E.U. followed."]),
    ("The U.N. Security Council met. It adopted a resolution.", &["The U.N. Security Council met.", "It adopted a resolution."]),
    ("He studied in the U.S. He returned in 2010.", &["He studied in the U.S.", "He returned in 2010."]),
    (
        "The U.S. State Department condemned it. Russia denied involvement.",
        &["The U.S. State Department condemned it.", "Russia denied involvement."],
    ),
    (
        "Troops of the U.A.E. arrived. Saudi forces were already there.",
        &["Troops of the U.A.E. arrived.", "Saudi forces were already there."],
    ),
    (
        "The deal was struck in the U.S. Capitol. Lawmakers applauded.",
        &["The deal was struck in the U.S. Capitol.", "Lawmakers applauded."],
    ),
    ("Aid came from the U.N. and the E.U. Both pledged more.", &["Aid came from the U.N. and the E.U.", "Both pledged more."]),
    ("The N.Y.P.D. made arrests. Protesters dispersed.", &["The N.Y.P.D. made arrests.", "Protesters dispersed."]),
    ("NATO met in Brussels. The UN did not attend.", &["NATO met in Brussels.", "The UN did not attend."]),
    ("He joined the IMF. Later he led the WTO.", &["He joined the IMF.", "Later he led the WTO."]),
    (
        "Washington, D.C. Police said two were held. More arrests may follow.",
        &["Washington, D.C. Police said two were held.", "More arrests may follow."],
    ),
    ("The U.S. and U.K. Governments agreed. France objected.", &["The U.S. and U.K. Governments agreed.", "France objected."]),
    // Dates, numbers, times
    ("Talks began on Jan. 5 in Doha. No. 3 was next.", &["Talks began on Jan. 5 in Doha.", "No. 3 was next."]),
    ("The vote is set for Feb. 14. Observers will attend.", &["The vote is set for Feb. 14.", "Observers will attend."]),
    ("It happened on Sept. 11, 2001. Nearly 3,000 died.", &["It happened on Sept. 11, 2001.", "Nearly 3,000 died."]),
    ("He was born in Dec. 1950. He died last week.", &["He was born in Dec. 1950.", "He died last week."]),
    ("Talks resume in Oct. Both sides agreed.", &["Talks resume in Oct.", "Both sides agreed."]),
    ("Resolution No. 2334 passed. Israel rejected it.", &["Resolution No. 2334 passed.", "Israel rejected it."]),
    ("He said no. The talks ended.", &["He said no.", "The talks ended."]),
    ("See Art. 51 of the Charter. It allows self-defence.", &["See Art. 51 of the Charter.", "It allows self-defence."]),
    ("Growth was 3.5 percent. Inflation rose to 7.2 percent.", &["Growth was 3.5 percent.", "Inflation rose to 7.2 percent."]),
    (
        "The blast came at 5 p.m. Tuesday near the market. Police sealed it off.",
        &["The blast came at 5 p.m. Tuesday near the market.", "Police sealed it off."],
    ),
    ("The curfew starts at 10 p.m. Residents must stay home.", &["The curfew starts at 10 p.m.", "Residents must stay home."]),
    ("Fighting began at 4 a.m. local time. It lasted hours.", &["Fighting began at 4 a.m. local time.", "It lasted hours."]),
    ("The fund is worth $1.5 bn. It was set up in 2019.", &["The fund is worth $1.5 bn.", "It was set up in 2019."]),
    ("Losses reached Rs. 400 crore. The state sought aid.", &["Losses reached Rs. 400 crore.", "The state sought aid."]),
    ("It cost $2.3 million. Donors paid.", &["It cost $2.3 million.", "Donors paid."]),
    ("Temperatures hit 45.6 degrees. Schools closed.", &["Temperatures hit 45.6 degrees.", "Schools closed."]),
    ("Version 2.0.1 was released. It fixed the bug.", &["Version 2.0.1 was released.", "It fixed the bug."]),
    ("The count was 1,204. Officials said 12 more were missing.", &["The count was 1,204.", "Officials said 12 more were missing."]),
    ("He won 52.3% of the vote. His rival conceded.", &["He won 52.3% of the vote.", "His rival conceded."]),
    ("The shelling killed 12. 40 more were wounded.", &["The shelling killed 12.", "40 more were wounded."]),
    ("Flight no. 302 crashed. All aboard died.", &["Flight no. 302 crashed.", "All aboard died."]),
    ("Polls closed at 6 p.m. on Sunday. Counting began.", &["Polls closed at 6 p.m. on Sunday.", "Counting began."]),
    // Places
    ("He fled to St. Petersburg. Police followed.", &["He fled to St. Petersburg.", "Police followed."]),
    ("Mt. Everest was closed. Climbers waited.", &["Mt. Everest was closed.", "Climbers waited."]),
    ("Troops left Ft. Bragg. They flew east.", &["Troops left Ft. Bragg.", "They flew east."]),
    ("The march went down Pennsylvania Ave. Police watched.", &["The march went down Pennsylvania Ave.", "Police watched."]),
    ("They met at St. Peter's Square. The Pope blessed them.", &["They met at St. Peter's Square.", "The Pope blessed them."]),
    // Ellipses
    ("He paused... Then he spoke.", &["He paused...", "Then he spoke."]),
    ("The war is over… Or is it?", &["The war is over…", "Or is it?"]),
    ("The list goes on... and on.", &["The list goes on... and on."]),
    ("We will . . . win.", &["We will . . . win."]),
    // Quotes
    ("\"We are done,\" he said. She agreed.", &["\"We are done,\" he said.", "She agreed."]),
    ("Is it over? \"No!\" She left.", &["Is it over?", "\"No!\"", "She left."]),
    ("He said: \"We will fight. We will win.\" The crowd cheered.", &["He said: \"We will fight.", "We will win.\"", "The crowd cheered."]),
    ("\"Why now?\" he asked. Nobody answered.", &["\"Why now?\" he asked.", "Nobody answered."]),
    ("\"Enough!\" she shouted. The room fell silent.", &["\"Enough!\" she shouted.", "The room fell silent."]),
    ("“We will not retreat,” the commander said. “Never.”", &["“We will not retreat,” the commander said.", "“Never.”"]),
    ("“Is this peace?” asked one man. “It is a pause.”", &["“Is this peace?” asked one man.", "“It is a pause.”"]),
    ("He called it ‘a disgrace.’ Others agreed.", &["He called it ‘a disgrace.’", "Others agreed."]),
    ("“Mr. Tour lied,” she said. He denied it.", &["“Mr. Tour lied,” she said.", "He denied it."]),
    ("\"The U.S. must act,\" he said. Washington was silent.", &["\"The U.S. must act,\" he said.", "Washington was silent."]),
    (
        "She said the army was “ready.” Officials declined to comment.",
        &["She said the army was “ready.”", "Officials declined to comment."],
    ),
    ("'Go home!' they chanted. Police fired tear gas.", &["'Go home!' they chanted.", "Police fired tear gas."]),
    // Brackets
    ("The group (known as JNIM) claimed it. It gave no details.", &["The group (known as JNIM) claimed it.", "It gave no details."]),
    ("He resigned. (He later denied it.) The party split.", &["He resigned.", "(He later denied it.)", "The party split."]),
    ("The toll rose to 40 (officials said 38). Rescue went on.", &["The toll rose to 40 (officials said 38).", "Rescue went on."]),
    ("He cited the report [p. 12]. It was leaked.", &["He cited the report [p. 12].", "It was leaked."]),
    // Etc., vs., e.g., i.e.
    ("They brought food, water, etc. The trucks were stopped.", &["They brought food, water, etc.", "The trucks were stopped."]),
    ("They brought food, water, etc. and medicine.", &["They brought food, water, etc. and medicine."]),
    ("It was Russia vs. Ukraine. Neither side won.", &["It was Russia vs. Ukraine.", "Neither side won."]),
    ("The case, Smith v. Jones, was heard. It was dismissed.", &["The case, Smith v. Jones, was heard.", "It was dismissed."]),
    ("Some groups, e.g. Hamas, refused. Others accepted.", &["Some groups, e.g. Hamas, refused.", "Others accepted."]),
    (
        "The main actor, i.e. the army, denied it. Witnesses disagreed.",
        &["The main actor, i.e. the army, denied it.", "Witnesses disagreed."],
    ),
    ("The camp holds approx. 20,000 people. It is full.", &["The camp holds approx. 20,000 people.", "It is full."]),
    ("See Fig. 3 for details. The trend is clear.", &["See Fig. 3 for details.", "The trend is clear."]),
    ("The company, Acme Inc., denied it. Its shares fell.", &["The company, Acme Inc., denied it.", "Its shares fell."]),
    ("He works for Acme Corp. The firm is based in Ohio.", &["He works for Acme Corp.", "The firm is based in Ohio."]),
    // URLs and e-mail
    ("Read more at www.example.com. The site was down.", &["Read more at www.example.com.", "The site was down."]),
    (
        "The statement is at https://gov.example.org/news/2024.html. It was posted Monday.",
        &["The statement is at https://gov.example.org/news/2024.html.", "It was posted Monday."],
    ),
    ("Write to press@un.org. Replies take a week.", &["Write to press@un.org.", "Replies take a week."]),
    ("Contact j.doe@example.com for details. He is the spokesman.", &["Contact j.doe@example.com for details.", "He is the spokesman."]),
    // Headlines, lists, paragraphs
    (
        "Rebels seize Goma airport\nRebels took the airport on Sunday. Flights stopped.",
        &["Rebels seize Goma airport", "Rebels took the airport on Sunday.", "Flights stopped."],
    ),
    ("BREAKING: Ceasefire announced\nBoth sides agreed.", &["BREAKING: Ceasefire announced", "Both sides agreed."]),
    (
        "Key points\n- Troops withdrew\n- Talks resume Monday\n- Prisoners freed",
        &["Key points", "- Troops withdrew", "- Talks resume Monday", "- Prisoners freed"],
    ),
    ("1. Withdraw troops. 2. Free prisoners. 3. Hold talks.", &["1. Withdraw troops.", "2. Free prisoners.", "3. Hold talks."]),
    ("The demands were:\n1. A ceasefire\n2. Aid access", &["The demands were:", "1. A ceasefire", "2. Aid access"]),
    ("Analysis\nWhat next for Sudan?\nThe war has no end in sight.", &["Analysis", "What next for Sudan?", "The war has no end in sight."]),
    ("KABUL (Reuters) - A bomb exploded. At least 5 died.", &["KABUL (Reuters) - A bomb exploded.", "At least 5 died."]),
    // Question and exclamation
    ("Who fired first? Nobody knows. Why? The video is unclear!", &["Who fired first?", "Nobody knows.", "Why?", "The video is unclear!"]),
    ("What now?! Leaders met again.", &["What now?!", "Leaders met again."]),
    ("He asked whether Mr. Tour would run? No one said.", &["He asked whether Mr. Tour would run?", "No one said."]),
    // Lowercase continuation and odd spacing
    ("The vote was 5 to 4. the motion failed.", &["The vote was 5 to 4. the motion failed."]),
    ("Afghanistan.Tensions rose.", &["Afghanistan.Tensions rose."]),
    ("He left.  Then she left.", &["He left.", "Then she left."]),
    ("He left.\tThen she left.", &["He left.", "Then she left."]),
    // Non-English names
    ("Émile Zola wrote it. Ángel Pérez read it.", &["Émile Zola wrote it.", "Ángel Pérez read it."]),
    ("Óscar Ortiz arrived. Ülkü Demir left.", &["Óscar Ortiz arrived.", "Ülkü Demir left."]),
    (
        "Lt. Gen. Ahmad Shah Massoud's son spoke. Ahmad Massoud vowed to fight.",
        &["Lt. Gen. Ahmad Shah Massoud's son spoke.", "Ahmad Massoud vowed to fight."],
    ),
    ("Der Spiegel reported it. Dr. Müller confirmed.", &["Der Spiegel reported it.", "Dr. Müller confirmed."]),
    ("Он ушёл. Она осталась.", &["Он ушёл.", "Она осталась."]),
    ("Erdoğan met Zelenskyy. Şahin took notes.", &["Erdoğan met Zelenskyy.", "Şahin took notes."]),
    ("The town of Đà Nẵng flooded. Nguyễn Văn An helped.", &["The town of Đà Nẵng flooded.", "Nguyễn Văn An helped."]),
    ("He met Mr. Ó Ceallaigh. They talked.", &["He met Mr. Ó Ceallaigh.", "They talked."]),
];

/// Paragraphs: the non-empty lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if !body.trim().is_empty() {
            out.push(Span::new(start, start + body.len()));
        }
        start += line.len();
    }
    out
}

#[test]
fn sentence_cases_accuracy() {
    assert!(CASES.len() >= 110, "{} cases", CASES.len());
    let mut right = 0;
    for (text, want) in CASES {
        let got: Vec<&str> = sentences(text, &paragraphs(text)).iter().map(|s| s.of(text)).collect();
        if got == *want {
            right += 1;
        } else {
            eprintln!("WRONG {text:?}\n  want {want:?}\n  got  {got:?}");
        }
    }
    let acc = right as f64 / CASES.len() as f64;
    eprintln!("sentence cases: {right}/{} right, accuracy {acc:.3}", CASES.len());
    assert!(acc >= FLOOR, "sentence accuracy {acc:.3} fell below {FLOOR}");
}
