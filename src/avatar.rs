//! The picture, decided as plain data: the square a person crops from their image,
//! how the crop moves by pointer and keyboard, how large the uploaded picture is and
//! at which qualities it is encoded to fit ZITADEL's limit, and what a failure tells
//! the person. The browser's side (decoding, drawing, encoding) is in [`crate::image`].

use crate::authorized::CallError;
use crate::http::HttpError;
use crate::i18n::{Key, Message};
use crate::problem::Problem;

/// ZITADEL's limit for an avatar: `1 << 19` bytes (`asset.go`).
pub const MAX_BYTES: f64 = (1 << 19) as f64;

/// The longest side the widget uploads: avatars are shown small.
pub const MAX_SIDE: f64 = 512.0;

/// How far the crop can zoom in, at most (the square's side is then a quarter of
/// the image's shorter side); the zoom slider's `max`.
pub const MAX_ZOOM: f64 = 4.0;

/// [`MAX_ZOOM`] as the slider's `max` attribute (written out: formatting a float
/// would bring float formatting into the wasm).
pub const MAX_ZOOM_ATTRIBUTE: &str = "4";

/// The encoder's qualities, tried in this order until the picture fits.
pub const QUALITIES: [f64; 4] = [0.9, 0.75, 0.6, 0.4];

/// A square cut from an image of `width` × `height` pixels: its top-left corner
/// and its side, in the image's pixels. It always lies inside the image.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))] // f64's Debug would bring float formatting into the wasm
pub struct Crop {
    pub width: f64,
    pub height: f64,
    pub zoom: f64,
    pub x: f64,
    pub y: f64,
}

impl Crop {
    /// The largest square, in the middle of the image.
    pub fn centered(width: f64, height: f64) -> Self {
        let (width, height) = (width.max(1.0), height.max(1.0));
        let side = width.min(height);
        Crop {
            width,
            height,
            zoom: 1.0,
            x: (width - side) / 2.0,
            y: (height - side) / 2.0,
        }
    }

    /// The square's side in the image's pixels.
    pub fn side(&self) -> f64 {
        self.width.min(self.height) / self.zoom
    }

    /// The side of the picture that is uploaded: the square, scaled down to
    /// [`MAX_SIDE`] when larger, never up.
    pub fn output_side(&self) -> f64 {
        self.side().min(MAX_SIDE).round().max(1.0)
    }

    /// The square moved by (`dx`, `dy`) image pixels, kept inside the image.
    pub fn moved(self, dx: f64, dy: f64) -> Self {
        let side = self.side();
        Crop {
            x: within(self.x + dx, self.width - side),
            y: within(self.y + dy, self.height - side),
            ..self
        }
    }

    /// The square at `zoom` (1 shows the whole shorter side), around the same middle.
    pub fn zoomed(self, zoom: f64) -> Self {
        // Never smaller than one pixel.
        let most = MAX_ZOOM.min(self.width.min(self.height)).max(1.0);
        let zoom = zoom.max(1.0).min(most);
        let half = self.side() / 2.0;
        let (mx, my) = (self.x + half, self.y + half);
        let next = Crop { zoom, ..self };
        let half = next.side() / 2.0;
        Crop {
            x: mx - half,
            y: my - half,
            ..next
        }
        .moved(0.0, 0.0)
    }

    /// The picture dragged by (`dx`, `dy`) pixels of a preview `preview` pixels wide:
    /// the square moves the other way, so the picture follows the pointer.
    pub fn dragged(self, dx: f64, dy: f64, preview: f64) -> Self {
        let scale = self.side() / preview.max(1.0);
        self.moved(-dx * scale, -dy * scale)
    }

    /// The picture zoomed by a wheel turned `delta` pixels (negative: towards the
    /// screen, closer). A mouse's notch (100) is a step of 1.25; a touchpad's small
    /// deltas zoom smoothly; no turn, however large, more than halves or doubles it.
    pub fn wheeled(self, delta: f64) -> Self {
        // 1 - delta / 400, within 0.5..=2.
        let factor = within(0.5 - delta / 400.0, 1.5) + 0.5;
        self.zoomed(self.zoom * factor)
    }

    /// The picture zoomed by a pinch whose two fingers were `before` and are now
    /// `after` pixels apart: the picture grows as the fingers part.
    pub fn pinched(self, before: f64, after: f64) -> Self {
        if before < 1.0 || after < 1.0 {
            return self;
        }
        self.zoomed(self.zoom * after / before)
    }

