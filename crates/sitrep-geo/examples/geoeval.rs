//! Resolution accuracy on the LGL and TR-News gold sets, given the gold toponym spans, and our own
//! toponym recognition's recall; gazetteer load time and resolution throughput.
//!
//!     cargo run --release -p sitrep-geo --example geoeval -- ../shared/data/geoparsing [--errors N] [--trace PHRASE] [--builtin]

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use sitrep_geo::{Hints, Kind, Places, distance_km, main_place};

struct Gold {
    start: usize,
    end: usize,
    phrase: String,
    id: u64,
    lat: f64,
    lon: f64,
    country_id: Option<u64>,
    country_name: String,
    fcode: String,
    admin1: String,
}

struct Article {
    text: String,
    domain: Option<String>,
    toponyms: Vec<Gold>,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn parse(xml: &str) -> Vec<Article> {
    let mut out = Vec::new();
    for art in xml.split("<article ").skip(1) {
        let Some(raw) = between(art, "<text>", "</text>") else { continue };
        let text = match raw.trim_start().strip_prefix("<![CDATA[") {
            Some(r) => r.rsplit_once("]]>").map_or(r, |(a, _)| a).to_string(),
            None => unescape(raw),
        };
        // Code-point offsets to byte offsets.
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut toponyms = Vec::new();
        for t in art.split("<toponym>").skip(1) {
            let num = |tag: &str| between(t, &format!("<{tag}>"), &format!("</{tag}>")).and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(s), Some(e), Some(lat), Some(lon)) = (num("start"), num("end"), num("lat"), num("lon")) else { continue };
            let Some(id) = between(t, "geonameid=\"", "\"").and_then(|v| v.parse().ok()) else { continue };
            let phrase = unescape(between(t, "<phrase>", "</phrase>").unwrap_or("").trim());
            let country_tag = between(t, "<country", "</country>").unwrap_or("");
            let country_id = between(country_tag, "geonameid=\"", "\"").and_then(|v| v.parse().ok());
            let country_name = country_tag.split_once('>').map_or("", |(_, n)| n).trim().to_string();
            let fcode = between(t, "<fcode>", "</fcode>").unwrap_or("").to_string();
            let admin1 = between(t, "<admin1", "</admin1>").and_then(|a| a.split_once('>')).map_or("", |(_, n)| n).trim().to_string();
            let (s, e) = (s as usize, e as usize);
            if e > bytes.len() - 1 || s >= e {
                continue;
            }
            // Some spans are off by a few characters: find the phrase nearest the given start.
            let (mut bs, mut be) = (bytes[s], bytes[e]);
            if text.get(bs..be) != Some(phrase.as_str()) && !phrase.is_empty() {
                let lo = bytes[s.saturating_sub(6)];
                let hi = bytes[(e + 6).min(bytes.len() - 1)];
                if let Some(k) = text[lo..hi].find(&phrase) {
                    bs = lo + k;
                    be = bs + phrase.len();
                }
            }
            toponyms.push(Gold { start: bs, end: be, phrase, id, lat, lon, country_id, country_name, fcode, admin1 });
        }
        let domain = between(art, "<domain>", "</domain>").map(|d| d.trim().to_string());
        out.push(Article { text, domain, toponyms });
    }
    out
}

#[derive(Default)]
struct Score {
    n: usize,
    matched: usize,
    country: usize,
    id: usize,
    within: usize,
    spans: usize,
    recalled: usize,
    found: usize,
    found_true: usize,
    secs: f64,
    find_secs: f64,
    chars: usize,
}

