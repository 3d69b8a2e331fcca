//! Place resolution behind one trait: a gazetteer that ships with sitrep (countries and their
//! subdivisions from `keshvar`, our `dictionaries/places.yaml`), enriched at run time by the
//! GeoNames populated-places table `scripts/setup-gazetteer.sh` builds; toponym recognition and
//! resolution with the article's context.

mod cache;
pub mod fold;
mod index;
pub mod places;
pub mod resolve;

use std::collections::HashMap;

pub use fold::fold;
pub use places::{DEFAULT_TABLE, Kind, Place, Places, TableError, distance_km};
pub use resolve::{Hints, Resolved, dateline, main_place, main_place_led};

/// What the event coder asks of places.
pub trait Gazetteer: Sync {
    /// A representative point (lat, lon) of a country, by ISO alpha-3 code.
    fn country_point(&self, code: &str) -> Option<(f64, f64)>;

    /// The places a text names, resolved with the text as context. None by default.
    fn places(&self, _text: &str, _hints: &Hints) -> Vec<Resolved> {
        Vec::new()
    }
}

/// One point per country.
#[derive(Clone, Debug, Default)]
pub struct Centroids {
    points: HashMap<String, (f64, f64)>,
}

impl Centroids {
    pub fn new(points: impl IntoIterator<Item = (String, f64, f64)>) -> Centroids {
        Centroids { points: points.into_iter().map(|(c, a, b)| (c, (a, b))).collect() }
    }
}

impl Gazetteer for Centroids {
    fn country_point(&self, code: &str) -> Option<(f64, f64)> {
        self.points.get(code).copied()
    }
}

impl Gazetteer for Places {
    fn country_point(&self, code: &str) -> Option<(f64, f64)> {
        self.country(code).map(|c| (c.lat, c.lon))
    }

    fn places(&self, text: &str, hints: &Hints) -> Vec<Resolved> {
        self.find(text, hints)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centroids_answer_by_code() {
        let g = Centroids::new([("PAK".to_string(), 30.4, 69.3)]);
        assert_eq!(g.country_point("PAK"), Some((30.4, 69.3)));
        assert_eq!(g.country_point("XXX"), None);
    }
}
