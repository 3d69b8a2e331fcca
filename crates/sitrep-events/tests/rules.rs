//! One test per coding rule, each with sentences written for it.

use sitrep_actors::Dictionary;
use sitrep_events::{Lexicon, code};
use sitrep_geo::Centroids;
use sitrep_model::{Event, EventType, RawDoc};

fn events(text: &str) -> Vec<Event> {
    let raw = RawDoc { id: "t".into(), text: text.into(), published: Some("2025-01-05".into()), ..Default::default() };
    let (article, _) = sitrep_text::process(&raw).unwrap();
    let dict = Dictionary::builtin().unwrap();
    let (mentions, actors) = sitrep_actors::analyse(&dict, &article);
    code(&Lexicon::builtin().unwrap(), &Centroids::default(), &article, &mentions, &actors)
}

fn has(evs: &[Event], kind: EventType, src: &str, tgt: Option<&str>) -> bool {
    let is =
        |e: &Option<sitrep_model::Endpoint>, code: &str| e.as_ref().is_some_and(|x| x.actor == code || x.country.as_deref() == Some(code));
    evs.iter().any(|e| e.kind == kind && is(&e.source, src) && tgt.is_none_or(|t| is(&e.target, t)))
}

#[track_caller]
fn expect(text: &str, kind: EventType, src: &str, tgt: Option<&str>) {
    let evs = events(text);
    assert!(has(&evs, kind, src, tgt), "no {kind:?} {src} -> {tgt:?} in {text:?}: {:#?}", evs);
}

#[test]
fn participles_of_state_are_not_passives() {
    expect("Niger is opposed to talks with Mali.", EventType::Reject, "NER", None);
    expect("Kenyan troops were engaged in heavy fighting against Somali militants.", EventType::Assault, "KEN", Some("SOM"));
}

#[test]
fn a_passive_agent_inside_a_pattern_gap_is_the_source() {
    expect("The convoy was attacked by Somali gunmen armed with rifles and grenades.", EventType::Assault, "SOM", None);
}

#[test]
fn an_object_that_is_the_source_again_gives_way_to_the_next() {
    expect("Erdogan offered to negotiate with the president of Syria.", EventType::Agree, "TUR", Some("SYR"));
}

#[test]
fn an_event_noun_after_a_possessive_has_no_clause_subject() {
    let evs = events("Students in Kenya held a march in protest of last month's arrest of opposition leaders.");
    assert!(has(&evs, EventType::Protest, "KEN", None), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Coerce && e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("KEN"))));
}

#[test]
fn the_verb_governs_the_event_noun_after_it() {
    let evs = events("Qatar ended mediation efforts between Israel and Hamas.");
    assert!(has(&evs, EventType::Sanction, "QAT", None), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Consult));
}

#[test]
fn quantities_do_not_count_in_a_gap() {
    expect("Japan gave 20 million dollars of aid to Kenya.", EventType::Aid, "JPN", Some("KEN"));
}

#[test]
fn verbs_that_carry_an_event_noun_give_it_their_subject() {
    expect("Opposition parties in Peru organized a general strike against the government.", EventType::Protest, "PER", None);
    expect("Russia sped up the withdrawal of its troops from Syria.", EventType::Retreat, "RUS", None);
    expect("Uganda opened an inquiry into the killings.", EventType::Accuse, "UGA", None);
}

#[test]
fn a_promise_on_a_condition_is_a_promise_an_ultimatum_a_threat() {
    expect("Chad said it would withdraw its troops from Niger if the rebels disarmed.", EventType::Agree, "TCD", Some("NER"));
    expect("Chad said it would withdraw its troops from Niger unless the rebels disarmed.", EventType::Threaten, "TCD", Some("NER"));
}

