use sitrep_actors::{Dictionary, analyse};
use sitrep_model::{MentionKind, RawDoc};

fn doc(text: &str) -> (Vec<sitrep_model::Mention>, Vec<sitrep_model::Actor>) {
    let raw = RawDoc { id: "t".into(), text: text.into(), ..Default::default() };
    let (article, _) = sitrep_text::process(&raw).unwrap();
    analyse(&Dictionary::builtin().unwrap(), &article)
}

fn find<'a>(ms: &'a [sitrep_model::Mention], text: &str) -> &'a sitrep_model::Mention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {:#?}", ms.iter().map(|m| &m.text).collect::<Vec<_>>()))
}

#[test]
fn spellings_of_one_group_resolve_to_one_actor_and_lookalikes_stay_apart() {
    let (ms, _) = doc(
        "Tehreek-e-Taliban Pakistan (TTP) claimed the attack. The Tehrik-i-Taliban Pakistan is distinct from the Afghan Taliban. The Pakistani Taliban denied it.",
    );
    let ttp = find(&ms, "Tehreek-e-Taliban Pakistan").actor.clone();
    assert!(ttp.is_some());
    assert_eq!(find(&ms, "TTP").actor, ttp);
    assert_eq!(find(&ms, "Tehrik-i-Taliban Pakistan").actor, ttp);
    assert_eq!(find(&ms, "Pakistani Taliban").actor, ttp);
    assert_ne!(find(&ms, "Afghan Taliban").actor, ttp);
}

#[test]
fn acronyms_match_only_in_capitals() {
    let (ms, _) = doc("This is what IS fighters did, and it is over.");
    let is: Vec<_> = ms.iter().filter(|m| m.actor.as_deref() == Some("GRP:islamic-state")).collect();
    assert_eq!(is.len(), 1, "{ms:#?}");
    assert!(is[0].text.starts_with("IS"));
}

#[test]
fn titles_roles_and_surnames_bind_a_person() {
    let (ms, actors) = doc("Pakistan's ISI chief, Lieutenant General Asim Malik, made a visit to Tajikistan. \
         According to officials, Lt. Gen. Malik met the president. The ISI chief also met with Tajik officials.");
    // The people dictionary knows him by his full title too.
    let full = ms.iter().find(|m| m.text.ends_with("Asim Malik")).expect("the full name");
    assert_eq!(full.kind, MentionKind::Person);
    assert_eq!(full.actor.as_deref(), Some("PER:asim-malik"));
    assert_eq!(full.country.as_deref(), Some("PAK"));
    assert_eq!(find(&ms, "Malik").actor.as_deref(), Some("PER:asim-malik"));
    assert_eq!(find(&ms, "ISI chief").actor.as_deref(), Some("PER:asim-malik"), "titles-only mention resolves");
    let malik = actors.iter().find(|a| a.id == "PER:asim-malik").unwrap();
    assert!(malik.roles.iter().any(|r| r.title == "chief" && r.org.is_some()), "{:?}", malik.roles);
}

#[test]
fn spelling_variants_of_a_name_in_one_article_are_one_person() {
    let (ms, _) =
        doc("Pakistani journalist Asad Toll revealed the meeting. Asad Tour reminded readers of the warning. Mr. Tour said more.");
    let a = find(&ms, "Asad Toll").actor.clone();
    assert_eq!(find(&ms, "Asad Tour").actor, a);
    assert_eq!(find(&ms, "Tour").actor, a);
}

#[test]
fn sector_words_take_their_country() {
    let (ms, _) = doc("The Taliban attacked Pakistani troops near the border.");
    let troops = find(&ms, "Pakistani troops");
    assert_eq!(troops.country.as_deref(), Some("PAK"));
    assert_eq!(troops.agent.as_deref(), Some("MIL"));
}

#[test]
fn places_no_dictionary_knows_are_found_by_cues_and_placed_in_their_country() {
    let (ms, _) = doc(
        "Jets struck villages in the Zarghun district of Afghanistan's Paktika province on Monday. Shelling hit homes in Qarqur, Syria. Near Kabr Ali, a convoy was ambushed.",
    );
    let district = find(&ms, "Zarghun district");
    assert_eq!((district.kind, district.country.as_deref()), (MentionKind::Place, Some("AFG")));
    assert_eq!(find(&ms, "Qarqur").country.as_deref(), Some("SYR"));
    let near = find(&ms, "Kabr Ali");
    assert_eq!((near.kind, near.country.as_deref()), (MentionKind::Place, None));
}

