//! MinHash signatures over word 5-shingles, banded for lookup (LSH): two reprints of
//! one story share most shingles, so they share at least one band with high probability.

use xxhash_rust::xxh3::xxh3_64;

pub const HASHES: usize = 64;
pub const BANDS: usize = 16;
pub const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;

fn mix(mut z: u64) -> u64 {
    // splitmix64 finaliser: one base hash per shingle gives HASHES independent-looking ones
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a text (lower-cased words, punctuation ignored). None for a
/// text without words.
pub fn signature(text: &str) -> Option<[u64; HASHES]> {
    // the lower-cased words joined by single spaces, and where each word lies in
    // that line: a shingle is then one slice of it, hashed without building it
    let mut line = String::with_capacity(text.len());
    let mut words: Vec<(usize, usize)> = Vec::new();
    for_each_word(text, |w, ascii| {
        if !line.is_empty() {
            line.push(' ');
        }
        let start = line.len();
        if ascii {
            line.push_str(w);
            line[start..].make_ascii_lowercase();
        } else {
            line.push_str(&dyad_core::chars::to_lowercase(w));
        }
        words.push((start, line.len()));
    });
    if words.is_empty() {
        return None;
    }
    let k = SHINGLE.min(words.len());
    let bases: Vec<u64> = words.windows(k).map(|win| xxh3_64(&line.as_bytes()[win[0].0..win[k - 1].1])).collect();
    Some(min_hashes(&bases))
}

/// Calls `f` with each word of `text` (a maximal run of alphanumeric characters,
/// as `text.split(|c: char| !c.is_alphanumeric())` without the empty pieces) and
/// whether it is all ASCII. ASCII bytes are tested on the byte (for them
/// `char::is_alphanumeric` is `u8::is_ascii_alphanumeric`); only other characters
/// are decoded and looked up.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, next) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), i + 1)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            (is_alphanumeric(c), i + c.len_utf8())
        };
        match (alnum, start) {
            (true, None) => {
                start = Some(i);
                ascii = b.is_ascii();
            }
            (true, Some(_)) => ascii &= b.is_ascii(),
            (false, Some(s)) => {
                f(&text[s..i], ascii);
                start = None;
            }
            (false, None) => {}
        }
        i = next;
    }
    if let Some(s) = start {
        f(&text[s..], ascii);
    }
}

/// `char::is_alphanumeric` for a non-ASCII character, without the table search for
/// the blocks of letters ([`dyad_core::chars::is_letter_block`]). Tested against
/// `char::is_alphanumeric` for every character.
fn is_alphanumeric(c: char) -> bool {
    dyad_core::chars::is_letter_block(c) || c.is_alphanumeric()
}

/// What each slot's hash of a shingle is made from: the shingle's hash xor this.
const SALTS: [u64; HASHES] = {
    let mut salts = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        salts[i] = (i as u64).wrapping_mul(0x9e3779b97f4a7c15);
        i += 1;
    }
    salts
};

/// Per slot, the least `mix(base ^ salt)` over the shingles' hashes: eight slots at
/// a time with AVX-512 where the processor has it, four with AVX2, else
/// [`min_hashes_scalar`]. All give the same values.
fn min_hashes(bases: &[u64]) -> [u64; HASHES] {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
        // SAFETY: the processor supports AVX-512 F and DQ (checked just above)
        return unsafe { min_hashes_avx512(bases) };
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor supports AVX2 (checked just above)
        return unsafe { min_hashes_avx2(bases) };
    }
    min_hashes_scalar(bases)
}

/// [`min_hashes`] in plain 64-bit arithmetic, two shingles a pass over the slots:
/// `black_box` keeps the compiler from vectorising the loop, which for the baseline
/// x86-64 target (SSE2, no 64-bit vector multiply or unsigned compare) it does with
/// emulated multiplies and compares that took more than twice as long (and 30
/// instructions a slot and shingle where this takes about 19).
fn min_hashes_scalar(bases: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    let mut pairs = bases.chunks_exact(2);
    for pair in &mut pairs {
        let (a, b) = (pair[0], pair[1]);
        for (slot, &salt) in sig.iter_mut().zip(&SALTS) {
            let (x, y) = std::hint::black_box((a ^ salt, b ^ salt));
            *slot = (*slot).min(mix(x)).min(mix(y));
        }
    }
    for &a in pairs.remainder() {
        for (slot, &salt) in sig.iter_mut().zip(&SALTS) {
            *slot = (*slot).min(mix(std::hint::black_box(a ^ salt)));
        }
    }
    sig
}

