//! The crop view's input: keys, one pointer dragging, two pinching, the wheel and
//! the zoom slider, each turned into a new [`crate::avatar::Crop`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::picture::{Picture, Stage};

impl Picture {
    pub(super) fn key(self, e: &web_sys::KeyboardEvent) {
        let moved = self.crop.get_untracked().on_key(&e.key(), e.shift_key());
        if let Some(moved) = moved.filter(|_| self.stage.get_untracked() == Stage::Cropping) {
            e.prevent_default();
            self.crop.set(moved);
        }
    }

    /// A pointer on the preview: `down` puts it there (two at most); a move of the
    /// only one drags the picture, a move of one of two pinches it.
    pub(super) fn pointer(self, e: &web_sys::PointerEvent, down: bool) {
        let at = (
            e.pointer_id(),
            f64::from(e.client_x()),
            f64::from(e.client_y()),
        );
        let before = self.held.with_value(|h| h.pointers.clone());
        let mut after = before.clone();
        match before.iter().position(|p| p.0 == at.0) {
            Some(index) if !down => after[index] = at,
            None if down && before.len() < 2 => after.push(at),
            _ => return,
        }
        self.held.update_value(|h| h.pointers.clone_from(&after));
        if down {
            if let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(at.0);
            }
            return;
        }
        let apart = |a: &(i32, f64, f64), b: &(i32, f64, f64)| {
            ((a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).sqrt()
        };
        match (before.as_slice(), after.as_slice()) {
            ([(_, x, y)], [_]) => {
                let shown = self
                    .find("canvas")
                    .map_or(0.0, |c| f64::from(c.client_width()));
                self.crop
                    .update(|c| *c = c.dragged(at.1 - x, at.2 - y, shown));
            }
            ([a, b], [c, d]) => {
                let (was, is) = (apart(a, b), apart(c, d));
                self.crop.update(|crop| *crop = crop.pinched(was, is));
            }
            _ => {}
        }
    }

    /// A pointer left the preview (lifted, or taken by the browser).
    pub(super) fn lift(self, e: &web_sys::PointerEvent) {
        let id = e.pointer_id();
        self.held.update_value(|h| h.pointers.retain(|p| p.0 != id));
    }

    /// The wheel over the preview zooms, instead of scrolling the page.
    pub(super) fn wheel(self, e: &web_sys::WheelEvent) {
        if self.stage.get_untracked() != Stage::Cropping {
            return;
        }
        e.prevent_default();
        let pixels = match e.delta_mode() {
            web_sys::WheelEvent::DOM_DELTA_LINE => 40.0,
            web_sys::WheelEvent::DOM_DELTA_PAGE => 400.0,
            _ => 1.0,
        };
        self.crop.update(|c| *c = c.wheeled(e.delta_y() * pixels));
    }

    /// The slider moved. Numbers cross as numbers (`valueAsNumber`): no float text
    /// in the wasm.
    pub(super) fn zoom(self, e: &web_sys::Event) {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(value) = input.map(|i| i.value_as_number()).filter(|v| v.is_finite()) {
            self.crop.update(|c| *c = c.zoomed(value));
        }
    }
}