#[test]
fn a_pronoun_with_one_person_in_view_is_that_person() {
    let (ms, _) = doc("Farid Mamundzay spoke in Kabul on Monday. He said officials had met him.");
    let id = find(&ms, "Farid Mamundzay").actor.clone();
    assert!(id.is_some());
    assert_eq!(find(&ms, "He").actor, id);
    assert_eq!(find(&ms, "him").actor, id);
    // Two people in view: the pronoun is left alone.
    let (ms, _) = doc("Farid Mamundzay met Amir Khan Muttaqi in Kabul. He said the talks had failed.");
    assert!(ms.iter().all(|m| m.text != "He"));
}

#[test]
fn a_country_before_titles_or_after_of_is_the_persons() {
    let (ms, _) = doc("Egypt's religious leader Sheikh Omar Haddad condemned the raid.");
    assert_eq!(find(&ms, "Omar Haddad").country.as_deref(), Some("EGY"), "{ms:#?}");
    let (ms, _) = doc("King Faisal of Jordan received the envoy.");
    assert_eq!(find(&ms, "Faisal").country.as_deref(), Some("JOR"), "{ms:#?}");
}

#[test]
fn clerical_titles_mark_people() {
    let (ms, _) = doc("Archbishop Tomas Lenko condemned the killings.");
    assert_eq!(find(&ms, "Tomas Lenko").kind, MentionKind::Person);
}

#[test]
fn a_sector_word_in_apposition_to_a_group_is_the_group() {
    let (ms, _) = doc("Officials blamed al-Shabaab, a militant group linked to al-Qaeda, for the bombing.");
    let group = find(&ms, "al-Shabaab").actor.clone();
    assert!(group.is_some());
    assert_eq!(find(&ms, "militant group").actor, group);
}

#[test]
fn an_abbreviated_country_takes_its_sector_word() {
    let (ms, _) = doc("U.S. forces are advising local fighters near the border.");
    let m = find(&ms, "U.S. forces");
    assert_eq!(m.kind, MentionKind::Agent);
    assert_eq!(m.actor.as_deref(), Some("USAMIL"));
}

#[test]
fn a_plural_demonym_is_the_countrys_people() {
    let (ms, _) = doc("Thousands of Syrians fled the shelling, and Syrian troops moved in.");
    let m = find(&ms, "Syrians");
    assert_eq!(m.kind, MentionKind::Agent);
    assert_eq!(m.actor.as_deref(), Some("SYR"));
    assert_eq!(find(&ms, "Syrian troops").actor.as_deref(), Some("SYRMIL"));
}

#[test]
fn a_name_and_its_shorter_form_are_one_organisation() {
    let (ms, _) = doc("The Andy Warhol Foundation for the Visual Arts gave prints. The Andy Warhol Foundation said more would follow.");
    assert_eq!(find(&ms, "Andy Warhol Foundation").actor, find(&ms, "Andy Warhol Foundation for the Visual Arts").actor);
}

#[test]
fn an_acronym_in_brackets_stands_for_the_name_before_it() {
    let (ms, _) = doc("A grant to the World Monuments Fund (WMF) will pay for the work. Experts from WMF arrived on Monday.");
    let wmf = find(&ms, "World Monuments Fund").actor.clone();
    assert!(wmf.is_some());
    assert!(ms.iter().filter(|m| m.text == "WMF").all(|m| m.actor == wmf));
    assert_eq!(ms.iter().filter(|m| m.text == "WMF").count(), 2);
    let (ms, _) = doc("Iraqi Security Forces (ISF) retook the town. The ISF then fought off attacks.");
    assert!(ms.iter().filter(|m| m.text == "ISF").all(|m| m.country.as_deref() == Some("IRQ")));
    assert_eq!(ms.iter().filter(|m| m.text == "ISF").count(), 2);
}

#[test]
fn an_acronym_that_spells_an_unknown_name_makes_it_an_organisation() {
    let (ms, _) = doc("Fighters of the Kata'ib Sayyid al-Shuhada (KSS) fired on the base. KSS denied it later.");
    let name = find(&ms, "Kata'ib Sayyid al-Shuhada");
    assert_eq!(name.kind, MentionKind::Organisation);
    assert_eq!(ms.iter().filter(|m| m.text == "KSS" && m.actor == name.actor).count(), 2);
}

