//! The texts of the RSS feeds, one value per locale.

/// Titles and descriptions of the feeds.
pub struct FeedTexts {
    pub stories_title: &'static str,
    pub stories_description: &'static str,
    pub open_title: &'static str,
    pub open_description: &'static str,
    /// One open call: (its stage, who issued it, opens on, closes on).
    pub open_item: fn(&str, &str, &str, &str) -> String,
}

pub static ZH_CN: FeedTexts = FeedTexts {
    stories_title: "案例故事",
    stories_description: "居民的意见如何进入立法：基层立法联系点的案例故事。",
    open_title: "正在征求意见",
    open_description: "正在征求意见的法规草案、立法计划和立法后评估，截止早的在前。",
    open_item: |stage, issuer, from, to| format!("{stage} · {issuer} · 征集时间 {from} 至 {to}"),
};
