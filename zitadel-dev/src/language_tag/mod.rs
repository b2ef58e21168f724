//! `preferredLanguage` as ZITADEL stores it: `language.Parse(input)` from
//! `golang.org/x/text` v0.38.0, keeping whatever tag comes back even when Parse also
//! returns an error, written out with `Tag.String()`.
//!
//! This is a port, not a re-implementation. It follows these x/text files function by
//! function, so that odd inputs come out as they do in Go:
//!
//! * `language/parse.go`, `(CanonType).Parse`: the default canonicalisation runs only
//!   when the internal parse returned no error;
//! * `language/language.go`, `canonicalize` with `Default = Deprecated | Legacy`:
//!   deprecated languages (`iw` → `he`, `mo` → `ro` plus region `MD`, ...), legacy
//!   ones (`sh` → `sr` plus script `Latn`, ...), script `Qaai` → `Zinh` and deprecated
//!   regions (`DD` → `DE`, ...). Macro-language mappings are not part of the default;
//! * `internal/language/parse.go`: the scanner (which works on the bytes in place and
//!   drops malformed subtags), `Parse`, `parse`, `parseTag`, `parseVariants`,
//!   `parseExtensions` and `parseExtension`;
//! * `internal/language/lookup.go`: the subtag look-ups and the grandfathered tags;
//! * `internal/language/language.go`: `Tag.String`, `RemakeString`;
//! * `internal/tag/tag.go`: `Index` and `FixCase`;
//! * `internal/language/compact.go` and `internal/language/compact/language.go`: how
//!   the public `Tag` holds a tag without variants or extensions, which garbles a few
//!   tags with script `Zxxx` (`en-Zxxx` → `en`, `ajg-Zxxx` → `ak`);
//! * `internal/language/tables.go` (CLDR 32): [`tables`] holds what was dumped from
//!   that file's variables. The packed strings keep x/text's layout without its
//!   sentinel entries; alias and region tables are spelled out as codes instead of
//!   x/text's numeric ids.
//!
//! The Go code's quirks are kept on purpose, among them: a subtag that is malformed
//! (too long, empty, not ASCII letters or digits) is dropped and counts as an error;
//! an unknown language becomes `und` while the rest of the tag is kept; an unknown
//! script, region or variant is dropped; the extensions (`-u-`, `-t-`, `-a-`...) and
//! private use (`-x-`) are kept, lower-cased and sorted, with `-u-` attributes and keys
//! sorted and duplicate keys dropped.
//!
//! Go's `recover` turns a run-time panic into `und`; this port checks the same bounds
//! instead of panicking and gives `und` where Go would have panicked.
//!
//! Inputs are at most 10 characters: ZITADEL's rule refuses longer ones before the
//! parser sees them, and every other caller here cuts what it passes to that length.
//! `tests/golden/language_tags.tsv` holds Go's answers for some 6,000 such inputs,
//! which the tests hold this port to. Not reproduced, all beyond those 10 runes:
//! * a `-u-rg-` key with a value like `dezzzz` (14 characters at least): `compact.Make`
//!   rebuilds such a tag from its compact index when it can, dropping any further
//!   types of that key; here the tag is returned as parsed;
//! * where Go reallocates its byte buffer this port grows it in place, which differs
//!   only through a stale slice that x/text does not read after such a growth.
//!
//! What ZITADEL shows later can differ from one pass: the event stores the string,
//! and reading the event parses it again, this time without the error. So `iw-abcde`
//! is stored as `iw` and read back as `he`: `parse(&parse(input))`.

mod tables;

use tables::*;

/// `language.Parse(tag)` followed by `Tag.String()`, errors ignored, for a `tag` of
/// at most 10 characters (see the module's documentation).
pub fn parse(tag: &str) -> String {
    let (mut t, failed) = parse_internal(tag);
    if !failed && canonicalize(&mut t) {
        t.remake_string();
    }
    let out = t.render();
    if !t.text.is_empty() {
        // `compact.Make` first looks for a `-u-rg-` key, which panics in Go when
        // `pExt` no longer points at an extension (see [`parse_variants`]).
        return match find_type_for_key(&t, b"rg") {
            Some(_) => out,
            None => "und".to_owned(),
        };
    }
    // The public `Tag` keeps a tag without variants or extensions as an index into
    // x/text's compact tag table (`internal/language/compact`, `FromTag`), found by
    // `GetCompactCore`, which ORs the script id into 8 bits. Script `Zxxx` (id 256)
    // spills into the language bits, so some such tags read back as another tag.
    match COMPACT_ALIASES.binary_search_by(|(from, _)| (*from).cmp(out.as_str())) {
        Ok(k) => COMPACT_ALIASES[k].1.to_owned(),
        Err(_) => out,
    }
}

