//! The allocator: mimalloc, with two of its defaults changed before its first allocation.
//!
//! The coder allocates many small strings per event, which mimalloc serves about 1.2x
//! faster than glibc's malloc (`dyad bench code`). With its own defaults it keeps much more
//! memory resident (`dyad bench pipeline --pages 1000 --threads 1`: peak RSS 143 -> 201 MB,
//! extraction slower): it commits a whole arena when it reserves it and returns freed pages
//! to the system only a second later. Here arenas are committed as they are used and freed
//! pages go back after 100 ms, which keeps the peak below glibc's (139 against 143 MB).
//! (Committed at once, the arena is faulted in by huge pages and `dyad extract` of 300 pages takes
//! 1.8x the time; freed pages given back at once are faulted in again, and extraction takes
//! 4% more, 2% at 10 ms, none at 100 ms.) The commit setting is read when mimalloc reserves
//! its first arena, before `main` runs, so both are given by a constructor that runs ahead
//! of every other one. The environment (`MIMALLOC_ARENA_EAGER_COMMIT`,
//! `MIMALLOC_PURGE_DELAY`) still overrides them.

#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc, asked through its plain entry points for the alignments every block of its
/// has anyway. (`mimalloc::MiMalloc` asks `mi_malloc_aligned` for every layout: its fast
/// path tests the alignment of the next free block, and when the page of the size has no
/// free block it over-allocates by the alignment for any block size that is not a power of
/// two, most of the coder's strings and vectors.)
struct Mimalloc;

/// The alignment of every block mimalloc hands out: its blocks are whole words (its own
/// `mi_realloc_aligned` takes the plain path at or below this alignment).
const MIMALLOC_BLOCK_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: each layout is served by mimalloc, with the plain calls only for alignments that
// every mimalloc block has; mimalloc's free and realloc take blocks of either kind.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MIMALLOC_BLOCK_ALIGN {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

/// mimalloc's option numbers (the order of `mi_option_e` in its `mimalloc.h`, v3, which
/// the `libmimalloc-sys` crate vendors; it names no constant for these two).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Commit arena memory on demand (default 2: all of it at once on Linux) and purge freed
/// memory after 100 ms (default 1000 ms).
extern "C" fn set_allocator_defaults() {
    // SAFETY: mi_option_set_default writes one entry of mimalloc's option table and
    // allocates nothing; it runs once, before any other thread exists.
    unsafe {
        libmimalloc_sys::mi_option_set_default(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set_default(PURGE_DELAY, 100);
    }
}

/// Run [`set_allocator_defaults`] at load time, before mimalloc's own constructor (which
/// reads the options) and before Rust's runtime allocates: constructors with a priority
/// (`.init_array.NNNNN`, lowest first) run ahead of those without.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array.00101"]
static SET_ALLOCATOR_DEFAULTS: extern "C" fn() = set_allocator_defaults;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_asked_and_keep_their_bytes_when_grown() {
        use std::alloc::{GlobalAlloc, Layout};
        for align in [1, 2, 4, 8, 16, 64, 4096] {
            for size in [1, 3, 8, 24, 40, 100, 5000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layouts have a non-zero size; each block is written within
                // its size and freed once, with its own layout.
                unsafe {
                    let p = Mimalloc.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} {align}");
                    p.write_bytes(7, size);
                    let q = Mimalloc.realloc(p, layout, size * 3);
                    assert!(!q.is_null() && (q as usize).is_multiple_of(align), "{size} {align}");
                    assert!((0..size).all(|i| *q.add(i) == 7));
                    Mimalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = Mimalloc.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && (0..size).all(|i| *z.add(i) == 0));
                    Mimalloc.dealloc(z, layout);
                }
            }
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn allocator_options_are_set_before_main() {
        // (the test binary is built from this crate, so the constructor ran for it too;
        // without it mimalloc would report its defaults, 2 and 1000)
        let get = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            assert_eq!(get(ARENA_EAGER_COMMIT), 0);
        }
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(PURGE_DELAY), 100);
        }
    }
}