    /// What a key does to the crop in the preview: arrows move the picture a
    /// twentieth of the square (a fifth with Shift), `+` and `-` zoom. `None` for a
    /// key the crop leaves alone.
    pub fn on_key(self, key: &str, shift: bool) -> Option<Self> {
        let step = self.side() / if shift { 5.0 } else { 20.0 };
        Some(match key {
            "ArrowLeft" => self.moved(step, 0.0),
            "ArrowRight" => self.moved(-step, 0.0),
            "ArrowUp" => self.moved(0.0, step),
            "ArrowDown" => self.moved(0.0, -step),
            "+" | "=" => self.zoomed(self.zoom * 1.1),
            "-" | "_" | "−" => self.zoomed(self.zoom / 1.1),
            _ => return None,
        })
    }
}

/// `value` within `0..=most`. Not `f64::clamp`, whose check of its bounds would bring
/// float formatting (11 KB) into the wasm.
fn within(value: f64, most: f64) -> f64 {
    value.min(most).max(0.0)
}

/// The quality to encode with after `tried` gave a picture of `bytes`: `Ok(None)`
/// when it fits `limit` ([`MAX_BYTES`] but in tests), the next lower quality when it
/// does not, and an error once the lowest did not fit either.
pub fn next_quality(tried: f64, bytes: f64, limit: f64) -> Result<Option<f64>, PictureProblem> {
    if bytes <= limit {
        return Ok(None);
    }
    QUALITIES
        .into_iter()
        .find(|&q| q < tried)
        .map(Some)
        .ok_or(PictureProblem::TooBig)
}

/// The address to show right after a change: ZITADEL's `avatarUrl` may stay the
/// same across uploads, and the page would keep showing the picture it already
/// loaded from it, so the address shown names the change (`sequence`).
pub fn fresh_url(url: &str, sequence: u64) -> String {
    let joiner = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joiner}v={sequence}")
}

/// What went wrong with the picture; told at the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureProblem {
    /// The file is not an image (by its type, or by ZITADEL's sniffing).
    NotAnImage,
    /// An image this browser cannot decode (HEIC, say).
    Unreadable,
    /// Still larger than [`MAX_BYTES`] at the lowest quality, or ZITADEL said so.
    TooBig,
    /// ZITADEL refused it with its own words.
    Refused(String),
    /// The session is over: the form's sign-in flow takes it from here.
    SessionEnded(CallError),
    /// A failed request, told as the form tells every other.
    Request(Problem),
}

impl PictureProblem {
    /// A file the browser could not decode: a file typed as something else is not an
    /// image; an image type (or none) is one this browser cannot read.
    pub fn undecodable(file_type: &str) -> Self {
        if file_type.is_empty() || file_type.starts_with("image/") {
            PictureProblem::Unreadable
        } else {
            PictureProblem::NotAnImage
        }
    }

    /// A failed upload or removal. ZITADEL's assets API answers in `text/plain`
    /// (Go's `http.Error`): its two refusals of a file have their own words here.
    pub fn from_call(error: CallError) -> Self {
        match error {
            CallError::Http(HttpError::Status { status: 400, body }) if is_text(&body) => {
                let body = body.trim();
                if body.starts_with("file too big") {
                    PictureProblem::TooBig
                } else if body.starts_with("invalid content-type") {
                    PictureProblem::NotAnImage
                } else {
                    PictureProblem::Refused(body.to_owned())
                }
            }
            CallError::Http(error) => PictureProblem::Request(Problem::from_error(&error)),
            ended => PictureProblem::SessionEnded(ended),
        }
    }

    /// Whether trying again may help: the file stays chosen and a button offers it.
    pub fn retryable(&self) -> bool {
        matches!(self, PictureProblem::Request(p) if p.retryable())
    }

    /// What the person is told, at the picture.
    pub fn message(&self) -> Message {
        match self {
            PictureProblem::NotAnImage => Key::PictureNotAnImage.into(),
            PictureProblem::Unreadable => Key::PictureUnreadable.into(),
            PictureProblem::TooBig => Key::PictureTooBig.into(),
            PictureProblem::Refused(text) => Message::new(Key::PictureRefused).with("text", text),
            PictureProblem::SessionEnded(_) => Key::SessionEnded.into(),
            PictureProblem::Request(problem) => problem.message(),
        }
    }
}

