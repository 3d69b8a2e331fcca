//! The gazetteer: countries and their subdivisions (compiled in, from `keshvar`), our features
//! (`dictionaries/places.yaml`, compiled in) and, when present, the populated-places table that
//! `scripts/setup-gazetteer.sh` builds from GeoNames data.

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::fold::{fold, fold_append, folds_to};
use crate::index::{Index, IndexParts};

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Country,
    /// A country subdivision (a state, province, region).
    Region,
    /// A second-level division (a US county or parish).
    County,
    /// A border, disputed territory, district, valley, sea or strait from our features list.
    Feature,
    /// A populated place.
    City,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::County => "county",
            Kind::Feature => "feature",
            Kind::City => "city",
        }
    }
}

/// One gazetteer entry, as [`Places::get`] gives it: its strings borrowed from the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place<'a> {
    pub name: &'a str,
    pub kind: Kind,
    /// ISO 3166-1 alpha-3 code of the country it lies in.
    pub country: &'a str,
    /// Name of its first-level region, when known.
    pub admin1: Option<&'a str>,
    /// GeoNames admin1 code (for the United States the state's postal code).
    pub admin1_code: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonames_id: Option<u64>,
    /// Area of its bounding box in km² (regions where keshvar has one; 0 when unknown).
    pub area: f64,
}

/// How an entry is kept: 64 bytes, its name in [`Places`]' arena (it ends where the next
/// entry's starts), its codes and region name by number among the gazetteer's shared strings. A
/// quarter of a million entries with a `String` a name and code took over twice the memory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    name: u32,
    country: u32,
    admin1: u32,
    admin1_code: u32,
    kind: Kind,
    /// Whether `geonames_id` is one (an `Option<u64>` took 8 bytes more).
    has_id: bool,
    /// Whether it is its country's capital (from the table's K rows).
    capital: bool,
    lat: f64,
    lon: f64,
    population: u64,
    geonames_id: u64,
    area: f64,
}

impl Entry {
    fn set_id(&mut self, id: Option<u64>) {
        (self.has_id, self.geonames_id) = (id.is_some(), id.unwrap_or(0));
    }
}

/// No string (an [`Entry`]'s `admin1` or `admin1_code` when unknown).
const NONE: u32 = u32::MAX;

#[derive(Deserialize)]
struct Feature {
    name: String,
    kind: String,
    countries: Vec<String>,
    #[serde(default)]
    admin1: Option<String>,
    lat: f64,
    lon: f64,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
}

const FEATURES: &str = include_str!("../../../dictionaries/places.yaml");

/// Where the populated-places table is looked for when `SITREP_GAZETTEER` is unset.
pub const DEFAULT_TABLE: &str = "data/gazetteer/places.tsv";

/// Errors reading a places table.
#[derive(Debug)]
pub struct TableError(pub String);

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableError {}

/// The gazetteer: entries and an index from folded names to entries.
#[derive(Clone, Debug, Default)]
pub struct Places {
    entries: Vec<Entry>,
    /// Entries' names back to back.
    names: String,
    /// Codes and region names, each once, and their numbers.
    strings: Vec<Box<str>>,
    string_ids: FxHashMap<Box<str>, u32>,
    /// Folded name to entries.
    pub(crate) index: Index,
    /// [`Places::key`]'s buffer for the folded name.
    fold_buf: String,
    /// Folded demonyms ("pakistani", "european") to the country or continent entry.
    pub(crate) demonyms: FxHashMap<String, u32>,
    /// Abbreviations that are a place only with their full stop ("Man.", "Que."): folded without it.
    pub(crate) dotted: FxHashMap<String, u32>,
    country: FxHashMap<String, u32>,
    /// Alpha-2 to alpha-3 codes (an `Arc`: each line of the table takes one).
    alpha2: FxHashMap<String, Arc<str>>,
    /// (alpha-3, GeoNames admin1 code) to the region entry, where the codes are known; by number
    /// among the shared strings, as entries keep them (resolution asks for a town's region).
    region: FxHashMap<(u32, u32), u32>,
    /// Bounding boxes of regions (south, north, west, east), where `keshvar` has them: whether a
    /// place lies in a region, where codes cannot tell (GeoNames' are not ISO's outside the US).
    bounds: FxHashMap<u32, [f64; 4]>,
    /// Countries whose point is ours (`dictionaries/places.yaml`): the table's does not replace it.
    own_point: Vec<u32>,
    /// Longest indexed name, in words.
    pub(crate) max_words: usize,
    /// The populated-places table loaded, if any, and how long loading took.
    pub table: Option<PathBuf>,
    pub load_ms: f64,
}

