//! How many cases a property runs: `ZPF_PROPTEST_CASES` when set (the long run),
//! else the suite's own default.

use proptest::test_runner::Config;

pub fn cases(default: u32) -> Config {
    let cases = match std::env::var("ZPF_PROPTEST_CASES") {
        Ok(n) => n
            .trim()
            .parse()
            .expect("ZPF_PROPTEST_CASES must be a whole number"),
        Err(_) => default,
    };
    Config::with_cases(cases)
}