/// Plain text, not ZITADEL's JSON error body (the Auth API's removal answers in JSON).
fn is_text(body: &str) -> bool {
    !body.trim_start().starts_with('{')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(c: &Crop) -> bool {
        c.x >= 0.0
            && c.y >= 0.0
            && c.x + c.side() <= c.width + 1e-9
            && c.y + c.side() <= c.height + 1e-9
    }

    #[test]
    fn the_first_square_is_the_largest_in_the_middle() {
        let c = Crop::centered(4000.0, 3000.0);
        assert_eq!((c.x, c.y, c.side()), (500.0, 0.0, 3000.0));
        let c = Crop::centered(300.0, 900.0);
        assert_eq!((c.x, c.y, c.side()), (0.0, 300.0, 300.0));
        assert_eq!(c.output_side(), 300.0, "a small picture is not scaled up");
        assert_eq!(Crop::centered(4000.0, 3000.0).output_side(), 512.0);
    }

    #[test]
    fn the_square_never_leaves_the_image() {
        let c = Crop::centered(4000.0, 3000.0);
        let far = c.moved(1e9, -1e9);
        assert_eq!((far.x, far.y), (1000.0, 0.0));
        let zoomed = c.zoomed(2.0).moved(-1e9, 1e9);
        assert_eq!((zoomed.x, zoomed.y, zoomed.side()), (0.0, 1500.0, 1500.0));
        for zoom in [0.1, 1.0, 1.7, 4.0, 99.0] {
            let z = zoomed.zoomed(zoom);
            assert!(inside(&z), "{z:?}");
            assert!((1.0..=MAX_ZOOM).contains(&z.zoom), "{z:?}");
        }
        // A 2 × 1 image cannot be cropped below one pixel.
        let tiny = Crop::centered(2.0, 1.0).zoomed(4.0);
        assert_eq!(tiny.side(), 1.0);
    }

    #[test]
    fn the_sliders_maximum_is_the_crops() {
        assert_eq!(MAX_ZOOM_ATTRIBUTE.parse::<f64>(), Ok(MAX_ZOOM));
    }

    #[test]
    fn a_wheel_and_a_pinch_zoom_within_bounds() {
        let c = Crop::centered(4000.0, 3000.0).zoomed(2.0);
        assert_eq!(c.wheeled(-100.0).zoom, 2.5, "a notch towards the screen");
        assert_eq!(c.wheeled(100.0).zoom, 1.5, "a notch away");
        assert_eq!(
            c.wheeled(-4000.0).zoom,
            MAX_ZOOM,
            "doubled at most, then capped"
        );
        assert_eq!(c.wheeled(4000.0).zoom, 1.0, "halved at most");
        assert_eq!(c.wheeled(0.0), c);
        let close = c.wheeled(-10.0);
        assert!(
            close.zoom > 2.0 && close.zoom < 2.1,
            "a touchpad's small turn"
        );
        assert!(inside(&close));
        assert_eq!(c.pinched(100.0, 150.0).zoom, 3.0, "fingers apart: closer");
        assert_eq!(c.pinched(150.0, 100.0).zoom * 3.0, 4.0, "together: farther");
        assert_eq!(c.pinched(0.0, 100.0), c, "no distance to compare with");
        let pinched = c.pinched(100.0, 150.0);
        assert_eq!(
            (
                pinched.x + pinched.side() / 2.0,
                pinched.y + pinched.side() / 2.0
            ),
            (2000.0, 1500.0),
            "around the same middle"
        );
    }

    #[test]
    fn zooming_keeps_the_middle() {
        let c = Crop::centered(4000.0, 3000.0).zoomed(2.0);
        assert_eq!((c.x, c.y, c.side()), (1250.0, 750.0, 1500.0));
        let back = c.zoomed(1.0);
        assert_eq!((back.x, back.y, back.side()), (500.0, 0.0, 3000.0));
    }

    #[test]
    fn the_picture_follows_the_pointer() {
        let c = Crop::centered(4000.0, 3000.0);
        // Dragging right by a tenth of a 300 px preview moves the square left by a
        // tenth of its side.
        let d = c.dragged(30.0, 0.0, 300.0);
        assert_eq!(d.x, 200.0);
        assert_eq!(c.dragged(0.0, 0.0, 0.0), c, "a preview not laid out yet");
    }

    #[test]
    fn keys_move_and_zoom_and_others_are_left_alone() {
        let c = Crop::centered(4000.0, 3000.0);
        assert_eq!(c.on_key("ArrowRight", false).unwrap().x, 500.0 - 150.0);
        assert_eq!(
            c.on_key("ArrowLeft", true).unwrap().x,
            1000.0,
            "a fifth, clamped"
        );
        assert_eq!(
            c.on_key("ArrowUp", false).unwrap().y,
            0.0,
            "no room to move"
        );
        let zoomed = c.on_key("+", false).unwrap();
        assert!((zoomed.zoom - 1.1).abs() < 1e-12);
        assert_eq!(zoomed.on_key("-", false).unwrap().zoom, 1.0);
        assert_eq!(
            c.on_key("−", false).unwrap().zoom,
            1.0,
            "the minus sign too"
        );
        assert_eq!(c.on_key("Tab", false), None);
        assert_eq!(c.on_key("Enter", false), None);
    }

    #[test]
    fn the_quality_drops_until_the_picture_fits() {
        assert_eq!(
            next_quality(0.9, MAX_BYTES, MAX_BYTES),
            Ok(None),
            "the limit itself fits"
        );
        assert_eq!(
            next_quality(0.9, MAX_BYTES + 1.0, MAX_BYTES),
            Ok(Some(0.75))
        );
        assert_eq!(next_quality(0.6, 9e9, MAX_BYTES), Ok(Some(0.4)));
        assert_eq!(
            next_quality(0.4, MAX_BYTES + 1.0, MAX_BYTES),
            Err(PictureProblem::TooBig)
        );
    }

    #[test]
    fn the_address_shown_names_the_change() {
        assert_eq!(
            fresh_url("https://i.example/assets/v1/o/avatar", 7),
            "https://i.example/assets/v1/o/avatar?v=7"
        );
        assert_eq!(
            fresh_url("https://i.example/a?x=1", 8),
            "https://i.example/a?x=1&v=8"
        );
    }

    #[test]
    fn a_file_that_cannot_be_decoded_is_named_by_its_type() {
        assert_eq!(
            PictureProblem::undecodable("text/plain"),
            PictureProblem::NotAnImage
        );
        assert_eq!(
            PictureProblem::undecodable("application/pdf"),
            PictureProblem::NotAnImage
        );
        assert_eq!(
            PictureProblem::undecodable("image/heic"),
            PictureProblem::Unreadable
        );
        assert_eq!(PictureProblem::undecodable(""), PictureProblem::Unreadable);
    }

    fn refused(status: u16, body: &str) -> PictureProblem {
        PictureProblem::from_call(CallError::Http(HttpError::Status {
            status,
            body: body.into(),
        }))
    }

    #[test]
    fn zitadels_plain_text_refusals_are_told_in_the_persons_language() {
        assert_eq!(
            refused(400, "file too big, max file size is 512KB\n"),
            PictureProblem::TooBig
        );
        assert_eq!(
            refused(400, "invalid content-type: text/plain; charset=utf-8\n"),
            PictureProblem::NotAnImage
        );
        assert_eq!(
            refused(400, "http: no such file\n"),
            PictureProblem::Refused("http: no such file".into())
        );
        let message = refused(400, "http: no such file").message().to_string();
        assert_eq!(message, "ZITADEL refused the picture: http: no such file");
    }

    #[test]
    fn a_failed_request_is_told_as_every_other_and_may_be_retried() {
        for (status, retry) in [(429, true), (500, true), (503, true), (403, false)] {
            let problem = refused(status, "Too Many Requests");
            assert!(matches!(problem, PictureProblem::Request(_)), "{status}");
            assert_eq!(problem.retryable(), retry, "{status}");
        }
        let timeout = PictureProblem::from_call(CallError::Http(HttpError::Timeout));
        assert!(timeout.retryable());
        assert_eq!(timeout.message().to_string(), Key::Timeout.text());
        // The Auth API's removal answers in JSON: read as any other answer.
        let json = r#"{"code":3,"message":"bad (X-1)","details":[{"id":"X-1","message":"bad"}]}"#;
        assert!(matches!(
            refused(400, json),
            PictureProblem::Request(Problem::Invalid { .. })
        ));
        assert!(!PictureProblem::TooBig.retryable());
    }

    #[test]
    fn an_ended_session_goes_to_the_forms_sign_in() {
        for ended in [CallError::SessionEnded, CallError::RefreshNotAllowed] {
            assert_eq!(
                PictureProblem::from_call(ended.clone()),
                PictureProblem::SessionEnded(ended)
            );
        }
    }
}
