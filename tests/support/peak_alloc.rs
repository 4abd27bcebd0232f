//! A global allocator that counts, per thread, the bytes live and the most
//! that were live at once, so a hostile-input test can prove that parsing
//! took memory in proportion to the bytes it was sent, never to what those
//! bytes claim (a declared length, an entity's expansion).
//!
//! Per thread, because tests run side by side: a `#[tokio::test]` runs on a
//! current-thread runtime, so the client, hyper's connection task and the
//! loopback server of one test all allocate on its thread. (Memory freed
//! on another thread than the one that took it makes a thread's count
//! lower, never higher, so a peak measured here is never overstated.)
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    /// Every byte ever allocated on this thread (frees not subtracted).
    static TAKEN: Cell<usize> = const { Cell::new(0) };
}

fn add(delta: isize) {
    if delta > 0 {
        let _ = TAKEN.try_with(|taken| taken.set(taken.get() + delta as usize));
    }
    // `try_with`: a thread being torn down has no counters left.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to `System` unchanged; the counters are
// thread-local cells, which neither allocate nor block.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Runs `f` and returns its result with the bytes it allocated on this
/// thread, frees not subtracted: unlike a peak, not lowered by memory of
/// another thread's that this one happens to free meanwhile.
pub async fn allocated_during<T>(f: impl std::future::Future<Output = T>) -> (T, usize) {
    let before = TAKEN.with(Cell::get);
    let out = f.await;
    (out, TAKEN.with(Cell::get) - before)
}

/// Runs `f` and returns its result with the most bytes that were live on
/// this thread at once during it, above what was live before.
pub async fn peak_during<T>(f: impl std::future::Future<Output = T>) -> (T, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(before));
    let out = f.await;
    let peak = PEAK.with(Cell::get);
    (out, (peak - before).max(0) as usize)
}