/// A parsed tag: `internal/language/language.go`, `Tag`. The language is its
/// canonical code, `und` for x/text's zero language.
#[derive(Debug, Clone)]
struct Tag {
    lang: String,
    script: Option<String>,
    region: Option<String>,
    /// Offset in `text` of the `-` before the variants, as a byte like Go's `pVariant`.
    p_variant: usize,
    /// Offset in `text` of the `-` before the extensions, Go's `pExt`.
    p_ext: usize,
    /// Go's `str`: the whole tag when it has variants, extensions or private use.
    text: String,
}

impl Tag {
    fn und() -> Tag {
        Tag::of_lang("und")
    }

    fn of_lang(lang: &str) -> Tag {
        Tag {
            lang: lang.to_owned(),
            script: None,
            region: None,
            p_variant: 0,
            p_ext: 0,
            text: String::new(),
        }
    }

    /// `genCoreBytes`: language, script and region.
    fn core(&self) -> String {
        let mut out = self.lang.clone();
        for part in [&self.script, &self.region].into_iter().flatten() {
            out.push('-');
            out.push_str(part);
        }
        out
    }

    /// `Tag.String`.
    fn render(&self) -> String {
        if self.text.is_empty() {
            self.core()
        } else {
            self.text.clone()
        }
    }

    /// `RemakeString`: rebuilds `text` after canonicalisation changed the core.
    fn remake_string(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let mut extra = self.text.get(self.p_variant..).unwrap_or("").to_owned();
        if self.p_variant > 0 && !extra.is_empty() {
            extra.remove(0);
        }
        let bare = self.lang == "und" && self.script.is_none() && self.region.is_none();
        if bare && extra.starts_with("x-") {
            self.text = extra;
            self.p_variant = 0;
            self.p_ext = 0;
            return;
        }
        let core = self.core();
        if extra.is_empty() {
            self.p_ext = core.len();
        } else {
            self.p_ext = (self.p_ext + core.len()).saturating_sub(self.p_variant);
        }
        self.p_variant = core.len();
        self.text = if extra.is_empty() {
            core
        } else {
            format!("{core}-{extra}")
        };
    }
}

/// The internal `Parse`: the empty string, then the grandfathered tags, then the
/// scanner. Returns the tag and whether Go would have returned an error with it.
fn parse_internal(s: &str) -> (Tag, bool) {
    if s.is_empty() {
        return (Tag::und(), true);
    }
    if let Some(t) = grandfathered(s) {
        return (t, false);
    }
    let mut scan = Scanner::new(s.as_bytes());
    let t = parse_scanned(&mut scan);
    if scan.panicked {
        return (Tag::und(), true);
    }
    (t, scan.failed)
}

/// `grandfathered`: strings of at most 11 bytes are compared, lower-cased and with `_`
/// as `-`, against the legacy tags. Like Go, each character is written as the low
/// byte of its code point at its byte offset, so a multi-byte character leaves zeros.
fn grandfathered(s: &str) -> Option<Tag> {
    const MAX: usize = 11; // len("en-US-POSIX")
    if s.len() > MAX {
        return None;
    }
    let mut key = [0u8; MAX];
    for (i, c) in s.char_indices() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '_' => '-',
            _ => c,
        };
        key[i] = (c as u32 & 0xff) as u8;
    }
    let (_, value) = GRANDFATHERED.iter().find(|(tag, _)| {
        let tag = tag.as_bytes();
        key[..tag.len()] == *tag && key[tag.len()..].iter().all(|&b| b == 0)
    })?;
    if value.contains('-') {
        // `Make(altTags[...])`: parsed like any tag, the error ignored.
        Some(parse_internal(value).0)
    } else {
        Some(Tag::of_lang(value))
    }
}

