//! The picture in the header: its button opens the file picker and takes a dropped
//! file; then the crop view (its input in `crop_input.rs`), the upload with its
//! progress and a cancel, and the removal after a question inside the form. How each
//! ends is decided by [`crate::screen`]; the geometry by [`crate::avatar`].
//!
//! Written for size: one signal for the stage, one for the crop, everything else in
//! one stored value, and views that are rebuilt when the stage changes rather than
//! wired attribute by attribute (each reactive attribute is code of its own).

use leptos::either::EitherOf3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ImageBitmap, XmlHttpRequest};

use super::state::FormState;
use super::tr::tr;
use crate::avatar::{Crop, MAX_ZOOM_ATTRIBUTE};
use crate::i18n::Key;
use crate::screen::Account;

/// Where the picture's change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Idle,
    Cropping,
    Uploading,
    /// "Remove your picture?"
    Asking,
    Removing,
}

/// What the picture holds apart from what is shown.
#[derive(Default)]
pub(super) struct Held {
    pub(super) bitmap: Option<ImageBitmap>,
    /// The upload under way, to cancel.
    pub(super) request: Option<XmlHttpRequest>,
    /// The pointers down on the preview, where each was last: id, x, y. One drags
    /// the picture, two pinch it.
    pub(super) pointers: Vec<(i32, f64, f64)>,
}

/// The crop preview's side in canvas pixels (shown at 15rem at most, so sharp on
/// high-density screens).
const PREVIEW: &str = "480";

/// One form's picture: what is chosen, how it is cropped, how far its upload is.
#[derive(Clone, Copy)]
pub struct Picture {
    pub(super) state: FormState,
    pub(super) stage: RwSignal<Stage>,
    pub(super) crop: RwSignal<Crop>,
    pub(super) held: StoredValue<Held, LocalStorage>,
}

impl Picture {
    pub fn new(state: FormState) -> Self {
        Self {
            state,
            stage: RwSignal::new(Stage::Idle),
            crop: RwSignal::new(Crop::centered(1.0, 1.0)),
            held: StoredValue::new_local(Held::default()),
        }
    }

    /// The element of this form that `selector` finds.
    pub(super) fn find(self, selector: &str) -> Option<HtmlElement> {
        let root = self.state.root.try_get_untracked().flatten()?;
        root.query_selector(selector)
            .ok()
            .flatten()?
            .dyn_into()
            .ok()
    }