#[test]
fn a_hostile_act_that_may_follow_on_a_condition_is_a_threat() {
    expect("Oman may suspend its mediation if the shelling continues.", EventType::Threaten, "OMN", None);
    let evs = events("Oman may suspend its mediation.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Threaten), "{evs:#?}");
}

#[test]
fn an_intention_reaches_along_infinitives() {
    let evs = events("Canada is willing to send engineers to help Haiti.");
    assert!(has(&evs, EventType::Agree, "CAN", Some("HTI")), "{evs:#?}");
    let aid = evs.iter().find(|e| e.kind == EventType::Aid).expect("aid");
    assert_eq!(aid.status, sitrep_model::Status::Planned);
}

#[test]
fn an_obligation_laid_on_someone_is_a_request() {
    expect("Egypt said Israel must reopen the crossing.", EventType::Request, "EGY", Some("ISR"));
    expect("Brazil issued a warning to Bolivia that it should stop the logging.", EventType::Request, "BRA", Some("BOL"));
    expect("Ghana declared on Monday that Togo and Benin must close their camps.", EventType::Request, "GHA", Some("BEN"));
    // no one to demand it of, or a guess rather than a demand
    let evs = events("Egypt said Israel must have known.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Request), "{evs:#?}");
}

#[test]
fn an_obligation_with_its_speaker_after_it_is_a_request() {
    expect("Israel must reopen the crossing, Egypt said on Sunday.", EventType::Request, "EGY", Some("ISR"));
    expect("Israel should reopen the crossing, said Egypt.", EventType::Request, "EGY", Some("ISR"));
}

#[test]
fn an_act_demanded_in_a_participle_clause_is_a_request() {
    expect("Hamas issued a statement demanding that Egypt provide fuel to Gaza.", EventType::Request, "GRP:hamas", Some("EGY"));
}

#[test]
fn vocabulary_across_types() {
    expect("Japan handed over 40 tons of medicine to Nepal.", EventType::Aid, "JPN", Some("NPL"));
    expect("Chile and Peru upgraded their diplomatic ties.", EventType::Support, "CHL", None);
    expect("Sudan will allow aid convoys into Darfur.", EventType::Retreat, "SDN", None);
    expect("Sudan will allow aid convoys into Darfur.", EventType::Agree, "SDN", None);
    expect("The Thai junta allowed the opposition to hold a rally in Bangkok.", EventType::Concede, "THA", None);
    expect("Myanmar refused to allow UN investigators to enter the country.", EventType::Reject, "MMR", Some("ORG:un"));
    expect("Syrian rebels captured the town of Maarat after heavy fighting.", EventType::Assault, "SYR", None);
    expect("Insurgents blew up a gas pipeline in Syria.", EventType::Coerce, "INS", Some("SYR"));
    expect("Russia tightened its blockade of Ukrainian ports.", EventType::Coerce, "RUS", Some("UKR"));
    expect("Pakistan gave Afghan refugees a warm welcome on Monday.", EventType::Consult, "PAK", Some("AFG"));
}

#[test]
fn a_relative_that_clause_has_its_own_subject() {
    let evs = events("Russia rejected a truce that allowed Ukraine to regroup.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Concede), "{evs:#?}");
}

#[test]
fn forces_that_arrive_are_deployed_not_visiting() {
    expect("Kenyan troops arrived in Mogadishu on Monday.", EventType::Mobilize, "KEN", Some("SOM"));
    let evs = events("UN peacekeeping troops arrived in Goma on Monday.");
    assert!(evs.iter().any(|e| e.kind == EventType::Aid && e.mode.as_deref() == Some("peacekeeping")), "{evs:#?}");
    expect("The Kenyan foreign minister arrived in Mogadishu on Monday.", EventType::Consult, "KEN", Some("SOM"));
}

#[test]
fn training_forces_of_no_one_else_is_mobilising() {
    expect("Iran has trained 2,000 drone operators.", EventType::Mobilize, "IRN", None);
    expect("Iran trained Houthi fighters in Yemen.", EventType::Aid, "IRN", Some("GRP:houthis"));
}

#[test]
fn preparing_an_attack_is_mobilising() {
    let evs = events("The Sudanese army prepared to attack the rebels.");
    assert!(has(&evs, EventType::Mobilize, "SDN", None), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Threaten), "{evs:#?}");
}

#[test]
fn a_protest_in_words_is_an_accusation() {
    expect(
        "Sudan's army is starving its people, Amnesty International protested on Monday.",
        EventType::Accuse,
        "ORG:amnesty",
        Some("SDN"),
    );
    expect("Chad protested that Sudanese troops had crossed its border.", EventType::Accuse, "TCD", Some("SDN"));
}

#[test]
fn sector_words_take_the_country_of_their_phrase() {
    expect("Latvian constitutional judges lifted the ban on the party.", EventType::Concede, "LVA", None);
    expect("Opposition groups in Kenya demanded new elections.", EventType::Request, "KEN", None);
    expect("Kabul police arrested three men.", EventType::Coerce, "AFG", None);
    // a verb ends the phrase: the civilians are not Russia's
    let evs = events("Russian forces killed civilians.");
    assert!(!evs.iter().any(|e| e.target.as_ref().is_some_and(|t| t.country.as_deref() == Some("RUS"))), "{evs:#?}");
}

#[test]
fn answering_a_proposal_acts_on_whoever_made_it() {
    expect("Ethiopia rejected calls by Egypt for a new dam treaty.", EventType::Reject, "ETH", Some("EGY"));
    expect("Mali accepted demands from Algeria that it release the prisoners.", EventType::Concede, "MLI", Some("DZA"));
    expect("Kenya rejected a Somali peace plan.", EventType::Reject, "KEN", Some("SOM"));
}

#[test]
fn the_parties_brought_together_are_the_targets() {
    expect("Qatar launched a mediation effort between Rwanda and Congo.", EventType::Consult, "QAT", Some("RWA"));
    expect("Qatar launched a mediation effort between Rwanda and Congo.", EventType::Consult, "QAT", Some("COG"));
}

#[test]
fn more_vocabulary_investigations_withdrawn_observers_stones() {
    expect("Iraq opened an inquiry on Monday into the deaths.", EventType::Accuse, "IRQ", None);
    expect("The UN will withdraw its observers from Mali.", EventType::Sanction, "ORG:un", Some("MLI"));
    expect("The UN will withdraw its observers from Mali.", EventType::Threaten, "ORG:un", Some("MLI"));
    expect("Palestinian youths threw stones during the raid.", EventType::Protest, "PSE", None);
}

#[test]
fn residents_of_a_place_act_for_it() {
    expect("Residents of the Lebanese town of Tyre threatened to block the road.", EventType::Threaten, "LBN", None);
}

#[test]
fn a_pronoun_after_told_and_its_addressee_is_the_speaker() {
    let evs = events("Turkey told Syria it would not take part in the offensive.");
    assert!(evs.iter().any(|e| e.kind == EventType::Reject && e.source.as_ref().is_some_and(|s| s.actor == "TUR")), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor == "SYR")), "{evs:#?}");
}

#[test]
fn a_relative_clause_after_a_place_has_no_named_subject() {
    let evs = events("Hamas condemned the raid on the school in Rafah that killed ten children.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault && e.source.is_some()), "{evs:#?}");
}

#[test]
fn with_two_sources_a_target_that_is_one_of_them_stays_for_the_other() {
    expect("Chad and Niger said the deal was a way for Chad to pressure Niger.", EventType::Request, "TCD", Some("NER"));
}

#[test]
fn a_past_verb_after_a_reported_obligation_goes_with_the_speaker() {
    let evs = events("France said Russia must accept a ceasefire and threatened further sanctions.");
    assert!(has(&evs, EventType::Threaten, "FRA", None), "{evs:#?}");
    assert!(!has(&evs, EventType::Threaten, "RUS", None), "{evs:#?}");
    // a bare verb after "and" stays in the reported clause
    expect("France said Russia must accept a ceasefire and withdraw its troops.", EventType::Retreat, "RUS", None);
}

#[test]
fn a_pronoun_after_which_is_the_subject_and_the_antecedent_the_object() {
    expect(
        "Kenya accuses Somalia of sheltering al-Shabaab, which it blames for the raids.",
        EventType::Accuse,
        "KEN",
        Some("GRP:al-shabaab"),
    );
}

#[test]
fn the_body_a_mission_is_sent_to_is_not_the_speaker() {
    let evs = events("Egypt's delegation to the United Nations said Israel had struck a convoy near Rafah.");
    let e = evs.iter().find(|e| e.kind == EventType::Assault).expect("the strike");
    assert_eq!(e.attributed_to.as_ref().map(|a| a.actor.as_str()), Some("EGY"), "{evs:#?}");
}

#[test]
fn a_place_after_a_preposition_is_not_the_speaker() {
    let evs = events("The Red Cross operating in Yemen said the Houthis had released the prisoners.");
    let e = evs.iter().find(|e| e.kind == EventType::Retreat).expect("the release");
    assert_eq!(e.attributed_to.as_ref().map(|a| a.actor.as_str()), Some("ORG:icrc"), "{evs:#?}");
}

#[test]
fn a_possessive_capital_places_the_sector_after_its_modifiers() {
    expect("Ankara's district administration denied the permit.", EventType::Reject, "TUR", None);
    expect("Serbian military police arrested two men.", EventType::Coerce, "SRB", None);
}

#[test]
fn a_hedging_adverb_reaches_the_whole_clause() {
    let evs = events("Iran is allegedly seeking closer ties with the Houthis by sending weapons to their fighters in Yemen.");
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.status != sitrep_model::Status::Asserted), "{evs:#?}");
}

#[test]
fn an_actor_acting_on_itself_loses_the_target_not_the_event() {
    let evs = events("President Joe Biden warned that he would not hesitate to order further strikes on Yemen if needed.");
    assert!(evs.iter().any(|e| e.kind == EventType::Threaten), "{evs:#?}");
    assert!(evs.iter().all(|e| e.source.as_ref().zip(e.target.as_ref()).is_none_or(|(s, t)| s.actor != t.actor)));
}

#[test]
fn an_act_in_a_gerund_after_oppose_is_refused_not_done() {
    let evs = events("Some Taliban commanders strongly oppose helping Pakistan against the TTP.");
    assert!(evs.iter().all(|e| e.kind != EventType::Aid), "{evs:#?}");
    expect("Some Taliban commanders strongly oppose helping Pakistan against the TTP.", EventType::Reject, "GRP:taliban", Some("PAK"));
}

#[test]
fn a_sector_word_takes_no_country_from_another_sentence_place() {
    let evs = events(
        "The Taliban disputed Pakistan's claims, alleging civilian casualties among refugees. Kenya rejected a report about Somalia.",
    );
    for e in &evs {
        if let Some(t) = &e.target
            && t.agent.as_deref() == Some("CVL")
        {
            assert_ne!(t.country.as_deref(), Some("SOM"), "{e:#?}");
        }
    }
}

#[test]
fn an_act_someone_is_blamed_for_is_alleged() {
    let evs = events("New Delhi has blamed Pakistan for the Pahalgam attack.");
    let attack = evs.iter().find(|e| e.kind == EventType::Assault).expect("the attack");
    assert_eq!(attack.status, sitrep_model::Status::Alleged, "{evs:#?}");
    expect("New Delhi has blamed Pakistan for the Pahalgam attack.", EventType::Accuse, "IND", Some("PAK"));
}

#[test]
fn after_before_since_open_a_clause_whose_subject_acts() {
    let evs =
        events("India launched missile strikes on Wednesday against nine sites in Pakistan, two weeks after gunmen killed 26 tourists.");
    let killing = evs.iter().find(|e| e.trigger.starts_with("killed")).expect("the killing");
    assert_ne!(killing.source.as_ref().map(|s| s.actor.as_str()), Some("IND"), "{evs:#?}");
}

#[test]
fn both_countries_are_the_last_two_named() {
    let text =
        "Armenia and Azerbaijan exchanged fire along the border on Monday. The European Union urged both countries to return to talks.";
    expect(text, EventType::Request, "ORG:eu", Some("ARM"));
    expect(text, EventType::Request, "ORG:eu", Some("AZE"));
}

#[test]
fn a_hostile_act_targets_the_article_main_place_only_when_its_sentence_is_there() {
    let evs = events(
        "Chinese officials met envoys in Kunming on Friday. China urged restraint in Kunming and Beijing. Myanmar's military seized power in a coup in February 2021.",
    );
    for e in evs.iter().filter(|e| matches!(e.kind, EventType::Coerce | EventType::Assault)) {
        assert_ne!(e.target.as_ref().map(|t| t.actor.as_str()), Some("CHN"), "{e:#?}");
    }
}

#[test]
fn the_two_sides_as_subject_are_the_last_two_named() {
    let text = "Armenia and Azerbaijan held talks in Washington on Monday. The two sides agreed to open the border.";
    expect(text, EventType::Agree, "ARM", Some("AZE"));
}

#[test]
fn a_possessive_before_a_comma_does_not_own_the_participle_after_it() {
    let evs = events("The Taliban disputed Pakistan's claims, alleging civilian casualties among refugees.");
    let alleging = evs.iter().find(|e| e.trigger.starts_with("alleging")).expect("the accusation");
    assert_eq!(alleging.source.as_ref().map(|s| s.actor.as_str()), Some("GRP:taliban"), "{evs:#?}");
}

#[test]
fn an_infinitive_of_purpose_keeps_its_object_to_itself() {
    let evs = events("The NRF is seeking financial and military backing to combat the Taliban.");
    assert!(
        evs.iter().filter(|e| e.kind == EventType::Request).all(|e| e.target.as_ref().is_none_or(|t| t.actor != "GRP:taliban")),
        "{evs:#?}"
    );
}

#[test]
fn what_only_appears_to_happen_is_no_plain_fact() {
    let evs = events("Iran appears to be arming the Houthis to put pressure on Saudi Arabia.");
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.status != sitrep_model::Status::Asserted), "{evs:#?}");
}

#[test]
fn a_name_before_a_conjunction_is_not_the_subject_of_the_clause_it_opens() {
    // The clause after "after" has its own subject (the shells), so Thailand does not wound anyone.
    let evs =
        events("Bangkok asked the army to shield Thai villagers, after mortar rounds fired from across the river wounded four people.");
    assert!(
        !evs.iter().any(|e| e.trigger.starts_with("wounded") && e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("THA"))),
        "{evs:#?}"
    );
    // A comma closes the aside: the name before it is the subject again.
    expect("Kenya, after weeks of talks, attacked Somali militants near the border.", EventType::Assault, "KEN", Some("SOM"));
    // An infinitive takes the main clause's subject across a prepositional "after".
    expect("Thousands of Yemenis rallied after Friday prayers to denounce Israel.", EventType::Accuse, "YEM", Some("ISR"));
}

