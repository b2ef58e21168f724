//! The content type ZITADEL's assets API gives an upload: Go's `http.DetectContentType`
//! (`net/http/sniff.go`, the WHATWG MIME sniffing table), copied signature by signature
//! and in its order, on at most the first 512 bytes. The avatar upload takes only what
//! this calls `image/…`, whatever the part's own `Content-Type` says.

/// How many bytes the sniffer looks at.
const SNIFF_LEN: usize = 512;

/// One row of Go's `sniffSignatures`.
enum Sig {
    /// `htmlSig`: the tag, case-insensitive for letters, after leading white space,
    /// followed by a space or `>`.
    Html(&'static [u8]),
    /// `maskedSig`: each byte ANDed with the mask equals the pattern.
    Masked {
        mask: &'static [u8],
        pat: &'static [u8],
        skip_ws: bool,
        ct: &'static str,
    },
    /// `exactSig`: the data starts with these bytes.
    Exact(&'static [u8], &'static str),
    /// `mp4Sig`.
    Mp4,
    /// `textSig`, always last.
    Text,
}

const fn masked(mask: &'static [u8], pat: &'static [u8], ct: &'static str) -> Sig {
    Sig::Masked {
        mask,
        pat,
        skip_ws: false,
        ct,
    }
}

const RIFF_MASK: &[u8] = b"\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF";
/// 34 NUL bytes, then the two that say "LP" (Embedded OpenType).
const EOT_MASK: &[u8] =
    b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xFF\xFF";
const EOT_PAT: &[u8] =
    b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00LP";

const SIGNATURES: &[Sig] = &[
    Sig::Html(b"<!DOCTYPE HTML"),
    Sig::Html(b"<HTML"),
    Sig::Html(b"<HEAD"),
    Sig::Html(b"<SCRIPT"),
    Sig::Html(b"<IFRAME"),
    Sig::Html(b"<H1"),
    Sig::Html(b"<DIV"),
    Sig::Html(b"<FONT"),
    Sig::Html(b"<TABLE"),
    Sig::Html(b"<A"),
    Sig::Html(b"<STYLE"),
    Sig::Html(b"<TITLE"),
    Sig::Html(b"<B"),
    Sig::Html(b"<BODY"),
    Sig::Html(b"<BR"),
    Sig::Html(b"<P"),
    Sig::Html(b"<!--"),
    Sig::Masked {
        mask: b"\xFF\xFF\xFF\xFF\xFF",
        pat: b"<?xml",
        skip_ws: true,
        ct: "text/xml; charset=utf-8",
    },
    Sig::Exact(b"%PDF-", "application/pdf"),
    Sig::Exact(b"%!PS-Adobe-", "application/postscript"),
    // UTF byte order marks.
    masked(
        b"\xFF\xFF\x00\x00",
        b"\xFE\xFF\x00\x00",
        "text/plain; charset=utf-16be",
    ),
    masked(
        b"\xFF\xFF\x00\x00",
        b"\xFF\xFE\x00\x00",
        "text/plain; charset=utf-16le",
    ),
    masked(
        b"\xFF\xFF\xFF\x00",
        b"\xEF\xBB\xBF\x00",
        "text/plain; charset=utf-8",
    ),
    // Images.
    Sig::Exact(b"\x00\x00\x01\x00", "image/x-icon"),
    Sig::Exact(b"\x00\x00\x02\x00", "image/x-icon"),
    Sig::Exact(b"BM", "image/bmp"),
    Sig::Exact(b"GIF87a", "image/gif"),
    Sig::Exact(b"GIF89a", "image/gif"),
    masked(
        b"\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF\xFF\xFF",
        b"RIFF\x00\x00\x00\x00WEBPVP",
        "image/webp",
    ),
    Sig::Exact(b"\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
    Sig::Exact(b"\xFF\xD8\xFF", "image/jpeg"),
    // Audio and video.
    masked(b"\xFF\xFF\xFF\xFF", b".snd", "audio/basic"),
    masked(RIFF_MASK, b"FORM\x00\x00\x00\x00AIFF", "audio/aiff"),
    masked(b"\xFF\xFF\xFF", b"ID3", "audio/mpeg"),
    masked(b"\xFF\xFF\xFF\xFF\xFF", b"OggS\x00", "application/ogg"),
    masked(
        b"\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF",
        b"MThd\x00\x00\x00\x06",
        "audio/midi",
    ),
    masked(RIFF_MASK, b"RIFF\x00\x00\x00\x00AVI ", "video/avi"),
    masked(RIFF_MASK, b"RIFF\x00\x00\x00\x00WAVE", "audio/wave"),
    Sig::Mp4,
    Sig::Exact(b"\x1A\x45\xDF\xA3", "video/webm"),
    // Fonts.
    masked(EOT_MASK, EOT_PAT, "application/vnd.ms-fontobject"),
    Sig::Exact(b"\x00\x01\x00\x00", "font/ttf"),
    Sig::Exact(b"OTTO", "font/otf"),
    Sig::Exact(b"ttcf", "font/collection"),
    Sig::Exact(b"wOFF", "font/woff"),
    Sig::Exact(b"wOF2", "font/woff2"),
    // Archives.
    Sig::Exact(b"\x1F\x8B\x08", "application/x-gzip"),
    Sig::Exact(b"PK\x03\x04", "application/zip"),
    Sig::Exact(b"Rar!\x1A\x07\x00", "application/x-rar-compressed"),
    Sig::Exact(b"Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"),
    Sig::Exact(b"\x00\x61\x73\x6D", "application/wasm"),
    Sig::Text,
];

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

impl Sig {
    fn matches(&self, data: &[u8], first_non_ws: usize) -> Option<&'static str> {
        match self {
            Sig::Html(tag) => {
                let data = &data[first_non_ws..];
                if data.len() < tag.len() + 1 {
                    return None;
                }
                let same = tag.iter().zip(data).all(|(&t, &d)| {
                    let d = if t.is_ascii_uppercase() { d & 0xDF } else { d };
                    t == d
                });
                (same && matches!(data[tag.len()], b' ' | b'>'))
                    .then_some("text/html; charset=utf-8")
            }
            Sig::Masked {
                mask,
                pat,
                skip_ws,
                ct,
            } => {
                let data = if *skip_ws {
                    &data[first_non_ws..]
                } else {
                    data
                };
                (data.len() >= mask.len()
                    && mask
                        .iter()
                        .zip(*pat)
                        .zip(data)
                        .all(|((m, p), d)| d & m == *p))
                .then_some(ct)
            }
            Sig::Exact(sig, ct) => data.starts_with(sig).then_some(ct),
            Sig::Mp4 => mp4(data).then_some("video/mp4"),
            Sig::Text => data[first_non_ws..]
                .iter()
                .all(|&b| {
                    !(b <= 0x08
                        || b == 0x0B
                        || (0x0E..=0x1A).contains(&b)
                        || (0x1C..=0x1F).contains(&b))
                })
                .then_some("text/plain; charset=utf-8"),
        }
    }
}

/// WHATWG's signature for MP4: an `ftyp` box naming an `mp4` brand.
fn mp4(data: &[u8]) -> bool {
    if data.len() < 12 {
        return false;
    }
    let size = u32::from_be_bytes([data[0], data[1], data[2], data[3]]) as usize;
    if !size.is_multiple_of(4) || data.len() < size || &data[4..8] != b"ftyp" {
        return false;
    }
    (8..size)
        .step_by(4)
        .filter(|&at| at != 12)
        .any(|at| data.get(at..at + 3) == Some(b"mp4"))
}

/// Go's `http.DetectContentType(data)`.
pub fn detect_content_type(data: &[u8]) -> &'static str {
    let data = &data[..data.len().min(SNIFF_LEN)];
    let first_non_ws = data.iter().position(|&b| !is_ws(b)).unwrap_or(data.len());
    SIGNATURES
        .iter()
        .find_map(|sig| sig.matches(data, first_non_ws))
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::detect_content_type;