/// `internal/language/parse.go`, `scanner`. Go's `b` is `arr[..len]`; `arr` plays the
/// part of the backing array, whose bytes past `len` Go's slices can still see.
struct Scanner {
    arr: Vec<u8>,
    len: usize,
    /// The current token as a view into `arr`, like Go's slice; empty when there is none.
    tok: (usize, usize),
    start: usize,
    end: usize,
    next: usize,
    failed: bool,
    /// Set where Go would have panicked (and `recover` made the result `und`).
    panicked: bool,
}

impl Scanner {
    /// `makeScannerString`: a 32-byte buffer, or the string's own copy when longer.
    fn new(s: &[u8]) -> Scanner {
        let cap = if s.len() <= 32 {
            32
        } else {
            s.len().div_ceil(16) * 16
        };
        let mut arr = vec![0; cap];
        arr[..s.len()].copy_from_slice(s);
        for c in &mut arr[..s.len()] {
            if *c == b'_' {
                *c = b'-';
            }
        }
        let mut scan = Scanner {
            arr,
            len: s.len(),
            tok: (0, 0),
            start: 0,
            end: 0,
            next: 0,
            failed: false,
            panicked: false,
        };
        scan.scan();
        scan
    }

    fn b(&self) -> &[u8] {
        &self.arr[..self.len]
    }

    fn token(&self) -> &[u8] {
        &self.arr[self.tok.0..self.tok.1]
    }

    fn tok_len(&self) -> usize {
        self.tok.1 - self.tok.0
    }

    /// Runs a look-up on the current token, which it may re-case in place.
    fn with_token<R>(&mut self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let (a, b) = self.tok;
        f(&mut self.arr[a..b])
    }

    /// Go's `copy(s.b[pos:], src)`.
    fn copy_into(&mut self, pos: usize, src: &[u8]) {
        if pos > self.len {
            self.panicked = true;
            return;
        }
        let n = src.len().min(self.len - pos);
        self.arr[pos..pos + n].copy_from_slice(&src[..n]);
    }

    /// Go's `s.b[pos] = c`.
    fn set_byte(&mut self, pos: usize, c: u8) {
        if pos < self.len {
            self.arr[pos] = c;
        } else {
            self.panicked = true;
        }
    }

    /// Go's `s.b = s.b[:n]`, which may reach into the capacity.
    fn truncate(&mut self, n: usize) {
        if n > self.arr.len() {
            self.panicked = true;
        } else {
            self.len = n;
        }
    }

    /// Go's `s.b = append(s.b, src...)`.
    fn append(&mut self, src: &[u8]) {
        let n = self.len + src.len();
        if n > self.arr.len() {
            self.arr.resize(n, 0);
        }
        self.arr[self.len..n].copy_from_slice(src);
        self.len = n;
    }

    /// Go's `s.b[a:b]`, copied.
    fn slice(&mut self, a: usize, b: usize) -> Vec<u8> {
        if a > b || b > self.arr.len() {
            self.panicked = true;
            return Vec::new();
        }
        self.arr[a..b].to_vec()
    }

    /// `toLower`: lower-cases `b[start..end]`.
    fn lower_case(&mut self, start: usize, end: usize) {
        for i in start..end {
            if i >= self.len {
                self.panicked = true;
                return;
            }
            self.arr[i].make_ascii_lowercase();
        }
    }

    /// `gobble`: removes the current token (and its separator) from the input.
    fn gobble(&mut self, error: bool) {
        self.failed |= error;
        if self.start == 0 {
            if self.next > self.len {
                self.panicked = true;
                return;
            }
            self.arr.copy_within(self.next..self.len, 0);
            self.len -= self.next;
            self.end = 0;
        } else {
            if self.end > self.len || self.start - 1 > self.end {
                self.panicked = true;
                return;
            }
            self.arr.copy_within(self.end..self.len, self.start - 1);
            self.len = self.start - 1 + (self.len - self.end);
            self.end = self.start - 1;
        }
        self.next = self.start;
    }

    /// `resizeRange`: makes room for `new_size` bytes at `old_start..old_end`.
    fn resize_range(&mut self, old_start: usize, old_end: usize, new_size: usize) {
        self.start = old_start;
        let end = old_start + new_size;
        if end == old_end {
            return;
        }
        if old_end > self.len || self.next < self.end || self.len + end < old_end {
            self.panicked = true;
            return;
        }
        let n = self.len + end - old_end;
        if n > self.arr.len() {
            self.arr.resize(n, 0);
        }
        self.arr.copy_within(old_end..self.len, end);
        self.len = n;
        self.next = end + (self.next - self.end);
        self.end = end;
    }

