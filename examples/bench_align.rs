//! `make bench`: how long aligning two versions of a draft takes (domain::align), for texts of
//! 100, 300 and 1,260 articles (the size of 民法典). The later version has what a second reading
//! brings: every tenth article reworded, every 25th deleted, an article inserted every 30, and a
//! block of five moved. Prints `name value unit` lines, each the median of 101 runs.

use minyi::domain::align::{align, Art, Change};
use std::time::Instant;

const PHRASES: [&str; 16] = [
    "有关部门应当依法履行监督管理职责",
    "街道办事处负责组织实施",
    "居民委员会予以协助",
    "保障老年人的合法权益",
    "建立健全服务质量评估制度",
    "所需经费列入本级财政预算",
    "鼓励社会力量参与",
    "不得擅自改变用途",
    "违反本条规定的由主管部门责令改正",
    "并处五千元以上二万元以下罚款",
    "信息应当向社会公开",
    "每年至少开展一次检查",
    "具体办法由区人民政府制定",
    "涉及个人信息的应当予以保密",
    "按照国家有关规定执行",
    "对作出显著成绩的单位和个人给予表彰",
];

/// A deterministic article text: a few phrases picked by a simple generator, with its number
/// in it so that no two articles are the same.
fn article(n: u64) -> String {
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut parts = vec![format!("第{n}项事务")];
    for _ in 0..4 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        parts.push(PHRASES[(x % PHRASES.len() as u64) as usize].to_string());
    }
    parts.join("，") + "。"
}

fn versions(n: usize) -> (Vec<Art>, Vec<Art>) {
    let old: Vec<String> = (0..n as u64).map(article).collect();
    let mut new: Vec<String> = Vec::new();
    for (i, t) in old.iter().enumerate() {
        if i % 25 == 24 {
            continue;
        }
        if i % 30 == 29 {
            new.push(format!("新增条文{i}，{}", PHRASES[i % PHRASES.len()]));
        }
        if i % 10 == 9 {
            new.push(t.replace("应当", "必须").replace("，", "；"));
        } else {
            new.push(t.clone());
        }
    }
    // A block of five moved from the middle to near the start.
    let block: Vec<String> = new.drain(n / 2..n / 2 + 5).collect();
    for (k, t) in block.into_iter().enumerate() {
        new.insert(3 + k, t);
    }
    let arts = |v: Vec<String>| {
        v.into_iter()
            .enumerate()
            .map(|(k, text)| Art {
                label: format!("第{}条", k + 1),
                text,
            })
            .collect::<Vec<_>>()
    };
    (arts(old), arts(new))
}

fn main() {
    for n in [100, 300, 1260] {
        let (old, new) = versions(n);
        let links = align(&old, &new);
        let count = |c: Change| links.iter().filter(|l| l.change == c).count();
        assert!(count(Change::Moved) >= 5, "the moved block is found");
        assert!(
            count(Change::Deleted) >= n / 25,
            "the deleted articles are found"
        );
        let mut times: Vec<f64> = (0..101)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(align(
                    std::hint::black_box(&old),
                    std::hint::black_box(&new),
                ));
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("align_{n}_articles_ms {:.2} ms", times[50]);
    }
}
