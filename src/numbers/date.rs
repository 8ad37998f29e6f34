//! Dates as the configuration and packs write deadlines: `MM-DD` of the year
//! after the report year, range-checked once where they are read.

use std::fmt;
use std::str::FromStr;

/// A month and day, e.g. `02-20`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

/// Why a `MM-DD` is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("日期「{0}」无效，应写成 \"MM-DD\"，如 \"02-20\"")]
pub struct BadMonthDay(pub String);

impl FromStr for MonthDay {
    type Err = BadMonthDay;

    fn from_str(s: &str) -> Result<MonthDay, BadMonthDay> {
        let bad = || BadMonthDay(s.to_string());
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let (month, day): (u32, u32) =
            (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let days = match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return Err(bad()),
        };
        if !(1..=days).contains(&day) {
            return Err(bad());
        }
        Ok(MonthDay { month, day })
    }
}

impl TryFrom<String> for MonthDay {
    type Error = BadMonthDay;

    fn try_from(s: String) -> Result<MonthDay, BadMonthDay> {
        s.parse()
    }
}

/// Serialized as `[month, day]` (what `report-lint config` has always printed).
impl serde::Serialize for MonthDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.month, self.day).serialize(s)
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_days() {
        assert_eq!("02-20".parse(), Ok(MonthDay { month: 2, day: 20 }));
        assert_eq!("1-31".parse::<MonthDay>().unwrap().to_string(), "01-31");
        for bad in [
            "02-30", "04-31", "13-01", "00-10", "0220", "02-", "aa-bb", "06-00",
        ] {
            assert!(bad.parse::<MonthDay>().is_err(), "{bad}");
        }
    }
}