/// Everything a loaded [`Places`] holds but its lookup tables' hashes: what [`crate::cache`]
/// writes beside the table and reads back.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    entries: Vec<Entry>,
    names: String,
    strings: Vec<Box<str>>,
    index: IndexParts,
    demonyms: FxHashMap<String, u32>,
    dotted: FxHashMap<String, u32>,
    country: FxHashMap<String, u32>,
    alpha2: Vec<(String, String)>,
    region: FxHashMap<(u32, u32), u32>,
    bounds: FxHashMap<u32, [f64; 4]>,
    own_point: Vec<u32>,
    max_words: usize,
}

impl Places {
    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            entries: self.entries.clone(),
            names: self.names.clone(),
            strings: self.strings.clone(),
            index: self.index.parts(),
            demonyms: self.demonyms.clone(),
            dotted: self.dotted.clone(),
            country: self.country.clone(),
            alpha2: self.alpha2.iter().map(|(k, v)| (k.clone(), v.to_string())).collect(),
            region: self.region.clone(),
            bounds: self.bounds.clone(),
            own_point: self.own_point.clone(),
            max_words: self.max_words,
        }
    }

    pub(crate) fn from_snapshot(s: Snapshot, table: &Path) -> Places {
        let string_ids = s.strings.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        Places {
            entries: s.entries,
            names: s.names,
            strings: s.strings,
            string_ids,
            index: Index::from_parts(s.index),
            fold_buf: String::new(),
            demonyms: s.demonyms,
            dotted: s.dotted,
            country: s.country,
            alpha2: s.alpha2.into_iter().map(|(k, v)| (k, Arc::from(v))).collect(),
            region: s.region,
            bounds: s.bounds,
            own_point: s.own_point,
            max_words: s.max_words,
            table: Some(table.to_path_buf()),
            load_ms: 0.0,
        }
    }
}

