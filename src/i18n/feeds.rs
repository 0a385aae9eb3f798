//! The texts of the RSS feeds, one value per locale.

/// Titles and descriptions of the feeds.
pub struct FeedTexts {
    pub stories_title: &'static str,
    pub stories_description: &'static str,
    pub open_title: &'static str,
    pub open_description: &'static str,
    /// One open call: (its stage, who issued it, opens on, closes on).
    pub open_item: fn(&str, &str, &str, &str) -> String,
    /// The feed of one call: its title (the call's title), and its description.
    pub trail_title: fn(&str) -> String,
    pub trail_description: &'static str,
    pub trail_outcome: fn(&str) -> String,
    pub trail_closed: fn(&str) -> String,
    /// The opinions received.
    pub trail_closed_body: fn(i64) -> String,
    /// (the call's title, the version's label).
    pub trail_enacted: fn(&str, &str) -> String,
    /// (adopted on, promulgated on), `2027-01-10`.
    pub trail_enacted_body: fn(&str, &str) -> String,
    pub trail_version: fn(&str, &str) -> String,
    /// The articles it has.
    pub trail_version_body: fn(i64) -> String,
    /// Open data: the statistics file's columns, its total line, its name and its link.
    pub od_stats_head: [&'static str; 6],
    pub od_total: &'static str,
    pub od_stats_file: &'static str,
    pub od_stats_link: &'static str,
    /// The published opinions of a call: columns, file name (of the call's title) and link.
    pub od_opinions_head: [&'static str; 6],
    pub od_opinions_file: fn(&str) -> String,
    pub od_opinions_link: &'static str,
}

pub static ZH_CN: FeedTexts = FeedTexts {
    stories_title: "案例故事",
    stories_description: "居民的意见如何进入立法：基层立法联系点的案例故事。",
    open_title: "正在征求意见",
    open_description: "正在征求意见的法规草案、立法计划和立法后评估，截止早的在前。",
    open_item: |stage, issuer, from, to| format!("{stage} · {issuer} · 征集时间 {from} 至 {to}"),
    trail_title: |t| format!("{t} · 进展"),
    trail_description: "这次征求意见的进展：草案的各个版本、征集结束、通过的文本和征集结果。",
    trail_outcome: |t| format!("征集结果：{t}"),
    trail_closed: |t| format!("征集结束：{t}"),
    trail_closed_body: |n| format!("征集已结束，共收到 {n} 条意见。"),
    trail_enacted: |t, label| format!("{t}：{label}已通过"),
    trail_enacted_body: |adopted, promulgated| format!("{adopted} 通过，{promulgated} 公布。"),
    trail_version: |t, label| format!("{t}：发布{label}"),
    trail_version_body: |n| format!("共 {n} 条。"),
    od_stats_head: [
        "编号",
        "征集",
        "收到意见",
        "通过审核",
        "采纳（含部分采纳）",
        "采纳率（%）",
    ],
    od_total: "合计",
    od_stats_file: "民意直通车统计数据.csv",
    od_stats_link: "下载统计数据（CSV，开放数据）",
    od_opinions_head: ["收到日期", "草案版本", "针对", "身份", "意见", "建议"],
    od_opinions_file: |title| format!("{title}-公开的意见.csv"),
    od_opinions_link: "下载全部公开的意见（CSV，开放数据）",
};