#[test]
fn the_coalition_is_the_one_the_article_names() {
    let (ms, _) =
        doc("The U.S.-led coalition struck targets near Raqqa. The Coalition said 34 strikes hit. Later the coalition added more.");
    let led = ms.iter().find(|m| m.text.contains("led coalition")).expect("the named coalition");
    assert_eq!(find(&ms, "Coalition").actor, led.actor);
    assert_eq!(find(&ms, "the coalition").actor, led.actor);
    // Capitalised with none named: a coalition of its own, taking its sector words.
    let (ms, _) = doc("On Monday, Coalition military forces conducted 23 strikes.");
    assert_eq!(find(&ms, "Coalition military forces").kind, MentionKind::Organisation);
    // In lower case with none named: no actor.
    let (ms, _) = doc("The ruling coalition met on Monday, and the coalition agreed a budget.");
    assert!(ms.iter().all(|m| !m.text.contains("coalition")), "{ms:#?}");
}

#[test]
fn a_known_surname_inside_another_name_is_not_that_person() {
    let (ms, _) = doc("Syria under Assad suffered. Hafez al-Assad ruled before him, said Assad Hassan, a teacher.");
    assert_eq!(find(&ms, "Assad").actor.as_deref(), Some("PER:bashar-al-assad"));
    assert!(ms.iter().filter(|m| m.actor.as_deref() == Some("PER:bashar-al-assad")).count() == 1, "{ms:#?}");
}

#[test]
fn a_known_leaders_regime_is_his_countrys_government() {
    let (ms, _) = doc("Shelling by the Assad regime went on, and Assad's brutal regime denied it.");
    assert_eq!(find(&ms, "Assad regime").actor.as_deref(), Some("SYRGOV"));
    assert_eq!(find(&ms, "Assad's brutal regime").actor.as_deref(), Some("SYRGOV"));
}

#[test]
fn an_abbreviated_rank_that_ends_a_sentence_still_titles_the_name() {
    let (ms, _) = doc(
        "The soldier died on Monday. Spc. Isiah Booker, of Cibolo, Texas, was 31. It named George Haswani, a middleman for the regime.",
    );
    assert_eq!(find(&ms, "Isiah Booker").kind, MentionKind::Person);
    assert_eq!(find(&ms, "George Haswani").kind, MentionKind::Person);
}

#[test]
fn a_title_after_the_name_gives_the_role_past_abbreviations() {
    let (ms, actors) = doc("\"We are clear,\" said Gen. Joseph Votel, commander of U.S. Central Command.");
    let votel = find(&ms, "Joseph Votel");
    assert_eq!(votel.org.as_deref(), Some("ORG:centcom"));
    assert!(ms.iter().all(|m| !m.text.ends_with("Command.")), "the sentence's full stop is no part of the name");
    assert!(actors.iter().any(|a| a.roles.iter().any(|r| r.org.as_deref() == Some("ORG:centcom"))));
}

#[test]
fn ethnic_groups_stay_nationalities_and_titles_before_names_stay_with_them() {
    let (ms, _) = doc("Up to 100 ethnic Albanians demonstrated, and Bosnian Serbs demanded a truce. South Africans were killed.");
    assert_eq!(find(&ms, "Albanians").kind, MentionKind::Nationality);
    assert_eq!(find(&ms, "Serbs").kind, MentionKind::Nationality);
    assert_eq!(find(&ms, "South Africans").actor.as_deref(), Some("ZAF"));
    let (ms, _) = doc("U.N. Secretary-General Kofi Annan announced a plan on Monday.");
    assert_eq!(find(&ms, "U.N.").kind, MentionKind::Organisation);
}

#[test]
fn acronyms_that_spell_treaties_and_facilities_are_no_actors() {
    let (ms, _) =
        doc("India proposed a Free Trade Agreement (FTA) with her, and inspectors went to the Uranium Conversion Facility (UCF) in Iran.");
    assert!(ms.iter().all(|m| m.kind != MentionKind::Organisation), "{ms:#?}");
}