/// "gaz" when the name was resolved, "article" when it took the article's main place.
fn res_is(r: &sitrep_geo::Resolved, res: &[Option<sitrep_geo::Resolved>]) -> &'static str {
    if res.iter().flatten().any(|x| std::ptr::eq(x, r)) { "gaz" } else { "article" }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("../shared/data/geoparsing", |s| s.as_str());
    // `--trace PHRASE`: every resolution in the articles that name PHRASE, to see the context.
    let trace = args.iter().position(|a| a == "--trace").and_then(|i| args.get(i + 1)).cloned();
    let no_outlet = args.iter().any(|a| a == "--no-outlet");
    let errors: usize = args.iter().position(|a| a == "--errors").and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(0);
    // `--dump FILE`: one tab-separated line per gold toponym with our reading, to group errors by cause.
    let mut dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("--dump file")));
    if !Path::new(dir).is_dir() {
        eprintln!("geoeval: {dir} not found, skipping");
        return;
    }
    let t = Instant::now();
    let builtin = Places::builtin();
    let builtin_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!("built-in gazetteer: {} entries in {builtin_ms:.0} ms", builtin.len());
    drop(builtin);
    let t = Instant::now();
    // `--builtin`: what ships in the binary only, without the populated-places table.
    let places = if args.iter().any(|a| a == "--builtin") {
        Places::builtin()
    } else {
        Places::load().unwrap_or_else(|e| {
            eprintln!("geoeval: {e}; built-in gazetteer only");
            Places::builtin()
        })
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let table = places.table.as_ref().map_or("none (built-in only)".to_string(), |p| p.display().to_string());
    println!("gazetteer: {} entries, table {table}, loaded in {load_ms:.0} ms", places.len());
    // Gold countries by their GeoNames id (from the table) or by name.
    let mut by_id: HashMap<u64, String> = HashMap::new();
    for code in (0..places.len() as u32).map(|i| places.get(i)).filter(|p| p.kind == Kind::Country) {
        if let Some(id) = code.geonames_id {
            by_id.insert(id, code.country.to_string());
        }
    }
    let gold_country = |g: &Gold| -> Option<String> {
        g.country_id.and_then(|id| by_id.get(&id).cloned()).or_else(|| {
            places.lookup(&g.country_name).iter().map(|&i| places.get(i)).find(|p| p.kind == Kind::Country).map(|p| p.country.to_string())
        })
    };
    println!();
    println!(
        "| set | toponyms | in gazetteer | country acc | GeoNames id acc | Acc@161km | recognition recall | resolved toponyms/s | recognition MB/s |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    // Each set's figures on its even- and odd-numbered articles, to see whether a change holds
    // on both halves (printed after the table).
    let mut halves = Vec::new();
    for (label, file) in [("LGL", "lgl.xml"), ("TR-News", "TR-News.xml")] {
        let Ok(xml) = std::fs::read_to_string(Path::new(dir).join(file)) else {
            eprintln!("geoeval: {file} missing, skipping");
            continue;
        };
        let arts = parse(&xml);
        let mut sc = Score::default();
        let mut half = [Score::default(), Score::default()];
        let mut shown = 0;
        for (ai, a) in arts.iter().enumerate() {
            let spans: Vec<(usize, usize)> = a.toponyms.iter().map(|g| (g.start, g.end)).collect();
            let t = Instant::now();
            // `--no-outlet`: without the outlet's domain as a hint.
            let hints = if no_outlet { Hints::default() } else { Hints::default().outlet(a.domain.as_deref()) };
            let res = places.resolve(&a.text, &spans, &hints);
            sc.secs += t.elapsed().as_secs_f64();
            let resolved: Vec<_> = res.iter().flatten().cloned().collect();
            let fallback = main_place(&resolved);
            if let Some(t) = &trace
                && a.toponyms.iter().any(|g| &g.phrase == t)
            {
                eprintln!("{label} article:");
                for (g, r) in a.toponyms.iter().zip(&res) {
                    let got = r.as_ref().map_or("-".to_string(), |r| format!("{} {} {:?} {:.2}", r.name, r.country, r.kind, r.confidence));
                    eprintln!("  {:?} -> {got}; gold {:?}", g.phrase, gold_country(g));
                }
            }
            for (g, r) in a.toponyms.iter().zip(&res) {
                sc.n += 1;
                half[ai % 2].n += 1;
                if r.is_some() {
                    sc.matched += 1;
                }
                // A name the gazetteer lacks takes the article's main place (how = "article").
                let Some(r) = r.as_ref().or(fallback) else { continue };
                let gc = gold_country(g);
                // A continent has no country: the right answer is none.
                let ok_country = gc.as_deref().unwrap_or("") == r.country;
                let d = distance_km((g.lat, g.lon), (r.lat, r.lon));
                for s in [&mut sc, &mut half[ai % 2]] {
                    s.country += ok_country as usize;
                    s.id += (r.geonames_id == Some(g.id)) as usize;
                    s.within += (d <= 161.0) as usize;
                }
                if let Some(w) = dump.as_mut() {
                    use std::io::Write;
                    let cands = places.lookup(&g.phrase);
                    let has_gold = cands.iter().any(|&i| places.get(i).geonames_id == Some(g.id));
                    writeln!(
                        w,
                        "{label}\t{ai}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{}\t{}\t{:?}\t{}\t{:.0}\t{}\t{}\t{}\t{:.2}\t{}\t{}\t{}\t{}",
                        g.phrase,
                        g.fcode,
                        gc.as_deref().unwrap_or("-"),
                        g.admin1,
                        r.kind,
                        r.name,
                        r.country,
                        r.admin1.as_deref().unwrap_or("-"),
                        r.geonames_id,
                        g.id,
                        d,
                        cands.len(),
                        has_gold,
                        res_is(r, &res),
                        r.confidence,
                        g.lat,
                        g.lon,
                        r.lat,
                        r.lon
                    )
                    .unwrap();
                }
                if !ok_country && shown < errors {
                    shown += 1;
                    eprintln!(
                        "{label}: {:?} -> {} ({}, {:?}, {}) {:.0} km off; gold {} {:?} [{}]",
                        g.phrase,
                        r.name,
                        r.country,
                        r.kind,
                        r.text,
                        d,
                        g.country_name,
                        gc,
                        places.lookup(&g.phrase).len()
                    );
                }
            }
            // Our own recognition against the gold spans (overlap).
            let t = Instant::now();
            let found = places.recognise(&a.text, &Hints::default());
            sc.find_secs += t.elapsed().as_secs_f64();
            sc.chars += a.text.len();
            sc.found += found.len();
            sc.found_true += found.iter().filter(|&&(s, e)| spans.iter().any(|&(a, b)| s < b && a < e)).count();
            sc.spans += spans.len();
            sc.recalled += spans.iter().filter(|&&(a, b)| found.iter().any(|&(s, e)| s < b && a < e)).count();
        }
        println!(
            "| {label} | {} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% (precision {:.1}%) | {:.0} | {:.1} |",
            sc.n,
            pct(sc.matched, sc.n),
            pct(sc.country, sc.n),
            pct(sc.id, sc.n),
            pct(sc.within, sc.n),
            pct(sc.recalled, sc.spans),
            pct(sc.found_true, sc.found),
            sc.n as f64 / sc.secs.max(1e-9),
            sc.chars as f64 / 1e6 / sc.find_secs.max(1e-9)
        );
        for (k, h) in half.iter().enumerate() {
            halves.push(format!(
                "| {label} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
                ["even", "odd"][k],
                h.n,
                pct(h.country, h.n),
                pct(h.id, h.n),
                pct(h.within, h.n)
            ));
        }
    }
    println!();
    println!("| set | articles | toponyms | country acc | GeoNames id acc | Acc@161km |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    for h in halves {
        println!("{h}");
    }
}
