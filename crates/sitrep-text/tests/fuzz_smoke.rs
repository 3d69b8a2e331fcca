//! A stable stand-in for `fuzz/` (cargo-fuzz needs nightly): the same two bodies over ~3,000
//! generated inputs — random bytes, HTML-ish fragments, deep nesting up to 300 levels and
//! date-like strings — from a fixed-seed xorshift generator, so a failure reproduces.

use sitrep_text::fuzzing;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&str] = &[
    "<html>",
    "<body>",
    "</body>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span class=x>",
    "</span>",
    "<br>",
    "<br/>",
    "<img src=a.png/>",
    "<script>var a='<p>';</script>",
    "<style>p{}</style>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<a href=\"/x\">",
    "</a>",
    "<h1>",
    "</h1>",
    "<article>",
    "</article>",
    "<meta property=\"article:published_time\" content=\"2024-03-14\">",
    "<title>T</title>",
    "&amp;",
    "&nbsp;",
    "&#233;",
    "&#xFFFFFF;",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "\n",
    "\r\n",
    " ",
    "\t",
    "é",
    "€",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "Mr. ",
    "U.S.",
    "Lt. Gen. Malik met President Rahmon. ",
    "\"We will fight,\" he said. ",
    "… ",
    "3.5 percent. ",
    "No. 3 ",
    "?! ",
    "Officials said on Monday that 12 people were killed in the attack. ",
    "<ul><li>one<li>two</ul>",
    "<table><tr><td>x</td></tr></table>",
    "<script type=\"application/ld+json\">{\"datePublished\":\"2024-01-05\"}</script>",
    "<p>The army withdrew. Residents returned.</p>",
];

const DATES: &[&str] = &[
    "January 5, 2025",
    "5th January 2025",
    "Jan. 5",
    "2024-02-29",
    "2023-02-29",
    "1990s",
    "in 2021",
    "from 1996 to 2001",
    "last year",
    "yesterday",
    "on Monday",
    "this January",
    "March 2024",
    "May 24",
    "31 February 2024",
    "0000-00-00",
    "9999-12-31",
    "12/31/2024",
    "the 19th century",
    "next week",
    "two days ago",
    "Sunday",
    "Sept. 11, 2001",
    "99999999999999999999",
    "may",
    "1st",
    "2024-",
];

fn input(rng: &mut XorShift) -> Vec<u8> {
    match rng.below(10) {
        0 | 1 => (0..rng.below(400)).map(|_| rng.next() as u8).collect(),
        2 => {
            // Deep nesting, sometimes unbalanced.
            let depth = 1 + rng.below(300);
            let tag = rng.pick(&["div", "span", "b", "section", "p", "table", "ul"]);
            let mut s = format!("<html><body>{}", format!("<{tag}>").repeat(depth));
            s.push_str("Lt. Gen. Malik met President Rahmon on January 5, 2025 in Dushanbe. The talks went on.");
            s.push_str(&format!("</{tag}>").repeat(rng.below(depth + 1)));
            s.into_bytes()
        }
        3 | 4 => {
            let mut s = String::new();
            for _ in 0..rng.below(30) {
                s.push_str(rng.pick(DATES));
                s.push_str(rng.pick(&[" ", ", ", ". ", "\n", "-", "/", ""]));
            }
            s.into_bytes()
        }
        _ => {
            let mut s = String::new();
            for _ in 0..rng.below(60) {
                match rng.below(5) {
                    0 => s.push_str(rng.pick(DATES)),
                    1 => s.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x')),
                    _ => s.push_str(rng.pick(FRAGMENTS)),
                }
            }
            let mut bytes = s.into_bytes();
            if !bytes.is_empty() && rng.below(4) == 0 {
                // Cut anywhere, even inside a character.
                let cut = rng.below(bytes.len());
                bytes.truncate(cut);
            }
            bytes
        }
    }
}

#[test]
fn fuzz_bodies_survive_generated_inputs() {
    let run = || {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for i in 0..3000 {
            let data = input(&mut rng);
            let r = std::panic::catch_unwind(|| {
                fuzzing::html(&data);
                fuzzing::dates(&data);
            });
            assert!(r.is_ok(), "input {i} failed: {:?}", String::from_utf8_lossy(&data));
        }
    };
    std::thread::Builder::new().stack_size(64 << 20).spawn(run).unwrap().join().expect("no panic");
}