    /// The avatar as a button that changes it, with the file picker it opens and a
    /// dropped file's target.
    pub fn button(self, avatar: impl IntoView) -> impl IntoView {
        let tr = tr();
        let busy = move || matches!(self.stage.get(), Stage::Uploading | Stage::Removing);
        view! {
            <button type="button" class="zpf-avatar-button" data-testid="picture"
                aria-label=move || self.label(tr) disabled=busy
                on:click=move |_| { if let Some(input) = self.find("input[type=file]") { input.click() } }
                on:dragover=|e| e.prevent_default()
                on:drop=move |e: web_sys::DragEvent| {
                    e.prevent_default();
                    let files = e.data_transfer().and_then(|d| d.files());
                    self.choose(files.and_then(|f| f.get(0)));
                }>
                {avatar}
            </button>
            <input type="file" accept="image/*" hidden data-testid="picture-file"
                on:change=move |e| {
                    let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                    let chosen = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0));
                    if let Some(input) = input {
                        input.set_value(""); // the same file may be chosen again
                    }
                    self.choose(chosen);
                }/>
        }
    }

    /// The button's name: "Change picture", after the initials when it shows them, so
    /// that the name holds the words people see on it (WCAG 2.5.3, Label in Name).
    fn label(self, tr: super::tr::Tr) -> String {
        let initials = self.state.account.with(|a| {
            a.as_ref()
                .filter(|a| a.avatar_url.is_none())
                .map(|a| a.initials.clone())
        });
        match initials {
            Some(initials) => format!("{initials}, {}", tr.text(Key::ChangePicture)),
            None => tr.text(Key::ChangePicture),
        }
    }

    /// "Remove picture", beside the account, while editing and there is one to remove.
    pub fn remove_button(
        self,
        account: Signal<Option<Account>>,
        signed_in: Signal<bool>,
    ) -> impl IntoView {
        let tr = tr();
        let shown = move || {
            signed_in.get() && account.with(|a| a.as_ref().is_some_and(|a| a.avatar_url.is_some()))
        };
        move || {
            shown().then(|| {
                view! {
                    <button type="button" class="zpf-link" data-testid="picture-remove"
                        on:click=move |_| {
                    self.stage.set(Stage::Asking);
                    self.opened();
                }>
                        {move || tr.text(Key::RemovePicture)}
                    </button>
                }
            })
        }
    }

    /// The crop view or the question, under the header, while either is open. Each is
    /// built anew when the stage changes.
    pub fn panel(self) -> impl IntoView {
        let tr = tr();
        // The preview follows the crop.
        Effect::new(move || {
            self.crop.track();
            self.redraw();
        });
        move || {
            let stage = self.stage.get();
            let text = |key| tr.text(key);
            match stage {
                Stage::Idle => EitherOf3::A(()),
                Stage::Cropping | Stage::Uploading => {
                    let uploading = stage == Stage::Uploading;
                    let hint = format!("zpf{}-picture-hint", crate::page::next_id());
                    EitherOf3::B(view! {
                        <div class="zpf-picture" role="group" data-testid="picture-crop" aria-label=text(Key::ChangePicture)>
                            <canvas class="zpf-crop" width=PREVIEW height=PREVIEW tabindex="0" role="img"
                                aria-label=text(Key::ChangePicture) aria-describedby=hint.clone()
                                data-testid="picture-preview"
                                on:keydown=move |e| self.key(&e)
                                on:pointerdown=move |e| self.pointer(&e, true)
                                on:pointermove=move |e| self.pointer(&e, false)
                                on:pointerup=move |e| self.lift(&e)
                                on:pointercancel=move |e| self.lift(&e)
                                on:wheel=move |e| self.wheel(&e)/>
                            <p id=hint class="zpf-hint">{text(Key::PictureCropHint)}</p>
                            <label class="zpf-zoom">
                                {text(Key::Zoom)}
                                <input type="range" min="1" max=MAX_ZOOM_ATTRIBUTE step="0.01" data-testid="picture-zoom"
                                    prop:valueAsNumber=move || self.crop.with(|c| c.zoom) disabled=uploading
                                    on:input=move |e| self.zoom(&e)/>
                            </label>
                            {uploading.then(|| view! {
                                <progress max="1" value="0" aria-label=text(Key::UploadingPicture)
                                    data-testid="picture-progress"></progress>
                            })}
                            <div class="zpf-actions">
                                <button type="button" class="zpf-button zpf-button--primary" data-testid="picture-upload"
                                    disabled=uploading on:click=move |_| self.upload()>
                                    {text(Key::UploadPicture)}
                                </button>
                                <button type="button" class="zpf-button" data-testid="picture-cancel"
                                    on:click=move |_| self.cancel()>
                                    {text(Key::Cancel)}
                                </button>
                            </div>
                        </div>
                    })
                }
                Stage::Asking | Stage::Removing => {
                    let removing = stage == Stage::Removing;
                    EitherOf3::C(view! {
                        <div class="zpf-picture" role="group" data-testid="picture-remove-ask"
                            aria-label=text(Key::RemovePicture)>
                            <p>{text(Key::RemovePictureAsk)}</p>
                            <div class="zpf-actions">
                                <button type="button" class="zpf-button zpf-button--primary"
                                    data-testid="picture-remove-yes" disabled=removing
                                    on:click=move |_| self.remove()>
                                    {text(Key::RemovePicture)}
                                </button>
                                <button type="button" class="zpf-button" data-testid="picture-remove-no"
                                    disabled=removing on:click=move |_| self.close()>
                                    {text(Key::KeepPicture)}
                                </button>
                            </div>
                        </div>
                    })
                }
            }
        }
    }

    /// Draws the crop on the preview, if both are there.
    pub(super) fn redraw(self) {
        let canvas = self.find("canvas").and_then(|c| c.dyn_into().ok());
        let crop = self.crop.get_untracked();
        self.held.with_value(|held| {
            if let (Some(canvas), Some(bitmap)) = (canvas, &held.bitmap) {
                crate::image::draw(&canvas, bitmap, &crop, None);
            }
        });
    }
}
