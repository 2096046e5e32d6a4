//! A small open-addressing hash table from 32-bit keys (already hashes) to copy
//! values: one probe sequence over one flat array of (key, value) slots, so a hit
//! costs one cache miss; no allocation on lookup. Also [`IdHasher`], for std maps
//! keyed by such hashes.

use std::hash::Hasher;

#[derive(Default)]
pub(crate) struct U32Map<V> {
    slots: Vec<(u32, V)>,
    mask: usize,
    len: usize,
}

/// Key 0 marks an empty slot, so a real key 0 is stored as 1 (a harmless merge).
#[inline]
fn norm(k: u32) -> u32 {
    if k == 0 {
        1
    } else {
        k
    }
}

#[inline]
fn slot(k: u32) -> usize {
    (k.wrapping_mul(0x9e37_79b1) ^ (k >> 15)) as usize
}

impl<V: Copy + Default> U32Map<V> {
    pub(crate) fn with_capacity(n: usize) -> U32Map<V> {
        let size = (n.max(4) * 2).next_power_of_two();
        U32Map { slots: vec![(0, V::default()); size], mask: size - 1, len: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn insert(&mut self, key: u32, val: V) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let k = norm(key);
        let mut i = slot(k) & self.mask;
        loop {
            if self.slots[i].0 == 0 {
                self.slots[i] = (k, val);
                self.len += 1;
                return;
            }
            if self.slots[i].0 == k {
                self.slots[i].1 = val;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<V> {
        self.get_probed(self.probe(key))
    }

    /// The key as stored and the slot where its probe starts: what
    /// [`U32Map::prefetch_probe`] and [`U32Map::get_probed`] share, so a key fetched
    /// ahead of its lookup is hashed once.
    #[inline]
    pub(crate) fn probe(&self, key: u32) -> (u32, u32) {
        let k = norm(key);
        (k, (slot(k) & self.mask) as u32)
    }

    /// Ask the CPU to fetch the slot where a key (given by its [`U32Map::probe`])
    /// starts its probe, so that a later [`U32Map::get_probed`] of a table larger
    /// than the caches does not wait on memory; a hint only (no effect on other
    /// targets).
    #[inline]
    pub(crate) fn prefetch_probe(&self, (_, at): (u32, u32)) {
        if !self.slots.is_empty() {
            // `at` is masked, so within the slots (no bounds check: a hint needs none)
            prefetch(self.slots.as_ptr().wrapping_add(at as usize));
        }
    }

    /// [`U32Map::get`] of a key given by its [`U32Map::probe`].
    #[inline]
    pub(crate) fn get_probed(&self, (k, at): (u32, u32)) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = at as usize & self.mask;
        loop {
            let (here, v) = self.slots[i];
            if here == k {
                return Some(v);
            }
            if here == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Every (key, value), in slot order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, V)> + '_ {
        self.slots.iter().filter(|(k, _)| *k != 0).copied()
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        *self = U32Map::with_capacity(old.len().max(4));
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }
}

/// Ask the CPU to fetch the cache line holding `p` (a hint only: nothing is read,
/// any address will do; no effect on targets other than x86-64).
#[inline]
pub(crate) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching reads nothing and cannot fault, whatever the address
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The feature hashes are already well mixed: hash them as themselves.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_grows_and_finds() {
        let mut m: U32Map<u32> = U32Map::default();
        assert_eq!(m.get(5), None);
        for k in 0..1000u32 {
            m.insert(k.wrapping_mul(2_654_435_761), k);
        }
        assert_eq!(m.len(), 1000);
        for k in 1..1000u32 {
            assert_eq!(m.get(k.wrapping_mul(2_654_435_761)), Some(k));
        }
        assert_eq!(m.get(12345), None);
        for k in [0u32, 1, 7, 12345, 999u32.wrapping_mul(2_654_435_761)] {
            m.prefetch_probe(m.probe(k));
            assert_eq!(m.get_probed(m.probe(k)), m.get(k), "{k}");
        }
        assert_eq!(U32Map::<u32>::default().get_probed(U32Map::<u32>::default().probe(5)), None);
        m.insert(7, 1);
        m.insert(7, 2);
        assert_eq!(m.get(7), Some(2));
    }
}
