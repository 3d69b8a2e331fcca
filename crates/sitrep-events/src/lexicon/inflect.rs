//! Every inflection of a pattern word, generated forward from its base form so that the lexicon
//! is written once ("meet with") and matches "met with", "meets with", "meeting with".

/// Irregular verbs news uses: base, past, participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("meet", "met", "met"),
    ("hold", "held", "held"),
    ("strike", "struck", "struck"),
    ("fight", "fought", "fought"),
    ("seek", "sought", "sought"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("make", "made", "made"),
    ("send", "sent", "sent"),
    ("shoot", "shot", "shot"),
    ("lead", "led", "led"),
    ("bring", "brought", "brought"),
    ("buy", "bought", "bought"),
    ("build", "built", "built"),
    ("keep", "kept", "kept"),
    ("leave", "left", "left"),
    ("lose", "lost", "lost"),
    ("win", "won", "won"),
    ("begin", "began", "begun"),
    ("break", "broke", "broken"),
    ("drive", "drove", "driven"),
    ("flee", "fled", "fled"),
    ("freeze", "froze", "frozen"),
    ("hit", "hit", "hit"),
    ("beat", "beat", "beaten"),
    ("steal", "stole", "stolen"),
    ("tell", "told", "told"),
    ("sell", "sold", "sold"),
    ("withdraw", "withdrew", "withdrawn"),
    ("undertake", "undertook", "undertaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("throw", "threw", "thrown"),
    ("shut", "shut", "shut"),
    ("put", "put", "put"),
    ("set", "set", "set"),
    ("cut", "cut", "cut"),
    ("spend", "spent", "spent"),
    ("forbid", "forbade", "forbidden"),
    ("sink", "sank", "sunk"),
    ("blow", "blew", "blown"),
    ("fly", "flew", "flown"),
    ("go", "went", "gone"),
    ("come", "came", "come"),
    ("run", "ran", "run"),
    ("see", "saw", "seen"),
    ("stand", "stood", "stood"),
    ("write", "wrote", "written"),
    ("speak", "spoke", "spoken"),
    ("rise", "rose", "risen"),
    ("oversee", "oversaw", "overseen"),
    ("swear", "swore", "sworn"),
    ("get", "got", "gotten"),
    ("find", "found", "found"),
    ("hang", "hung", "hung"),
    ("lay", "laid", "laid"),
    ("pay", "paid", "paid"),
    ("feed", "fed", "fed"),
    ("bear", "bore", "borne"),
    ("tear", "tore", "torn"),
    ("bind", "bound", "bound"),
    ("slay", "slew", "slain"),
    ("stick", "stuck", "stuck"),
    ("dig", "dug", "dug"),
    ("mean", "meant", "meant"),
    ("deal", "dealt", "dealt"),
    ("hear", "heard", "heard"),
    ("do", "did", "done"),
    ("have", "had", "had"),
    ("say", "said", "said"),
    ("arise", "arose", "arisen"),
    ("forsake", "forsook", "forsaken"),
    ("shake", "shook", "shaken"),
    ("ride", "rode", "ridden"),
    ("hide", "hid", "hidden"),
    ("bid", "bid", "bid"),
    ("quit", "quit", "quit"),
    ("upset", "upset", "upset"),
    ("spread", "spread", "spread"),
    ("lend", "lent", "lent"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("uphold", "upheld", "upheld"),
    ("withhold", "withheld", "withheld"),
    ("overrun", "overran", "overrun"),
    ("retake", "retook", "retaken"),
    ("mistake", "mistook", "mistaken"),
    ("sit", "sat", "sat"),
    ("shed", "shed", "shed"),
    ("wage", "waged", "waged"),
    ("lie", "lay", "lain"),
    ("be", "was", "been"),
];

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The base form and its inflections as verb and as noun.
pub fn forms(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n < 2 || !base.chars().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(b, _, _)| *b == base) {
        push(past.to_string());
        push(part.to_string());
    }
    let last = chars[n - 1];
    // Third person and noun plurals.
    if base.ends_with('s') || base.ends_with('x') || base.ends_with("ch") || base.ends_with("sh") || base.ends_with('z') {
        push(format!("{base}es"));
    } else if last == 'y' && !vowel(chars[n - 2]) {
        push(format!("{}ies", &base[..n - 1]));
    } else {
        push(format!("{base}s"));
    }
    // Past and -ing.
    if last == 'e' {
        push(format!("{base}d"));
        if base.ends_with("ee") {
            push(format!("{base}ing"));
        } else {
            push(format!("{}ing", &base[..n - 1]));
        }
    } else if last == 'y' && !vowel(chars[n - 2]) {
        push(format!("{}ied", &base[..n - 1]));
        push(format!("{base}ing"));
    } else {
        push(format!("{base}ed"));
        push(format!("{base}ing"));
        // Doubled final consonant ("stop" -> "stopped", "ban" -> "banned", "target" stays regular).
        if n >= 3 && !vowel(last) && !matches!(last, 'w' | 'x' | 'y') && vowel(chars[n - 2]) && !vowel(chars[n - 3]) {
            push(format!("{base}{last}ed"));
            push(format!("{base}{last}ing"));
        }
    }
    // British and American spellings travel together.
    if let Some(stem) = base.strip_suffix("ise") {
        for f in forms(&format!("{stem}ize")) {
            push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn inflections() {
        let has = |base: &str, f: &str| forms(base).iter().any(|x| x == f);
        assert!(has("meet", "met") && has("meet", "meeting") && has("meet", "meets"));
        assert!(has("carry", "carried") && has("carry", "carries") && has("carry", "carrying"));
        assert!(has("release", "released") && has("release", "releasing"));
        assert!(has("airstrike", "airstrikes"));
        assert!(has("ban", "banned") && has("stop", "stopped"));
        assert!(has("criticise", "criticized") && has("criticise", "criticised"));
        assert!(has("flee", "fleeing") && has("flee", "fled"));
        assert!(has("watch", "watches"));
    }
}