/// [`min_hashes`] on four slots at a time (AVX2): AVX2 has no 64-bit multiply, so
/// each of `mix`'s two is made of three 32-bit ones (the low 64 bits of the product
/// are lo*lo + ((hi*lo + lo*hi) << 32)), and no unsigned compare, so the minima are
/// kept with their top bit flipped and compared signed. About 6 instructions a slot
/// and shingle against 19.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn min_hashes_avx2(bases: &[u64]) -> [u64; HASHES] {
    use std::arch::x86_64::*;
    const LANES: usize = 4;
    const VECTORS: usize = HASHES / LANES;
    let salts: [__m256i; VECTORS] =
        std::array::from_fn(|j| _mm256_loadu_si256(SALTS[j * LANES..].as_ptr() as *const __m256i));
    let sign = _mm256_set1_epi64x(i64::MIN);
    // low 64 bits of x * m, for a constant m given as its low and high 32-bit halves
    let mul = |x: __m256i, m_lo: __m256i, m_hi: __m256i| {
        let lo = _mm256_mul_epu32(x, m_lo);
        let cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64::<32>(x), m_lo), _mm256_mul_epu32(x, m_hi));
        _mm256_add_epi64(lo, _mm256_slli_epi64::<32>(cross))
    };
    let (m1, m2) = (0xbf58476d1ce4e5b9u64, 0x94d049bb133111ebu64);
    let (m1_lo, m1_hi) = (_mm256_set1_epi64x(m1 as i64), _mm256_set1_epi64x((m1 >> 32) as i64));
    let (m2_lo, m2_hi) = (_mm256_set1_epi64x(m2 as i64), _mm256_set1_epi64x((m2 >> 32) as i64));
    // u64::MAX with its top bit flipped
    let mut flipped = [_mm256_set1_epi64x(i64::MAX); VECTORS];
    for &base in bases {
        let b = _mm256_set1_epi64x(base as i64);
        for (slots, &salt) in flipped.iter_mut().zip(&salts) {
            let mut z = _mm256_xor_si256(b, salt);
            z = mul(_mm256_xor_si256(z, _mm256_srli_epi64::<30>(z)), m1_lo, m1_hi);
            z = mul(_mm256_xor_si256(z, _mm256_srli_epi64::<27>(z)), m2_lo, m2_hi);
            z = _mm256_xor_si256(_mm256_xor_si256(z, _mm256_srli_epi64::<31>(z)), sign);
            let smaller = _mm256_cmpgt_epi64(*slots, z);
            *slots = _mm256_blendv_epi8(*slots, z, smaller);
        }
    }
    let mut sig = [0u64; HASHES];
    for (j, v) in flipped.iter().enumerate() {
        _mm256_storeu_si256(sig[j * LANES..].as_mut_ptr() as *mut __m256i, _mm256_xor_si256(*v, sign));
    }
    sig
}

/// [`min_hashes`] on eight slots at a time (AVX-512 F and DQ): AVX-512 has the 64-bit
/// multiply (DQ) and unsigned minimum (F) that AVX2 lacks, so each step of `mix` is
/// one instruction: about 1.1 instructions a slot and shingle against AVX2's 6.
/// (Valgrind runs no AVX-512, and reports the processor without it: under Callgrind
/// the AVX2 path runs.)
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn min_hashes_avx512(bases: &[u64]) -> [u64; HASHES] {
    use std::arch::x86_64::*;
    const LANES: usize = 8;
    const VECTORS: usize = HASHES / LANES;
    let salts: [__m512i; VECTORS] =
        std::array::from_fn(|j| _mm512_loadu_si512(SALTS[j * LANES..].as_ptr() as *const __m512i));
    let m1 = _mm512_set1_epi64(0xbf58476d1ce4e5b9u64 as i64);
    let m2 = _mm512_set1_epi64(0x94d049bb133111ebu64 as i64);
    let mut mins = [_mm512_set1_epi64(-1); VECTORS];
    for &base in bases {
        let b = _mm512_set1_epi64(base as i64);
        for (slots, &salt) in mins.iter_mut().zip(&salts) {
            let mut z = _mm512_xor_si512(b, salt);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64::<30>(z)), m1);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64::<27>(z)), m2);
            z = _mm512_xor_si512(z, _mm512_srli_epi64::<31>(z));
            *slots = _mm512_min_epu64(*slots, z);
        }
    }
    let mut sig = [0u64; HASHES];
    for (j, v) in mins.iter().enumerate() {
        _mm512_storeu_si512(sig[j * LANES..].as_mut_ptr() as *mut __m512i, *v);
    }
    sig
}

