//! An event as a row of GDELT 2.0's event table (61 tab-separated columns), for the
//! store's `gdelt` export and the Python package's GDELT-named tables.

use crate::{Event, EventActor};

/// The GDELT 2.0 event table's column names, in order (61).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// What a GDELT row needs beyond the event itself: an integer id, the counts of
/// reports of the same event, when it was added and where it was read.
#[derive(Clone, Debug)]
pub struct GdeltExtras<'a> {
    pub global_id: i64,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// YYYYMMDDHHMMSS.
    pub date_added: &'a str,
    pub url: &'a str,
}

/// Day (YYYYMMDD), MonthYear, Year and FractionDate from an ISO date, month or year.
fn gdelt_dates(date: Option<&str>) -> [String; 4] {
    let Some(d) = date else { return Default::default() };
    let y: i32 = d.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let m: u32 = d.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    let day: u32 = d.get(8..10).and_then(|s| s.parse().ok()).unwrap_or(1);
    let doy = chrono::NaiveDate::from_ymd_opt(y, m, day).map(|d| chrono::Datelike::ordinal(&d)).unwrap_or(1);
    [
        format!("{y:04}{m:02}{day:02}"),
        format!("{y:04}{m:02}"),
        format!("{y:04}"),
        format!("{:.4}", y as f64 + doy as f64 / 365.0),
    ]
}

fn actor_cells(a: Option<&EventActor>) -> Vec<String> {
    let Some(a) = a else { return vec![String::new(); 10] };
    let sector = a.sector.clone().unwrap_or_default();
    let types: Vec<String> = sector.as_bytes().chunks(3).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    let known = if a.country.is_none() { types.first().cloned().unwrap_or_default() } else { String::new() };
    vec![
        a.code.clone(),
        a.text.to_uppercase(),
        a.country.clone().unwrap_or_default(),
        known,
        String::new(),
        String::new(),
        String::new(),
        types.first().cloned().unwrap_or_default(),
        types.get(1).cloned().unwrap_or_default(),
        types.get(2).cloned().unwrap_or_default(),
    ]
}

impl Event {
    /// The event as GDELT 2.0 cells, one per [`GDELT_COLUMNS`] name.
    pub fn gdelt_cells(&self, x: &GdeltExtras) -> Vec<String> {
        let mut c: Vec<String> = Vec::with_capacity(61);
        c.push(x.global_id.to_string());
        c.extend(gdelt_dates(self.date.as_deref()));
        c.extend(actor_cells(Some(&self.source)));
        c.extend(actor_cells(self.target.as_ref()));
        c.push(if self.sentence.index == 0 { "1" } else { "0" }.into());
        c.push(self.cameo.clone());
        c.push(self.cameo.get(0..3).unwrap_or(&self.cameo).to_string());
        c.push(self.cameo_root.clone());
        c.push(self.quad_class.to_string());
        c.push(self.goldstein.to_string());
        c.push(x.num_mentions.to_string());
        c.push(x.num_sources.to_string());
        c.push(x.num_articles.to_string());
        c.push("0".into()); // AvgTone: dyad does not score tone
        c.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_* and Actor2Geo_*: dyad places the action only
        match &self.location {
            Some(l) => {
                // 1 = country, 4 = a place inside one (GDELT's WORLDCITY)
                let is_country = l.feature.as_deref() == Some("country")
                    || l.country.as_deref().is_some_and(|cc| l.name.eq_ignore_ascii_case(cc));
                c.push(if is_country { "1" } else { "4" }.into());
                c.push(l.full_name.clone().unwrap_or_else(|| l.name.clone()));
                c.push(l.country.clone().unwrap_or_default());
                c.push(String::new());
                c.push(String::new());
                c.push(l.lat.map(|v| v.to_string()).unwrap_or_default());
                c.push(l.lon.map(|v| v.to_string()).unwrap_or_default());
                c.push(l.geonames_id.map(|v| v.to_string()).unwrap_or_default());
            }
            None => {
                c.push("0".into());
                c.extend(std::iter::repeat_n(String::new(), 7));
            }
        }
        c.push(x.date_added.to_string());
        c.push(x.url.to_string());
        debug_assert_eq!(c.len(), GDELT_COLUMNS.len());
        c
    }
}

#[cfg(test)]
mod tests {
    use super::gdelt_dates;

    #[test]
    fn dates_of_each_precision() {
        assert_eq!(gdelt_dates(Some("2024-03-01")), ["20240301", "202403", "2024", "2024.1671"].map(String::from));
        assert_eq!(gdelt_dates(Some("2015")), ["20150101", "201501", "2015", "2015.0027"].map(String::from));
        assert_eq!(gdelt_dates(None), <[String; 4]>::default());
    }
}
