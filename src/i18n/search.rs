//! The texts of the search page and the search box in the header, one value per locale.

use crate::domain::search::{Kind, QueryProblem};

pub struct SearchTexts {
    /// The box in the header and on the page.
    pub label: &'static str,
    pub placeholder: &'static str,
    pub button: &'static str,
    pub title: &'static str,
    /// The page's title for a query.
    pub title_for: fn(&str) -> String,
    pub lead: &'static str,
    pub filter_label: &'static str,
    pub all: &'static str,
    /// A kind's name in the filters and on each result.
    pub kind: fn(Kind) -> &'static str,
    /// (how many, whether more than that): `约 1000+ 条` or `12 条`.
    pub count: fn(i64, bool) -> String,
    /// The results of all kinds but opinions: how many, for the words.
    pub found: fn(i64, bool, &str) -> String,
    pub none: fn(&str) -> String,
    pub none_hint: &'static str,
    pub opinions_heading: &'static str,
    pub opinions_lead: &'static str,
    pub opinions_all: fn(i64, bool) -> String,
    pub opinions_more: &'static str,
    pub opinions_first: &'static str,
    pub results_label: &'static str,
    pub problem: fn(QueryProblem) -> String,
}

pub static ZH_CN: SearchTexts = SearchTexts {
    label: "搜索全站",
    placeholder: "搜索报道、草案条文、意见……",
    button: "搜索",
    title: "搜索",
    title_for: |q| format!("搜索：{q}"),
    lead: "在案例报道、征求意见的草案及其条文、协商活动、人大代表和公开的居民意见中查找。两个字的词（如“养老”“停车”）也能找到；几个词用空格隔开，结果同时包含这些词。",
    filter_label: "按类别筛选",
    all: "全部",
    kind: |k| match k {
        Kind::Story => "报道",
        Kind::Solicitation => "征求意见",
        Kind::Article => "草案条文",
        Kind::Consultation => "协商活动",
        Kind::Deputy => "人大代表",
        Kind::Opinion => "公开的意见",
    },
    count: |n, more| if more { format!("{n}+") } else { n.to_string() },
    found: |n, more, q| {
        if more {
            format!("“{q}”的结果超过 {n} 条，按相关程度排列。")
        } else {
            format!("“{q}”共找到 {n} 条结果，按相关程度排列。")
        }
    },
    none: |q| format!("没有找到包含“{q}”的内容。"),
    none_hint: "可以换一个说法，少用几个词，或检查有没有错别字。",
    opinions_heading: "公开的居民意见",
    opinions_lead: "经审核、本人同意公开的意见，不含姓名和联系方式，最新的在前。",
    opinions_all: |n, more| {
        if more {
            format!("查看全部 {n} 条以上的意见")
        } else {
            format!("查看全部 {n} 条意见")
        }
    },
    opinions_more: "更早的意见",
    opinions_first: "回到最新的意见",
    results_label: "搜索结果",
    problem: |p| match p {
        QueryProblem::TooLong(n) => format!(
            "搜索词太长：最多 {} 个字，您输入了 {n} 个字。请删去一些再搜索。",
            crate::domain::search::MAX_QUERY_CHARS
        ),
        QueryProblem::NoWords => {
            "搜索词里没有可以查找的字：请输入至少一个汉字、字母或数字（标点和空格不参与查找）。".into()
        }
        QueryProblem::UnknownKind => "“类别”（kind）只能是：story（报道）、solicitation（征求意见）、article（草案条文）、consultation（协商活动）、deputy（人大代表）或 opinion（公开的意见）。".into(),
        QueryProblem::BadPage => format!(
            "“页码”（page）应是 1 到 {} 之间的整数。",
            crate::domain::search::MAX_PAGE
        ),
        QueryProblem::BadCursor => "“从哪条之后”（after）应是一条意见的编号（正整数）。".into(),
    },
};
