//! The README's snippets are the code of the example hosts that `tests/hosts.rs`
//! drives: each code block after an `<!-- example: PATH -->` line must appear in that
//! file, line for line (indentation aside), once the instance the README writes in is
//! put the way the example takes it (from `.env`, the build's environment, or the
//! local stand-in's demo app).
#![cfg(not(target_arch = "wasm32"))]

const README: &str = include_str!("../README.md");
const ISSUER: &str = "https://acme.zitadel.cloud";
const CLIENT_ID: &str = "243862081218773235@profile-form";

/// How the example at `path` writes the README's issuer and client id.
fn in_the_examples_terms(path: &str, snippet: &str) -> String {
    let quoted = |text: &str| format!("\"{text}\"");
    let (issuer, client_id) = match path {
        p if p.starts_with("examples/vite-") && p.ends_with(".html") => (
            (ISSUER.to_owned(), "%VITE_ZITADEL_ISSUER%"),
            (CLIENT_ID.to_owned(), "%VITE_ZITADEL_CLIENT_ID%"),
        ),
        p if p.starts_with("examples/vite-") => (
            (quoted(ISSUER), "import.meta.env.VITE_ZITADEL_ISSUER"),
            (quoted(CLIENT_ID), "import.meta.env.VITE_ZITADEL_CLIENT_ID"),
        ),
        p if p.starts_with("examples/webpack/") => (
            (quoted(ISSUER), "process.env.ZITADEL_ISSUER"),
            (quoted(CLIENT_ID), "process.env.ZITADEL_CLIENT_ID"),
        ),
        p if p.starts_with("examples/leptos/") => {
            ((quoted(ISSUER), "ISSUER"), (quoted(CLIENT_ID), "CLIENT_ID"))
        }
        _ => (
            (ISSUER.to_owned(), "http://127.0.0.1:8080"),
            (CLIENT_ID.to_owned(), CLIENT_ID),
        ),
    };
    snippet
        .replace(&issuer.0, issuer.1)
        .replace(&client_id.0, client_id.1)
}

/// The README's example blocks: the file each names, and the block's lines.
fn examples() -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut lines = README.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .trim()
            .strip_prefix("<!-- example: ")
            .and_then(|rest| rest.strip_suffix(" -->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default().trim();
        assert!(
            fence.starts_with("```"),
            "{path}: no code block after the marker"
        );
        let block: Vec<String> = lines
            .by_ref()
            .take_while(|l| l.trim() != "```")
            .map(|l| l.trim().to_owned())
            .collect();
        found.push((path.to_owned(), block));
    }
    found
}

fn trimmed_lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_owned()).collect()
}

#[test]
fn every_snippet_is_the_code_of_its_example() {
    let examples = examples();
    for (path, block) in &examples {
        let file = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let code = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let wanted = trimmed_lines(&in_the_examples_terms(path, &block.join("\n")));
        let have = trimmed_lines(&code);
        assert!(
            have.windows(wanted.len()).any(|w| w == wanted.as_slice()),
            "the README's snippet for {path} is not in it:\n{}",
            wanted.join("\n")
        );
    }
    // Every way in has its snippet.
    for host in ["vite-element", "vite-mount", "plain", "leptos"] {
        assert!(
            examples
                .iter()
                .any(|(path, _)| path.contains(&format!("examples/{host}/"))),
            "no README snippet from examples/{host}"
        );
    }
}

#[test]
fn a_changed_snippet_is_caught() {
    let (path, block) = examples().into_iter().next().expect("a snippet");
    let file = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut changed = block.clone();
    changed.push("an extra line".to_owned());
    let wanted = trimmed_lines(&in_the_examples_terms(&path, &changed.join("\n")));
    let have = trimmed_lines(&file);
    assert!(!have.windows(wanted.len()).any(|w| w == wanted.as_slice()));
}

/// Every function SECURITY.md's table of findings names (a backticked name with an
/// underscore, module path allowed), so that a renamed or removed test cannot leave
/// a finding backed by nothing.
fn named_in_security_md() -> Vec<String> {
    let security = include_str!("../SECURITY.md");
    let table = security
        .split("## Findings and their tests")
        .nth(1)
        .expect("the findings table");
    table
        .lines()
        .filter(|l| l.starts_with('|'))
        .flat_map(|l| {
            l.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|name| {
            name.contains('_')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':')
        })
        .collect()
}

/// Every `.rs` file under `dir`, read.
fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() && !path.ends_with("target") && !path.ends_with("node_modules") {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn security_md_names_only_functions_that_exist() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    for dir in ["src", "tests", "zitadel-dev/src", "zitadel-dev/tests"] {
        sources(&root.join(dir), &mut code);
    }
    let named = named_in_security_md();
    assert!(named.len() > 40, "the table names its tests: {named:?}");
    let missing: Vec<&String> = named
        .iter()
        .filter(|name| {
            let last = name.rsplit("::").next().unwrap_or(name);
            !code.contains(&format!("fn {last}(")) && !code.contains(&format!("fn {last}<"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "SECURITY.md names what does not exist: {missing:?}"
    );
}