#[test]
fn a_clause_opened_by_while_keeps_its_infinitive() {
    // "while on a patrol to support ...": the infinitive belongs to the clause "while" opens, not
    // to the spokesman named before it.
    let evs = events("A spokesman, Jay Tarriela, said two coast guard boats were hit while on a patrol to support Filipino fishermen.");
    assert!(
        !evs.iter().any(|e| e.trigger.starts_with("support") && e.source.as_ref().is_some_and(|s| s.actor.starts_with("PER:"))),
        "{evs:#?}"
    );
}

#[test]
fn what_follows_an_accusations_of_is_the_charge_not_the_accused() {
    let evs = events("Protesters in Kinshasa accused Western powers of failing to rein in Kigali.");
    let acc: Vec<_> = evs.iter().filter(|e| e.kind == EventType::Accuse).collect();
    assert!(!acc.is_empty(), "{evs:#?}");
    assert!(acc.iter().all(|e| e.target.as_ref().is_none_or(|t| t.country.as_deref() != Some("RWA"))), "{acc:#?}");
    // A named actor in the gap is still the accused.
    expect("Kinshasa accused Rwanda of backing the rebels.", EventType::Accuse, "COD", Some("RWA"));
}

#[test]
fn a_second_count_of_victims_does_not_make_the_first_the_attackers() {
    let evs = events("Officials in Goma said at least 40 civilians had been killed and hundreds wounded in the shelling.");
    let hurt: Vec<_> = evs.iter().filter(|e| e.trigger.starts_with("wounded")).collect();
    assert!(hurt.iter().all(|e| e.source.as_ref().is_none_or(|s| s.agent.as_deref() != Some("CVL"))), "{evs:#?}");
}