    /// `replace`: puts `repl` in place of the current token.
    fn replace(&mut self, repl: &[u8]) {
        self.resize_range(self.start, self.end, repl.len());
        self.copy_into(self.start, repl);
    }

    /// `deleteRange`: removes `start..end`, which lies before the current token.
    fn delete_range(&mut self, start: usize, end: usize) {
        if start > end || end > self.len {
            self.panicked = true;
            return;
        }
        self.arr.copy_within(end..self.len, start);
        self.len -= end - start;
        let diff = end - start;
        self.next = self.next.saturating_sub(diff);
        self.start = self.start.saturating_sub(diff);
        self.end = self.end.saturating_sub(diff);
    }

    /// `scan`: moves to the next token, dropping malformed ones (empty, longer than 8
    /// bytes, or not ASCII letters and digits). Returns the end of the previous token.
    fn scan(&mut self) -> usize {
        let end = self.end;
        self.tok = (0, 0);
        self.start = self.next;
        while self.next < self.len && !self.panicked {
            let i = match self.b()[self.next..].iter().position(|&c| c == b'-') {
                None => {
                    self.end = self.len;
                    self.next = self.len;
                    self.end - self.start
                }
                Some(i) => {
                    self.end = self.next + i;
                    self.next = self.end + 1;
                    i
                }
            };
            let token = &self.arr[self.start..self.end];
            if !(1..=8).contains(&i) || !token.iter().all(u8::is_ascii_alphanumeric) {
                self.gobble(true);
                continue;
            }
            self.tok = (self.start, self.end);
            return end;
        }
        if self.len > 0 && self.arr[self.len - 1] == b'-' {
            self.failed = true;
            self.len -= 1;
        }
        end
    }

    /// `acceptMinSize`: takes tokens of at least `min` bytes.
    fn accept_min_size(&mut self, min: usize) -> usize {
        let mut end = self.end;
        self.scan();
        while self.tok_len() >= min {
            end = self.end;
            self.scan();
        }
        end
    }
}

/// The internal `parse`: a tag that starts with a language, or private use alone.
fn parse_scanned(scan: &mut Scanner) -> Tag {
    let n = scan.tok_len();
    if n <= 1 {
        scan.lower_case(0, scan.len);
        if n == 0 || scan.token()[0] != b'x' {
            scan.failed = true;
            return Tag::und();
        }
        parse_extensions(scan);
        return with_text(Tag::und(), scan);
    }
    if n >= 4 {
        scan.failed = true;
        return Tag::und();
    }
    let (mut t, end) = parse_tag(scan, true);
    if scan.tok_len() == 1 {
        t.p_ext = end;
        parse_extensions(scan);
    } else if end < scan.len {
        scan.failed = true;
        scan.truncate(end);
    }
    with_text(t, scan)
}

/// The end of `parse`: the tag keeps the scanned text when there is more than the
/// language, script and region.
fn with_text(mut t: Tag, scan: &Scanner) -> Tag {
    if t.p_variant < scan.len {
        t.text = String::from_utf8_lossy(scan.b()).into_owned();
    } else {
        t.p_variant = 0;
        t.p_ext = 0;
    }
    t
}

/// `parseTag`: language, extended language, script, region, then variants.
fn parse_tag(scan: &mut Scanner, do_norm: bool) -> (Tag, usize) {
    let mut t = Tag::und();
    let (lang, failed) = scan.with_token(lang_id);
    scan.failed |= failed;
    t.lang = lang.unwrap_or_else(|| "und".to_owned());
    scan.replace(t.lang.as_bytes());
    let lang_start = scan.start;
    let mut end = scan.scan();
    while scan.tok_len() == 3 && is_alpha(scan.token()[0]) && !scan.panicked {
        // BCP 47: `<lang>-<extlang>` is the same as `<extlang>`.
        if do_norm {
            let (lang, failed) = scan.with_token(lang_id);
            if let Some(lang) = lang {
                scan.copy_into(lang_start, lang.as_bytes());
                scan.set_byte(lang_start + lang.len(), b'-');
                scan.start = lang_start + lang.len() + 1;
                t.lang = lang;
            }
            scan.gobble(failed);
        }
        end = scan.scan();
    }
    if scan.tok_len() == 4 && is_alpha(scan.token()[0]) {
        if scan.with_token(script_id) {
            t.script = Some(String::from_utf8_lossy(scan.token()).into_owned());
        } else {
            scan.gobble(true);
        }
        end = scan.scan();
    }
    if (2..=3).contains(&scan.tok_len()) {
        match scan.with_token(region_id) {
            Some(region) => {
                scan.replace(region.as_bytes());
                t.region = Some(region);
            }
            None => scan.gobble(true),
        }
        end = scan.scan();
    }
    scan.lower_case(scan.start, scan.len);
    t.p_variant = end % 256; // a byte in Go
    end = parse_variants(scan, end);
    t.p_ext = end;
    (t, end)
}

