//! "Did you mean ...?": the nearest known name to a misspelt one.

/// The candidate whose name is closest to `name` (case-insensitive edit distance), if it is close
/// enough to be a typo: at most 2 edits, or a third of the name's length for long names. Names
/// longer than [`MAX_SUGGESTED_LEN`] characters get none: no field name is that long, and the edit
/// distance costs the product of both lengths.
pub fn nearest<T>(name: &str, candidates: impl Iterator<Item = (&'static str, T)>) -> Option<T> {
    if name.len() > MAX_SUGGESTED_LEN * 4 || name.chars().count() > MAX_SUGGESTED_LEN {
        return None;
    }
    let wanted = name.to_ascii_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .map(|(known, value)| (edit_distance(&wanted, &known.to_ascii_lowercase()), value))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, value)| value)
}

/// The longest name (in characters) that gets a "did you mean" suggestion.
pub const MAX_SUGGESTED_LEN: usize = 64;

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("cpno", "cpnno"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nearest_respects_the_limit() {
        let names = || [("cpnNo", 1), ("endYmd", 2)].into_iter();
        assert_eq!(nearest("cpNo", names()), Some(1));
        assert_eq!(nearest("ENDYMD", names()), Some(2));
        assert_eq!(nearest("banana", names()), None);
        // 64 characters still get one, 65 do not.
        let known = |n: usize| -> &'static str { Box::leak(format!("{}x", "a".repeat(n - 1)).into_boxed_str()) };
        let typo = |n: usize| format!("{}y", "a".repeat(n - 1));
        assert_eq!(nearest(&typo(64), [(known(64), 3)].into_iter()), Some(3));
        assert_eq!(nearest(&typo(65), [(known(65), 3)].into_iter()), None);
    }
}
