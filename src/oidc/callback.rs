//! Whose callback is this page load? A query with a `state` beside a `code` or an
//! `error` may be ZITADEL's answer to a sign-in this form started, to one another
//! form of this tab started, or to nobody's: a stale or copied link, a forged one,
//! or the host's own parameters that happen to share the names. Only the `state`
//! decides, never the parameter names: a form takes a callback when a sign-in it
//! started waits for that state, and leaves everything else where it is.

use super::protocol::{parse_callback, Callback};
use super::types::State;

/// The length of the states this widget draws: 32 random bytes, base64url.
pub const STATE_LEN: usize = 43;

/// Who a page load's query answers.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim<P> {
    /// The query holds no callback (no `state`, or neither `code` nor `error`).
    None,
    /// A sign-in of this form waited for it; `P` is that sign-in, now taken.
    Mine(Callback, P),
    /// A sign-in of another form of this tab waits for it: that form finishes it.
    Another,
    /// No sign-in of this tab waits for it. `widget_shaped` when its `state` is one
    /// this widget could have drawn, so it is most likely a callback gone stale (or
    /// opened in another tab): its parameters leave the address. Otherwise they may
    /// be the host's own, and stay.
    Stray { widget_shaped: bool },
}

/// Decides whose callback `query` (without `?`) is. `take_mine` takes this form's
/// sign-in waiting for a state, if any (only that one is used up); `awaited_elsewhere`
/// says whether another form's does.
pub fn claim<P>(
    query: &str,
    take_mine: impl FnOnce(&State) -> Option<P>,
    awaited_elsewhere: impl FnOnce(&State) -> bool,
) -> Claim<P> {
    let Some(callback) = parse_callback(query) else {
        return Claim::None;
    };
    let Some(state) = callback.state().cloned() else {
        return Claim::None;
    };
    if let Some(pending) = take_mine(&state) {
        return Claim::Mine(callback, pending);
    }
    if awaited_elsewhere(&state) {
        return Claim::Another;
    }
    Claim::Stray {
        widget_shaped: is_widget_shaped(state.as_str()),
    }
}

/// Whether `state` looks like one this widget draws: [`STATE_LEN`] base64url characters.
pub fn is_widget_shaped(state: &str) -> bool {
    state.len() == STATE_LEN
        && state
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    fn claimed(query: &str, mine: &str, elsewhere: &str) -> Claim<()> {
        claim(
            query,
            |s| (s.as_str() == mine).then_some(()),
            |s| s.as_str() == elsewhere,
        )
    }

    /// S6: only the state decides, never the parameter names.
    #[test]
    fn s6_a_callback_is_a_forms_only_when_its_state_is_awaited() {
        assert_eq!(OURS.len(), STATE_LEN);
        let query = format!("code=c&state={OURS}");
        assert!(matches!(
            claimed(&query, OURS, ""),
            Claim::Mine(Callback::Code { .. }, ())
        ));
        assert_eq!(claimed(&query, "", OURS), Claim::Another);
        assert_eq!(
            claimed(&query, "", ""),
            Claim::Stray {
                widget_shaped: true
            }
        );
        let error = format!("error=access_denied&state={OURS}");
        assert!(matches!(
            claimed(&error, OURS, ""),
            Claim::Mine(Callback::Error { .. }, ())
        ));
        // A host's own parameters of the same names: nobody's, and not the widget's shape.
        for host in ["code=94105&state=CA", "state=forged&code=abc"] {
            assert_eq!(
                claimed(host, "", ""),
                Claim::Stray {
                    widget_shaped: false
                },
                "{host}"
            );
        }
        // No callback at all.
        for plain in ["", "state=CA", "code=94105", "tab=profile", "state=&code=x"] {
            assert_eq!(claimed(plain, "CA", "CA"), Claim::None, "{plain}");
        }
    }

    #[test]
    fn the_widgets_states_have_one_shape() {
        assert!(is_widget_shaped(OURS));
        for other in [
            "",
            "CA",
            &OURS[1..],
            &format!("{OURS}A"),
            &OURS.replace('A', "+"),
            &OURS.replace('A', "="),
        ] {
            assert!(!is_widget_shaped(other), "{other}");
        }
    }
}