/// `isAlpha`: true for a letter, given a letter or digit.
fn is_alpha(b: u8) -> bool {
    b > b'9'
}

/// `parseVariants`: keeps known variants, sorted by x/text's variant order and without
/// duplicates when they were out of order.
///
/// When that shortens them, Go's `resizeRange` leaves the scanner's current token (a
/// following singleton) as a stale view and its position at the variants, so
/// `parseExtensions` then takes the variants for an extension and `pExt` ends up
/// pointing into the rebuilt text. The port keeps this, stale view included.
fn parse_variants(scan: &mut Scanner, mut end: usize) -> usize {
    const MAX_VARIANTS: usize = 8;
    let start = scan.start;
    let mut found: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut last: i32 = -1;
    let mut need_sort = false;
    while scan.tok_len() >= 4 && !scan.panicked {
        let Some(v) = variant_index(scan.token()) else {
            scan.gobble(true);
            scan.scan();
            continue;
        };
        found.push((v, scan.token().to_vec()));
        if !need_sort {
            if last < i32::from(v) {
                last = i32::from(v);
            } else {
                need_sort = true;
                if found.len() > MAX_VARIANTS {
                    break;
                }
            }
        }
        end = scan.end;
        scan.scan();
    }
    if need_sort {
        found.sort_by_key(|(v, _)| *v);
        found.dedup_by_key(|(v, _)| *v);
        let parts: Vec<&[u8]> = found.iter().map(|(_, s)| s.as_slice()).collect();
        let joined = parts.join(&b'-');
        if joined.is_empty() {
            end = start.saturating_sub(1);
        } else {
            scan.resize_range(start, end, joined.len());
            scan.copy_into(scan.start, &joined);
            end = scan.end;
        }
    }
    end
}

/// `parseExtensions`: the extensions sorted by their singleton, then private use.
fn parse_extensions(scan: &mut Scanner) -> usize {
    let start = scan.start;
    let mut exts: Vec<Vec<u8>> = Vec::new();
    let mut private: Vec<u8> = Vec::new();
    let mut end = scan.end;
    while scan.tok_len() == 1 && !scan.panicked {
        let ext_start = scan.start;
        let ext = scan.token()[0];
        end = parse_extension(scan);
        let extension = scan.slice(ext_start, end);
        if extension.len() < 3 || (ext != b'x' && extension.len() < 4) {
            scan.failed = true;
            end = ext_start;
            continue;
        } else if start == ext_start && (ext == b'x' || scan.start == scan.len) {
            scan.truncate(end);
            return end;
        } else if ext == b'x' {
            private = extension;
            break;
        }
        exts.push(extension);
    }
    exts.sort_by_key(|e| e[0]);
    if !private.is_empty() {
        exts.push(private);
    }
    scan.truncate(start);
    if !exts.is_empty() {
        scan.append(&exts.join(&b'-'));
    } else if start > 0 {
        scan.truncate(start - 1);
    }
    end
}

/// `parseExtension`: one extension; returns where it ends.
fn parse_extension(scan: &mut Scanner) -> usize {
    let (start, end) = (scan.start, scan.end);
    match scan.token()[0] {
        b'u' => parse_u_extension(scan, end),
        b't' => {
            let mut end = end;
            scan.scan();
            let n = scan.tok_len();
            if (2..=3).contains(&n) && is_alpha(scan.token()[1]) {
                end = parse_tag(scan, false).1;
                scan.lower_case(start, end);
            }
            while scan.tok_len() == 2 && !is_alpha(scan.token()[1]) && !scan.panicked {
                end = scan.accept_min_size(3);
            }
            end
        }
        b'x' => scan.accept_min_size(1),
        _ => scan.accept_min_size(2),
    }
}

