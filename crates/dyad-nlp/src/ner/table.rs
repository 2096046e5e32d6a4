//! A small open-addressing hash table from 32-bit keys (already hashes) to copy
//! values: one probe sequence over two flat arrays, no allocation on lookup.

#[derive(Default)]
pub(crate) struct U32Map<V> {
    keys: Vec<u32>,
    vals: Vec<V>,
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
        U32Map { keys: vec![0; size], vals: vec![V::default(); size], mask: size - 1, len: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn insert(&mut self, key: u32, val: V) {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let k = norm(key);
        let mut i = slot(k) & self.mask;
        loop {
            if self.keys[i] == 0 {
                self.keys[i] = k;
                self.vals[i] = val;
                self.len += 1;
                return;
            }
            if self.keys[i] == k {
                self.vals[i] = val;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<V> {
        if self.keys.is_empty() {
            return None;
        }
        let k = norm(key);
        let mut i = slot(k) & self.mask;
        loop {
            let here = self.keys[i];
            if here == k {
                return Some(self.vals[i]);
            }
            if here == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Every (key, value), in slot order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, V)> + '_ {
        self.keys.iter().zip(&self.vals).filter(|(k, _)| **k != 0).map(|(k, v)| (*k, *v))
    }

    fn grow(&mut self) {
        let old_keys = std::mem::take(&mut self.keys);
        let old_vals = std::mem::take(&mut self.vals);
        *self = U32Map::with_capacity(old_keys.len().max(4));
        for (k, v) in old_keys.into_iter().zip(old_vals) {
            if k != 0 {
                self.insert(k, v);
            }
        }
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
        m.insert(7, 1);
        m.insert(7, 2);
        assert_eq!(m.get(7), Some(2));
    }
}