    /// Go's own `sniffTests` (`net/http/sniff_test.go`), the rows this copy covers.
    #[test]
    fn what_go_sniffs() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "text/plain; charset=utf-8"),
            (&[1, 2, 3], "application/octet-stream"),
            (b"<HtMl><bOdY>blah blah blah</body></html>", "text/html; charset=utf-8"),
            (b"<HTML></HTML>", "text/html; charset=utf-8"),
            (b"   <!DOCTYPE HTML>...", "text/html; charset=utf-8"),
            (b"\r\n<html>...", "text/html; charset=utf-8"),
            ("This is not HTML. It has ☃ though.".as_bytes(), "text/plain; charset=utf-8"),
            (b"\n<?xml!", "text/xml; charset=utf-8"),
            (b"\x00\x00\x01\x00", "image/x-icon"),
            (b"\x00\x00\x02\x00", "image/x-icon"),
            (b"BM...", "image/bmp"),
            (b"GIF87a", "image/gif"),
            (b"GIF89a...", "image/gif"),
            (b"RIFF\x00\x00\x00\x00WEBPVP", "image/webp"),
            (b"\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
            (b"\xFF\xD8\xFF", "image/jpeg"),
            (b"MThd\x00\x00\x00\x06\x00\x01", "audio/midi"),
            (b"ID3\x03\x00\x00\x00\x00\x0f", "audio/mpeg"),
            (b"RIFFb\xb8\x00\x00WAVEfmt \x12\x00\x00\x00\x06", "audio/wave"),
            (b"FORM\x00\x00\x00\x00AIFFCOMM\x00\x00\x00\x12\x00\x01\x00\x00\x57\x55\x00\x10\x40\x0d\xf3\x34", "audio/aiff"),
            (b"OggS\x00\x02", "application/ogg"),
            (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom<\x06t\xbfmdat", "video/mp4"),
            (b"\x1a\x45\xdf\xa3\x01\x00", "video/webm"),
            (b"wOFF", "font/woff"),
            (b"\x00\x61\x73\x6d\x01\x00", "application/wasm"),
            (b"PK\x03\x04", "application/zip"),
            (b"\x1F\x8B\x08", "application/x-gzip"),
        ];
        for (data, want) in cases {
            assert_eq!(detect_content_type(data), *want, "{data:?}");
        }
    }

    /// What the avatar upload sees: SVG is XML, HEIC and AVIF are not in the table.
    #[test]
    fn what_an_avatar_upload_sniffs_as() {
        assert_eq!(
            detect_content_type(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            "text/plain; charset=utf-8"
        );
        assert_eq!(
            detect_content_type(b"<?xml version=\"1.0\"?><svg/>"),
            "text/xml; charset=utf-8"
        );
        assert_eq!(
            detect_content_type(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"),
            "application/octet-stream"
        );
        // Only the first 512 bytes count.
        let mut late = vec![b' '; 600];
        late.extend_from_slice(b"\x89PNG\x0D\x0A\x1A\x0A");
        assert_eq!(detect_content_type(&late), "text/plain; charset=utf-8");
    }
}