/// The `-u-` branch of `parseExtension`: attributes (3 to 8 bytes), then keys (2 bytes)
/// each with its types.
fn parse_u_extension(scan: &mut Scanner, mut end: usize) -> usize {
    let attr_start = end;
    scan.scan();
    let mut last: Vec<u8> = Vec::new();
    while scan.tok_len() > 2 && !scan.panicked {
        if scan.token() >= last.as_slice() {
            // Unsorted (which the first attribute always counts as): start over.
            let p = attr_start + 1;
            scan.next = p;
            let mut attrs: Vec<Vec<u8>> = Vec::new();
            scan.scan();
            while scan.tok_len() > 2 && !scan.panicked {
                attrs.push(scan.token().to_vec());
                end = scan.end;
                scan.scan();
            }
            attrs.sort_by(|a, b| a[..3].cmp(&b[..3]));
            scan.copy_into(p, &attrs.join(&b'-'));
            break;
        }
        last = scan.token().to_vec();
        end = scan.end;
        scan.scan();
    }
    let attr_end = end;
    let mut last: Vec<u8> = Vec::new();
    while scan.tok_len() == 2 && !scan.panicked {
        let key = scan.token().to_vec();
        end = accept_types(scan);
        if key <= last || scan.failed {
            return reorder_u_keys(scan, attr_end, end);
        }
        last = key;
    }
    end
}

/// Skips the types after a `-u-` key; returns where the key-type sequence ends.
fn accept_types(scan: &mut Scanner) -> usize {
    let mut end = scan.end;
    scan.scan();
    while end < scan.end && scan.tok_len() > 2 {
        end = scan.end;
        scan.scan();
    }
    end
}

/// Rescans the `-u-` keys from `attr_end` and writes them back sorted, keeping the
/// first of each key (a second one with other types is an error).
fn reorder_u_keys(scan: &mut Scanner, attr_end: usize, mut end: usize) -> usize {
    let p = attr_end + 1;
    scan.next = p;
    let mut keys: Vec<Vec<u8>> = Vec::new();
    scan.scan();
    while scan.tok_len() == 2 && !scan.panicked {
        let key_start = scan.start;
        end = accept_types(scan);
        keys.push(scan.slice(key_start, end));
    }
    keys.sort_by(|a, b| a[..2.min(a.len())].cmp(&b[..2.min(b.len())]));
    let mut unique: Vec<Vec<u8>> = Vec::new();
    for key in keys {
        match unique.last() {
            Some(prev) if prev.get(..2) == key.get(..2) => scan.failed |= *prev != key,
            _ => unique.push(key),
        }
    }
    let reordered = unique.join(&b'-');
    let e = p + reordered.len();
    if e < end {
        scan.delete_range(e, end);
        end = e;
    }
    scan.copy_into(p, &reordered);
    end
}

/// `findTypeForKey` and `TypeForKey` (`internal/language/language.go`): the type of
/// `-u-` key `key` (empty if none), or `None` where Go would index out of range.
fn find_type_for_key(t: &Tag, key: &[u8]) -> Option<String> {
    let s = t.text.as_bytes();
    let mut p = t.p_ext;
    if p == s.len() || p == 0 {
        return Some(String::new());
    }
    p += 1;
    while *s.get(p)? != b'u' {
        if s[p] > b'u' {
            return Some(String::new());
        }
        p = next_extension(s, p);
        if p == s.len() {
            return Some(String::new());
        }
        p += 1;
    }
    p += 1;
    let mut sep = 0;
    let mut cur_key: &[u8] = b"";
    loop {
        let end = p;
        p += 1;
        while p < s.len() && s[p] != b'-' {
            p += 1;
        }
        let n = p - end - 1;
        if n <= 2 && cur_key == key {
            if sep < end {
                sep += 1;
            }
            let value = s.get(sep..end)?;
            let value = value.split(|&c| c == b'-').next().unwrap_or(b"");
            return Some(text(value));
        }
        match n {
            0 | 1 => return Some(String::new()),
            2 => {
                cur_key = s.get(end + 1..p)?;
                if cur_key > key {
                    return Some(String::new());
                }
                sep = p;
            }
            _ => {}
        }
    }
}

