//! Timestamps as ZITADEL writes them: protojson's `google.protobuf.Timestamp`, RFC 3339
//! in UTC with 0, 3, 6 or 9 fractional digits.

/// Formats seconds since the Unix epoch plus nanoseconds as `2026-11-29T13:12:42.123456Z`.
pub fn rfc3339(secs: u64, nanos: u32) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        fraction(nanos)
    )
}

/// The fractional seconds as protojson writes them: nothing for a whole second, else
/// the shortest of milli-, micro- or nanoseconds that loses nothing
/// (`google.golang.org/protobuf/encoding/protojson`, `marshalTimestamp`), so
/// `.123400`, never `.1234`.
fn fraction(nanos: u32) -> String {
    match nanos {
        0 => String::new(),
        n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
        n => format!(".{n:09}"),
    }
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400, 0), "2000-02-29T00:00:00Z");
        assert_eq!(
            rfc3339(1_795_957_962, 123_000_000),
            "2026-11-29T13:12:42.123Z"
        );
    }

    #[test]
    fn fractions_have_three_six_or_nine_digits() {
        let at = |nanos| rfc3339(1_795_957_962, nanos);
        assert_eq!(at(100_000_000), "2026-11-29T13:12:42.100Z");
        assert_eq!(at(123_400_000), "2026-11-29T13:12:42.123400Z");
        assert_eq!(at(123_456_000), "2026-11-29T13:12:42.123456Z");
        assert_eq!(at(1_000), "2026-11-29T13:12:42.000001Z");
        assert_eq!(at(123_456_780), "2026-11-29T13:12:42.123456780Z");
        assert_eq!(at(1), "2026-11-29T13:12:42.000000001Z");
    }
}