#[test]
fn a_title_named_with_its_holder_stands_for_him_later() {
    let (ms, _) = doc(
        "The Foreign Secretary, Boris Johnson, said the report was clear. After the meeting the Foreign Secretary said more would follow.",
    );
    assert_eq!(find(&ms, "the Foreign Secretary").actor.as_deref(), Some("PER:boris-johnson"));
    let (ms, _) = doc("Prime Minister Keir Starmer spoke first. Later the Prime Minister met the envoy.");
    assert_eq!(find(&ms, "the Prime Minister").actor, find(&ms, "Keir Starmer").actor);
}

#[test]
fn a_title_in_apposition_to_a_name_is_that_person() {
    let (ms, _) = doc("Minister for the Middle East, Tobias Ellwood, responded to the attack on Sunday.");
    assert_eq!(find(&ms, "Minister for the Middle East").actor, find(&ms, "Tobias Ellwood").actor);
    let (ms, _) = doc("\"It went well,\" said Col. David Lyons, 407th Air Expeditionary Group commander.");
    assert_eq!(find(&ms, "407th Air Expeditionary Group commander").actor, find(&ms, "David Lyons").actor);
    let (ms, _) = doc("\"We are clear,\" said Gen. Joseph Votel, commander of U.S. Central Command.");
    let votel = find(&ms, "Joseph Votel");
    assert_eq!(find(&ms, "commander of U.S. Central Command").actor, votel.actor);
    assert_eq!(votel.org.as_deref(), Some("ORG:centcom"));
    // Not a phrase that opens a clause of its own, nor one that goes on past the title.
    let (ms, _) = doc("After meeting the Foreign Secretary, Boris Johnson said the talks went well.");
    assert!(ms.iter().all(|m| !m.text.contains("Foreign Secretary") || m.actor.as_deref() != Some("PER:boris-johnson")), "{ms:#?}");
    let (ms, _) = doc("They met Joseph Votel, commander of forces fighting in Syria since 2016, on Monday.");
    assert!(ms.iter().all(|m| !(m.text.starts_with("commander") && m.kind == MentionKind::Person)), "{ms:#?}");
}

#[test]
fn a_nationality_before_allies_or_leaders_is_the_state() {
    let (ms, _) = doc("We stand with our Turkish allies, and all Iraqi leaders should follow this path.");
    assert_eq!(find(&ms, "Turkish allies").actor.as_deref(), Some("TUR"));
    assert_eq!(find(&ms, "Iraqi leaders").actor.as_deref(), Some("IRQGOV"));
}

#[test]
fn a_states_leadership_is_its_government() {
    let (ms, _) = doc("We appreciate Saudi Arabia's leadership in the talks on Monday.");
    assert_eq!(find(&ms, "Saudi Arabia's leadership").actor.as_deref(), Some("SAUGOV"));
}

#[test]
fn a_title_opening_a_clause_mid_sentence_still_gives_its_role() {
    let (ms, _) = doc("Amid talks with the Taliban regime, Pakistan's ISI chief, Lieutenant General Asim Malik, visited Dushanbe. \
         There is no sign that the ISI chief met rebel leaders.");
    assert_eq!(find(&ms, "ISI chief").actor.as_deref(), Some("PER:asim-malik"));
}

#[test]
fn the_group_with_a_patron_modifier_is_the_group_named_before_not_the_patron() {
    let (ms, _) = doc("Hezbollah fired rockets at the north on Monday. Israel said the Iran-backed group had used a new launcher.");
    let m = find(&ms, "the Iran-backed group");
    assert_eq!(m.actor.as_deref(), Some("GRP:hezbollah"), "{m:#?}");
    assert!(!ms.iter().any(|x| x.text == "Iran"), "Iran is only a modifier of the anaphor: {ms:#?}");
}

#[test]
fn the_faster_automaton_finds_the_same_hits() {
    let dict = Dictionary::builtin().expect("dictionary");
    let text = "Pakistan's ISI chief met Tehreek-e-Taliban Pakistan envoys in Kabul; the TTP, the Afghan Taliban and \
                Russia's foreign ministry, the United Nations and Hezbollah all spoke. Pakistani troops moved.";
    let folded = sitrep_actors::fold::Folded::new(text, 0);
    let spans = |d: &Dictionary| d.hits(&folded).iter().map(|h| (h.start, h.end, h.entry.actor.clone())).collect::<Vec<_>>();
    let before = spans(&dict);
    assert!(before.len() >= 8, "{before:?}");
    dict.speed_up();
    assert_eq!(spans(&dict), before);
}