/// `nextExtension`: the `-` before the next singleton at or after `p`, or the end.
fn next_extension(s: &[u8], mut p: usize) -> usize {
    while p + 3 < s.len() {
        if s[p] == b'-' {
            if s[p + 2] == b'-' {
                return p;
            }
            p += 3;
        } else {
            p += 1;
        }
    }
    s.len()
}

/// `canonicalize` with `Default`. Returns whether anything changed.
fn canonicalize(t: &mut Tag) -> bool {
    let mut changed = false;
    for _ in 0..=LANG_ALIASES.len() {
        let Ok(k) = LANG_ALIASES.binary_search_by(|(from, _, _)| (*from).cmp(&t.lang)) else {
            break;
        };
        let (_, to, kind) = LANG_ALIASES[k];
        match kind {
            Alias::Legacy => {
                if t.lang == "sh" && t.script.is_none() {
                    t.script = Some("Latn".to_owned());
                }
                t.lang = to.to_owned();
                changed = true;
                break;
            }
            Alias::Macro => break,
            Alias::Deprecated => {
                if t.lang == "mo" && t.region.is_none() {
                    t.region = Some("MD".to_owned());
                }
                t.lang = to.to_owned();
                changed = true;
            }
        }
    }
    if t.script.as_deref() == Some("Qaai") {
        t.script = Some("Zinh".to_owned());
        changed = true;
    }
    if let Some(region) = &t.region {
        if let Ok(k) = REGION_OLD.binary_search_by(|(from, _)| (*from).cmp(region)) {
            t.region = Some(REGION_OLD[k].1.to_owned());
            changed = true;
        }
    }
    changed
}

/// `tag.FixCase`: puts `b` in the letter case of `form`; false if `b` is not letters
/// of that length. Changes `b` in place up to the first bad byte, like Go.
fn fix_case(form: &[u8], b: &mut [u8]) -> bool {
    if form.len() != b.len() {
        return false;
    }
    for (f, c) in form.iter().zip(b.iter_mut()) {
        let mut x = *c;
        if *f <= b'Z' {
            if x >= b'a' {
                x -= b'z' - b'Z';
            }
            if !x.is_ascii_uppercase() {
                return false;
            }
        } else {
            if x <= b'Z' {
                x += b'z' - b'Z';
            }
            if !x.is_ascii_lowercase() {
                return false;
            }
        }
        *c = x;
    }
    true
}

/// `tag.Index.Index`: the first 4-byte entry of `table` that starts with `key`.
fn index_of(table: &[u8], key: &[u8]) -> Option<usize> {
    let n = table.len() / 4;
    let prefix = |i: usize| &table[i * 4..i * 4 + key.len()];
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if prefix(mid) < key {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo < n && prefix(lo) == key).then_some(lo)
}

/// The entries of `table` that start with `key`, in order (`Index`, then `Next`).
fn entries_with<'a>(table: &'a [u8], key: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let first = index_of(table, key).unwrap_or(table.len() / 4);
    table[first * 4..]
        .chunks_exact(4)
        .take_while(move |e| e.starts_with(key))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `getLangID`: the canonical code of a 2- or 3-letter language, `None` for x/text's
/// zero language (`und`), and whether that is an error.
fn lang_id(s: &mut [u8]) -> (Option<String>, bool) {
    if s.len() == 2 {
        lang_iso2(s)
    } else {
        lang_iso3(s)
    }
}

/// `getLangISO2`: a 2-letter entry of [`LANG`] (its 4th byte is not 0).
fn lang_iso2(s: &mut [u8]) -> (Option<String>, bool) {
    if !fix_case(b"zz", s) {
        return (None, true);
    }
    match index_of(LANG, s) {
        Some(i) if LANG[i * 4 + 3] != 0 => (Some(text(s)), false),
        _ => (None, true),
    }
}