#[test]
fn an_ing_word_opening_what_is_said_is_a_noun_not_the_sayers_act() {
    let evs = events("Aid workers in Darfur said shooting continued through the night.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("shooting") && e.source.is_some()), "{evs:#?}");
}

#[test]
fn a_natural_hazard_acts_for_no_one() {
    let evs =
        events("A strong earthquake struck northern Pakistan on Sunday, killing at least 40 people and destroying hundreds of homes.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("PAK"))), "{evs:#?}");
    let evs = events("Officials in Kabul said floods killed 40 people.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("killed") && e.source.is_some()), "{evs:#?}");
    // A named attacker is still the source.
    expect("Pakistan struck militant hideouts in Afghanistan, killing at least 20 fighters.", EventType::Assault, "PAK", None);
}

#[test]
fn counts_of_wounded_are_victims_and_asides_are_not_subjects() {
    let evs = events("Hospitals in Gaza struggled to treat more than 300 wounded.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("wounded")), "{evs:#?}");
    let evs = events("Officials said civilians were among the dead and wounded.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("wounded") && e.source.is_some()), "{evs:#?}");
    let evs = events("A blast at a market in Kabul, while Afghan police patrolled nearby, killed 12 people.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("killed") && e.source.is_some()), "{evs:#?}");
    // A verb coordination still counts: the fighters killed and wounded.
    let evs = events("JNIM said its fighters had killed and wounded dozens of Malian soldiers.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.source.is_some()), "{evs:#?}");
}

#[test]
fn them_points_back_to_the_last_plural_sector_or_group() {
    let evs = events("In Nairobi, protesters marched on the embassies of Russia and China. Police fired tear gas to disperse them.");
    let dispersal: Vec<_> = evs.iter().filter(|e| e.trigger.starts_with("disperse")).collect();
    assert!(!dispersal.is_empty(), "{evs:#?}");
    assert!(dispersal.iter().all(|e| e.target.as_ref().is_some_and(|t| t.text == "protesters")), "{dispersal:#?}");
}

#[test]
fn a_possessive_owns_the_name_after_it_not_the_verb() {
    expect("Lebanon's Hezbollah fired rockets at Israel on Sunday.", EventType::Assault, "GRP:hezbollah", Some("ISR"));
    let evs = events("Lebanon's Hezbollah fired rockets at Israel on Sunday.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor == "LBN")), "{evs:#?}");
    // An event noun right after the possessive is still its act.
    expect("Pakistan's airstrikes killed 40 people.", EventType::Assault, "PAK", None);
}

#[test]
fn those_killed_are_victims() {
    let evs = events("Peacekeepers from Tanzania and Malawi were among those killed in the fighting.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| matches!(s.actor.as_str(), "TZA" | "MWI"))), "{evs:#?}");
}

#[test]
fn what_is_promised_is_no_party_and_promises_are_not_joint() {
    let evs = events("Benin and Chad have promised troops and police for the mission.");
    let promises: Vec<_> = evs.iter().filter(|e| e.kind == EventType::Agree).collect();
    assert!(!promises.is_empty(), "{evs:#?}");
    assert!(promises.iter().all(|e| e.target.is_none()), "{promises:#?}");
    // Two parties agreeing face each other.
    expect("India and Pakistan agreed to stop all firing on Saturday.", EventType::Agree, "PAK", Some("IND"));
}

#[test]
fn after_said_the_next_word_opens_what_is_said_and_crashes_act_for_no_one() {
    let evs = events("Survivors in Herat said help had been slow to arrive.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("help") && e.source.is_some()), "{evs:#?}");
    let evs = events("A military helicopter carrying 12 Afghan soldiers crashed near Kabul, killing everyone on board.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("killing") && e.source.is_some()), "{evs:#?}");
    let evs = events("Officials in Kyiv said 300 Russian soldiers had been killed or wounded.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("wounded") && e.source.is_some()), "{evs:#?}");
}

#[test]
fn the_target_of_an_act_does_not_do_the_killing_after_the_comma() {
    let evs = events("Kenya's airstrikes targeting al-Shabaab in Somalia were met with retaliatory attacks, killing Kenyan soldiers.");
    let killing: Vec<_> = evs.iter().filter(|e| e.trigger.starts_with("killing")).collect();
    assert!(killing.iter().all(|e| e.source.is_none()), "{evs:#?}");
    assert!(killing.iter().any(|e| e.target.as_ref().is_some_and(|t| t.country.as_deref() == Some("KEN"))), "{evs:#?}");
}

#[test]
fn a_clause_held_by_an_opinion_is_alleged() {
    let evs = events("The belief among officials in Kabul has grown that Pakistan is sheltering the TTP.");
    let arming: Vec<_> = evs.iter().filter(|e| e.trigger.starts_with("shelter")).collect();
    assert!(!arming.is_empty(), "{evs:#?}");
    assert!(arming.iter().all(|e| e.status == sitrep_model::Status::Alleged), "{arming:#?}");
}

#[test]
fn a_source_after_its_trigger_does_not_break_the_coordination_rules() {
    // The source of "received ... from" comes after the trigger and was the target of the verb
    // before: this used to slice the text backwards and panic.
    for text in [
        "The Kenyan government condemned an attack by Somali soldiers in Mandera on Thursday.",
        "Iran attacked Israel and received a warning from Israel.",
        "Police detained protesters and were criticised by protesters, killing none.",
        "Rebels shelled the town, drawing fire from the army and killing civilians.",
    ] {
        let _ = events(text);
    }
}

#[test]
fn for_x_to_makes_x_the_subject_of_the_infinitive() {
    let evs = events("Iran and Iraq have quarrelled for years, and the deal could be a way for Iran to pressure Iraq on water.");
    let pressure: Vec<_> = evs.iter().filter(|e| e.trigger.starts_with("pressure")).collect();
    assert!(!pressure.is_empty(), "{evs:#?}");
    assert!(pressure.iter().all(|e| e.source.as_ref().is_some_and(|s| s.actor == "IRN")), "{pressure:#?}");
}

#[test]
fn a_gerund_after_including_acts_for_the_subject_and_the_urged_party_does_what_it_is_urged_to() {
    let text = "Kenya has tried to mend ties with Somalia, including urging the Ethiopian government to withdraw its troops.";
    let evs = events(text);
    assert!(
        evs.iter().any(|e| e.kind == EventType::Request
            && e.source.as_ref().is_some_and(|s| s.actor == "KEN")
            && e.target.as_ref().is_some_and(|t| t.country.as_deref() == Some("ETH"))),
        "{evs:#?}"
    );
    assert!(!evs.iter().any(|e| e.trigger.starts_with("withdraw") && e.source.as_ref().is_some_and(|s| s.actor == "KEN")), "{evs:#?}");
}

#[test]
fn who_says_so_in_an_aside_does_not_do_what_follows_it() {
    let evs =
        events("Missiles hit the port of Odesa overnight, Ukrainian officials said on Wednesday, destroying thousands of tonnes of grain.");
    assert!(
        !evs.iter().any(|e| e.trigger.starts_with("destroying") && e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("UKR"))),
        "{evs:#?}"
    );
}

#[test]
fn a_plural_before_were_is_a_noun_and_taking_shelter_shelters_no_one() {
    let evs = events("Officials in Kherson said buses and trains were taking residents out of the city.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("trains")), "{evs:#?}");
    let evs = events("Residents of Khartoum sheltered in their homes as the army shelled the city.");
    assert!(!evs.iter().any(|e| e.trigger.starts_with("sheltered")), "{evs:#?}");
    expect("Pakistan sheltered Afghan refugees for decades.", EventType::Support, "PAK", None);
}

fn source_has(e: &Event, word: &str) -> bool {
    e.source.as_ref().is_some_and(|s| s.text.contains(word) || s.name.contains(word))
}

#[test]
fn an_adjective_in_ly_still_makes_an_event_noun() {
    // "deadly" is no adverb: "attacks" is a noun, and the possessive owns "exit", not the attacks.
    let evs = events("Hezbollah's retreat followed a string of deadly raids on Lebanese villages.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Coerce && source_has(e, "Hezbollah")), "{evs:#?}");
}

#[test]
fn a_comma_and_with_no_list_before_it_opens_a_new_clause() {
    let evs = events("The juntas have also expelled Danish troops, and Chad ordered French forces to leave its territory.");
    assert!(!evs.iter().any(|e| source_has(e, "Danish")), "{evs:#?}");
    expect(
        "The juntas have also expelled Danish troops, and Chad ordered French forces to leave its territory.",
        EventType::Request,
        "TCD",
        Some("FRA"),
    );
    // a real list keeps its last item
    expect("Iran, Iraq, and Syria condemned the raid.", EventType::Accuse, "IRN", None);
    expect("Iran, Iraq, and Syria condemned the raid.", EventType::Accuse, "SYR", None);
}

#[test]
fn and_with_a_verb_of_its_own_ends_the_object() {
    let evs = events("Prime Minister Nawaz Sharif called the raids an act of war and said Pakistan would defend itself.");
    assert!(
        !evs.iter().any(|e| e.kind == EventType::Accuse && e.target.as_ref().is_some_and(|t| t.country.as_deref() == Some("PAK"))),
        "{evs:#?}"
    );
}

#[test]
fn a_name_after_by_and_a_modifier_is_no_subject() {
    let evs = events("Government forces backed by clan militias have retaken several towns from the rebels.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault && source_has(e, "militias")), "{evs:#?}");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && source_has(e, "forces")), "{evs:#?}");
}

fn target_is(e: &Event, code: &str) -> bool {
    e.target.as_ref().is_some_and(|t| t.actor == code || t.country.as_deref() == Some(code))
}

#[test]
fn an_event_told_before_acts_through_whoever_did_it() {
    // as the subject of a verb, even after a verb of saying
    let evs = events("Indian jets bombed a village in Pakistan on Monday. Officials said the raids had hit camps of Lashkar-e-Taiba.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && source_has(e, "Indian") && e.trigger == "hit"), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.trigger == "hit" && source_has(e, "Officials")), "{evs:#?}");
    // as the subject of a passive, it is what was acted on
    let evs = events("Israel and Hamas agreed to a truce on Friday. The agreement was mediated by Qatar.");
    assert!(evs.iter().any(|e| e.kind == EventType::Consult && source_has(e, "Qatar") && e.target.is_some()), "{evs:#?}");
    // after a preposition, when nothing else is the object
    let evs = events("Britain and the United States struck targets in Yemen. Canada provided support for the operation.");
    assert!(
        evs.iter().any(|e| e.kind == EventType::Support && source_has(e, "Canada") && (target_is(e, "USA") || target_is(e, "GBR"))),
        "{evs:#?}"
    );
    // inside a pattern's gap
    let evs = events("Pakistani jets struck camps in Afghanistan. The Taliban called the strikes an act of war.");
    assert!(evs.iter().any(|e| e.kind == EventType::Accuse && target_is(e, "PAK")), "{evs:#?}");
}

#[test]
fn a_response_aims_at_whoever_struck() {
    let evs = events("Pakistani jets struck villages in Afghanistan. The Afghan defence ministry threatened to respond.");
    assert!(evs.iter().any(|e| e.kind == EventType::Threaten && target_is(e, "PAK")), "{evs:#?}");
    let evs =
        events("Indian missiles struck nine sites in Pakistan. Pakistan's prime minister said his country had every right to retaliate.");
    assert!(evs.iter().any(|e| e.kind == EventType::Threaten && target_is(e, "IND")), "{evs:#?}");
}

#[test]
fn a_charge_denied_answers_whoever_made_it() {
    expect("Kenya has accused Somalia of arming the rebels, a charge Somalia rejects.", EventType::Reject, "SOM", Some("KEN"));
    expect("Ethiopia accused Sudan of backing the rebels. Sudan rejected the claim.", EventType::Reject, "SDN", Some("ETH"));
    expect("Russia demanded that Ukraine give up four regions, a condition Kyiv rejected.", EventType::Reject, "UKR", Some("RUS"));
}

#[test]
fn a_participle_after_a_degree_word_is_an_adjective() {
    let evs = events("Survivors in Morocco said help had been slow to reach the hardest hit valleys.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault), "{evs:#?}");
}

#[test]
fn a_violent_act_only_announced_is_a_threat_not_an_act() {
    let evs = events("Sudan said its army would bomb the rebels if they entered Khartoum.");
    assert!(has(&evs, EventType::Threaten, "SDN", None), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault), "{evs:#?}");
}

#[test]
fn who_reports_an_agentless_passive_is_not_its_object_and_authorities_make_the_arrests() {
    // the speaker is not the victim
    let evs = events("A spokesman for Chad, Ali Mahamat, said two patrol boats were hit near the lake.");
    assert!(!evs.iter().any(|e| e.target.as_ref().is_some_and(|t| t.actor.starts_with("PER:"))), "{evs:#?}");
    // police or an army reporting arrests made them
    expect("Kenyan police said dozens of people had been detained after the riot.", EventType::Coerce, "KEN", None);
    let evs = events("Uganda's army said that several suspects had been arrested.");
    assert!(has(&evs, EventType::Coerce, "UGA", None), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Coerce && e.source.is_none()), "{evs:#?}");
    // an organisation's own people stay what it reports on
    let evs = events("The World Food Programme said two of its drivers had been killed in Darfur.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.target.as_ref().is_some_and(|t| t.actor == "ORG:wfp")), "{evs:#?}");
}

#[test]
fn parties_of_a_joint_act_each_face_the_other() {
    let evs = events("Serbian and Kosovar negotiators met in Brussels and agreed to a new border crossing.");
    assert!(has(&evs, EventType::Consult, "SRB", Some("XKX")) || has(&evs, EventType::Consult, "SRB", Some("KOS")), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Consult && e.target.is_none()), "{evs:#?}");
}

#[test]
fn the_two_sides_are_the_article_s_main_parties() {
    // not the last two names: the mediator and its host
    let text = "Ethiopian and Eritrean officials met in Nairobi on Monday. \
                A Kenyan minister, who hosted them in Kenya, met the Eritrean team first. \
                Both sides agreed to reopen the border.";
    let evs = events(text);
    assert!(has(&evs, EventType::Agree, "ETH", Some("ERI")) || has(&evs, EventType::Agree, "ERI", Some("ETH")), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Agree && e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("KEN"))));
    // "the two neighbours" are two states, not a state and an armed group, and they fight each other
    let text = "Sudan accused the RSF of attacking El Fasher, and South Sudan urged calm. \
                The two neighbours have clashed along the border this year.";
    let evs = events(text);
    assert!(has(&evs, EventType::Assault, "SDN", Some("SSD")) || has(&evs, EventType::Assault, "SSD", Some("SDN")), "{evs:#?}");
}

#[test]
fn the_accused_of_a_passive_accusation_does_the_act() {
    let evs = events("Wagner has been accused by Human Rights Watch of killing civilians in Mali.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "GRP:wagner")), "{evs:#?}");
    // a pronoun subject: the body named before the sentence
    let evs = events("The Tatmadaw took power in 2021. It has been accused by rights groups of bombing villages.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "ORG:tatmadaw")), "{evs:#?}");
    assert!(evs.iter().any(|e| e.kind == EventType::Accuse && e.target.as_ref().is_some_and(|t| t.actor == "ORG:tatmadaw")), "{evs:#?}");
}

#[test]
fn a_named_owner_s_forces_stand_for_the_owner() {
    let evs = events("The Arakan Army's fighters attacked a police post in Rakhine.");
    assert!(
        evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "GRP:arakan-army")),
        "{evs:#?}"
    );
}

#[test]
fn an_ing_word_before_a_place_noun_is_no_act() {
    let evs = events("Gunmen stormed a police training academy in Niger.");
    assert!(!evs.iter().any(|e| matches!(e.kind, EventType::Aid | EventType::Mobilize)), "{evs:#?}");
    // the verb still acts on what follows it
    expect("Kenya is training Somali soldiers.", EventType::Aid, "KEN", Some("SOM"));
}

#[test]
fn a_subject_opening_with_no_negates_its_verb() {
    let evs = events("The Kenyan army said no Somali villages had been shelled during the operation.");
    let shelled: Vec<_> = evs.iter().filter(|e| e.kind == EventType::Assault).collect();
    assert!(!shelled.is_empty() && shelled.iter().all(|e| e.status == sitrep_model::Status::Denied), "{evs:#?}");
    // a "no" in another clause leaves the verb alone
    let evs = events("There was no warning, and Ethiopian troops shelled Somali villages.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.status != sitrep_model::Status::Denied), "{evs:#?}");
}

#[test]
fn three_parties_negotiating_a_thing_together_are_not_each_others_targets() {
    let evs = events("Norway, Kenya and Ghana negotiated the accord between the warring factions.");
    let talks: Vec<_> = evs.iter().filter(|e| e.kind == EventType::Consult).collect();
    assert!(!talks.is_empty(), "{evs:#?}");
    let co = ["NOR", "KEN", "GHA"];
    assert!(!talks.iter().any(|e| e.target.as_ref().is_some_and(|t| co.contains(&t.actor.as_str()))), "{evs:#?}");
    // two parties negotiating still face each other
    expect("Sudan and Chad negotiated a border deal.", EventType::Consult, "SDN", Some("TCD"));
}

#[test]
fn a_place_of_detention_holds_the_person_the_clause_is_about() {
    let evs = events("The opposition leader Rigathi Mwangi spent four years in a Ugandan jail.");
    assert!(
        evs.iter().any(|e| e.kind == EventType::Coerce
            && e.source.as_ref().is_some_and(|s| s.country.as_deref() == Some("UGA"))
            && e.target.as_ref().is_some_and(|t| t.name.contains("Mwangi") || t.text.contains("Mwangi"))),
        "{evs:#?}"
    );
}

#[test]
fn named_operations_and_treaties_are_not_people() {
    let evs = events("Japan said its Mutual Security Treaty with Australia covers attacks on Australian ships.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor.starts_with("PER:"))), "{evs:#?}");
    let evs = events("Operation Sandstorm hit camps in Somalia, Kenya said.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor.starts_with("PER:"))), "{evs:#?}");
}

#[test]
fn a_bare_name_two_states_share_follows_the_article() {
    let text = "Fighting spread around Goma in the Democratic Republic of Congo. Rwanda accused Congo of arming the FDLR.";
    expect(text, EventType::Accuse, "RWA", Some("COD"));
    // with no other cue the dictionary's reading stands
    expect("Rwanda accused Congo of arming rebels.", EventType::Accuse, "RWA", Some("COG"));
}

#[test]
fn a_possessive_pronoun_before_a_sector_word_stands_for_its_owner() {
    // the subject, not the object of a preposition nearer the pronoun
    let evs = events("Egypt fired rockets at Sudan, in its first direct military attack on Sudanese soil.");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "EGYMIL")), "{evs:#?}");
    // opening a sentence: the subject of the sentence before
    let text =
        "Chad denied helping the rebels. Its government said the clashes threatened Chadian security and accused Libya of arming them.";
    expect(text, EventType::Accuse, "TCDGOV", Some("LBY"));
}

#[test]
fn the_object_of_a_requested_act_is_no_target_of_the_request() {
    let evs = events("Somalia appealed to friendly donors to send doctors and engineers.");
    let asks: Vec<_> = evs.iter().filter(|e| e.kind == EventType::Request).collect();
    assert!(!asks.is_empty() && asks.iter().all(|e| e.target.is_none()), "{evs:#?}");
    // the one asked, before the infinitive, stays the target
    expect("Somalia urged Kenya to send doctors.", EventType::Request, "SOM", Some("KEN"));
}

#[test]
fn a_word_describing_the_harm_is_not_the_accused() {
    let evs = events("Hamas disputed Israel's account, alleging civilian casualties in the camp.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Accuse && e.target.as_ref().is_some_and(|t| t.actor == "CVL")), "{evs:#?}");
    // after a comma the participle accuses whom the clause before acted on
    expect("Hamas disputed Israel's account, alleging civilian casualties in the camp.", EventType::Accuse, "GRP:hamas", Some("ISR"));
}

#[test]
fn a_civilian_sector_of_no_state_acting_on_no_one_is_no_event() {
    // Business and lifestyle news: who acts on whom is nowhere in these.
    for text in [
        "The company denied the report in a statement on its website.",
        "People said the new phones would help them work better.",
        "The company promised gamers a lot of new titles.",
    ] {
        let evs = events(text);
        assert!(evs.is_empty(), "{text:?}: {evs:#?}");
    }
    // A state's sector, a named body or a protest stays.
    expect("Government forces retook three districts from the militants.", EventType::Assault, "MIL", None);
    let evs = events("Thousands of people protested in the capital on Sunday.");
    assert!(evs.iter().any(|e| e.kind == EventType::Protest), "{evs:#?}");
}

#[test]
fn what_a_rule_covers_or_an_actor_is_able_to_do_is_no_act() {
    for text in [
        "The United States said its defence treaty with the Philippines covers armed attacks on Philippine vessels.",
        "Japan said the pact applies to any attack on its islands.",
        "Britain said the strikes were aimed at degrading the group's ability to attack shipping.",
        "Poland would respond to any attack on its territory, the minister said.",
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.kind == EventType::Assault), "{text:?}: {evs:#?}");
    }
    // the act itself stays
    expect("Chinese vessels attacked Philippine boats.", EventType::Assault, "CHN", Some("PHL"));
}

#[test]
fn a_verb_used_as_a_noun_or_in_an_idiom_is_no_act() {
    for (text, word) in [
        ("Police said they had ended the siege of a passenger train seized by militants in Pakistan.", "train"),
        ("Azerbaijan said it was hitting only military targets.", "targets"),
        ("Rebels walked into Bukavu, meeting little resistance.", "meeting"),
        ("Kenya said the mission was to restore order in Haiti.", "order"),
        ("The trade talks between China and the United States hit another snag.", "hit"),
        ("The police released a video of the rescue.", "released"),
        ("Officials in Kenya did not provide any other details.", "provide"),
        ("Russia beat Croatia on Monday.", "beat"),
        ("Kazakhstan needed the doubles match to beat the Netherlands 2-1.", "beat"),
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.trigger == word), "{text:?}: {evs:#?}");
    }
    // the verbs themselves stay
    expect("Israeli jets hit Hamas positions in Gaza.", EventType::Assault, "ISR", None);
    expect("Hamas released 13 Israeli hostages.", EventType::Retreat, "GRP:hamas", None);
    expect("Israeli soldiers beat up Palestinian detainees.", EventType::Assault, "ISR", Some("PSE"));
    expect("Al-Shabaab targets Kenyan police convoys.", EventType::Assault, "GRP:al-shabaab", Some("KEN"));
}

#[test]
fn an_inquiry_into_ones_own_people_is_no_act() {
    let evs = events("The RSF entered Wad Madani on Monday. The army said it was investigating why its forces had withdrawn.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Accuse), "{evs:#?}");
    expect("The army said it was investigating why RSF fighters had looted homes.", EventType::Accuse, "MIL", Some("GRP:rsf"));
}

#[test]
fn their_takes_a_plural_name_before_a_nearer_singular_one() {
    let text = "Some Taliban factions oppose helping Pakistan fight the TTP, and many are upset Pakistan did not recognize their regime.";
    let evs = events(text);
    assert!(evs.iter().any(|e| e.kind == EventType::Reject && e.target.as_ref().is_some_and(|t| t.actor == "GRP:taliban")), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Reject && e.target.as_ref().is_some_and(|t| t.actor == "GRP:ttp")), "{evs:#?}");
}

#[test]
fn he_in_a_quotation_is_not_its_speaker() {
    let text = "Analyst Andrew Korybko said: ‘For Pakistan security is paramount. It is possible that he is helping anti-Taliban groups.’";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Aid), "{evs:#?}");
    // outside a quotation "he" still follows the last person
    expect("Imran Khan met Chinese officials. He is helping Chinese firms.", EventType::Aid, "PER:imran-khan", None);
}

#[test]
fn it_before_a_verb_is_no_plural_sector() {
    let text = "Hezbollah did not comment, but officials close to the group said it would respect the truce with Israel.";
    expect(text, EventType::Agree, "GRP:hezbollah", Some("ISR"));
}

#[test]
fn a_body_of_a_state_acts_on_that_states_government() {
    let text = "The Nigerian Union of Teachers said it had called off a strike after talks with the Nigerian government.";
    let evs = events(text);
    assert!(evs.iter().any(|e| e.target.as_ref().is_some_and(|t| t.actor == "NGAGOV")), "{evs:#?}");
}

#[test]
fn who_says_so_inside_a_relative_clause_does_not_act() {
    let text = "The RSF took the camp after a three-day assault that aid groups say killed hundreds of civilians.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor == "NGO")), "{evs:#?}");
}

#[test]
fn whose_men_act_for_the_antecedent() {
    let text = "The TNLA said it would abide by the truce, unlike the Arakan Army, whose fighters have continued to attack army positions.";
    expect(text, EventType::Assault, "GRP:arakan-army", None);
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "GRP:tnla")), "{evs:#?}");
}

#[test]
fn help_given_to_no_one_named_is_no_aid() {
    for text in ["The ministry unveiled software to help minimize alarms.", "Kenya said the new rules would help grow exports."] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| matches!(e.kind, EventType::Aid | EventType::Reject)), "{text:?}: {evs:#?}");
    }
    expect("Turkey helped Somalia rebuild its army.", EventType::Aid, "TUR", Some("SOM"));
}

#[test]
fn an_attack_named_again_with_a_degree_word_has_no_new_attacker() {
    let text = "Gunmen attacked the airport in Mali's capital Bamako on Tuesday, in the most serious assault on the city in years.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor == "MLI")), "{evs:#?}");
}

#[test]
fn a_weapon_that_modifies_an_attack_noun_is_no_other_act() {
    let evs = events("India launched missile strikes against sites in Pakistan.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Mobilize), "{evs:#?}");
    assert!(has(&evs, EventType::Assault, "IND", Some("PAK")), "{evs:#?}");
}

#[test]
fn a_question_a_request_for_comment_or_market_demand_is_no_request() {
    for (text, word) in [
        ("\"What happens if the rockets are late?\" Senator Robert Aderholt asked.", "asked"),
        ("Senator Robert Aderholt asked the Pentagon about the cost of the launches.", "asked"),
        ("The Kenyan government did not respond to a request for comment.", "request"),
        ("Kevin Mayer said overwhelming demand led to problems with the service.", "demand"),
        ("A Syrian refugee who asked not to be identified said the camp was short of food.", "asked"),
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.trigger == word), "{text:?}: {evs:#?}");
    }
    // a request stays, across an ellipsis too
    expect("The Palestinians will ask the International Criminal Court to open an inquiry.", EventType::Request, "PSE", Some("ORG:icc"));
    expect("Kenya asked Uganda for troops.", EventType::Request, "KEN", Some("UGA"));
}

#[test]
fn an_infinitive_of_purpose_after_a_charge_is_the_accused_act() {
    let text = "The Congolese government accused Rwanda of sending troops across the border to fight alongside the rebels.";
    let evs = events(text);
    assert!(
        evs.iter().any(|e| e.kind == EventType::Cooperate
            && e.source.as_ref().is_some_and(|s| s.actor == "RWA")
            && e.status == sitrep_model::Status::Alleged),
        "{evs:#?}"
    );
    assert!(!evs.iter().any(|e| e.kind == EventType::Cooperate && e.source.as_ref().is_some_and(|s| s.actor == "CODGOV")), "{evs:#?}");
}

#[test]
fn what_is_denied_is_no_party_and_a_denied_it_answers_the_accuser() {
    let evs = events("Pakistani officials denied that civilians had been hit.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Reject && e.target.as_ref().is_some_and(|t| t.actor == "CVL")), "{evs:#?}");
    let text = "Armenian Prime Minister Nikol Pashinyan accused Azerbaijan of ethnic cleansing. \
                The United Nations sent a team. Baku denied it, saying the Armenians were free to stay.";
    expect(text, EventType::Reject, "AZE", Some("PER:nikol-pashinyan"));
}

#[test]
fn a_preposition_governs_a_possessive_and_its_head() {
    let text = "Rahmon has been the most outspoken critic of Afghanistan's Taliban rulers and has called for a government in Kabul that includes Tajiks.";
    expect(text, EventType::Request, "PER:emomali-rahmon", None);
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Request && e.source.as_ref().is_some_and(|s| s.actor == "GRP:taliban")), "{evs:#?}");
}

#[test]
fn an_adverb_may_stand_inside_a_passive() {
    let text = "Missiles struck Israel overnight, and a young girl was seriously wounded by shrapnel, Israeli officials said.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "ISR")), "{evs:#?}");
}

#[test]
fn a_dated_event_noun_takes_no_clause_subject() {
    let text = "The IRGC said the attack was retaliation for an April 1 air strike on Iran's consulate in Damascus.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault && e.source.as_ref().is_some_and(|s| s.actor == "ORG:irgc")), "{evs:#?}");
}

#[test]
fn a_gap_does_not_reach_across_a_clause_and_a_right_to_strike_is_a_threat() {
    let text = "Netanyahu said Israel reserved the right to resume fighting if negotiations on the second phase failed.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Consult), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault), "{evs:#?}");
    expect(text, EventType::Threaten, "ISR", None);
    let evs = events("Houthi rebels said they had taken the ship because it was linked to Israel.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Cooperate), "{evs:#?}");
}

#[test]
fn a_label_or_words_taken_back_are_no_act() {
    for (text, word) in [
        ("Ukrainian officials called it coordinated sabotage.", "sabotage"),
        ("The Resistance Front claimed the attack in Kashmir, then withdrew the claim.", "withdrew"),
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.trigger == word), "{text:?}: {evs:#?}");
    }
    // the acts named so stay
    expect("Albania denounced as a crime Serbia's suppression of Albanian protests.", EventType::Coerce, "SRB", Some("ALB"));
    expect("Russia withdrew its troops from Syria.", EventType::Retreat, "RUS", None);
}

#[test]
fn the_group_is_not_a_name_from_a_relative_aside() {
    let text = "The al-Shabaab militant group, which is linked to al-Qaeda, said it carried out the attack. \
                The group warned civilians to stay away from government buildings.";
    expect(text, EventType::Threaten, "GRP:al-shabaab", None);
}

#[test]
fn a_host_named_as_a_noun_hosts_nothing() {
    let text = "Zelensky later thanked the Saudi hosts and said it was up to the United States.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.trigger == "hosts"), "{evs:#?}");
    // the verb with its object stays
    expect("Egypt will host the summit next week.", EventType::Consult, "EGY", None);
}

#[test]
fn a_warning_of_harm_from_a_happening_is_no_threat() {
    let text = "Aid agencies warned that the loss of the reservoir would leave farms without irrigation.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Threaten), "{evs:#?}");
    // a warning of what an attack would meet stays a threat
    expect("Iran warned that any attack would be met with a crushing response.", EventType::Threaten, "IRN", None);
}

#[test]
fn a_claim_neither_confirmed_nor_denied_is_left_open() {
    let evs = events("Israel has not confirmed or denied carrying out the Damascus strike.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Reject), "{evs:#?}");
    assert!(evs.iter().any(|e| e.kind == EventType::Assault && e.status == sitrep_model::Status::Unconfirmed), "{evs:#?}");
}

#[test]
fn a_sector_word_before_commentators_names_no_sector() {
    let evs = events("Some Russian military bloggers called for a harsh response.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.actor == "RUSMIL")), "{evs:#?}");
    expect("Russian military officers called for a harsh response.", EventType::Request, "RUSMIL", None);
}

#[test]
fn figures_games_things_and_texts_are_no_act() {
    for (text, word) in [
        ("Japan's Nikkei 225 declined 0.3% on Tuesday.", "declined"),
        ("Norway's October oil production beat forecasts.", "beat"),
        ("Minnesota beat Buffalo on Sunday.", "beat"),
        ("It allows users to share files with Russia.", "allows"),
        ("That, Audi says, allows the car to highlight markings.", "allows"),
        ("China wants to usurp the liberal international order.", "order"),
        ("Trump released a letter from his physician.", "released"),
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.trigger == word), "{text:?}: {evs:#?}");
    }
    // refusals, beatings, concessions and commands stay
    expect("Iran declined to attend the talks.", EventType::Reject, "IRN", None);
    expect("Russian police beat the protesters with batons.", EventType::Assault, "RUSCOP", None);
    expect("Egypt says it allows aid trucks through the Rafah crossing.", EventType::Retreat, "EGY", None);
    expect("Putin ordered the army to withdraw.", EventType::Request, "PER:vladimir-putin", None);
}

#[test]
fn a_refusal_is_asserted_and_a_name_is_no_event_told_before() {
    let text = "Islamabad accuses the Taliban of harbouring militants. \
                Tajikistan has refused to recognise the Taliban government.";
    let evs = events(text);
    let refusal = evs.iter().find(|e| e.kind == EventType::Reject).expect("a REJECT");
    assert_eq!(refusal.status, sitrep_model::Status::Asserted, "{evs:#?}");
    assert!(has(&evs, EventType::Reject, "TJK", Some("GRP:taliban")), "{evs:#?}");
}

#[test]
fn a_meeting_called_is_convened_by_its_caller() {
    expect("Sisi called a meeting with Hamas leaders in Cairo.", EventType::Consult, "PER:abdel-fattah-el-sisi", Some("GRP:hamas"));
    // the owner's own council is no UN body
    let evs = events("President Volodymyr Zelensky called an emergency meeting of his security council.");
    assert!(evs.iter().any(|e| e.kind == EventType::Consult), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.target.as_ref().is_some_and(|t| t.actor.contains("UNSC") || t.name.contains("UN "))), "{evs:#?}");
}

#[test]
fn they_after_a_sentence_opened_by_a_subject_is_that_subject() {
    let text = "Fighters of the M23 movement entered Uvira on Monday after army units withdrew, witnesses said. \
                The rebels took the port on Tuesday. Uvira is the third town they have seized this year.";
    let evs = events(text);
    let seize = evs.iter().find(|e| e.trigger == "seized").expect("a seizure");
    assert_eq!(seize.source.as_ref().map(|s| s.actor.as_str()), Some("GRP:m23"), "{evs:#?}");
}

#[test]
fn who_neither_confirms_nor_denies_is_no_source_of_the_claim() {
    let evs = events("Turkey has not confirmed or denied carrying out the drone strike near Qamishli.");
    let strike = evs.iter().find(|e| e.kind == EventType::Assault).expect("a strike");
    assert_eq!(strike.status, sitrep_model::Status::Unconfirmed, "{evs:#?}");
    assert!(strike.attributed_to.is_none(), "{evs:#?}");
    // an earlier speaker still is
    let evs = events("Officials in Damascus said Turkey had not denied carrying out the drone strike.");
    assert!(evs.iter().any(|e| e.attributed_to.is_some()), "{evs:#?}");
}

#[test]
fn a_run_of_headlines_between_bars_codes_nothing() {
    let evs = events("Mayors call for more funds | Governors hit back at the budget office | Texas town hit by storm.");
    assert!(evs.is_empty(), "{evs:#?}");
    expect("Governors hit back at the budget office.", EventType::Assault, "GOV", None);
}

#[test]
fn an_offer_of_goods_or_prices_is_no_offer_between_parties() {
    for text in [
        "The carmaker offers almost all its models in Jakarta.",
        "A Nairobi retailer is offering the new phone for $499.",
        "Her return offers a reminder of the party's divisions.",
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.kind == EventType::Agree), "{text:?}: {evs:#?}");
    }
    expect("Egypt offered to host the next round.", EventType::Agree, "EGY", None);
    expect("Qatar offered Sudan emergency loans.", EventType::Agree, "QAT", Some("SDN"));
    expect("Obama offered the Russians a bargain.", EventType::Agree, "USA", Some("RUS"));
}

#[test]
fn a_concert_tour_is_no_visit_and_a_tour_of_a_region_is() {
    for text in ["The band will reunite for a European tour next summer.", "The two singers will tour together in May."] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.kind == EventType::Consult), "{text:?}: {evs:#?}");
    }
    expect("President Ruto toured the flooded districts of Kisumu.", EventType::Consult, "PER:william-ruto", None);
    let evs = events("The Indian prime minister began a tour of West Africa.");
    assert!(evs.iter().any(|e| e.kind == EventType::Consult), "{evs:#?}");
}

#[test]
fn a_warning_after_a_criticism_is_made_to_its_target() {
    let text = "Egypt's foreign minister criticised the Israeli decision, warning of grave consequences for the region.";
    expect(text, EventType::Threaten, "EGY", Some("ISR"));
}

#[test]
fn who_was_released_some_time_ago_is_no_release_now() {
    let text = "The charity helps people recently released from prison in Lagos to find work, its director said.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Retreat), "{evs:#?}");
    expect("Ethiopia released 200 prisoners from Kality prison on Monday.", EventType::Retreat, "ETH", None);
}

#[test]
fn strikes_called_something_are_no_strike_called() {
    let text = "Russian drones hit a power station in Odesa on Monday. Ukraine called the strikes a war crime.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Protest), "{evs:#?}");
    let text = "Iranian missiles hit a base in Syria. Jordan called the strikes unacceptable.";
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.kind == EventType::Protest), "{evs:#?}");
    expect("Kenyan opposition parties called a general strike for Monday.", EventType::Protest, "KENOPP", None);
    expect("The opposition in Kenya called the strike for Monday.", EventType::Protest, "KENOPP", None);
}

#[test]
fn acknowledging_a_fact_is_no_recognition() {
    let evs = events("Successive governments in Vienna have recognized that Austrians took part in the crimes.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Support), "{evs:#?}");
    expect("Sweden recognised Palestine as a state.", EventType::Support, "SWE", Some("PSE"));
}

#[test]
fn an_inquiry_with_nothing_after_it_investigates_nothing() {
    let evs = events("The embassy referred the threat to Kenyan police, who worked with Interpol to investigate.");
    assert!(!evs.iter().any(|e| e.mode.as_deref() == Some("investigate")), "{evs:#?}");
    expect("Uganda opened an inquiry into the killings.", EventType::Accuse, "UGA", None);
}

#[test]
fn struggles_hardships_and_games_are_no_violence() {
    for (text, word) in [
        ("Delhi has been fighting dirty air for decades.", "fighting"),
        ("The parties battle to win the March election in Nepal.", "battle"),
        ("The Australian is battling extradition to the United States.", "battling"),
        ("Payments went to farmers hit by retaliatory Chinese tariffs.", "hit"),
        ("Ghana allowed only one shot on goal.", "shot"),
        ("The Bruins beat the Devils for the eighth time.", "beat"),
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.trigger == word && matches!(e.kind, EventType::Assault | EventType::Coerce)), "{text:?}: {evs:#?}");
    }
    // fighting and hitting people stay
    expect("Sudanese troops are fighting the RSF in Omdurman.", EventType::Assault, "SDNMIL", None);
    expect("Chinese drones hit a Philippine supply boat.", EventType::Assault, "CHN", None);
}

#[test]
fn an_attack_on_policies_is_criticism() {
    let evs = events("In a televised debate, Modi attacked the opposition's economic policies.");
    assert!(evs.iter().any(|e| e.kind == EventType::Accuse), "{evs:#?}");
    assert!(!evs.iter().any(|e| e.kind == EventType::Assault), "{evs:#?}");
    expect("Arakan Army fighters attacked army positions in Rakhine.", EventType::Assault, "GRP:arakan-army", None);
}

#[test]
fn a_place_captured_is_seized_and_people_captured_are_held() {
    let evs = events("The rebels said on Monday they had captured Kalehe, a town on the lake.");
    assert!(evs.iter().any(|e| e.kind == EventType::Coerce && e.mode.as_deref() == Some("seize")), "{evs:#?}");
    let evs = events("Ethnic armed groups have captured more than 50 military posts in Shan state.");
    assert!(evs.iter().any(|e| e.kind == EventType::Coerce && e.mode.as_deref() == Some("seize")), "{evs:#?}");
    let evs = events("Ukrainian forces captured two Russian soldiers near Kupiansk.");
    assert!(evs.iter().any(|e| e.kind == EventType::Coerce && e.mode.as_deref() == Some("arrest")), "{evs:#?}");
}

#[test]
fn where_two_parties_agree_is_no_party_to_it() {
    let text = "Egypt and Jordan agreed on Tuesday to reopen the crossing in Gaza.";
    expect(text, EventType::Agree, "EGY", Some("JOR"));
    expect(text, EventType::Agree, "JOR", Some("EGY"));
    let evs = events(text);
    assert!(!evs.iter().any(|e| e.target.as_ref().is_some_and(|t| t.actor == "PSE")), "{evs:#?}");
}

#[test]
fn declining_to_comment_rejects_no_one() {
    for text in [
        "Kenya's interior ministry declined to confirm the raid.",
        "A spokesman for the Chadian army declined to comment.",
        "The minister declined to say when the troops would leave.",
    ] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.kind == EventType::Reject), "{text:?}: {evs:#?}");
    }
    expect("Iran declined to attend the talks in Geneva.", EventType::Reject, "IRN", None);
    expect("Hamas refused to respond to a demand from Egypt.", EventType::Reject, "GRP:hamas", None);
}

#[test]
fn a_second_verb_of_the_same_subject_attributes_nothing() {
    let text = "Colonel Doumbouya condemned the ambush in Conakry and said the army would hunt down its authors.";
    let evs = events(text);
    let condemned = evs.iter().find(|e| e.trigger == "condemned").expect("a condemnation");
    assert!(condemned.attributed_to.is_none(), "{evs:#?}");
    assert_eq!(condemned.status, sitrep_model::Status::Asserted, "{evs:#?}");
    // a speaker after a comma still is the source
    let evs = events("Chadian troops shelled the town of Abeche, the rebels said.");
    assert!(evs.iter().any(|e| e.attributed_to.is_some()), "{evs:#?}");
}

#[test]
fn names_handed_over_are_no_aid() {
    let evs = events("The exchange was delayed until Hamas provided the names of the prisoners to Egypt.");
    assert!(!evs.iter().any(|e| e.kind == EventType::Aid), "{evs:#?}");
    expect("Egypt provided food and medicine to Gaza.", EventType::Aid, "EGY", None);
}

#[test]
fn support_as_a_product_feature_backs_no_one() {
    for text in ["The new speaker comes with integrated Google Assistant support.", "Samsung offers customer support in Lagos."] {
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.kind == EventType::Support), "{text:?}: {evs:#?}");
    }
    expect("Belarus said it would support Russia.", EventType::Support, "BLR", Some("RUS"));
}

#[test]
fn a_speaker_inside_a_relative_clause_is_no_source_of_the_act() {
    let text = "Russian forces shelled Kharkiv overnight, in an attack that Ukraine said damaged a school.";
    let evs = events(text);
    let launch = evs.iter().find(|e| e.trigger == "shelled").expect("a shelling");
    assert!(launch.attributed_to.is_none(), "{evs:#?}");
}

#[test]
fn a_coordinated_speech_verb_has_the_sentence_subject_as_speaker() {
    let text = "Iran condemned the raid by Israel and said Hezbollah would attack Haifa.";
    let evs = events(text);
    let threat = evs.iter().find(|e| e.kind == EventType::Threaten).expect("a threat");
    assert_eq!(threat.attributed_to.as_ref().map(|a| a.actor.as_str()), Some("IRN"), "{evs:#?}");
}