impl Places {
    /// Countries, subdivisions and our features: what ships inside the binary.
    pub fn builtin() -> Places {
        let t = Instant::now();
        let mut p = Places::default();
        let mut claimed: Vec<u32> = Vec::new();
        // ISO 3166-1 territories that are also another country's subdivisions ("Bonaire" NL-BQ1
        // is BES, "Aruba" NL-AW is ABW): by alpha-2, their alpha-3 and short name.
        let territories: FxHashMap<String, (String, String)> = keshvar::CountryIterator::new()
            .filter(|c| !c.un_member())
            .map(|c| (c.alpha2().to_string(), (c.alpha3().to_string(), fold(c.iso_short_name()))))
            .collect();
        for c in keshvar::CountryIterator::new() {
            let a3 = c.alpha3().to_string();
            let geo = c.geo();
            let short = c.iso_short_name();
            // "Iran (Islamic Republic of)" → "Iran"; "Korea, Republic of" stays for its aliases below.
            let name = short.split(" (").next().unwrap_or(short).to_string();
            let i = p.push(Place {
                name: &name,
                kind: Kind::Country,
                country: &a3,
                admin1: None,
                admin1_code: None,
                lat: geo.latitude(),
                lon: geo.longitude(),
                population: c.maybe_population().unwrap_or(1_000_000),
                geonames_id: None,
                area: 0.0,
            });
            p.country.insert(a3.clone(), i);
            // Its bounding box: whether another source's point for it lies in it at all.
            p.bounds.insert(i, [geo.min_latitude(), geo.max_latitude(), geo.min_longitude(), geo.max_longitude()]);
            p.alpha2.insert(c.alpha2().to_string(), a3.as_str().into());
            p.key(&name, i);
            p.key(short, i);
            p.key(c.iso_long_name(), i);
            for n in c.unofficial_name_list() {
                p.key(n, i);
            }
            if let Some(n) = c.maybe_nationality() {
                // "French" is France's before Mayotte's: the most populous country keeps a demonym.
                let pop = c.maybe_population().unwrap_or(0);
                let keep = p.demonyms.get(&fold(n)).is_none_or(|&j| p.entries[j as usize].population < pop);
                if keep {
                    p.demonyms.insert(fold(n), i);
                }
            }
            for s in c.subdivisions().values() {
                let (lat, lon) = s.geo().and_then(|g| Some((g.latitude()?, g.longitude()?))).unwrap_or((geo.latitude(), geo.longitude()));
                let code = s.code().to_string();
                // "Baluchistan (en)": the language tag is no part of the name; nor is ISO's
                // footnote mark ("Taiwan *", claimed as a province of China).
                let sname = s.name().split(" (").next().unwrap_or(s.name()).trim_end_matches(['*', ' ']).trim().to_string();
                if s.name().contains('*') {
                    claimed.push(p.entries.len() as u32);
                }
                // The code is the territory's alpha-2 (and a digit: NL-BQ1) and the names agree.
                let sub = code.rsplit('-').next().unwrap_or("");
                let own = sub.get(..2).filter(|_| sub[2..].bytes().all(|b| b.is_ascii_digit())).and_then(|a2| territories.get(a2));
                let folded = fold(&sname);
                let country = match own {
                    Some((o, oname)) if *o != a3 && (*oname == folded || oname.starts_with(&format!("{folded} "))) => o.as_str(),
                    _ => a3.as_str(),
                };
                let j = p.push(Place {
                    name: &sname,
                    kind: Kind::Region,
                    country,
                    admin1: Some(&sname),
                    admin1_code: Some(&code),
                    lat,
                    lon,
                    population: 0,
                    geonames_id: None,
                    area: 0.0,
                });
                let codes = (p.string(&a3), p.string(&code));
                p.region.insert(codes, j);
                if let Some(g) = s.geo()
                    && let (Some(s), Some(n), Some(w), Some(e)) = (g.min_latitude(), g.max_latitude(), g.min_longitude(), g.max_longitude())
                {
                    p.bounds.insert(j, [s, n, w, e]);
                    let width = if w <= e { e - w } else { e - w + 360.0 };
                    p.entries[j as usize].area = (n - s) * 111.2 * width * 111.2 * ((n + s) / 2.0).to_radians().cos();
                }
                p.key(&sname, j);
                for n in s.unofficial_name_list() {
                    p.key(n, j);
                }
            }
        }
        // A subdivision ISO marks as claimed does not take the name of a country ("Taiwan").
        let entries = &p.entries;
        p.index.shrink_each(|ids| {
            if ids.iter().any(|&i| entries[i as usize].kind == Kind::Country) {
                ids.retain(|i| !claimed.contains(i));
            }
        });
        let features: Vec<Feature> = serde_yaml_ng::from_str(FEATURES).expect("dictionaries/places.yaml parses");
        for f in features {
            let country = f.countries.first().cloned().unwrap_or_default();
            if f.kind == "country" {
                if let Some(&i) = p.country.get(&country) {
                    // A point of ours where the Factbook's is far from the country's centre.
                    if f.lat != 0.0 || f.lon != 0.0 {
                        (p.entries[i as usize].lat, p.entries[i as usize].lon) = (f.lat, f.lon);
                        p.own_point.push(i);
                    }
                    for n in std::iter::once(&f.name).chain(&f.aliases) {
                        p.key(n, i);
                    }
                    for d in &f.demonyms {
                        p.demonyms.insert(fold(d), i);
                    }
                }
                continue;
            }
            if f.kind == "us-state" {
                if let Some(i) = p.region_by_code(&country, &f.name) {
                    for n in &f.aliases {
                        p.key(n, i);
                    }
                }
                continue;
            }
            // Other countries' subdivisions by their ISO code: English names ("Chechnya") and
            // abbreviations ("Ont.", "Man."), which count only with their stop (many are words).
            if f.kind == "subdivision" {
                if let Some(i) = p.region_by_code(&country, &f.name) {
                    // A point of ours for a subdivision keshvar has none for (it took the country's).
                    if f.lat != 0.0 || f.lon != 0.0 {
                        (p.entries[i as usize].lat, p.entries[i as usize].lon) = (f.lat, f.lon);
                    }
                    for n in &f.aliases {
                        if n.ends_with('.') {
                            p.dotted.insert(fold(n), i);
                        } else {
                            p.key(n, i);
                        }
                    }
                }
                continue;
            }
            let kind = if f.kind == "city" { Kind::City } else { Kind::Feature };
            let i = p.push(Place {
                name: &f.name,
                kind,
                country: &country,
                admin1: f.admin1.as_deref(),
                admin1_code: None,
                lat: f.lat,
                lon: f.lon,
                population: if kind == Kind::City { 100_000 } else { 0 },
                geonames_id: None,
                area: 0.0,
            });
            p.key(&f.name, i);
            for a in &f.aliases {
                p.key(a, i);
            }
            for d in &f.demonyms {
                p.demonyms.entry(fold(d)).or_insert(i);
            }
        }
        p.load_ms = t.elapsed().as_secs_f64() * 1000.0;
        p
    }