/// `getLangISO3`: a 3-letter entry of [`LANG`] (`und` being the zero language), an
/// alternative ISO 639-3 code, a code in [`LANG_NO_INDEX`], or the ISO 639-3 code of
/// a 2-letter language (`deu` → `de`).
fn lang_iso3(s: &mut [u8]) -> (Option<String>, bool) {
    if !fix_case(b"und", s) {
        return (None, true);
    }
    if let Some(e) = entries_with(LANG, &s[..2]).find(|e| e[3] == 0 && e[2] == s[2]) {
        return match &e[..3] {
            b"und" => (None, false),
            code => (Some(text(code)), false),
        };
    }
    if let Some((_, to)) = LANG_ALT_ISO3.iter().find(|(iso3, _)| iso3.as_bytes() == s) {
        return (Some((*to).to_owned()), false);
    }
    let n = s.iter().fold(0usize, |n, c| n * 26 + usize::from(c - b'a'));
    if no_index_byte(n / 8) & (1 << (n % 8)) != 0 {
        return (Some(text(s)), false);
    }
    match entries_with(LANG, &s[..1]).find(|e| e[2] == s[1] && e[3] == s[2]) {
        Some(e) => (Some(text(&e[..2])), false),
        None => (None, true),
    }
}

/// Byte `i` of the `langNoIndex` bit vector, stored as hex in [`LANG_NO_INDEX`].
fn no_index_byte(i: usize) -> u8 {
    LANG_NO_INDEX
        .get(i * 2..i * 2 + 2)
        .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
        .unwrap_or(0)
}

/// `getScriptID`: a 4-letter script in [`SCRIPTS`], put in title case.
fn script_id(s: &mut [u8]) -> bool {
    fix_case(b"Zzzz", s) && index_of(SCRIPTS, s).is_some()
}

/// `getRegionID` followed by `Region.String`: the region's code, or `None` (an error).
fn region_id(s: &mut [u8]) -> Option<String> {
    if s.len() == 3 {
        if is_alpha(s[0]) {
            return region_iso3(s);
        }
        if s.iter().all(u8::is_ascii_digit) {
            let n = s.iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0'));
            return region_m49(n);
        }
    }
    if !fix_case(b"ZZ", s) {
        return None;
    }
    index_of(REGION_ISO, s).map(|_| text(s))
}

/// `getRegionISO3`: the ISO 3166 alpha-3 code of an entry of [`REGION_ISO`], or one
/// of [`REGION_ALT_ISO3`].
fn region_iso3(s: &mut [u8]) -> Option<String> {
    if !fix_case(b"ZZZ", s) {
        return None;
    }
    if let Some(e) = entries_with(REGION_ISO, &s[..1]).find(|e| e[2] == s[1] && e[3] == s[2]) {
        return Some(text(&e[..2]));
    }
    REGION_ALT_ISO3
        .iter()
        .find(|(iso3, _)| iso3.as_bytes() == s)
        .map(|(_, region)| (*region).to_owned())
}

/// `getRegionM49`: a UN M.49 number, shown as its ISO code where it has one.
fn region_m49(n: u16) -> Option<String> {
    REGION_M49
        .binary_search_by_key(&n, |(code, _)| *code)
        .ok()
        .map(|k| REGION_M49[k].1.to_owned())
}

/// `variantIndex`: the variant's place in x/text's variant order.
fn variant_index(s: &[u8]) -> Option<u8> {
    VARIANTS
        .binary_search_by(|(v, _)| v.as_bytes().cmp(s))
        .ok()
        .map(|k| VARIANTS[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_their_look_ups() {
        fn sorted<T: PartialOrd>(items: impl Iterator<Item = T>) -> bool {
            let items: Vec<T> = items.collect();
            items.windows(2).all(|w| w[0] < w[1])
        }
        // `lang` is sorted by code (`ce` before `ceb`); the look-ups search it only
        // by 1- or 2-letter prefixes.
        assert!(sorted(
            LANG.chunks(4).map(|e| &e[..if e[3] == 0 { 3 } else { 2 }])
        ));
        assert!(sorted(SCRIPTS.chunks(4)));
        assert!(sorted(REGION_ISO.chunks(4).map(|e| &e[..2])));
        assert!(sorted(LANG_ALIASES.iter().map(|a| a.0)));
        assert!(sorted(REGION_OLD.iter().map(|a| a.0)));
        assert!(sorted(REGION_M49.iter().map(|a| a.0)));
        assert!(sorted(VARIANTS.iter().map(|a| a.0)));
        assert!(sorted(COMPACT_ALIASES.iter().map(|a| a.0)));
        assert_eq!(LANG_NO_INDEX.len(), 2 * 2197);
    }
}
