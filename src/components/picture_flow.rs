//! What the picture's buttons start: decoding a chosen file, encoding and uploading
//! the crop, removing the picture, and how each ends (decided by [`crate::screen`]).

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

use super::flows::me;
use super::picture::{Picture, Stage};
use super::task::LocalBoxFuture;
use crate::api::ApiClient;
use crate::authorized::authorized;
use crate::avatar::{Crop, PictureProblem, MAX_BYTES};
use crate::http::{HttpError, Progress, Started};
use crate::options::Config;
use crate::screen::{self, Account};

/// The picture encoded for upload, with whom to tell of its progress and its start.
type Prepared = LocalBoxFuture<'static, Result<(Blob, Progress, Started), PictureProblem>>;

impl Picture {
    /// A file was chosen or dropped: decoded here, then shown to crop.
    pub(super) fn choose(self, file: Option<web_sys::File>) {
        let Some(file) = file else {
            return;
        };
        leptos::task::spawn_local(async move {
            match crate::image::decode(&file).await {
                Ok(bitmap) => {
                    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
                    self.forget_bitmap();
                    self.held
                        .try_update_value(|held| held.bitmap = Some(bitmap));
                    self.crop.try_set(Crop::centered(w, h));
                    self.stage.try_set(Stage::Cropping);
                    self.opened();
                    // The view is new: draw the picture into it once it is there.
                    leptos::task::tick().await;
                    self.redraw();
                    if let Some(canvas) = self.find("canvas") {
                        let _ = canvas.focus();
                    }
                }
                Err(problem) => self.state.apply(screen::picture_failed(problem)),
            }
        });
    }

    /// Encodes the crop and uploads it.
    pub(super) fn upload(self) {
        let Some(bitmap) = self.held.with_value(|h| h.bitmap.clone()) else {
            return;
        };
        let crop = self.crop.get_untracked();
        self.stage.set(Stage::Uploading);
        self.run(
            Stage::Cropping,
            Some(Box::pin(async move {
                let blob = crate::image::encode(&bitmap, &crop, MAX_BYTES).await?;
                let progress: Progress = Rc::new(move |share| {
                    if let Some(bar) = self.find("progress").and_then(|p| p.dyn_into().ok()) {
                        web_sys::HtmlProgressElement::set_value(&bar, share);
                    }
                });
                let started: Started = Rc::new(move |request| {
                    self.held.try_update_value(|h| h.request = Some(request));
                });
                Ok((blob, progress, started))
            })),
        );
    }

    pub(super) fn remove(self) {
        self.stage.set(Stage::Removing);
        self.run(Stage::Asking, None);
    }

    /// Runs the upload (once `prepared` gives what to send) or, without one, the
    /// removal as the signed-in person, and ends it: one copy of the call for both. A
    /// failure worth retrying goes back to `retry`.
    fn run(self, retry: Stage, prepared: Option<Prepared>) {
        let Some(config) = self.state.config.try_get_value() else {
            return;
        };
        let asked = self.stage.get_untracked();
        leptos::task::spawn_local(async move {
            let upload = match prepared {
                Some(prepared) => match prepared.await {
                    Ok(upload) => Some(upload),
                    Err(problem) => return self.failed(problem, retry),
                },
                None => None,
            };
            let call = |c: ApiClient| -> LocalBoxFuture<'static, Result<String, HttpError>> {
                let upload = upload.clone();
                Box::pin(async move {
                    match upload {
                        Some((blob, progress, started)) => {
                            c.upload_avatar(&blob, progress, started).await
                        }
                        None => c.remove_avatar().await,
                    }
                })
            };
            let result = authorized(&config, call).await;
            self.held.try_update_value(|h| h.request = None);
            if self.stage.try_get_untracked() != Some(asked) {
                return; // cancelled, or the form is gone
            }
            match result {
                Ok(_) => self.changed(&config, upload.is_some()).await,
                Err(error) => self.failed(PictureProblem::from_call(error), retry),
            }
        });
    }

    /// Stays at `retry` (the same button tries again) when trying again may help.
    fn failed(self, problem: PictureProblem, retry: Stage) {
        let stage = if problem.retryable() {
            retry
        } else {
            Stage::Idle
        };
        if stage == Stage::Idle {
            self.forget_bitmap();
        }
        self.stage.try_set(stage);
        self.state.apply(screen::picture_failed(problem));
    }

    /// The picture changed: the header shows it as ZITADEL now has it.
    async fn changed(self, config: &Config, uploaded: bool) {
        let read = me(config).await;
        let Some(Some(mut account)) = self.state.account.try_get_untracked() else {
            return;
        };
        let (url, sequence) = match &read {
            Ok(user) => {
                // Only from the instance or its API, as the header shows it (N4).
                let ours = [config.issuer.as_str(), config.api_base_url.as_str()];
                account = Account::of(user).with_avatar_from(&ours);
                (account.avatar_url.clone(), user.details.sequence)
            }
            // The change is made; only reading it back failed: the header shows the
            // address it had, loaded afresh.
            Err(_) => (
                account.avatar_url.clone().filter(|_| uploaded),
                crate::page::now_ms(),
            ),
        };
        if let Some(url) = &url {
            refresh_cached(url);
        }
        self.forget_bitmap();
        self.stage.try_set(Stage::Idle);
        self.state
            .apply(screen::picture_changed(account, url, sequence));
    }

    /// Closes the crop view, or cancels the upload under way (back to the crop).
    pub(super) fn cancel(self) {
        if self.stage.get_untracked() == Stage::Uploading {
            self.stage.set(Stage::Cropping);
            if let Some(request) = self.held.with_value(|h| h.request.clone()) {
                let _ = request.abort();
            }
        } else {
            self.forget_bitmap();
            self.close();
        }
    }

    pub(super) fn close(self) {
        self.stage.set(Stage::Idle);
        self.state.apply(screen::picture_closed());
    }

    /// The crop view or the question opened.
    pub(super) fn opened(self) {
        let outcome = self
            .state
            .notice
            .with_untracked(|n| screen::picture_opened(n.as_ref()));
        self.state.apply(outcome);
    }

    /// Lets the browser free the decoded image (a 20-megapixel photo is 80 MB).
    fn forget_bitmap(self) {
        self.held.try_update_value(|held| {
            if let Some(bitmap) = held.bitmap.take() {
                bitmap.close();
            }
        });
    }
}

/// Asks for `url` again past the browser's cache, so that the next visit shows the
/// new picture even where ZITADEL keeps the address and lets browsers cache it.
fn refresh_cached(url: &str) {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::Reload);
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    if let Some(window) = web_sys::window() {
        let _ = window.fetch_with_str_and_init(url, &init);
    }
}
