//! `make bench`: how long the statute parser takes on a 200-article draft (ten chapters of two
//! sections each, with items, inserted articles, a 目录 and hard line breaks). Prints
//! `name value unit` lines; the figure is the median of 101 runs.

use minyi::domain::statute;
use std::time::Instant;

fn draft() -> String {
    let mut text = String::from("示范条例（草案）\n（2026年11月1日常务会议讨论通过）\n目　　录\n");
    for c in 1..=10 {
        text += &format!(
            "第{}章　第{}部分规定\n",
            statute::chinese_numeral(c),
            statute::chinese_numeral(c)
        );
    }
    let mut article = 0;
    for c in 1..=10 {
        text += &format!(
            "第{}章　第{}部分规定\n",
            statute::chinese_numeral(c),
            statute::chinese_numeral(c)
        );
        for s in 1..=2 {
            text += &format!("第{}节　具体事项\n", statute::chinese_numeral(s));
            for _ in 0..10 {
                article += 1;
                text += &format!(
                    "第{}条　有关部门应当依照本条例的规定履行职责，\n做好相关工作，保障居民的合法权益。\n",
                    statute::chinese_numeral(article)
                );
                if article % 5 == 0 {
                    text += "有下列情形之一的，应当及时处理：\n（一）情形一；\n（二）情形二；\n（三）情形三。\n";
                }
                if article % 40 == 0 {
                    text += &format!(
                        "第{}条之一　新增的条文内容。\n",
                        statute::chinese_numeral(article)
                    );
                }
            }
        }
    }
    text += "附件：名词解释\n";
    text
}

fn main() {
    let text = draft();
    let parsed = statute::parse(&text);
    let articles = parsed.articles().len();
    assert!(
        articles >= 200,
        "the benchmark draft has {articles} articles"
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let mut times: Vec<f64> = (0..101)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(statute::parse(std::hint::black_box(&text)));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("draft_parse_articles {articles} articles");
    println!("draft_parse_text_bytes {} B", text.len());
    println!("draft_parse_200_articles_ms {:.3} ms", times[50]);
}