    /// The built-in gazetteer plus the populated-places table at `SITREP_GAZETTEER`, or at
    /// [`DEFAULT_TABLE`] when that exists; the built-in one alone when neither does (a table named
    /// by the variable that cannot be read is an error).
    pub fn load() -> Result<Places, TableError> {
        let t = Instant::now();
        let path = match std::env::var_os("SITREP_GAZETTEER") {
            Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
            _ => [PathBuf::from(DEFAULT_TABLE), Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(DEFAULT_TABLE)]
                .into_iter()
                .find(|p| p.is_file()),
        };
        // The table as this binary loaded it before, when it has not changed since.
        let cached = path.as_deref().and_then(crate::cache::read);
        let mut p = match cached {
            Some(p) => p,
            None => {
                let mut p = Places::builtin();
                if let Some(path) = &path {
                    p.add_table(path)?;
                    crate::cache::write(path, &p);
                }
                p
            }
        };
        p.load_ms = t.elapsed().as_secs_f64() * 1000.0;
        Ok(p)
    }

    /// Adds a table in the format of `scripts/setup-gazetteer.sh`. A line without its nine
    /// fields is an error (the lines before it stay added).
    pub fn add_table(&mut self, path: &Path) -> Result<(), TableError> {
        let err = |e: std::io::Error| TableError(format!("{}: {e}", path.display()));
        let mut file = std::fs::File::open(path).map_err(err)?;
        let size = file.metadata().map_err(err)?.len() as usize;
        // Our fallback cities give way to the table's entries for the same place.
        let fallback: Vec<u32> = (0..self.entries.len() as u32).filter(|&i| self.entries[i as usize].kind == Kind::City).collect();
        // (A key left without entries is no key: `Index::get` says None.)
        self.index.shrink_each(|ids| ids.retain(|j| !fallback.contains(j)));
        // About two keys a line (names and alternate names) of about 70 bytes: one allocation
        // each, not twenty rehashes and copies.
        self.index.reserve(size / 32);
        self.entries.reserve(size / 64);
        // Names are about a seventh of a line.
        self.names.reserve(size / 7);
        let us_states = self
            .region
            .iter()
            .filter(|((c, _), _)| &*self.strings[*c as usize] == "USA")
            .map(|((_, code), &i)| (self.strings[*code as usize].to_string(), self.get(i).name.to_string()))
            .collect();
        // The index is built on a thread of its own, folding names too, while this one reads
        // lines (its hash table's cache misses were a third of the load, folding as much again).
        let mut index = std::mem::take(&mut self.index);
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(8);
        let (r, words) = std::thread::scope(|s| {
            let builder = s.spawn(|| {
                let (mut words, mut key) = (0, String::new());
                for b in rx {
                    let mut at = 0;
                    for &(end, id) in &b.names {
                        words = words.max(index_name(&mut index, &mut key, &b.text[at..end as usize], id));
                        at = end as usize;
                    }
                }
                words
            });
            let mut ctx = TableContext { us_states, admin1: FxHashMap::default(), capitals: Vec::new(), batch: Batch::default(), tx };
            let r = self.read_table(path, &mut file, &mut ctx);
            ctx.flush();
            let capitals = std::mem::take(&mut ctx.capitals);
            drop(ctx);
            (r.map(|_| capitals), builder.join().expect("index builder"))
        });
        self.index = index;
        // A capital is the most populous town of its country by its name.
        for (name, country) in r.as_ref().map_or(&[][..], |c| c.as_slice()) {
            let key = fold(name);
            let town = self
                .index
                .get(&key)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|&i| {
                    let p = self.get(i);
                    p.kind == Kind::City && p.country == &**country && folds_to(p.name, &key)
                })
                .max_by_key(|&i| self.get(i).population);
            if let Some(i) = town {
                self.entries[i as usize].capital = true;
            }
        }
        self.max_words = self.max_words.max(words);
        r?;
        self.table = Some(path.to_path_buf());
        Ok(())
    }

    /// Adds the table's lines, their names' keys sent through `ctx` to the index's thread.
    fn read_table(&mut self, path: &Path, file: &mut std::fs::File, ctx: &mut TableContext) -> Result<(), TableError> {
        let err = |e: std::io::Error| TableError(format!("{}: {e}", path.display()));
        // A megabyte at a time, not the whole file (17 MB more at peak), nor a line at a time (a
        // UTF-8 check a line cost more than the rest of the reading).
        let mut buf: Vec<u8> = Vec::with_capacity(CHUNK);
        let mut line_no = 0;
        let mut eof = false;
        while !eof {
            let got = std::io::Read::read_to_end(&mut std::io::Read::take(&mut *file, CHUNK as u64), &mut buf).map_err(err)?;
            eof = got < CHUNK;
            // Whole lines only ("\n" is never inside a UTF-8 sequence); a line longer than a
            // chunk waits for the next.
            let end = if eof { buf.len() } else { buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) };
            let text = std::str::from_utf8(&buf[..end]).map_err(|e| err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
            for line in lines(text) {
                line_no += 1;
                if line.starts_with('#') || line.is_empty() {
                    continue;
                }
                let Some(f) = fields(line) else {
                    return Err(TableError(format!("{}:{line_no}: expected 9 tab-separated fields", path.display())));
                };
                self.add_row(&f, ctx);
            }
            buf.drain(..end);
        }
        Ok(())
    }

    /// One line of the table.
    fn add_row(&mut self, f: &[&str; 9], ctx: &mut TableContext) {
        let id = f[1].parse::<u64>().ok();
        let Some(country) = self.alpha2.get(f[5]).cloned() else { return };
        let population = f[7].parse::<u64>().unwrap_or(0);
        match f[0] {
            "C" => {
                if let Some(&i) = self.country.get(&*country) {
                    let c = &mut self.entries[i as usize];
                    c.set_id(id);
                    if population > 0 {
                        c.population = population;
                    }
                    // The table's point (the Factbook's) over keshvar's, which is a viewport
                    // centre, unless ours is set or it lies outside the country's bounding box
                    // (a slip in the source: Kuwait's at 45.75°E is in Saudi Arabia).
                    if let (Ok(lat), Ok(lon)) = (f[3].parse::<f64>(), f[4].parse::<f64>())
                        && !self.own_point.contains(&i)
                        && self.in_bounds(i, lat, lon) != Some(false)
                    {
                        let c = &mut self.entries[i as usize];
                        (c.lat, c.lon) = (lat, lon);
                    }
                }
            }
            // A country's capital, by name.
            "K" => ctx.capitals.push((f[2].to_string(), country)),
            // A first-level region's name, by its GeoNames code (towns carry the code).
            "N" => {
                ctx.admin1.entry(country).or_default().insert(f[6].to_string(), f[2].to_string());
            }
            "A1" => {
                if let Some(i) = self.region_by_code(&country, f[6]) {
                    self.entries[i as usize].set_id(id);
                }
            }
            "A2" => {
                let Some(s) = self.region_by_code(&country, f[6]) else { return };
                let state = self.get(s);
                let (admin1, lat, lon) = (state.admin1.map(str::to_string), state.lat, state.lon);
                let i = self.push(Place {
                    name: f[2],
                    kind: Kind::County,
                    country: &country,
                    admin1: admin1.as_deref(),
                    admin1_code: Some(f[6]),
                    lat,
                    lon,
                    population,
                    geonames_id: id,
                    area: 0.0,
                });
                ctx.key(f[2], i);
            }
            "P" => {
                let (Ok(lat), Ok(lon)) = (f[3].parse::<f64>(), f[4].parse::<f64>()) else { return };
                let admin1 = if &*country == "USA" {
                    ctx.us_states.get(f[6]).map(|s| s.as_str())
                } else {
                    ctx.admin1.get(&country).and_then(|m| m.get(f[6])).map(|s| s.as_str())
                };
                let i = self.push(Place {
                    name: f[2],
                    kind: Kind::City,
                    country: &country,
                    admin1,
                    admin1_code: Some(f[6]).filter(|c| !c.is_empty()),
                    lat,
                    lon,
                    population,
                    geonames_id: id,
                    area: 0.0,
                });
                ctx.key(f[2], i);
                // Its alternate names, "|"-separated.
                for a in split(f[8], b'|').filter(|a| !a.is_empty()) {
                    ctx.key(a, i);
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, p: Place) -> u32 {
        let e = Entry {
            name: self.names.len() as u32,
            country: self.string(p.country),
            admin1: p.admin1.map_or(NONE, |s| self.string(s)),
            admin1_code: p.admin1_code.map_or(NONE, |s| self.string(s)),
            kind: p.kind,
            has_id: p.geonames_id.is_some(),
            capital: false,
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            geonames_id: p.geonames_id.unwrap_or(0),
            area: p.area,
        };
        self.names.push_str(p.name);
        self.entries.push(e);
        (self.entries.len() - 1) as u32
    }

    /// The number of a shared string, added if new.
    fn string(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.string_ids.get(s) {
            return i;
        }
        self.strings.push(s.into());
        self.string_ids.insert(s.into(), (self.strings.len() - 1) as u32);
        (self.strings.len() - 1) as u32
    }

    fn key(&mut self, name: &str, i: u32) {
        let words = index_name(&mut self.index, &mut self.fold_buf, name, i);
        self.max_words = self.max_words.max(words);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Inlined: resolution calls it for every reading of every name, mostly for a field or two.
    #[inline]
    pub fn get(&self, i: u32) -> Place<'_> {
        let e = &self.entries[i as usize];
        let end = self.entries.get(i as usize + 1).map_or(self.names.len(), |n| n.name as usize);
        // No panics past the entry's: where the caller reads only a field or two (the kind,
        // the population), the strings it does not read are not looked up.
        let string = |j: u32| self.strings.get(j as usize).map(|s| &**s);
        Place {
            name: self.names.get(e.name as usize..end).unwrap_or_default(),
            kind: e.kind,
            country: string(e.country).unwrap_or_default(),
            admin1: string(e.admin1),
            admin1_code: string(e.admin1_code),
            lat: e.lat,
            lon: e.lon,
            population: e.population,
            geonames_id: e.has_id.then_some(e.geonames_id),
            area: e.area,
        }
    }

    /// Entries a name may refer to.
    pub fn lookup(&self, name: &str) -> &[u32] {
        self.index.get(&fold(name)).unwrap_or(&[])
    }

    /// The country entry for an ISO alpha-3 code.
    pub fn country(&self, alpha3: &str) -> Option<Place<'_>> {
        self.country.get(alpha3).map(|&i| self.get(i))
    }

    /// The alpha-3 code for an alpha-2 one.
    pub fn alpha3(&self, alpha2: &str) -> Option<&str> {
        self.alpha2.get(alpha2).map(|s| &**s)
    }

    /// Whether a point lies in a region's bounding box (None when the box is unknown).
    pub(crate) fn in_bounds(&self, region: u32, lat: f64, lon: f64) -> Option<bool> {
        let [s, n, w, e] = *self.bounds.get(&region)?;
        let lon_in = if w <= e { (w..=e).contains(&lon) } else { lon >= w || lon <= e };
        Some((s..=n).contains(&lat) && lon_in)
    }

    /// Whether an entry is its country's capital (known from the table only).
    #[inline]
    pub fn is_capital(&self, i: u32) -> bool {
        self.entries.get(i as usize).is_some_and(|e| e.capital)
    }

    /// The region entry containing entry `i`, where codes tell (US states).
    pub(crate) fn region_of(&self, i: u32) -> Option<u32> {
        let e = &self.entries[i as usize];
        // GeoNames and ISO 3166-2 codes agree for the United States only.
        if e.kind == Kind::Region || e.admin1_code == NONE || self.strings.get(e.country as usize).is_none_or(|c| &**c != "USA") {
            return None;
        }
        self.region.get(&(e.country, e.admin1_code)).copied()
    }

    /// The region entry of a country (alpha-3) with an admin1 code.
    fn region_by_code(&self, country: &str, code: &str) -> Option<u32> {
        let id = |s: &str| self.string_ids.get(s).copied();
        self.region.get(&(id(country)?, id(code)?)).copied()
    }
}

/// Bytes of the table read and parsed at a time.
const CHUNK: usize = 1 << 20;

/// What adding the table's lines shares: the US states' names by postal code, and the names on
/// their way to the index.
struct TableContext {
    us_states: FxHashMap<String, String>,
    /// First-level regions' names by country (alpha-3) and GeoNames admin1 code (the N rows).
    admin1: FxHashMap<Arc<str>, FxHashMap<String, String>>,
    /// Capitals' names and their countries, found among the towns once the index is built.
    capitals: Vec<(String, Arc<str>)>,
    /// Names not yet sent to the index's thread.
    batch: Batch,
    tx: std::sync::mpsc::SyncSender<Batch>,
}

/// Names back to back, each with where it ends and its entry.
#[derive(Default)]
struct Batch {
    text: String,
    names: Vec<(u32, u32)>,
}

/// Names sent to the index's thread at a time.
const BATCH: usize = 4096;

impl TableContext {
    /// [`Places::key`], through the index's thread.
    fn key(&mut self, name: &str, i: u32) {
        self.batch.text.push_str(name);
        self.batch.names.push((self.batch.text.len() as u32, i));
        if self.batch.names.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.batch.names.is_empty() {
            // The receiver lives until the sender is dropped.
            self.tx.send(std::mem::take(&mut self.batch)).ok();
        }
    }
}

/// Indexes entry `i` under `name` folded (into `buf`); the key's number of words, 0 for no key.
fn index_name(index: &mut Index, buf: &mut String, name: &str, i: u32) -> usize {
    buf.clear();
    fold_append(name, buf);
    if buf.is_empty() {
        return 0;
    }
    index.insert(buf, i);
    buf.bytes().filter(|&b| b == b' ').count() + 1
}

/// `text.lines()`, by memchr: lines end at "\n" or "\r\n" (std's searched a char at a time,
/// as did its `split`, a tenth of the load between them).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(i) = memchr::memchr(b'\n', rest.as_bytes()) else { return Some(std::mem::take(&mut rest)) };
        let line = &rest[..i];
        rest = &rest[i + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// `text.split(sep)` for an ASCII separator, by memchr.
fn split(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let Some(i) = memchr::memchr(sep, r.as_bytes()) else {
            rest = None;
            return Some(r);
        };
        rest = Some(&r[i + 1..]);
        Some(&r[..i])
    })
}

