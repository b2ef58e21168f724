//! The form as a whole: a switch over its phase, around an account bar and a notice.

use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

use super::account_bar::AccountBar;
use super::conflict_view::ConflictView;
use super::editor::Editor;
use super::flows::Actions;
use super::load_failed::LoadFailedPanel;
use super::notice::{NoticeBanner, Skeleton};
use super::picture::Picture;
use super::signed_out::SignedOutPanel;
use super::state::FormState;
use super::tr::Tr;
use crate::i18n::locale::direction;
use crate::languages::ZITADEL_LANGUAGES;
use crate::oidc::discovery::discover;
use crate::oidc::sync::TokenSync;
use crate::options::Config;
use crate::screen::Phase;

/// The self-service profile editor for one ZITADEL instance: loads the signed-in
/// user's profile, checks every field as it is typed, and saves all six fields with
/// `PUT /auth/v1/users/me/profile`.
#[component]
pub fn ProfileForm(
    /// Checked options, see [`crate::Options::resolve`].
    config: Config,
    /// Kept equal to whether the form holds unsaved edits, so that a single-page host
    /// can guard its own routes.
    #[prop(optional)]
    dirty: Option<RwSignal<bool>>,
) -> impl IntoView {
    crate::page::count_live_form();
    crate::crash::install();
    let ids = format!("zpf{}", crate::page::next_id());
    let state = FormState::new(config, dirty);
    let conflicted = Memo::new(move |_| state.model.with(|m| m.conflict().is_some()));
    provide_context(state.tr);
    state.follow_language(None);
    if state.config.with_value(|c| c.owns_document) {
        mirror_on_document(state.tr);
    }
    let actions = Actions::new(state);
    super::edits::watch_edits(state, actions.recheck);
    // While mounted, adopt tokens another tab rotated, and follow another tab's
    // sign-out; dropped with the component.
    let signed_out_elsewhere = move || {
        if !state.is_gone() {
            let dirty = state.model.with_untracked(crate::form::FormModel::is_dirty);
            state.apply(crate::screen::signed_out_elsewhere(dirty));
        }
    };
    let _sync = StoredValue::new_local(
        state
            .config
            .with_value(|c| TokenSync::listen(c, signed_out_elsewhere)),
    );
    let supported = instance_languages(state.config.get_value());
    let on_action = Callback::new(move |action| actions.on_notice(action));
    state.root.on_load(|root| {
        crate::bundle::adopt_styles(&root);
        crate::crash::register(root.into());
    });
    let title_id = format!("{ids}-title");
    let labelled_by = title_id.clone();
    actions.load.start(());

    view! {
        <section node_ref=state.root class="zpf" data-testid="profile-form"
            lang=move || state.tr.language() dir=move || direction(state.tr.language())
            aria-labelledby=labelled_by
            aria-busy=move || state.phase.with(|p| *p == Phase::Loading).then_some("true")>
            <AccountBar title_id account=state.account.into()
                signed_in=Signal::derive(move || state.phase.with(|p| *p == Phase::Ready))
                picture=Picture::new(state)
                sign_out=actions.sign_out on_sign_out=Callback::new(move |()| actions.request_sign_out())
                owns_document=state.config.with_value(|c| c.owns_document)/>
            <NoticeBanner notice=state.notice.into() on_action/>
            {move || match state.phase.get() {
                Phase::Loading => EitherOf4::A(view! { <Skeleton/> }),
                Phase::SignedOut => EitherOf4::B(view! { <SignedOutPanel sign_in=actions.sign_in/> }),
                Phase::LoadFailed(problem) => EitherOf4::C(view! {
                    <LoadFailedPanel problem on_retry=Callback::new(move |()| actions.reload())/>
                }),
                Phase::Ready => EitherOf4::D({
                    let ids = ids.clone();
                    move || if conflicted.get() {
                    Either::Left(view! {
                        <ConflictView ids=ids.clone() model=state.model
                            on_settle=Callback::new(move |()| actions.settle())/>
                    })
                } else {
                    Either::Right(view! {
                        <Editor ids=ids.clone() model=state.model supported=supported.into()
                            saving=Signal::derive(move || actions.save.running())
                            on_submit=Callback::new(move |()| actions.submit())
                            on_reset=Callback::new(move |()| actions.reset())/>
                    })
                }}),
            }}
        </section>
    }
}

/// The standalone page: the document speaks the form's language too, so screen
/// readers pronounce the page title and the browser offers the right translation.
fn mirror_on_document(tr: Tr) {
    Effect::new(move || {
        let language = tr.language();
        if let Some(html) = crate::page::window()
            .document()
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", language);
            let _ = html.set_attribute("dir", direction(language));
        }
    });
}

/// The instance's languages for the picker, once discovery answers; ZITADEL's own
/// when it lists none or cannot be reached.
fn instance_languages(config: Config) -> RwSignal<Vec<String>> {
    let supported = RwSignal::new(Vec::new());
    leptos::task::spawn_local(async move {
        let languages = match discover(&config).await {
            Ok(d) if !d.ui_locales_supported.is_empty() => d.ui_locales_supported,
            _ => ZITADEL_LANGUAGES.map(String::from).to_vec(),
        };
        supported.try_set(languages);
    });
    supported
}