/// The share of equal slots: an estimate of the Jaccard similarity of the shingle sets.
pub fn jaccard_estimate(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// One hash per band (ROWS slots each), stored as i64 for SQLite.
pub fn bands(sig: &[u64; HASHES]) -> Vec<i64> {
    sig.chunks(ROWS)
        .map(|c| {
            let mut bytes = Vec::with_capacity(ROWS * 8);
            for v in c {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
            xxh3_64(&bytes) as i64
        })
        .collect()
}

pub fn to_blob(sig: &[u64; HASHES]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_blob(b: &[u8]) -> Option<[u64; HASHES]> {
    if b.len() != HASHES * 8 {
        return None;
    }
    let mut sig = [0u64; HASHES];
    for (i, c) in b.chunks_exact(8).enumerate() {
        sig[i] = u64::from_le_bytes(c.try_into().ok()?);
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_score_high_and_different_low() {
        let a = "President Vladimir Putin met with his Syrian counterpart Bashar al-Assad in Moscow on \
                 Wednesday, the Kremlin said, as Turkey seeks to restore ties with Damascus after years \
                 of conflict. The two leaders discussed the situation in the region.";
        let b = a.replace("on Wednesday", "late Wednesday").replace("The two leaders", "Both leaders");
        let c = "Protesters gathered in Nairobi on Tuesday to demand lower taxes, and police fired tear gas.";
        let (sa, sb, sc) = (signature(a).unwrap(), signature(&b).unwrap(), signature(c).unwrap());
        assert!(jaccard_estimate(&sa, &sb) > 0.5, "{}", jaccard_estimate(&sa, &sb));
        assert!(jaccard_estimate(&sa, &sc) < 0.1);
        assert_eq!(from_blob(&to_blob(&sa)), Some(sa));
        assert!(signature("  ... ").is_none());
    }

    /// The signature as first defined: shingles built as strings. Stored signatures
    /// were made this way, so a faster build must give the same values.
    fn signature_by_strings(text: &str) -> Option<[u64; HASHES]> {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
        if words.is_empty() {
            return None;
        }
        let mut sig = [u64::MAX; HASHES];
        for win in words.windows(SHINGLE.min(words.len())) {
            let base = xxh3_64(win.join(" ").as_bytes());
            for (i, slot) in sig.iter_mut().enumerate() {
                *slot = (*slot).min(mix(base ^ (i as u64).wrapping_mul(0x9e3779b97f4a7c15)));
            }
        }
        Some(sig)
    }

    /// The shingle hashes of the example articles (and of parts of them, for
    /// every count modulo 2), through both ways of taking the minima.
    #[test]
    fn vector_and_scalar_minima_agree() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
        let mut texts = 0;
        for entry in std::fs::read_dir(dir).expect("examples/") {
            let path = entry.expect("entry").path();
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let bases: Vec<u64> =
                words.windows(SHINGLE.min(words.len()).max(1)).map(|w| xxh3_64(w.join(" ").as_bytes())).collect();
            for n in [0, 1, 2, 3, bases.len() / 2, bases.len()] {
                let part = &bases[..n.min(bases.len())];
                let scalar = min_hashes_scalar(part);
                assert_eq!(min_hashes(part), scalar, "{} ({n} shingles)", path.display());
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the processor supports AVX2 (checked just above)
                    assert_eq!(unsafe { min_hashes_avx2(part) }, scalar, "AVX2: {}", path.display());
                }
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
                    // SAFETY: the processor supports AVX-512 F and DQ (checked just above)
                    assert_eq!(unsafe { min_hashes_avx512(part) }, scalar, "AVX-512: {}", path.display());
                }
            }
            texts += 1;
        }
        assert!(texts > 0, "no example texts in {dir}");
    }

    /// The word scan gives the words (and their ASCII-ness) of splitting at every
    /// character that is not alphanumeric, on the example articles and on
    /// non-ASCII text (accents, Turkish dotted I, Greek, digits of other scripts).
    #[test]
    fn word_scan_matches_splitting_at_non_alphanumerics() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("examples/")
            .filter_map(|e| std::fs::read_to_string(e.expect("entry").path()).ok())
            .collect();
        assert!(!texts.is_empty(), "no example texts in {dir}");
        texts.extend(
            [
                "ÉMEUTES à Paris: la police a dispersé les manifestants, selon l'AFP.",
                "İstanbul'da Erdoğan ile görüştü; ΑΘΗΝΑ — Σήμερα το πρωί, 2024-07-25.",
                "١٢٣ صواريخ x²y ½ Ⅻ naïve—café\u{a0}ok\u{2009}end",
                "",
                "  ... ",
                "é",
                "a",
            ]
            .map(str::to_string),
        );
        for text in &texts {
            let mut got: Vec<(&str, bool)> = Vec::new();
            for_each_word(text, |w, ascii| got.push((w, ascii)));
            let want: Vec<(&str, bool)> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (w, w.is_ascii()))
                .collect();
            assert_eq!(got, want, "{}", &text[..text.len().min(80)]);
        }
    }

    #[test]
    fn alphanumeric_shortcut_agrees_with_the_tables() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn signature_matches_the_stored_definition() {
        for text in [
            "One two",
            "ÉMEUTES à Paris: la police a dispersé les manifestants, selon l'AFP.",
            "İstanbul'da Erdoğan ile görüştü; ΑΘΗΝΑ — Σήμερα το πρωί, 2024-07-25.",
            "The President met the PRIME MINISTER in Kyiv on Tuesday, officials said.",
            "",
        ] {
            assert_eq!(signature(text), signature_by_strings(text), "{text}");
        }
        // longer texts, with odd and even numbers of shingles
        let words =
            ["the", "talks", "in", "Geneva", "ended", "on", "Friday", "without", "a", "deal", "officials", "said"];
        for n in [6, 7, 40, 41, 300] {
            let text: Vec<&str> = (0..n).map(|i| words[(i * 7 + i / 12) % words.len()]).collect();
            let text = text.join(" ");
            assert_eq!(signature(&text), signature_by_strings(&text), "{text}");
        }
    }
}
