//! The binary's global allocator: the system allocator with a per-thread cache of
//! freed small blocks in front of it.
//!
//! Coding a sentence makes and drops a hundred or so small strings and vectors (word
//! lists, mentions, an event's codes and texts); with glibc's malloc the allocation
//! calls were a fifth of the code stage's instructions. Here a freed block of up to
//! 1 KiB goes onto a list of its size class (16-byte steps), and the next request of
//! that class takes it back without a call into the C library. Each class keeps at most
//! 64 KiB of blocks per thread (4 MiB in all); larger blocks, over-aligned ones and any
//! block beyond that go to the system allocator as before.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

/// Size-class step, and the alignment every cached block has (what malloc gives).
const GRAIN: usize = 16;
/// Size classes: 16, 32, ... 1024 bytes.
const CLASSES: usize = 64;
/// The largest cached block.
const MAX_SMALL: usize = GRAIN * CLASSES;
/// Bytes of free blocks one class keeps per thread.
const CLASS_BYTES: usize = 64 * 1024;

/// How many free blocks each class keeps per thread.
const CAPS: [u32; CLASSES] = {
    let mut caps = [0; CLASSES];
    let mut c = 0;
    while c < CLASSES {
        caps[c] = (CLASS_BYTES / ((c + 1) * GRAIN)) as u32;
        c += 1;
    }
    caps
};

/// Free lists by class: a free block holds the pointer to the next one.
struct Bins {
    heads: [*mut u8; CLASSES],
    counts: [u32; CLASSES],
}

thread_local! {
    // (const-initialised and without a destructor: usable at any point of a thread's life)
    static BINS: UnsafeCell<Bins> =
        const { UnsafeCell::new(Bins { heads: [ptr::null_mut(); CLASSES], counts: [0; CLASSES] }) };
}

/// The class of a block of `size` bytes (1..=MAX_SMALL).
#[inline]
fn class(size: usize) -> usize {
    (size - 1) / GRAIN
}

/// Is a block of this layout one the cache takes?
#[inline]
fn small(size: usize, align: usize) -> bool {
    size != 0 && size <= MAX_SMALL && align <= GRAIN
}

/// The layout the system allocator sees for blocks of class `c`.
#[inline]
fn class_layout(c: usize) -> Layout {
    // (a multiple of GRAIN, a power of two: always valid)
    unsafe { Layout::from_size_align_unchecked((c + 1) * GRAIN, GRAIN) }
}

pub struct CachingAlloc;

unsafe impl GlobalAlloc for CachingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !small(layout.size(), layout.align()) {
            return System.alloc(layout);
        }
        let c = class(layout.size());
        let reused = BINS
            .try_with(|b| {
                let b = &mut *b.get();
                let head = b.heads[c];
                if !head.is_null() {
                    b.heads[c] = *(head as *mut *mut u8);
                    b.counts[c] -= 1;
                }
                head
            })
            .unwrap_or(ptr::null_mut());
        if !reused.is_null() {
            return reused;
        }
        System.alloc(class_layout(c))
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if !small(layout.size(), layout.align()) {
            return System.dealloc(p, layout);
        }
        let c = class(layout.size());
        let kept = BINS
            .try_with(|b| {
                let b = &mut *b.get();
                if b.counts[c] < CAPS[c] {
                    *(p as *mut *mut u8) = b.heads[c];
                    b.heads[c] = p;
                    b.counts[c] += 1;
                    true
                } else {
                    false
                }
            })
            .unwrap_or(false);
        if !kept {
            System.dealloc(p, class_layout(c));
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old_small = small(layout.size(), layout.align());
        let new_small = small(new_size, layout.align());
        if old_small && new_small && class(layout.size()) == class(new_size) {
            // the block already has room
            return p;
        }
        if !old_small && !new_small {
            return System.realloc(p, layout, new_size);
        }
        let q = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_small_block_is_handed_out_again_for_its_class() {
        let a = CachingAlloc;
        unsafe {
            let p = a.alloc(Layout::from_size_align(40, 8).unwrap());
            a.dealloc(p, Layout::from_size_align(40, 8).unwrap());
            // 33..=48 bytes share the class of 40
            let q = a.alloc(Layout::from_size_align(48, 8).unwrap());
            assert_eq!(p, q);
            a.dealloc(q, Layout::from_size_align(48, 8).unwrap());
        }
    }

    #[test]
    fn realloc_keeps_the_bytes_across_classes_and_sizes() {
        let a = CachingAlloc;
        unsafe {
            let mut layout = Layout::from_size_align(10, 1).unwrap();
            let mut p = a.alloc(layout);
            for i in 0..10 {
                *p.add(i) = i as u8;
            }
            // within the class, to another class, past the cached sizes and back
            for size in [14, 100, 5000, 20_000, 700, 10] {
                p = a.realloc(p, layout, size);
                layout = Layout::from_size_align(size, 1).unwrap();
                for i in 0..10 {
                    assert_eq!(*p.add(i), i as u8, "byte {i} after growing to {size}");
                }
            }
            a.dealloc(p, layout);
        }
    }

    #[test]
    fn over_aligned_blocks_keep_their_alignment() {
        let a = CachingAlloc;
        unsafe {
            let layout = Layout::from_size_align(64, 64).unwrap();
            let p = a.alloc(layout);
            assert_eq!(p as usize % 64, 0);
            a.dealloc(p, layout);
        }
    }
}