/// The nine fields of a line (a tenth and more are ignored), or None when it has fewer. One pass
/// over the bytes: `split('\t')` searched for each short field on its own (a tenth of the load).
fn fields(line: &str) -> Option<[&str; 9]> {
    let mut f = [""; 9];
    let mut k = 0;
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            f[k] = &line[start..i];
            (k, start) = (k + 1, i + 1);
            if k == 9 {
                return Some(f);
            }
        }
    }
    f[k] = &line[start..];
    (k == 8).then_some(f)
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Radians::new(a).distance_km(Radians::new(b))
}

/// A point (lat, lon) in radians with the cosine of its latitude: resolution measures from
/// each reading to many others, and the cosine was a third of each distance's cost.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Radians {
    lat: f64,
    lon: f64,
    cos_lat: f64,
}

impl Radians {
    pub(crate) fn new((lat, lon): (f64, f64)) -> Radians {
        let lat = lat.to_radians();
        Radians { lat, lon: lon.to_radians(), cos_lat: lat.cos() }
    }

    /// Great-circle distance in kilometres (haversine).
    pub(crate) fn distance_km(self, to: Radians) -> f64 {
        let h = ((to.lat - self.lat) / 2.0).sin().powi(2) + self.cos_lat * to.cos_lat * ((to.lon - self.lon) / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, text: &str) -> (PathBuf, Result<Places, TableError>) {
        let dir = std::env::temp_dir().join(format!("sitrep-geo-places-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("places.tsv");
        std::fs::write(&path, text).unwrap();
        let mut p = Places::builtin();
        let r = p.add_table(&path).map(|_| p);
        std::fs::remove_dir_all(&dir).ok();
        (path, r)
    }

    #[test]
    fn reads_lines_across_chunks_with_either_ending() {
        // Alternate names longer than a chunk: the line spans two reads.
        let alternates: Vec<String> = (0..CHUNK / 8).map(|i| format!("Zq{i:06}")).collect();
        let text = format!(
            "# comment\r\nP\t1\tAyni\t39.39\t68.54\tTJ\t08\t5000\t\r\n\nP\t2\tFarawayville\t1.0\t2.0\tTJ\t08\t10\t{}\nP\t3\tLastville\t1.5\t2.5\tTJ\t08\t10\tLast Alias",
            alternates.join("|")
        );
        let p = table("chunks", &text).1.unwrap();
        let id = |name: &str| p.lookup(name).iter().map(|&i| p.get(i).geonames_id).collect::<Vec<_>>();
        assert_eq!(id("Ayni"), [Some(1)]);
        assert_eq!(id("Zq000000"), [Some(2)]);
        assert_eq!(id(&format!("Zq{:06}", CHUNK / 8 - 1)), [Some(2)]);
        assert_eq!(id("Last Alias"), [Some(3)], "the last line needs no line end");
    }

    #[test]
    fn a_country_keeps_its_own_point_and_none_outside_its_box() {
        let builtin = Places::builtin();
        let point = |p: &Places, a3: &str| p.country(a3).map(|c| (c.lat, c.lon)).unwrap();
        let rows = "C\t1\tKuwait\t29.5\t45.75\tKW\t\t100\t\nC\t2\tUnited States\t38\t-97\tUS\t\t100\t\nC\t3\tFrance\t46\t2\tFR\t\t100\t\n";
        let p = table("countries", rows).1.unwrap();
        assert_eq!(point(&p, "FRA"), (46.0, 2.0), "the table's point inside the box replaces keshvar's");
        assert_eq!(point(&p, "KWT"), point(&builtin, "KWT"), "a point outside the country's box is a slip");
        assert_eq!(point(&p, "USA"), point(&builtin, "USA"), "places.yaml's point is kept");
        assert_eq!(p.country("USA").unwrap().geonames_id, Some(2), "the rest of the row still counts");
        let (lat, lon) = point(&builtin, "USA");
        assert!(distance_km((lat, lon), (39.83, -98.58)) < 1.0, "the centre of the contiguous states");
    }

    #[test]
    fn an_entry_is_64_bytes() {
        assert_eq!(std::mem::size_of::<Entry>(), 64);
    }

    #[test]
    fn splits_nine_fields() {
        assert_eq!(fields("a\tb\tc\td\te\tf\tg\th\ti"), Some(["a", "b", "c", "d", "e", "f", "g", "h", "i"]));
        assert_eq!(fields("P\t\t\t\t\t\t\t\t"), Some(["P", "", "", "", "", "", "", "", ""]));
        assert_eq!(fields("a\tb\tc\td\te\tf\tg\th\ti\tj\tk"), Some(["a", "b", "c", "d", "e", "f", "g", "h", "i"]));
        assert_eq!(fields("a\tb\tc\td\te\tf\tg\th"), None);
        assert_eq!(fields(""), None);
    }

    #[test]
    fn lines_and_splits_as_std_does() {
        for text in ["", "\n", "a", "a\n", "a\r\n", "a\r", "\r\n\r\n", "a\n\nb\r\nc\r", "|", "a||b|", "|a|"] {
            assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
            assert_eq!(split(text, b'|').collect::<Vec<_>>(), text.split('|').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn a_short_line_is_an_error_with_its_number() {
        let (path, r) = table("short", "# comment\nP\t1\tAyni\t39.39\t68.54\tTJ\t08\t5000\t\n\nP\t2\tAyni\n");
        assert_eq!(r.unwrap_err().0, format!("{}:4: expected 9 tab-separated fields", path.display()));
    }
}
