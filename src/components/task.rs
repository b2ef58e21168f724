//! Work a button starts, one run at a time, that stops when its form is removed.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

pub type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Work a button starts: at most one run at a time, and `running()` says when one is
/// under way, so the button that started it can stay disabled meanwhile. Plain
/// signals and `spawn_local` cost far fewer bytes than Leptos's `Action`.
pub struct Task<I: 'static> {
    running: RwSignal<bool>,
    work: StoredValue<Rc<dyn Fn(I) -> LocalBoxFuture<'static, ()>>, LocalStorage>,
}

impl<I: 'static> Clone for Task<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static> Copy for Task<I> {}

impl<I: 'static> Task<I> {
    pub fn new<F: Future<Output = ()> + 'static>(work: impl Fn(I) -> F + 'static) -> Self {
        let work: Rc<dyn Fn(I) -> LocalBoxFuture<'static, ()>> =
            Rc::new(move |input| Box::pin(work(input)));
        Self {
            running: RwSignal::new(false),
            work: StoredValue::new_local(work),
        }
    }

    /// Whether a run is under way (tracked).
    pub fn running(self) -> bool {
        self.running.get()
    }

    /// Whether a run is under way, without tracking.
    pub fn is_running(self) -> bool {
        self.running.get_untracked()
    }

    /// Starts a run with `input`, unless one is under way.
    pub fn start(self, input: I) {
        if self.is_running() {
            return;
        }
        let Some(run) = self.work.try_with_value(|work| work(input)) else {
            return; // unmounted
        };
        self.running.set(true);
        leptos::task::spawn_local(async move {
            WhileMounted {
                work: run,
                alive: self.running,
            }
            .await;
            self.running.try_set(false);
        });
    }
}

/// Runs `work` only while the form that started it is mounted: once `alive` is
/// disposed, the work stops at its next `await` instead of writing into a form that
/// is gone (a host may remount or remove the form while a request is under way).
struct WhileMounted {
    work: LocalBoxFuture<'static, ()>,
    alive: RwSignal<bool>,
}

impl Future for WhileMounted {
    type Output = ();

    fn poll(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        if self.alive.is_disposed() {
            return std::task::Poll::Ready(());
        }
        self.work.as_mut().poll(cx)
    }
}
