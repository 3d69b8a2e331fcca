use sitrep_geo::{Gazetteer, Hints, Kind, Places, dateline, main_place, main_place_led};

fn find(p: &Places, text: &str) -> Vec<(String, String, Kind)> {
    p.find(text, &Hints::default()).into_iter().map(|r| (r.text, r.country, r.kind)).collect()
}

/// The built-in gazetteer plus a table of these lines (the format `scripts/setup-gazetteer.sh`
/// writes), read from a file of its own as the binary reads its table.
fn with_table(name: &str, lines: &str) -> Places {
    let dir = std::env::temp_dir().join(format!("sitrep-geo-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("places.tsv");
    std::fs::write(&path, lines).unwrap();
    let mut p = Places::builtin();
    p.add_table(&path).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    p
}

#[test]
fn builtin_knows_the_issues_places() {
    let p = Places::builtin();
    let text = "Troops moved near the Kurram border region and training centers in Balochistan, close to the Durand Line. \
                Fighters were seen in the Gaza Strip and in Donbas.";
    let got = find(&p, text);
    for (name, country) in [("Kurram", "PAK"), ("Balochistan", "PAK"), ("Durand Line", "PAK"), ("Gaza Strip", "PSE"), ("Donbas", "UKR")] {
        assert!(got.iter().any(|(t, c, _)| t == name && c == country), "{name} not found as {country} in {got:?}");
    }
}

#[test]
fn context_picks_the_tajik_ayni_and_marks_metonyms() {
    let p = Places::builtin();
    let r = p.find("Police arrested two men in Ayni, near Dushanbe. Islamabad said it was not involved.", &Hints::default());
    let ayni = r.iter().find(|x| x.text == "Ayni").expect("Ayni");
    assert_eq!(ayni.country, "TJK");
    assert!(ayni.confidence > 0.5);
    let isb = r.iter().find(|x| x.text == "Islamabad").expect("Islamabad");
    assert!(isb.metonym, "Islamabad said is an actor");
    assert!(!ayni.metonym);
}

#[test]
fn demonyms_and_abbreviations_resolve_given_a_span() {
    let p = Places::builtin();
    let text = "Afghan officials met U.S. envoys in Wichita, Kan.";
    let spans = [(0, 6), (21, 25), (45, 49)];
    let r = p.resolve(text, &spans, &Hints::default());
    let countries: Vec<&str> = r.iter().map(|x| x.as_ref().map_or("", |x| x.country.as_str())).collect();
    assert_eq!(countries, ["AFG", "USA", "USA"]);
    assert_eq!(r[2].as_ref().unwrap().name, "Kansas");
}

#[test]
fn a_table_adds_cities_and_context_chooses_among_namesakes() {
    let p = with_table(
        "table",
        "# test\nC\t6252001\tUnited States\t38\t-97\tUS\t\t310232863\t\n\
         P\t361058\tAlexandria\t31.20176\t29.91582\tEG\t06\t5263542\tAl Iskandariyah\n\
         P\t4314550\tAlexandria\t31.31129\t-92.44514\tUS\tLA\t47889\t\n\
         A2\t\tRapides Parish\t\t\tUS\tLA\t0\t\n",
    );
    let r = p.find("A fire in Alexandria, Louisiana, was investigated.", &Hints::default());
    let a = r.iter().find(|x| x.text == "Alexandria").expect("Alexandria");
    assert_eq!((a.country.as_str(), a.geonames_id, a.admin1.as_deref()), ("USA", Some(4314550), Some("Louisiana")));
    let r = p.find("Crowds gathered in Alexandria on Friday.", &Hints::default());
    assert_eq!(r[0].country, "EGY", "without context the big city wins");
    let r = p.find("Crowds gathered in Alexandria on Friday.", &Hints { countries: vec!["USA".into(); 1], ..Default::default() });
    assert_eq!(r[0].country, "USA", "the actors' country is a prior");
    assert_eq!(p.country("USA").unwrap().geonames_id, Some(6252001));
    assert_eq!(p.country_point("USA"), Some((39.83, -98.58)), "places.yaml's country point wins over the table's");
    let r = p.find("Deputies in Rapides Parish made arrests.", &Hints::default());
    assert_eq!(r[0].kind, Kind::County);
    let r = p.find("Deputies in Rapides Parish arrested a man in Alexandria, Louisiana.", &Hints::default());
    assert_eq!((r[0].kind, r[0].lat, r[0].lon), (Kind::County, 31.31129, -92.44514), "a county takes the point of its town in the article");
}

#[test]
fn dateline_and_main_place() {
    let p = Places::builtin();
    let text = "PESHAWAR, Pakistan (Reuters) - Officials met. Talks in Kabul and Kabul again.";
    let r = p.places(text, &Hints::default());
    assert_eq!(dateline(text, &r).map(|x| x.name.as_str()), Some("Peshawar"));
    assert_eq!(main_place(&r).map(|x| x.name.as_str()), Some("Kabul"));
    assert!(p.country_point("PAK").is_some());
}

#[test]
fn the_place_of_the_lead_is_the_main_place_when_nothing_is_named_more() {
    let p = Places::builtin();
    let text = "Jets struck villages in Afghanistan's Paktika province on Tuesday.\n\nThe group operates from Waziristan, officials say.";
    let r = p.places(text, &Hints::default());
    assert_eq!(main_place(&r).map(|x| x.name.as_str()), Some("Waziristan"), "without a lead, the more specific kind wins the tie");
    let lead = text.find("\n\n").unwrap();
    assert_eq!(main_place_led(&r, lead).map(|x| x.name.as_str()), Some("Paktika"));
}

#[test]
fn dotted_abbreviations_and_continent_demonyms() {
    let p = Places::builtin();
    let text = "Snow fell on Winnipeg, Man. on Monday. Man overboard near the Pacific.";
    let got = find(&p, text);
    assert!(got.iter().any(|(t, c, _)| t == "Man." && c == "CAN"), "{got:?}");
    assert!(!got.iter().any(|(t, _, _)| t == "Man"), "a word without its stop is no province: {got:?}");
    assert!(got.iter().any(|(t, c, _)| t == "Pacific" && c.is_empty()), "an ocean has no country: {got:?}");
    let text = "European leaders met.";
    let r = p.resolve(text, &[(0, 8)], &Hints::default());
    assert_eq!(r[0].as_ref().map(|x| (x.name.as_str(), x.country.as_str())), Some(("Europe", "")));
}

#[test]
fn nearby_names_pull_namesakes_together() {
    let p = with_table(
        "near",
        "# test\n\
         P\t2643743\tLondon\t51.50853\t-0.12574\tGB\tENG\t8961989\t\n\
         P\t6058560\tLondon\t42.98339\t-81.23304\tCA\t08\t422324\t\n\
         P\t6156102\tStrathroy\t42.95009\t-81.61637\tCA\t08\t14401\t\n\
         P\t4517009\tLondon\t39.88645\t-83.44825\tUS\tOH\t10060\t\n",
    );
    let r = p.find("Crowds gathered in London on Friday.", &Hints::default());
    assert_eq!(r[0].country, "GBR", "alone, the big city wins");
    let r = p.find("Police in London and in Strathroy made arrests.", &Hints::default());
    assert_eq!(r[0].country, "CAN", "a neighbour 35 km away picks the Ontario London: {r:?}");
}

#[test]
fn a_village_abroad_near_nothing_the_article_names_is_left_unresolved() {
    let p = with_table(
        "stray",
        "# test\n\
         P\t2643743\tLondon\t51.50853\t-0.12574\tGB\tENG\t8961989\t\n\
         P\t2650225\tEdinburgh\t55.95206\t-3.19648\tGB\tSCT\t464990\t\n\
         P\t2657832\tAberdeen\t57.14369\t-2.09814\tGB\tSCT\t196670\t\n\
         P\t2643123\tManchester\t53.48095\t-2.23743\tGB\tENG\t395515\t\n\
         P\t4158865\tHeathrow\t28.77\t-81.37\tUS\tFL\t5000\t\n",
    );
    let r = p.find("Flights from Heathrow to Edinburgh, Aberdeen and Manchester were cut, London said.", &Hints::default());
    assert!(!r.iter().any(|x| x.text == "Heathrow"), "{r:?}");
    let r = p.find("Flights from Heathrow were cut.", &Hints::default());
    assert!(r.iter().any(|x| x.text == "Heathrow"), "alone it is the only reading: {r:?}");
}

#[test]
fn the_outlets_country_domain_is_a_hint() {
    let tld = |u: &str| Hints::default().outlet(Some(u)).outlet_tld;
    assert_eq!(tld("https://www.richmondandtwickenhamtimes.co.uk/news/1"), Some("uk".into()));
    assert_eq!(tld("www.lfpress.ca"), Some("ca".into()));
    assert_eq!(tld("http://example.com/a.uk"), None);
    assert_eq!(tld("https://news.example.tv/"), None, "a country code sold as a generic domain");
    let p = with_table(
        "outlet",
        "# test\n\
         P\t4781708\tRichmond\t37.55376\t-77.46026\tUS\tVA\t230436\t\n\
         P\t2639506\tRichmond\t51.46171\t-0.30144\tGB\tENG\t22000\t\n",
    );
    let text = "Traffic in Richmond rose.";
    assert_eq!(p.find(text, &Hints::default())[0].country, "USA");
    assert_eq!(p.find(text, &Hints::default().outlet(Some("https://www.richmondandtwickenhamtimes.co.uk/x")))[0].country, "GBR");
}

#[test]
fn a_claimed_subdivision_does_not_take_a_countrys_name() {
    let p = Places::builtin();
    let text = "Beijing warned Taiwan and China's navy sailed.";
    let r = p.resolve(text, &[(0, 7), (15, 21), (26, 31)], &Hints::default());
    assert_eq!(r[1].as_ref().map(|x| (x.kind, x.country.as_str())), Some((Kind::Country, "TWN")), "{r:?}");
}

#[test]
fn a_territory_with_its_own_iso_code_is_that_territory_not_a_province() {
    let p = Places::builtin();
    let got = find(&p, "Divers off Bonaire found the wreck. In Bavaria, police closed the road.");
    assert!(got.iter().any(|(t, c, _)| t == "Bonaire" && c == "BES"), "{got:?}");
    assert!(got.iter().any(|(t, c, _)| t == "Bavaria" && c == "DEU"), "a code that spells another country's is not enough: {got:?}");
}

#[test]
fn an_outlet_named_after_its_home_names_a_place() {
    let p = Places::builtin();
    let home = |host: &str| p.outlet_home(host);
    assert_eq!(home("www.jordantimes.com").as_deref(), Some("jordan"), "masthead words after the name");
    assert_eq!(home("thetexastribune.org").as_deref(), Some("texas"), "and 'the' before it");
    assert_eq!(home("newyorkdailynews.com").as_deref(), Some("new york"), "a space put back");
    assert_eq!(home("www.thedailystar.net"), None, "masthead words only");
    assert_eq!(home("star-telegram.com"), None);
    assert_eq!(home("example.com"), None);
}

#[test]
fn the_outlets_home_is_context_for_a_lone_name() {
    let p = with_table(
        "home",
        "# test\n\
         P\t2964574\tDublin\t53.33306\t-6.24889\tIE\tL\t1024027\t\n\
         P\t4512060\tColumbus\t39.96118\t-82.99879\tUS\tOH\t850106\t\n\
         P\t4512214\tDublin\t40.09923\t-83.11408\tUS\tOH\t41751\t\n\
         P\t2965140\tCork\t51.89797\t-8.47061\tIE\tM\t125622\t\n",
    );
    let text = "The Dublin City Council met on Monday.";
    assert_eq!(p.find(text, &Hints::default())[0].country, "IRL", "alone, the capital");
    let local = Hints::default().outlet(Some("https://www.columbuslocalnews.com/story/1"));
    let r = p.find(text, &local);
    assert_eq!((r.len(), r[0].country.as_str()), (1, "USA"), "a Columbus paper's Dublin is the Ohio suburb: {r:?}");
    let r = p.find("Talks in Dublin and Cork went on.", &local);
    assert_eq!(r[0].country, "IRL", "the article's own names outweigh the outlet's home: {r:?}");
}

#[test]
fn american_local_wording_chooses_among_namesakes_of_a_lone_name() {
    let p = with_table(
        "wording",
        "# test\n\
         P\t264371\tAthens\t37.98376\t23.72784\tGR\tESYE31\t664046\t\n\
         P\t734077\tThessaloniki\t40.64361\t22.93086\tGR\tESYE12\t354290\t\n\
         P\t4180386\tAthens\t33.96095\t-83.37794\tUS\tGA\t116714\t\n",
    );
    let country = |text: &str| p.find(text, &Hints::default())[0].country.clone();
    assert_eq!(country("The council in Athens approved the budget."), "GRC", "alone, the capital");
    assert_eq!(country("The council in Athens approved the high school's budget."), "USA", "American local wording");
    assert_eq!(country("The council in Athens and Thessaloniki approved the high school's budget."), "GRC", "other places decide");
}

#[test]
fn a_capital_is_its_name_before_a_far_region_and_pulls_no_namesakes() {
    let p = with_table(
        "capital",
        "# test\n\
         K\t\tWashington\t\t\tUS\t\t0\t\n\
         K\t\tDamascus\t\t\tSY\t\t0\t\n\
         P\t4140963\tWashington\t38.89511\t-77.03637\tUS\tDC\t689545\t\n\
         P\t4891010\tWashington\t40.70365\t-89.40731\tUS\tIL\t16664\t\n\
         P\t170654\tDamascus\t33.5102\t36.29128\tSY\t13\t2584771\t\n\
         P\t4353765\tDamascus\t39.28844\t-77.20387\tUS\tMD\t15257\t\n",
    );
    let r = p.find("Envoys met in Washington on Friday.", &Hints::default());
    assert_eq!((r[0].kind, r[0].admin1.as_deref()), (Kind::City, Some("District of Columbia")), "the capital, not the state: {r:?}");
    let r = p.find("Envoys in Washington and Damascus traded accusations over Syria, U.S. officials said.", &Hints::default());
    let damascus = r.iter().find(|x| x.text == "Damascus").expect("Damascus");
    assert_eq!(damascus.country, "SYR", "a capital named beside it does not make the Maryland town: {r:?}");
}

#[test]
fn a_country_beside_another_is_a_list_not_a_town_and_its_container() {
    let p = with_table("list", "# test\nP\t5170691\tRussia\t40.23422\t-84.40995\tUS\tOH\t600\t\n");
    let text = "He spent years in Russia, U.S. officials said.";
    let r = p.resolve(text, &[(18, 24), (26, 30)], &Hints::default());
    assert_eq!(r[0].as_ref().map(|x| (x.kind, x.country.as_str())), Some((Kind::Country, "RUS")), "{r:?}");
    let text = "The fair in Russia, Ohio, opened.";
    let r = p.resolve(text, &[(12, 18), (20, 24)], &Hints::default());
    assert_eq!(
        r[0].as_ref().map(|x| (x.kind, x.country.as_str())),
        Some((Kind::City, "USA")),
        "a region after it still contains it: {r:?}"
    );
}

#[test]
fn a_capitals_own_name_is_no_town_that_once_had_it() {
    let p = with_table(
        "own",
        "# test\n\
         K\t\tJerusalem\t\t\tIL\t\t0\t\n\
         P\t281184\tJerusalem\t31.76904\t35.21633\tIL\t06\t801000\t\n\
         P\t4356188\tFunkstown\t39.60759\t-77.70499\tUS\tMD\t904\tJerusalem\n",
    );
    let us = Hints { countries: vec!["USA".into()], ..Default::default() };
    let r = p.find("Envoys arrived in Jerusalem on Friday.", &us);
    assert_eq!(r[0].country, "ISR", "{r:?}");
    let r = p.find("Envoys arrived in Funkstown on Friday.", &us);
    assert_eq!(r[0].country, "USA", "its own name still is its: {r:?}");
}

#[test]
fn a_town_carries_its_first_level_region_by_name() {
    let p = with_table(
        "admin1",
        "# test\n\
         N\t\tNangarhar\t\t\tAF\t18\t0\t\n\
         P\t1142170\tJalalabad\t34.42647\t70.45153\tAF\t18\t200331\t\n\
         P\t1138336\tKandahar\t31.61332\t65.71013\tAF\t23\t391190\t\n",
    );
    let r = p.find("Shops reopened in Jalalabad and in Kandahar.", &Hints::default());
    let admin1 = |name: &str| r.iter().find(|x| x.name == name).map(|x| x.admin1.clone());
    assert_eq!(admin1("Jalalabad"), Some(Some("Nangarhar".to_string())));
    assert_eq!(admin1("Kandahar"), Some(None), "a code the table names no region for gives none");
}
