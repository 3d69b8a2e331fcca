//! Place resolution behind one trait.

use std::collections::HashMap;

/// What the event coder asks of places.
pub trait Gazetteer: Sync {
    /// A representative point (lat, lon) of a country, by ISO alpha-3 code.
    fn country_point(&self, code: &str) -> Option<(f64, f64)>;
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
